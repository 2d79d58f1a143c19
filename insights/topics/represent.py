"""What an analyst reads: a short label, refined terms and representative posts."""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np


def short_label(terms: Sequence[str], n: int = 3) -> str:
    """Up to n terms, skipping a term whose words are all already in the label."""
    picked: list[str] = []
    seen: set[str] = set()
    for term in terms:
        words = set(term.split())
        if words <= seen:
            continue
        picked.append(term)
        seen |= words
        if len(picked) == n:
            break
    return ", ".join(picked) if picked else "(no terms)"


def representatives(
    embeddings: np.ndarray,
    members: np.ndarray,
    k: int = 3,
    texts: Optional[Sequence[str]] = None,
    pool: int = 20,
    diversity: float = 0.4,
) -> list[int]:
    """k members picked by maximal marginal relevance among the `pool` closest to the centroid.

    The first is the member closest to the centroid; each next one maximises
    (1 - diversity) * similarity to the centroid - diversity * max similarity to those picked,
    so the quotes are typical of the topic without saying the same thing. Exact duplicate
    texts are never picked twice. Embeddings are L2-normalised.
    """
    members = np.asarray(members)
    if len(members) == 0:
        return []
    vectors = embeddings[members]
    centroid = vectors.mean(axis=0)
    norm = np.linalg.norm(centroid)
    centroid = centroid / norm if norm else centroid
    relevance = vectors @ centroid
    order = np.argsort(-relevance, kind="stable")[:pool]
    picked: list[int] = []
    seen_texts: set[str] = set()
    candidates = list(order)
    while candidates and len(picked) < k:
        if picked:
            redundancy = (vectors[candidates] @ vectors[picked].T).max(axis=1)
        else:
            redundancy = np.zeros(len(candidates))
        scores = (1 - diversity) * relevance[candidates] - diversity * redundancy
        best = candidates[int(np.argmax(scores))]
        candidates.remove(best)
        if texts is not None:
            key = (texts[members[best]] or "").strip().lower()
            if key in seen_texts:
                continue
            seen_texts.add(key)
        picked.append(int(best))
    return [int(members[i]) for i in picked]
