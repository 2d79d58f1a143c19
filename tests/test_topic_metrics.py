"""Topic measures on toy cases with known answers, and the embedding cache."""
from __future__ import annotations

import numpy as np
import pytest

from insights.topics.metrics import agreement, diversity, npmi
from insights.topics.outliers import effective_threshold
from insights.topics.represent import representatives, short_label
from pipelines.embedding_cache import embed_cached


def test_npmi_known_values():
    docs = [{"a", "b"}, {"a", "b"}, {"c"}, {"d"}]
    # a and b always together in half the docs: NPMI = log(.5/.25) / -log(.5) = 1
    assert npmi([["a", "b"]], docs) == [pytest.approx(1.0)]
    # c and d never together: -1; a term absent from the corpus: -1
    assert npmi([["c", "d"]], docs) == [pytest.approx(-1.0)]
    assert npmi([["a", "zzz"]], docs) == [pytest.approx(-1.0)]
    # independent terms: p(ab) = p(a) p(b) -> 0
    docs = [{"a", "b"}, {"a"}, {"b"}, set()]
    assert npmi([["a", "b"]], docs) == [pytest.approx(0.0)]


def test_diversity_and_agreement():
    assert diversity([list("abcdefghij"), list("abcdefghij")]) == pytest.approx(0.5)
    assert diversity([list("abcdefghij"), list("klmnopqrst")]) == pytest.approx(1.0)
    perfect = agreement([0, 0, 1, 1], ["x", "x", "y", "y"])
    assert perfect["nmi"] == pytest.approx(1.0) and perfect["ari"] == pytest.approx(1.0) and perfect["outlier_share"] == 0
    # outliers are one group of their own when counting every post
    half = agreement([0, 0, -1, -1], ["x", "x", "y", "y"])
    assert half["nmi"] == pytest.approx(1.0) and half["outlier_share"] == 0.5
    mixed = agreement([0, 1, 0, 1], ["x", "x", "y", "y"])
    assert mixed["nmi"] == pytest.approx(0.0, abs=1e-9)


def test_outlier_threshold_is_lowered_just_enough():
    sims = np.array([0.9, 0.5, 0.25, 0.2, 0.1])
    # 100 docs, at most 10% may stay: all 5 may stay, the configured threshold is kept
    assert effective_threshold(sims, 100, 0.3, 0.10) == 0.3
    # 20 docs: at most 2 may stay, so the 3 most similar must be reassigned -> threshold 0.25
    assert effective_threshold(sims, 20, 0.3, 0.10) == 0.25


def test_short_label_skips_repeated_words():
    assert short_label(["insulin pump", "insulin", "pump", "sensor", "alarm"]) == "insulin pump, sensor, alarm"
    assert short_label([]) == "(no terms)"


def test_representatives_are_typical_and_not_duplicates():
    rng = np.random.default_rng(0)
    center = rng.normal(size=16)
    v = center + rng.normal(size=(12, 16)) * 0.2
    v[1] = v[0]  # the same post twice
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    texts = [f"post {i}" for i in range(12)]
    texts[1] = texts[0]
    picked = representatives(v, np.arange(12), 3, texts)
    assert len(picked) == 3 and len({texts[i] for i in picked}) == 3
    centroid = v.mean(axis=0)
    assert picked[0] == int(np.argmax(v @ centroid))


def test_cache_embeds_each_distinct_text_once_and_reuses_it(tmp_path):
    calls = []

    def fake(texts):
        calls.append(list(texts))
        return np.asarray([[len(t), 1.0] for t in texts], dtype=np.float32)

    texts = ["a", "bb", "a", "ccc"]
    first, stats = embed_cached(texts, fake, "fake-v1", tmp_path)
    assert calls == [["a", "bb", "ccc"]] and stats["computed"] == 3
    assert first.shape == (4, 2) and np.array_equal(first[0], first[2])
    second, stats = embed_cached(texts + ["dddd"], fake, "fake-v1", tmp_path)
    assert calls[-1] == ["dddd"] and stats["cached"] == 3 and stats["computed"] == 1
    assert np.array_equal(second[:4], first)
    # another model identity never reuses these vectors
    embed_cached(["a"], fake, "fake-v2", tmp_path)
    assert calls[-1] == ["a"]
    # the store holds hashes and vectors, never the text
    for shard in tmp_path.rglob("*.npz"):
        assert b"ccc" not in shard.read_bytes()


def test_coherent_terms_prefers_words_used_together():
    from insights.topics.fit import coherent_terms

    # "insulin" and "pump" share posts 0-5; "weather" (ranked second by c-TF-IDF) never meets them
    posts = {"insulin": set(range(0, 6)), "weather": set(range(10, 16)), "pump": set(range(0, 5)), "sensor": set(range(2, 8))}
    ranked = [("insulin", 0.9), ("weather", 0.8), ("pump", 0.7), ("sensor", 0.6)]
    assert [w for w, _ in coherent_terms(ranked, posts, 20, 3, weight=3.0)] == ["insulin", "pump", "sensor"]
    assert [w for w, _ in coherent_terms(ranked, posts, 20, 3, weight=0.0)] == ["insulin", "weather", "pump"]
    assert dict(coherent_terms(ranked, posts, 20, 3, weight=3.0))["pump"] == 0.7  # scores kept


def test_pair_npmi_matches_the_topic_measure():
    from insights.topics.metrics import npmi, pair_npmi

    doc_sets = [{"a", "b"}, {"a", "b"}, {"a"}, {"c"}]
    assert npmi([["a", "b"]], doc_sets) == [pair_npmi({0, 1, 2}, {0, 1}, 4)]
    assert pair_npmi({0}, {1}, 4) == -1.0
