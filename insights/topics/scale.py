"""Beyond one fit's memory: fit on a random sample, assign the rest in chunks.

The sample (``sample_size`` posts, drawn with the config's seed) is fitted as usual; every other
post is assigned to its nearest topic centroid (``assign``), ``chunk_size`` posts at a time, so
memory for the rest grows with the chunk, not the corpus. Topic sizes and representatives are then
computed over all posts.
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
import pandas as pd

from .assign import assign
from .config import EmbedFn, TopicConfig
from .fit import TopicResult, describe, fit_topics


def fit_topics_sampled(texts: Sequence[str], embeddings: np.ndarray, config: TopicConfig, sample_size: int,
                       embed_fn: Optional[EmbedFn] = None, chunk_size: int = 20_000) -> TopicResult:
    n = len(texts)
    if n <= sample_size:
        return fit_topics(texts, embeddings, config, embed_fn)
    rng = np.random.default_rng(config.seed)
    sample = np.sort(rng.choice(n, size=sample_size, replace=False))
    fitted = fit_topics([texts[i] for i in sample], embeddings[sample], config, embed_fn)
    if fitted.status != "ok":
        return fitted
    topic = np.full(n, -1, dtype=int)
    score = np.full(n, np.nan, dtype=np.float32)
    topic[sample] = fitted.assignments.topic_id.to_numpy()
    score[sample] = fitted.assignments.probability.to_numpy()
    rest = np.setdiff1d(np.arange(n), sample)
    for start in range(0, len(rest), chunk_size):
        idx = rest[start:start + chunk_size]
        topic[idx], score[idx] = assign(fitted.model, embeddings[idx], config.assign_min_similarity)
    topics = describe(fitted.model, topic, embeddings, texts, config)
    assignments = pd.DataFrame({"doc_index": np.arange(n), "topic_id": topic, "probability": score})
    outliers = int((topic == -1).sum())
    details = {**fitted.details, "fit_sample_size": sample_size, "outliers": outliers}
    n_topics = int((topics.topic_id >= 0).sum())
    message = f"{n_topics} topics fitted on a sample of {sample_size} posts, {n - sample_size} more assigned by nearest centroid; {outliers} outlier posts"
    return TopicResult("ok", message, topics, assignments, fitted.hierarchy, fitted.model, details)
