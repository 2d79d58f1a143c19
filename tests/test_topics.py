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
        theme_words = set(THEMES[labels[members.iloc[0]]].split())
        assert all(set(term.split()) <= theme_words for term in row.top_terms[:3])  # words (or bigrams) of the theme


def test_empty_text_after_deidentification_gets_a_clear_status():
    texts = [f"<PERSON_{i}> <PHONE_NUMBER_1>" for i in range(80)]
    v = np.random.default_rng(0).normal(size=(80, 384)).astype(np.float32)
    result = fit_topics(texts, v)
    assert result.status == "skipped_too_small" and "after de-identification" in result.message


def test_noise_that_forms_no_cluster_gets_a_clear_status():
    rng = np.random.default_rng(1)
    texts = [f"post number {i} about {w}" for i, w in enumerate(rng.choice(["rain", "sun", "wind", "snow"], size=60))]
    v = rng.normal(size=(60, 384)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    result = fit_topics(texts, v, TopicConfig(min_topic_size=30))
    assert result.status in ("ok", "skipped_no_clusters")
    if result.status == "skipped_no_clusters":
        assert "no topic found" in result.message and result.topics.empty


def test_outliers_are_capped_and_the_hierarchy_covers_every_topic():
    texts, v, labels = corpus()
    rng = np.random.default_rng(3)
    # 20% of posts sit between two themes, each with its own pair and mix: HDBSCAN calls them noise
    a, b = rng.integers(0, 4, size=40), rng.integers(0, 4, size=40)
    w = rng.uniform(0.3, 0.7, size=(40, 1))
    noise = (w * v[a * 40] + (1 - w) * v[b * 40] + rng.normal(size=(40, 384)) * 0.05).astype(np.float32)
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    texts = texts + [f"unrelated {i}: weather garden football recipe" for i in range(40)]
    v = np.vstack([v, noise])
    result = fit_topics(texts, v, TopicConfig(seed=7, min_topic_size=10, keybert=False))
    assert result.status == "ok"
    share = (result.assignments.topic_id == -1).mean()
    assert share <= 0.10 and result.details["outliers_before_reduction"] >= (result.assignments.topic_id == -1).sum()
    topic_ids = set(result.topics.topic_id) - {-1}
    root = result.hierarchy.iloc[-1]
    assert set(root.topic_ids) == topic_ids and len(result.hierarchy) == len(topic_ids) - 1
    assert all(len(r.representation) > 0 and r.label for r in result.topics.itertuples() if r.topic_id >= 0)


def test_keybert_refinement_with_the_packaged_encoder():
    from insights.embeddings import embed

    texts, _, labels = corpus(n_per_theme=20)
    texts = [t.split(": ", 1)[1] for t in texts]
    v = embed(texts)
    result = fit_topics(texts, v, TopicConfig(seed=7, min_topic_size=8), embed_fn=embed)
    assert result.status == "ok"
    for row in result.topics.itertuples():
        if row.topic_id < 0:
            continue
        theme = THEMES[np.bincount(labels[result.assignments.topic_id == row.topic_id]).argmax()].split()
        for term in row.representation[:3]:  # refined terms stay on the topic's words
            assert set(term.split()) <= set(theme)
        assert set(row.label.split(", ")[0].split()) <= set(theme)


def test_fit_on_a_sample_then_assign_the_rest_in_chunks():
    from insights.topics.scale import fit_topics_sampled

    texts, v, labels = corpus(n_per_theme=60)
    result = fit_topics_sampled(texts, v, TopicConfig(seed=7, min_topic_size=10, keybert=False), sample_size=120, chunk_size=25)
    assert result.status == "ok" and "sample of 120" in result.message
    assigned = result.assignments.topic_id.to_numpy()
    assert len(assigned) == 240 and (assigned >= 0).all()
    for k in range(len(THEMES)):  # every post of a theme, fitted or assigned, lands in one topic
        assert len(set(assigned[labels == k])) == 1
    assert result.topics[result.topics.topic_id >= 0]["size"].sum() == 240


def test_eval_topics_command_on_a_toy_corpus(tmp_path, capsys):
    import json

    from pipelines.cli import main

    texts, _, labels = corpus(n_per_theme=25)
    gold = tmp_path / "toy.jsonl"
    gold.write_text("\n".join(json.dumps({"text": t.split(": ", 1)[1], "community": f"c{k}"}) for t, k in zip(texts, labels)) + "\n{}\n")
    assert main(["eval", "topics", "--gold", str(gold), "--json", "--cache-dir", str(tmp_path / "cache")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["posts"] == 100 and report["skipped_records"] == 1 and report["labels"] == 4
    ours = report["ours"]
    assert ours["status"] == "ok" and ours["outlier_share"] <= 0.10
    assert ours["nmi"] > 0.8 and ours["diversity"] > 0.5  # four themes with disjoint vocabularies
    assert "bertopic_defaults" in report and report["bertopic_defaults"]["status"] == "ok"
