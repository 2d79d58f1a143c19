"""Topics with BERTopic over precomputed embeddings, reproducible with a fixed seed."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

import numpy as np
import pandas as pd

PLACEHOLDER = re.compile(r"<[A-Z_]+(?:_\d+)?>")


@dataclass(frozen=True)
class TopicConfig:
    seed: int = 42
    min_posts: int = 50  # below this, topics are not modelled (a clear status instead)
    min_topic_size: Optional[int] = None  # None: chosen from the corpus size
    n_neighbors: int = 15
    n_components: int = 5
    top_n_words: int = 10
    n_representatives: int = 3


@dataclass
class TopicResult:
    status: str  # "ok" | "skipped_too_small" | "skipped_no_clusters"
    message: str
    topics: pd.DataFrame = field(default_factory=pd.DataFrame)  # topic_id, label, top_terms, size, representatives
    assignments: pd.DataFrame = field(default_factory=pd.DataFrame)  # doc_index, topic_id, probability
    model: object = None


@lru_cache(maxsize=1)
def stop_words() -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    extra = resources.files("insights.lexicons").joinpath("topic_stopwords.txt").read_text("utf-8")
    words = {w.strip() for w in extra.splitlines() if w.strip() and not w.startswith("#")}
    return sorted(ENGLISH_STOP_WORDS | words)


def auto_min_topic_size(n_docs: int) -> int:
    """About one topic per 60-100 posts at small sizes, growing slowly for large corpora."""
    return int(max(10, min(200, round(n_docs ** 0.5 * 0.8))))


def text_for_terms(text: str) -> str:
    return PLACEHOLDER.sub(" ", text)


def fit_topics(texts: Sequence[str], embeddings: np.ndarray, config: TopicConfig = TopicConfig()) -> TopicResult:
    n = len(texts)
    if n < config.min_posts:
        return TopicResult("skipped_too_small", f"{n} posts is fewer than the {config.min_posts} needed to model topics")
    distinct = len({t.strip().lower() for t in texts})
    if distinct < config.min_posts:
        return TopicResult("skipped_too_small", f"only {distinct} distinct texts; {config.min_posts} needed to model topics")

    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sklearn.feature_extraction.text import CountVectorizer
    from umap import UMAP

    min_size = config.min_topic_size or auto_min_topic_size(n)
    umap_model = UMAP(
        n_neighbors=min(config.n_neighbors, n - 1),
        n_components=config.n_components,
        min_dist=0.0,
        metric="cosine",
        random_state=config.seed,
    )
    hdbscan_model = HDBSCAN(min_cluster_size=min_size, metric="euclidean", cluster_selection_method="eom", prediction_data=True)
    vectorizer = CountVectorizer(stop_words=stop_words(), ngram_range=(1, 2), min_df=1, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9'-]+\b")
    model = BERTopic(
        umap_model=umap_model,
        hdbscan_model=hdbscan_model,
        vectorizer_model=vectorizer,
        top_n_words=config.top_n_words,
        calculate_probabilities=False,
        verbose=False,
    )
    docs = [text_for_terms(t) for t in texts]
    try:
        assigned, probs = model.fit_transform(docs, embeddings=embeddings)
    except (ValueError, TypeError) as exc:  # e.g. an empty vocabulary after stop words
        return TopicResult("skipped_no_clusters", f"topic model could not be fitted: {type(exc).__name__}")
    assigned = np.asarray(assigned)
    probs = np.asarray(probs, dtype=float) if probs is not None else np.ones(n)

    rows = []
    for topic_id in sorted(set(assigned.tolist())):
        members = np.flatnonzero(assigned == topic_id)
        terms = [w for w, _ in (model.get_topic(topic_id) or [])][: config.top_n_words]
        rows.append(
            {
                "topic_id": int(topic_id),
                "label": "outliers" if topic_id == -1 else " / ".join(terms[:3]),
                "top_terms": terms,
                "size": int(len(members)),
                "representatives": representatives(embeddings, members, config.n_representatives),
            }
        )
    topics = pd.DataFrame(rows)
    assignments = pd.DataFrame({"doc_index": np.arange(n), "topic_id": assigned.astype(int), "probability": probs})
    n_topics = int((topics.topic_id >= 0).sum())
    status = "ok" if n_topics else "skipped_no_clusters"
    return TopicResult(status, f"{n_topics} topics, {int((assigned == -1).sum())} outlier posts", topics, assignments, model)


def representatives(embeddings: np.ndarray, members: np.ndarray, k: int) -> list[int]:
    """The k members closest to the topic centroid (embeddings are L2-normalised)."""
    if len(members) == 0:
        return []
    vectors = embeddings[members]
    centroid = vectors.mean(axis=0)
    scores = vectors @ centroid
    order = np.argsort(-scores, kind="stable")[:k]
    return [int(members[i]) for i in order]
