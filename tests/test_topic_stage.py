"""The topics stage over controlled embeddings with real BERTopic: model store round trip,
applying a saved model, lineage on a refit, prevalence that adds up, emerging topics, cache."""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from insights.topics import TopicConfig, fit_topics
from insights.topics.assign import assign
from insights.topics.trends import emerging
from pipelines import topic_store
from pipelines.stages import topics as stage
from pipelines.stages import work
from pipelines.tables import POSTS

THEMES = {
    "pump": "insulin pump glucose sensor readings alarm overnight basal",
    "chemo": "chemo infusion nausea hair wig scarf oncologist port",
    "mobility": "wheelchair mobility cane balance fatigue walking brace",
    "insurance": "insurance copay denial appeal pharmacy coupon formulary",
    "sleep": "insomnia melatonin nightmares waking exhausted bedtime snoring",
}
CENTERS = {name: np.random.default_rng(k).normal(size=64) * 3 for k, name in enumerate(THEMES)}
FIRST_WEEK = date(2025, 1, 6)


def fake_encoder(calls: list):
    """Embeds a post near its theme's centre (theme named by the post's first word), noise
    seeded by the text, so the same text always gets the same vector."""
    def embed(texts):
        calls.append(len(texts))
        out = []
        for t in texts:
            seed = int(hashlib.sha256(t.encode()).hexdigest()[:8], 16)
            v = CENTERS[t.split()[0]] + np.random.default_rng(seed).normal(size=64) * 0.3
            out.append(v / np.linalg.norm(v))
        return np.asarray(out, dtype=np.float32)
    return embed


def write_posts(work_dir, themes, n_per_theme=40, surge=None, seed=0):
    rng = np.random.default_rng(seed)
    rows = []
    for name in themes:
        words = THEMES[name].split()
        for i in range(n_per_theme):
            week = i % 16  # spread evenly over 16 weeks ...
            if name == surge and i >= n_per_theme // 2:
                week = 12 + i % 4  # ... except half of the surging theme, in the last 4 weeks
            monday = FIRST_WEEK + timedelta(weeks=week)
            rows.append({
                "run_id": "r", "post_key": f"{name}-{i}", "thread_key": f"t{i}", "parent_key": None,
                "community": "diabetes" if i % 2 else "oncology", "author_key": None,
                "period_week": monday, "period_month": monday.strftime("%Y-%m"), "title_deid": None,
                "text_deid": f"{name} {' '.join(rng.choice(words, size=6))} <PERSON_1> {i}",
                "n_redactions": 1, "redaction_types": ["PERSON"], "char_count": 40, "source_format": "jsonl",
            })
    pq.write_table(pa.Table.from_pylist(rows, schema=POSTS), work_dir / work.POSTS_DEID)


def read(work_dir, name):
    return pq.read_table(work_dir / name).to_pandas()


CONFIG = TopicConfig(min_topic_size=10, keybert=False)


@pytest.fixture
def encoder(monkeypatch):
    calls: list = []
    monkeypatch.setattr(stage, "get_backend", lambda name, cache_dir=None: ("fake-encoder v1", fake_encoder(calls)))
    return calls


def test_save_load_round_trip_gives_identical_assignments(tmp_path, encoder):
    texts = [f"{name} {w}" for name in THEMES for w in THEMES[name].split() for _ in range(5)]
    texts = [f"{t} {i}" for i, t in enumerate(texts)]
    emb = fake_encoder([])(texts)
    fitted = fit_topics(texts, emb, CONFIG)
    assert fitted.status == "ok"
    now = datetime(2025, 5, 1, tzinfo=timezone.utc)
    folder = topic_store.save(fitted.model, tmp_path, "tm-x", "fake-encoder v1", CONFIG, [], [], now)
    assert (folder / "topic_embeddings.safetensors").exists() and (folder / "ctfidf.safetensors").exists()
    loaded = topic_store.load(folder)
    new = fake_encoder([])([f"{t} new" for t in texts])
    a, sa = assign(fitted.model, new, CONFIG.assign_min_similarity)
    b, sb = assign(loaded, new, CONFIG.assign_min_similarity)
    assert a.tolist() == b.tolist() and np.allclose(sa, sb, atol=1e-6)
    assert [w for w, _ in loaded.get_topic(0)] == [w for w, _ in fitted.model.get_topic(0)]
    meta = topic_store.current(tmp_path)
    assert meta["model_id"] == "tm-x" and meta["embedding_identity"] == "fake-encoder v1"


def test_scheduled_runs_apply_the_saved_model_then_a_refit_records_lineage(tmp_path, encoder):
    models, cache, work_dir = tmp_path / "models", tmp_path / "cache", tmp_path / "work"
    work_dir.mkdir()
    write_posts(work_dir, ["pump", "chemo", "mobility", "insurance"], surge="chemo")
    now = datetime(2025, 5, 1, tzinfo=timezone.utc)

    first = stage.model_topics(work_dir, "run1", CONFIG, model_dir=models, cache_dir=cache, now=now)
    assert first["status"] == "ok" and first["refit_reason"] == "no saved topic model" and first["topics"] == 4
    assert first["embedding"]["computed"] == 160
    run1 = read(work_dir, work.POST_TOPICS).set_index("post_key").topic_id
    topics1 = read(work_dir, work.TOPICS)
    assert set(topics1.topic_model_id) == {first["topic_model_id"]}

    # prevalence: per community and period, the topics' posts add up to all posts
    prev = read(work_dir, work.TOPIC_PREVALENCE)
    for _, group in prev.groupby(["community", "period_type", "period"]):
        assert group.posts.sum() == group.total_posts.iloc[0]
    all_months = prev[(prev.community == "(all communities)") & (prev.period_type == "month")]
    assert all_months.posts.sum() == 160
    # emerging: the planted surge (chemo) is flagged, the flat themes are not
    em = read(work_dir, work.EMERGING_TOPICS).set_index("topic_id")
    chemo_topic = run1["chemo-0"]
    assert em.loc[chemo_topic, "emerging"] and em.loc[chemo_topic, "p_value"] < 1e-3
    assert em.drop(index=chemo_topic).emerging.sum() == 0

    # a week later: the saved model is applied (not refitted), ids keep their meaning, no re-embedding
    second = stage.model_topics(work_dir, "run2", CONFIG, model_dir=models, cache_dir=cache, now=now + timedelta(days=7))
    assert second["refit_reason"] is None and second["topic_model_id"] == first["topic_model_id"]
    assert second["embedding"]["computed"] == 0 and encoder[-1] == 160  # no new call to the encoder
    run2 = read(work_dir, work.POST_TOPICS).set_index("post_key").topic_id
    assert run2.to_dict() == run1.to_dict()
    assert read(work_dir, work.TOPICS).label.tolist() == topics1.label.tolist()

    # refit on a changed corpus: insurance gone, sleep new
    write_posts(work_dir, ["pump", "chemo", "mobility", "sleep"], seed=1)
    third = stage.model_topics(work_dir, "run3", CONFIG, model_dir=models, cache_dir=cache, refit="always", now=now + timedelta(days=8))
    assert third["refit_reason"] == "refit requested" and third["topic_model_id"] != first["topic_model_id"]
    lineage = read(work_dir, work.TOPIC_LINEAGE)
    relations = lineage.relation.value_counts().to_dict()
    assert relations == {"continued": 3, "new": 1, "retired": 1}
    run3 = read(work_dir, work.POST_TOPICS).set_index("post_key").topic_id
    continued = lineage[lineage.relation == "continued"]
    for theme in ("pump", "chemo", "mobility"):
        row = continued[continued.old_topic_id == run1[f"{theme}-0"]]
        assert row.new_topic_id.iloc[0] == run3[f"{theme}-0"] and row.similarity.iloc[0] > 0.9
    assert lineage[lineage.relation == "retired"].old_topic_id.iloc[0] == run1["insurance-0"]
    assert lineage[lineage.relation == "new"].new_topic_id.iloc[0] == run3["sleep-0"]


def test_auto_refit_when_the_model_is_old_or_the_encoder_changed():
    meta = {"model_id": "tm-a", "created_at": "2025-01-01T00:00:00+00:00", "embedding_identity": "enc v1", "config_fingerprint": "f"}
    now = datetime(2025, 1, 10, tzinfo=timezone.utc)
    assert topic_store.refit_reason(meta, "auto", "enc v1", "f", 30, now) is None
    assert "days old" in topic_store.refit_reason(meta, "auto", "enc v1", "f", 5, now)
    assert topic_store.refit_reason(meta, "auto", "enc v2", "f", 30, now) == "embedding model changed"
    assert topic_store.refit_reason(meta, "never", "enc v1", "f", 5, now) is None
    assert topic_store.refit_reason(meta, "never", "enc v2", "f", 30, now) == "embedding model changed"
    assert topic_store.refit_reason(None, "never", "enc v1", "f", 30, now) == "no saved topic model"


def test_flat_series_is_not_emerging():
    import pandas as pd

    rows = [{"topic_id": t, "period_week": FIRST_WEEK + timedelta(weeks=w)} for w in range(16) for t in range(3) for _ in range(4)]
    result = emerging(pd.DataFrame(rows))
    assert len(result) == 3 and not result.emerging.any()
    assert (result.recent_posts == 16).all() and (result.baseline_posts == 48).all()
    assert ((result.rate_ratio - 1.0).abs() < 0.05).all()  # 1 up to the 0.5 continuity correction


def test_a_damaged_model_store_means_a_refit_not_a_crash(tmp_path, encoder):
    models, work_dir = tmp_path / "models", tmp_path / "work"
    work_dir.mkdir()
    write_posts(work_dir, ["pump", "chemo", "mobility"])
    now = datetime(2025, 5, 1, tzinfo=timezone.utc)
    first = stage.model_topics(work_dir, "run1", CONFIG, model_dir=models, now=now)
    (models / first["topic_model_id"] / "topic_embeddings.safetensors").write_bytes(b"not a tensor file")
    second = stage.model_topics(work_dir, "run2", CONFIG, model_dir=models, now=now)
    assert second["status"] == "ok" and "unreadable" in second["refit_reason"]
