"""Fit BERTopic over precomputed embeddings, reproducibly, and describe the topics."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np
import pandas as pd

from .config import (
    EmbedFn,
    TopicConfig,
    auto_min_samples,
    auto_min_term_posts,
    auto_min_topic_size,
    make_vectorizer,
    text_for_terms,
)
from .hierarchy import COLUMNS as HIERARCHY_COLUMNS
from .hierarchy import hierarchy_rows
from .outliers import reduce_outliers
from .represent import representatives, short_label

ASPECT = "KeyBERT_MMR"
CANDIDATE_TERMS = 30  # c-TF-IDF terms kept per topic before the frequency filter cuts to top_n_words


@dataclass
class TopicResult:
    status: str  # "ok" | "skipped_too_small" | "skipped_no_clusters"
    message: str
    # topic_id, label, top_terms, representation, size, representatives
    topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    assignments: pd.DataFrame = field(default_factory=pd.DataFrame)  # doc_index, topic_id, probability
    hierarchy: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=HIERARCHY_COLUMNS))
    model: object = None
    details: dict = field(default_factory=dict)  # outliers before/after reduction, threshold used, ...


def check_corpus(texts: Sequence[str], config: TopicConfig) -> Optional[TopicResult]:
    """A clear status for corpora that cannot be modelled, else None."""
    n = len(texts)
    if n < config.min_posts:
        return TopicResult("skipped_too_small", f"{n} posts is fewer than the {config.min_posts} needed to model topics")
    nonempty = [t for t in texts if text_for_terms(t).strip()]
    if len(nonempty) < config.min_posts:
        return TopicResult("skipped_too_small", f"only {len(nonempty)} posts have text left after de-identification; {config.min_posts} needed")
    distinct = len({t.strip().lower() for t in nonempty})
    if distinct < config.min_posts:
        return TopicResult("skipped_too_small", f"only {distinct} distinct texts; {config.min_posts} needed to model topics")
    return None


def build_model(n_docs: int, config: TopicConfig, embed_fn: Optional[EmbedFn] = None):
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from umap import UMAP

    from .backend import FunctionEmbedder

    min_size = config.min_topic_size or auto_min_topic_size(n_docs)
    umap_model = UMAP(
        n_neighbors=min(config.n_neighbors, n_docs - 1),
        n_components=config.n_components,
        min_dist=0.0,
        metric="cosine",
        random_state=config.seed,
    )
    hdbscan_model = HDBSCAN(
        min_cluster_size=min_size,
        min_samples=config.min_samples or auto_min_samples(min_size),
        metric="euclidean",
        cluster_selection_method="eom",
        prediction_data=True,
    )
    return BERTopic(
        embedding_model=FunctionEmbedder(embed_fn) if embed_fn is not None else None,
        umap_model=umap_model,
        hdbscan_model=hdbscan_model,
        vectorizer_model=make_vectorizer(),
        top_n_words=CANDIDATE_TERMS,
        calculate_probabilities=False,
        verbose=False,
    )


def _aspects(config: TopicConfig, embed_fn: Optional[EmbedFn]):
    if not (config.keybert and embed_fn is not None):
        return None
    from bertopic.representation import KeyBERTInspired

    return {ASPECT: KeyBERTInspired(top_n_words=CANDIDATE_TERMS, nr_repr_docs=3, nr_candidate_words=CANDIDATE_TERMS, random_state=config.seed)}


def diversify_terms(model, assigned: np.ndarray, embeddings: np.ndarray, diversity: float) -> None:
    """MMR over the KeyBERT-ranked terms against the topic's centroid embedding, reusing the word
    vectors KeyBERTInspired already computed (BERTopic's MaximalMarginalRelevance would re-embed
    every topic's words and its joined term string, one call per topic)."""
    from bertopic.representation._mmr import mmr

    reps = (getattr(model, "topic_aspects_", None) or {}).get(ASPECT)
    embedder = model.embedding_model
    if not reps or embedder is None:
        return
    for topic_id, pairs in reps.items():
        words = [w for w, _ in pairs if w]
        if topic_id == -1 or len(words) < 2:
            continue
        centroid = embeddings[assigned == topic_id].mean(axis=0, keepdims=True)
        chosen = mmr(centroid, embedder.embed(words), words, diversity=diversity, top_n=len(words))
        score = dict(pairs)
        reps[topic_id] = [(w, score[w]) for w in chosen]


def fit_topics(
    texts: Sequence[str],
    embeddings: np.ndarray,
    config: TopicConfig = TopicConfig(),
    embed_fn: Optional[EmbedFn] = None,
) -> TopicResult:
    """Fit topics on de-identified texts with their L2-normalised embeddings.

    ``embed_fn`` (the same encoder that made ``embeddings``) lets KeyBERTInspired + MMR refine
    the terms; without it topics carry c-TF-IDF terms only.
    """
    skipped = check_corpus(texts, config)
    if skipped is not None:
        return skipped
    n = len(texts)
    docs = [text_for_terms(t) for t in texts]
    model = build_model(n, config, embed_fn)
    if model.embedding_model is not None:
        model.embedding_model.remember(docs, embeddings)  # embeddings of the texts with placeholders removed: close enough for ranking terms
    try:
        assigned, _ = model.fit_transform(docs, embeddings=embeddings)
    except (ValueError, TypeError) as exc:  # e.g. an empty vocabulary after stop words
        return TopicResult("skipped_no_clusters", f"topic model could not be fitted: {type(exc).__name__}")
    assigned = np.asarray(assigned, dtype=int)
    n_topics = len(set(assigned.tolist()) - {-1})
    if n_topics == 0:
        return TopicResult("skipped_no_clusters", f"no topic found among {n} posts: they do not form clusters of {model.hdbscan_model.min_cluster_size}+ similar posts")
    outliers_before = int((assigned == -1).sum())
    assigned, threshold = reduce_outliers(model, docs, assigned, embeddings, config.outlier_threshold, config.max_outlier_share)
    assigned, merged = merge_wordless_topics(model, docs, assigned, embeddings, config.min_topic_terms)
    assigned = renumber_by_size(assigned)
    n_topics = len(set(assigned.tolist()) - {-1})
    model.update_topics(docs, topics=assigned.tolist(), top_n_words=CANDIDATE_TERMS, vectorizer_model=make_vectorizer(), representation_model=_aspects(config, embed_fn))
    set_centroids(model, assigned, embeddings)
    diversify_terms(model, assigned, embeddings, config.mmr_diversity)
    keep_frequent_terms(model, docs, config.min_term_posts or auto_min_term_posts(n), config.top_n_words, config.term_coherence)
    topics = describe(model, assigned, embeddings, texts, config)
    similarity = centroid_similarity(model, embeddings, assigned)
    assignments = pd.DataFrame({"doc_index": np.arange(n), "topic_id": assigned, "probability": similarity})
    try:
        hierarchy = hierarchy_rows(model, docs)
    except (ValueError, IndexError) as exc:
        hierarchy = pd.DataFrame(columns=HIERARCHY_COLUMNS)
        hierarchy.attrs["error"] = type(exc).__name__
    outliers = int((assigned == -1).sum())
    details = {"merged_wordless_topics": merged, "outliers_before_reduction": outliers_before, "outliers": outliers, "outlier_threshold_used": round(threshold, 4), "min_topic_size": int(model.hdbscan_model.min_cluster_size)}
    message = f"{n_topics} topics, {outliers} outlier posts ({outliers_before} before outlier reduction)"
    return TopicResult("ok", message, topics, assignments, hierarchy, model, details)


def merge_wordless_topics(model, docs: list[str], assigned: np.ndarray, embeddings: np.ndarray, min_terms: int) -> tuple[np.ndarray, int]:
    """A topic whose posts share fewer than min_terms distinct terms (e.g. "thanks!", "following")
    cannot be read: its posts join the most similar other topic (centroid cosine)."""
    analyze = model.vectorizer_model.build_analyzer()
    ids = sorted(set(assigned.tolist()) - {-1})
    wordless = [t for t in ids if len({w for i in np.flatnonzero(assigned == t) for w in analyze(docs[i])}) < min_terms]
    keep = [t for t in ids if t not in wordless]
    if not wordless or not keep:
        return assigned, 0
    cents = np.stack([embeddings[assigned == t].mean(axis=0) for t in keep])
    cents /= np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-12)
    out = assigned.copy()
    for t in wordless:
        members = np.flatnonzero(assigned == t)
        out[members] = np.asarray(keep)[(embeddings[members] @ cents.T).argmax(axis=1)]
    return out, len(wordless)


def renumber_by_size(assigned: np.ndarray) -> np.ndarray:
    """Topic ids 0..k-1 by decreasing size, ties broken by the topic's first post: the same
    input and settings give the same ids. -1 stays the outlier group."""
    ids = sorted(set(assigned.tolist()) - {-1}, key=lambda t: (-int((assigned == t).sum()), int(np.argmax(assigned == t))))
    mapping = {old: new for new, old in enumerate(ids)}
    return np.asarray([mapping.get(t, -1) for t in assigned.tolist()], dtype=int)


def keep_frequent_terms(model, docs: list[str], min_posts: int, top_n: int, coherence: float = 0.0) -> None:
    """Rank terms found in at least min_posts posts first (one post's idiosyncrasy is not a
    topic's vocabulary), rarer ones after, keep top_n; applied to the model itself so a saved
    model carries them. With ``coherence`` > 0 the frequent terms are picked greedily
    (``coherent_terms``): each next term by its rank among the candidates plus ``coherence`` x
    its mean NPMI with the terms already picked, so a topic reads as words used together."""
    analyze = model.vectorizer_model.build_analyzer()
    aspects = getattr(model, "topic_aspects_", None) or {}
    wanted = {w for reps in [model.topic_representations_, *aspects.values()] for pairs in reps.values() for w, _ in pairs if w}
    posts: dict[str, set[int]] = {}  # the posts holding each candidate term
    for i, d in enumerate(docs):
        for t in wanted.intersection(analyze(d)):
            posts.setdefault(t, set()).add(i)

    def keep(pairs):
        pairs = [(w, s) for w, s in pairs if w]
        kept = [(w, s) for w, s in pairs if len(posts.get(w, ())) >= min_posts]
        rare = [(w, s) for w, s in pairs if len(posts.get(w, ())) < min_posts]
        if coherence > 0 and len(kept) > top_n:
            kept = coherent_terms(kept, posts, len(docs), top_n, coherence)
        return (kept + rare)[:top_n]  # frequent terms first; rarer ones only to fill up to top_n

    model.topic_representations_ = {t: keep(p) for t, p in model.topic_representations_.items()}
    for aspect, reps in (getattr(model, "topic_aspects_", None) or {}).items():
        model.topic_aspects_[aspect] = {t: keep(p) for t, p in reps.items()}


def coherent_terms(pairs: list[tuple[str, float]], posts: dict[str, set[int]], n_docs: int, top_n: int, weight: float) -> list[tuple[str, float]]:
    """Greedy pick of top_n of the ranked ``pairs``: the first term, then each time the candidate
    with the best (1 - rank / candidates) + weight x mean NPMI with the terms picked so far
    (NPMI from the posts holding each term)."""
    from .metrics import pair_npmi

    words = [w for w, _ in pairs]
    rank = {w: 1.0 - i / len(words) for i, w in enumerate(words)}
    gain = dict.fromkeys(words, 0.0)  # summed NPMI with the terms picked so far
    chosen, rest = words[:1], words[1:]
    while rest and len(chosen) < top_n:
        for w in rest:
            gain[w] += pair_npmi(posts.get(w, set()), posts.get(chosen[-1], set()), n_docs)
        best = max(rest, key=lambda w: rank[w] + weight * gain[w] / len(chosen))
        chosen.append(best)
        rest.remove(best)
    score = dict(pairs)
    return [(w, score[w]) for w in chosen]


def set_centroids(model, assigned: np.ndarray, embeddings: np.ndarray) -> None:
    """Topic embeddings = normalised mean of member embeddings (row 0 is -1 when outliers remain)."""
    ids = sorted(set(assigned.tolist()))
    rows = []
    for topic_id in ids:
        v = embeddings[assigned == topic_id].mean(axis=0)
        rows.append(v / max(np.linalg.norm(v), 1e-12))
    model.topic_embeddings_ = np.asarray(rows, dtype=np.float32)


def centroid_similarity(model, embeddings: np.ndarray, assigned: np.ndarray) -> np.ndarray:
    """Cosine similarity of each post to its topic's centroid (NaN for outliers)."""
    centroids = np.asarray(model.topic_embeddings_)
    out = np.full(len(assigned), np.nan, dtype=np.float32)
    mask = assigned >= 0
    out[mask] = np.einsum("ij,ij->i", embeddings[mask], centroids[assigned[mask] + model._outliers])
    return out


def topic_terms(model, topic_id: int, n: int) -> tuple[list[str], list[str]]:
    """(c-TF-IDF top terms, KeyBERT+MMR refined terms or the same c-TF-IDF terms)."""
    terms = [w for w, _ in (model.get_topic(topic_id) or []) if w][:n]
    aspect = (getattr(model, "topic_aspects_", None) or {}).get(ASPECT, {})
    refined = [w for w, _ in aspect.get(topic_id, []) if w][:n] if aspect else []
    return terms, refined or terms


def describe(model, assigned: np.ndarray, embeddings: np.ndarray, texts: Sequence[str], config: TopicConfig) -> pd.DataFrame:
    """One row per topic (outlier group -1 first when present), ordered by topic id."""
    rows = []
    for topic_id in sorted(set(assigned.tolist()) | set(t for t in model.get_topics() if t != -1)):
        members = np.flatnonzero(assigned == topic_id)
        if topic_id == -1:
            terms, refined, label = [], [], "outliers"
        else:
            terms, refined = topic_terms(model, topic_id, config.top_n_words)
            label = short_label(refined)
        rows.append(
            {
                "topic_id": int(topic_id),
                "label": label,
                "top_terms": terms,
                "representation": refined,
                "size": int(len(members)),
                "representatives": representatives(embeddings, members, config.n_representatives, texts) if topic_id != -1 else [],
            }
        )
    return pd.DataFrame(rows)
