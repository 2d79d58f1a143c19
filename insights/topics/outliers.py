"""Outlier reduction: HDBSCAN noise goes to the nearest topic when it is similar enough.

Strategy ("embeddings", BERTopic's ``reduce_outliers``): a post left as noise is assigned the
topic whose centroid embedding is most cosine-similar, if that similarity is at least the
threshold. The threshold starts at ``TopicConfig.outlier_threshold`` and is lowered to the
similarity quantile that leaves at most ``max_outlier_share`` of all posts unassigned, so the
cap always holds while genuinely unrelated posts beyond the cap stay outliers.
"""
from __future__ import annotations

import numpy as np


def effective_threshold(best_similarity: np.ndarray, n_docs: int, threshold: float, max_share: float) -> float:
    """The largest threshold <= `threshold` that leaves at most max_share * n_docs outliers."""
    allowed = int(np.floor(max_share * n_docs))
    if len(best_similarity) <= allowed:
        return float(threshold)
    ordered = np.sort(best_similarity)[::-1]  # most similar first; the first len-allowed must be reassigned
    must_take = len(ordered) - allowed
    return float(min(threshold, ordered[must_take - 1]))


def reduce_outliers(model, docs: list[str], topics: np.ndarray, embeddings: np.ndarray, threshold: float, max_share: float) -> tuple[np.ndarray, float]:
    topics = np.asarray(topics)
    outlier_ids = np.flatnonzero(topics == -1)
    if len(outlier_ids) == 0 or not model._outliers:
        return topics, float(threshold)
    centroids = np.asarray(model.topic_embeddings_)[model._outliers:]
    sims = _cosine(embeddings[outlier_ids], centroids).max(axis=1)
    used = effective_threshold(sims, len(topics), threshold, max_share)
    new = model.reduce_outliers(docs, topics.tolist(), strategy="embeddings", embeddings=embeddings, threshold=used - 1e-9)
    return np.asarray(new, dtype=int), used


def _cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-12)
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    return a @ b.T
