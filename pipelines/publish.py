"""Atomic publishing: stage every table outside the published folder, validate, leak-check, move.

A run's folder appears under ``out_dir`` complete and checked, or not at all. Staging
happens in a hidden sibling folder (``.<out>.staging``), not below ``out_dir``, so
readers globbing ``out_dir/**/*.parquet`` (DuckDB does) never see half a run.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.leakcheck import LeakChecker, LeakDetected
from pipelines.tables import TABLES

LATEST = "LATEST"


class ContractError(RuntimeError):
    """A table does not match its published contract."""


def staging_root(out_dir: Path) -> Path:
    out_dir = Path(out_dir).resolve()
    return out_dir.parent / f".{out_dir.name}.staging"


def validate_table(name: str, table: pa.Table) -> None:
    expected = TABLES[name]
    if not table.schema.equals(expected, check_metadata=False):
        raise ContractError(f"table {name}: schema differs from its contract")
    for field in expected:
        if not field.nullable and table.column(field.name).null_count:
            raise ContractError(f"table {name}: column {field.name} has nulls")


def publish_tables(tables: dict[str, pa.Table], out_dir: Path, run_id: str, checker: LeakChecker) -> Path:
    missing = set(TABLES) - set(tables)
    if missing:
        raise ContractError(f"tables missing from the run: {sorted(missing)}")
    out_dir = Path(out_dir).resolve()
    stage = staging_root(out_dir) / run_id
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    try:
        for name, table in tables.items():
            validate_table(name, table)
            pq.write_table(table.cast(TABLES[name]), stage / f"{name}.parquet")
        findings = []
        for name in tables:  # check what was written, read back from disk
            written = pq.read_table(stage / f"{name}.parquet")
            validate_table(name, written)
            if written.num_rows != tables[name].num_rows:
                raise ContractError(f"table {name}: row count changed on write")
            findings += checker.check_table(name, written)
        if findings:
            raise LeakDetected(findings)
        out_dir.mkdir(parents=True, exist_ok=True)
        final = out_dir / run_id
        os.rename(stage, final)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    tmp = staging_root(out_dir) / f"{LATEST}.{run_id}.tmp"
    tmp.write_text(run_id + "\n", encoding="utf-8")
    os.replace(tmp, out_dir / LATEST)
    return final


def latest_run(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    return out_dir / (out_dir / LATEST).read_text(encoding="utf-8").strip()
