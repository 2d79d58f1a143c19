"""The extraction stage on a few de-identified posts: one parse per post, valid tables, aggregates."""
from __future__ import annotations

from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.leakcheck import LeakChecker
from pipelines.parquet_io import read_table
from pipelines.publish import validate_table
from pipelines.stages import work
from pipelines.stages.aggregate import AggregateSpec, aggregate_rows, build_aggregates
from pipelines.stages.extract import MedicalRows, extract_insights, work_file
from pipelines.tables import POSTS, RECORD_OUTCOMES, TABLES

TEXTS = [
    "Lipitor gave me terrible muscle aches. I stopped it because of the side effects.",
    "No nausea so far on Ozempic, but I'm worried about hair loss.",
    "My husband started Humira last month and now he has a rash all over.",
    "<PERSON_1> said the weather was nice.",
]


def _post(i: int, text: str, author: str | None) -> dict:
    return {
        "run_id": "r1", "post_key": f"p{i}", "thread_key": "t1", "parent_key": None, "community": "heart",
        "author_key": author, "period_week": date(2026, 3, 2), "period_month": "2026-03", "title_deid": None,
        "text_deid": text, "n_redactions": 0, "redaction_types": [], "char_count": len(text), "source_format": "jsonl",
    }


@pytest.fixture(scope="module")
def stage_run(tmp_path_factory):
    from insights.nlp import load_extraction_pipeline

    work_dir = tmp_path_factory.mktemp("work")
    authors = ["a1", "a2", None, "a1"]
    posts = pa.Table.from_pylist([_post(i, t, authors[i]) for i, t in enumerate(TEXTS)], schema=POSTS)
    pq.write_table(posts, work_dir / work.POSTS_DEID)
    outcomes = [{"run_id": "r1", "source_file": "export.jsonl", "source_record": i + 1, "source_format": "jsonl", "outcome": "published",
                 "reason": None, "detail": None, "post_key": f"p{i}"} for i in range(len(TEXTS))]
    pq.write_table(pa.Table.from_pylist(outcomes, schema=RECORD_OUTCOMES), work_dir / work.OUTCOMES_DEID)

    nlp = load_extraction_pipeline()
    parsed = []
    original_pipe = nlp.pipe

    def counting_pipe(texts, **kw):
        texts = list(texts)
        parsed.extend(texts)
        return original_pipe(texts, **kw)

    roles = []

    def role_of(doc):
        roles.append(doc.text)
        return "caregiver" if "husband" in doc.text else "patient"

    extractors = [MedicalRows(nlp)]
    nlp.pipe = counting_pipe
    try:
        summary = extract_insights(work_dir, "r1", extractors=extractors, role_of=role_of, nlp=nlp)
    finally:
        nlp.pipe = original_pipe
    tables = {name: read_table(work_dir / work_file(name), TABLES[name]) for name in MedicalRows.tables}
    return summary, tables, posts, parsed, roles


def test_each_post_parsed_once_and_role_asked_once(stage_run):
    summary, _, _, parsed, roles = stage_run
    assert summary["posts"] == len(TEXTS)
    assert parsed == TEXTS
    assert roles == TEXTS


def test_tables_valid_and_leak_free(stage_run):
    _, tables, posts, _, _ = stage_run
    aggregates = build_aggregates(tables, posts, "r1")
    for name, table in {**tables, "insight_aggregates": aggregates}.items():
        validate_table(name, table)
        assert LeakChecker(["sunflower_jen82"]).check_table(name, table) == []
        if "speaker_role" in table.column_names:
            assert set(table.column("speaker_role").to_pylist()) <= {"patient", "caregiver", "clinician", "unknown"}


def test_rows_carry_what_the_posts_say(stage_run):
    _, tables, _, _, _ = stage_run
    mentions = tables["entity_mentions"].to_pylist()
    assert {(m["post_key"], m["canonical"], m["assertion"]) for m in mentions} >= {
        ("p0", "atorvastatin", "experienced"), ("p0", "Myalgia", "experienced"),
        ("p1", "Nausea", "negated"), ("p1", "Alopecia", "hypothetical"), ("p1", "semaglutide", "experienced"),
    }
    for m in mentions:  # offsets point into the de-identified text
        assert TEXTS[int(m["post_key"][1:])][m["start_char"] : m["end_char"]] == m["mention"]
    assert not [m for m in mentions if m["post_key"] == "p3"]

    events = tables["treatment_events"].to_pylist()
    assert [(e["post_key"], e["drug"], e["event"], e["reason"]) for e in events] == [
        ("p0", "atorvastatin", "stop", "side_effects"), ("p2", "adalimumab", "start", "unknown")]

    cands = {c["post_key"]: c for c in tables["adverse_event_candidates"].to_pylist()}
    assert set(cands) == {"p0", "p2"}
    assert cands["p0"]["suspect_drug"] == "atorvastatin" and cands["p0"]["minimum_criteria_met"]
    assert (cands["p0"]["source_file"], cands["p0"]["source_record"], cands["p0"]["thread_key"]) == ("export.jsonl", 1, "t1")
    assert cands["p2"]["speaker_role"] == "caregiver"
    assert cands["p2"]["identifiable_patient"] and not cands["p2"]["identifiable_reporter"]  # deleted author
    assert not cands["p2"]["minimum_criteria_met"]
    assert all(c["review_status"] == "unreviewed" for c in cands.values())


def test_aggregates_count_rows_posts_and_authors(stage_run):
    _, tables, posts, _, _ = stage_run
    rows = aggregate_rows(AggregateSpec("entity_mentions", ("entity_type",), ("canonical",)), tables["entity_mentions"],
                          dict(zip(posts.column("post_key").to_pylist(), posts.column("author_key").to_pylist())))
    drugs = {(r["speaker_role"], r["key"]): r for r in rows if r["kind"] == "drug"}
    assert drugs[("patient", "atorvastatin")]["posts"] == 1
    assert drugs[("caregiver", "adalimumab")]["authors"] == 0  # the post has no author
    agg = build_aggregates(tables, posts, "r1").to_pylist()
    assert {r["source_table"] for r in agg} == set(MedicalRows.tables)
    assert all(r["community"] == "heart" and r["period_month"] == "2026-03" for r in agg)
