"""Parquet contracts, the data dictionary, the leak check and atomic publishing."""
from __future__ import annotations

import pyarrow as pa
import pytest

from pipelines.leakcheck import LeakChecker, LeakDetected
from pipelines.publish import ContractError, LATEST, latest_run, publish_tables, staging_root
from pipelines.tables import TABLES, data_dictionary_markdown

from .conftest import REPO_ROOT


def test_data_dictionary_is_generated_from_the_schemas():
    committed = (REPO_ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary_markdown() + "\n", "run `patient-insights docs` and commit the result"


def test_every_field_is_described():
    for name, schema in TABLES.items():
        assert schema.metadata and schema.metadata[b"description"], name
        for field in schema:
            assert field.metadata and field.metadata[b"description"].strip(), f"{name}.{field.name}"


def empty_tables() -> dict[str, pa.Table]:
    return {name: schema.empty_table() for name, schema in TABLES.items()}


def test_publish_is_atomic_and_points_latest(tmp_path):
    out = tmp_path / "out"
    folder = publish_tables(empty_tables(), out, "run-1", LeakChecker())
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.parquet" for n in TABLES)
    assert latest_run(out) == folder
    assert (out / LATEST).read_text().strip() == "run-1"
    # staging lives beside the published folder, never below it
    assert not staging_root(out).resolve().is_relative_to(out.resolve())
    assert list(staging_root(out).iterdir()) == []


def test_schema_violation_publishes_nothing(tmp_path):
    tables = empty_tables()
    tables["topics"] = pa.table({"topic_id": pa.array([1], pa.int64())})
    with pytest.raises(ContractError, match="topics"):
        publish_tables(tables, tmp_path / "out", "run-2", LeakChecker())
    assert not (tmp_path / "out" / "run-2").exists()


def test_leak_blocks_publishing_and_names_no_value(tmp_path):
    tables = empty_tables()
    row = {f.name: None for f in TABLES["unmet_needs"]}
    row.update(run_id="r", post_key="post_1", community="c", period_month="2024-01", category="information_gap",
               cue="nobody told me", evidence="Nobody told me, said Jenny, mail jenny@example.com", sentence_index=0, taxonomy_version="1",
               speaker_role="unknown")
    tables["unmet_needs"] = pa.Table.from_pylist([row], schema=TABLES["unmet_needs"])
    with pytest.raises(LeakDetected) as err:
        publish_tables(tables, tmp_path / "out", "run-3", LeakChecker(["Jenny Walsh"]))
    message = str(err.value)
    assert "unmet_needs.evidence row 0" in message and "EMAIL_ADDRESS" in message and "MEMBER_NAME" in message
    assert "jenny" not in message.lower()
    assert not (tmp_path / "out" / "run-3").exists()
    assert list(staging_root(tmp_path / "out").iterdir()) == []
