"""Adapter so BERTopic's representation models can embed words with our own encoder."""
from __future__ import annotations

from typing import Sequence

import numpy as np
from bertopic.backend import BaseEmbedder

from .config import EmbedFn


class FunctionEmbedder(BaseEmbedder):
    """Wraps ``embed(texts) -> (n, d) array`` (e.g. ``insights.embeddings.embed``).

    Remembers what it embedded (KeyBERTInspired and MMR ask for the same candidate words
    again, topic after topic), so each distinct string is encoded once per model.
    """

    def __init__(self, embed_fn: EmbedFn):
        super().__init__()
        self.embed_fn = embed_fn
        self._memo: dict[str, np.ndarray] = {}

    def embed(self, documents, verbose: bool = False) -> np.ndarray:
        documents = list(documents)
        missing = list(dict.fromkeys(d for d in documents if d not in self._memo))
        if missing:
            vectors = np.asarray(self.embed_fn(missing), dtype=np.float32)
            self._memo.update(zip(missing, vectors))
        if not documents:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._memo[d] for d in documents])

    def remember(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Texts already embedded (the corpus): representative documents are not re-encoded."""
        self._memo.update(zip(texts, np.asarray(vectors, dtype=np.float32)))

    def forget(self) -> None:
        self._memo.clear()
