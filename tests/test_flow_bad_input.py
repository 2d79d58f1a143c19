"""The flow on an export full of bad records: each is quarantined with its reason, the rest is
published, counts reconcile, and no raw text reaches the tables, the logs or Prefect's storage."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipelines.publish import latest_run
from pipelines.tables import TABLES

MARKER = "SECRETMARKER"  # only in bad records
GOOD_PHRASE = "my rheumatologist keeps changing the dose"  # post text: published, never logged


def good_post(i: int) -> dict:
    return {
        "id": f"g{i}",
        "thread_id": f"t{i // 3}",
        "author": f"member_{i % 5}",
        "created_at": f"2024-0{1 + i % 9}-1{i % 9}T08:00:00Z",
        "community": "lupus",
        "text": f"Day {i}: nobody told me the fatigue would last. {GOOD_PHRASE} thanks member_{(i + 1) % 5}!",
    }


@pytest.fixture(scope="module")
def bad_export(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "export.jsonl"
    lines = [json.dumps(good_post(i)).encode() for i in range(30)]
    bad = {
        5: b'{"id": "x1", "text": "' + MARKER.encode() + b' unterminated',                          # unparsable
        9: b'{"id": "x2", "created_at": "2024-01-01T00:00:00Z", "text": "caf\xe9 ' + MARKER.encode() + b'"}',  # invalid UTF-8
        13: json.dumps({"id": "x3", "created_at": "2024-01-01T00:00:00Z", "author": "a"}).encode(),   # no text
        17: json.dumps({**good_post(3), "text": f"{MARKER} again"}).encode(),                         # duplicate id g3
        21: json.dumps({**good_post(100), "created_at": "1970-01-01T00:00:00Z"}).encode(),            # absurd timestamp
        25: json.dumps({**good_post(101), "text": MARKER + "x" * 5_000_000}).encode(),                # 5 MB post
        29: json.dumps({**good_post(102), "text": "\x00\x01\x02\x03" * 50 + MARKER}).encode(),        # binary junk
        33: json.dumps({**good_post(103), "text": f"{MARKER} dice que el tratamiento no le sirve y que los efectos son muy fuertes para ella"}).encode(),  # not English
    }
    ordered, good = [], iter(lines)
    for line_no in range(1, len(lines) + len(bad) + 1):
        ordered.append(bad[line_no] if line_no in bad else next(good))
    path.write_bytes(b"\n".join(ordered) + b"\n")
    return path


EXPECTED = {5: "unparsable_record", 9: "invalid_utf8", 13: "missing_text", 17: "duplicate_id",
            21: "absurd_timestamp", 25: "oversized", 29: "binary_content", 33: "not_english"}


@pytest.fixture(scope="module")
def bad_run(prefect_harness, bad_export, tmp_path_factory):
    from pipelines.flow import patient_insights

    out = tmp_path_factory.mktemp("out")
    summary = patient_insights(sources=[str(bad_export)], out_dir=str(out), demo_key=True)
    return summary, latest_run(out)


def test_each_bad_record_is_quarantined_with_its_reason(bad_run):
    summary, folder = bad_run
    outcomes = pq.read_table(folder / "record_outcomes.parquet").to_pylist()
    quarantined = {r["source_record"]: r["reason"] for r in outcomes if r["outcome"] == "quarantined"}
    assert quarantined == EXPECTED
    assert all(r["source_file"] == "export.jsonl" for r in outcomes)
    assert summary["published"] == 30 and summary["quarantined"] == len(EXPECTED)


def test_counts_reconcile_and_all_tables_are_published(bad_run):
    _, folder = bad_run
    manifest = pq.read_table(folder / "run_manifest.parquet").to_pylist()[0]
    assert manifest["input_records"] == 38
    assert manifest["published"] + manifest["filtered"] + manifest["quarantined"] == manifest["input_records"]
    assert manifest["reconciled"] is True
    assert manifest["topic_status"] == "skipped_too_small"  # 30 posts: too few, yet every table is there
    assert json.loads(manifest["outcome_counts"])["by_reason"]["quarantined"]["oversized"] == 1
    for name, schema in TABLES.items():
        assert pq.read_schema(folder / f"{name}.parquet").equals(schema, check_metadata=False), name


def test_no_raw_text_in_tables(bad_run):
    _, folder = bad_run
    for name in TABLES:
        blob = json.dumps(pq.read_table(folder / f"{name}.parquet").to_pylist(), default=str)
        assert MARKER not in blob, name
        assert "member_" not in blob.replace("member_name", ""), name


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def test_no_raw_text_in_logs_or_prefect_storage(prefect_harness, bad_export, tmp_path, capfd, prefect_results_dir):
    from pipelines.flow import patient_insights

    handler = Collect()
    loggers = [logging.getLogger(n) for n in ("", "prefect", "prefect.flow_runs", "prefect.task_runs")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        patient_insights(sources=[str(bad_export)], out_dir=str(tmp_path / "out"), demo_key=True)
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    captured = capfd.readouterr()
    logged = "\n".join(handler.lines) + captured.out + captured.err
    assert "published run" in logged and "quarantined" in logged  # the run's logs were seen
    assert MARKER not in logged
    assert GOOD_PHRASE not in logged and "member_" not in logged
    stored = [p for p in prefect_results_dir.rglob("*") if p.is_file()] if prefect_results_dir.exists() else []
    for path in stored:
        assert MARKER.encode() not in path.read_bytes() and GOOD_PHRASE.encode() not in path.read_bytes()


def test_missing_key_fails_before_reading(prefect_harness, bad_export, tmp_path, monkeypatch):
    from deid.pseudonym import MissingKeyError
    from pipelines.flow import patient_insights

    monkeypatch.delenv("PATIENT_INSIGHTS_PSEUDONYM_KEY", raising=False)
    with pytest.raises(MissingKeyError):
        patient_insights(sources=[str(bad_export)], out_dir=str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()
