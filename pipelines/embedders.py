"""Embedding backends by name, with what they need stored outside the published folder.

``minilm``: the packaged all-MiniLM-L6-v2 (CUDA when available). ``static``: token vectors
distilled from it (insights.static_embeddings), built once into
``<cache_dir>/static/<hash of identity>/vectors.npy`` (``patient-insights build-fast-embedder``,
or lazily on first use) and loaded from there afterwards.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

from pipelines.embedding_cache import DEFAULT_CACHE_DIR

BACKENDS = ("minilm", "static")


def _static_path(cache_dir: Path) -> Path:
    from insights.static_embeddings import static_identity

    return Path(cache_dir) / "static" / hashlib.sha256(static_identity().encode()).hexdigest()[:16] / "vectors.npy"


def build_fast_embedder(cache_dir: Optional[Path] = None, force: bool = False) -> Path:
    from insights.static_embeddings import distill

    path = _static_path(Path(cache_dir or DEFAULT_CACHE_DIR))
    if path.exists() and not force:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    vectors = distill()
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, vectors)
    os.replace(tmp, path)
    return path


@lru_cache(maxsize=2)
def _static_encoder(path: str):
    from insights.static_embeddings import StaticEncoder

    return StaticEncoder(np.load(path))


def get_backend(name: str = "minilm", cache_dir: Optional[Path] = None) -> tuple[str, Callable[[Sequence[str]], np.ndarray]]:
    if name == "minilm":
        from insights.embeddings import embed, model_identity

        return model_identity(), embed
    if name == "static":
        from insights.static_embeddings import static_identity

        return static_identity(), _static_encoder(str(build_fast_embedder(cache_dir)))
    raise ValueError(f"unknown embedding backend {name!r}; one of {', '.join(BACKENDS)}")
