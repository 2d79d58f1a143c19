"""BERTopic on controlled embeddings: status for small corpora, reproducibility, representatives."""
from __future__ import annotations

import numpy as np

from insights.topics import TopicConfig, fit_topics

THEMES = [
    "insulin pump glucose sensor readings alarm overnight",
    "chemo infusion nausea hair wig scarf oncologist",
    "wheelchair mobility cane balance fatigue walking",
    "insurance copay denial appeal pharmacy coupon",
]


def corpus(n_per_theme: int = 40, seed: int = 0):
    rng = np.random.default_rng(seed)
    texts, vectors, labels = [], [], []
    centers = rng.normal(size=(len(THEMES), 384)) * 3
    for k, theme in enumerate(THEMES):
        words = theme.split()
        for i in range(n_per_theme):
            picked = rng.choice(words, size=5, replace=True)
            texts.append(f"post {k}-{i}: " + " ".join(picked))
            vectors.append(centers[k] + rng.normal(size=384) * 0.3)
            labels.append(k)
    v = np.asarray(vectors, dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return texts, v, np.asarray(labels)


def test_too_small_corpus_gets_a_clear_status():
    texts, v, _ = corpus(n_per_theme=5)
    result = fit_topics(texts, v, TopicConfig(min_posts=50))
    assert result.status == "skipped_too_small" and "20 posts" in result.message
    assert result.topics.empty and result.assignments.empty


def test_all_duplicates_get_a_clear_status():
    texts = ["same words every time"] * 80
    v = np.tile(np.eye(384, dtype=np.float32)[0], (80, 1))
    result = fit_topics(texts, v)
    assert result.status == "skipped_too_small" and "distinct" in result.message


def test_finds_the_planted_themes_reproducibly():
    texts, v, labels = corpus()
    first = fit_topics(texts, v, TopicConfig(seed=7, min_topic_size=10))
    second = fit_topics(texts, v, TopicConfig(seed=7, min_topic_size=10))
    assert first.status == "ok"
    assert first.assignments.topic_id.tolist() == second.assignments.topic_id.tolist()
    assert first.topics.label.tolist() == second.topics.label.tolist()
    real = first.topics[first.topics.topic_id >= 0]
    assert len(real) == len(THEMES)
    # each found topic is one planted theme
    for row in real.itertuples():
        members = first.assignments[first.assignments.topic_id == row.topic_id].doc_index
        assert len(set(labels[members])) == 1
        assert len(row.representatives) == 3
        assert all(labels[i] == labels[members.iloc[0]] for i in row.representatives)
        assert set(row.top_terms[:3]) <= set(THEMES[labels[members.iloc[0]]].split())
