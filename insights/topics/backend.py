"""Adapter so BERTopic's representation models can embed words with our own encoder."""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from bertopic.backend import BaseEmbedder

EmbedFn = Callable[[Sequence[str]], np.ndarray]


class FunctionEmbedder(BaseEmbedder):
    """Wraps ``embed(texts) -> (n, d) array`` (e.g. ``insights.embeddings.embed``)."""

    def __init__(self, embed_fn: EmbedFn):
        super().__init__()
        self.embed_fn = embed_fn

    def embed(self, documents, verbose: bool = False) -> np.ndarray:
        return np.asarray(self.embed_fn(list(documents)), dtype=np.float32)
