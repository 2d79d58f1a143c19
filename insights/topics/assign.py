"""Apply a fitted (or saved and loaded) model to posts so topic ids keep their meaning."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .config import TopicConfig
from .fit import TopicResult, describe


def topic_centroids(model) -> dict[int, np.ndarray]:
    """Topic id -> centroid embedding (the outlier group excluded)."""
    vectors = np.asarray(model.topic_embeddings_)
    ids = sorted(t for t in model.get_topics() if t != -1)
    return {t: vectors[t + model._outliers] for t in ids}


def assign(model, embeddings: np.ndarray, min_similarity: float) -> tuple[np.ndarray, np.ndarray]:
    """Nearest topic centroid by cosine; -1 when the best similarity is below min_similarity.

    The same rule whether the model was just fitted or loaded from disk, so a saved model
    gives the same assignments as the one that was saved.
    """
    cents = topic_centroids(model)
    if not cents or len(embeddings) == 0:
        return np.full(len(embeddings), -1, dtype=int), np.full(len(embeddings), np.nan, dtype=np.float32)
    ids = np.asarray(list(cents))
    matrix = np.stack(list(cents.values()))
    matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    sims = embeddings @ matrix.T
    best = sims.argmax(axis=1)
    score = sims[np.arange(len(embeddings)), best].astype(np.float32)
    topic = np.where(score >= min_similarity, ids[best], -1).astype(int)
    return topic, score


def apply_model(model, texts: Sequence[str], embeddings: np.ndarray, config: TopicConfig = TopicConfig()) -> TopicResult:
    """Assign posts to a saved model's topics; labels and terms are the model's, sizes and
    representative posts are this corpus's."""
    if len(texts) == 0:
        return TopicResult("skipped_too_small", "no posts to assign to the saved topic model")
    topic, score = assign(model, embeddings, config.assign_min_similarity)
    topics = describe(model, topic, embeddings, texts, config)
    assignments = pd.DataFrame({"doc_index": np.arange(len(texts)), "topic_id": topic, "probability": score})
    outliers = int((topic == -1).sum())
    n_topics = len(topic_centroids(model))
    return TopicResult("ok", f"{len(texts)} posts assigned to the saved model's {n_topics} topics, {outliers} outlier posts", topics, assignments, model=model, details={"outliers": outliers})
