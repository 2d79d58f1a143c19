"""Stage 5: assemble the published tables and the run manifest, reconcile counts, publish."""
from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from pipelines.leakcheck import LeakChecker
from pipelines.parquet_io import read_table
from pipelines.publish import publish_tables
from pipelines.tables import (
    EMERGING_TOPICS,
    POST_TOPICS,
    POSTS,
    RECORD_OUTCOMES,
    RUN_MANIFEST,
    TABLES,
    TOPIC_HIERARCHY,
    TOPIC_LINEAGE,
    TOPIC_PREVALENCE,
    TOPICS,
)

from . import work
from .aggregate import build_aggregates
from .extract import MedicalRows, work_file
from .needs import NeedRows, SpeakerRoles

EXTRACTED_TABLES = (*MedicalRows.tables, *NeedRows.tables, *SpeakerRoles.tables)


class ReconciliationError(RuntimeError):
    pass


def _outcomes(work_dir: Path) -> pa.Table:
    table = pa.concat_tables(
        [read_table(work_dir / work.OUTCOMES_INGEST, RECORD_OUTCOMES), read_table(work_dir / work.OUTCOMES_DEID, RECORD_OUTCOMES)]
    )
    return table.sort_by([("source_file", "ascending"), ("source_record", "ascending")])


def reconcile(input_records: int, outcomes: pa.Table, posts: pa.Table) -> dict:
    by_outcome = Counter(outcomes.column("outcome").to_pylist())
    by_reason: dict[str, Counter] = {"filtered": Counter(), "quarantined": Counter()}
    for outcome, reason in zip(outcomes.column("outcome").to_pylist(), outcomes.column("reason").to_pylist()):
        if outcome in by_reason:
            by_reason[outcome][reason] += 1
    counts = {k: by_outcome.get(k, 0) for k in ("published", "filtered", "quarantined")}
    reconciled = (
        outcomes.num_rows == input_records
        and sum(counts.values()) == input_records
        and counts["published"] == posts.num_rows
    )
    if not reconciled:
        raise ReconciliationError(
            f"counts do not reconcile: {input_records} input records, {outcomes.num_rows} outcomes, "
            f"{counts}, {posts.num_rows} posts"
        )
    return {"counts": counts, "by_reason": {k: dict(sorted(v.items())) for k, v in by_reason.items()}}


def assemble_and_publish(
    work_dir: Path,
    out_dir: Path,
    run_id: str,
    started_at: datetime,
    ingest_summary: dict,
    topic_summary: dict,
    timings: dict,
    parameters: dict,
    versions: dict,
    key_origin: str,
) -> dict:
    work_dir = Path(work_dir)
    posts = read_table(work_dir / work.POSTS_DEID, POSTS)
    outcomes = _outcomes(work_dir)
    rec = reconcile(ingest_summary["counts"]["input_records"], outcomes, posts)
    manifest = {
        "run_id": run_id,
        "started_at": started_at,
        "finished_at": datetime.now(UTC),
        "input_records": ingest_summary["counts"]["input_records"],
        "published": rec["counts"]["published"],
        "filtered": rec["counts"]["filtered"],
        "quarantined": rec["counts"]["quarantined"],
        "reconciled": True,
        "outcome_counts": json.dumps({**rec["counts"], "by_reason": rec["by_reason"]}, sort_keys=True),
        "communities_relabelled": json.loads((work_dir / work.COMMUNITIES).read_text(encoding="utf-8"))["replaced"],
        "sources": json.dumps(ingest_summary["sources"], sort_keys=True),
        "code_version": versions.get("patient-insights", "unknown"),
        "model_versions": json.dumps(versions, sort_keys=True),
        "parameters": json.dumps(parameters, sort_keys=True, default=str),
        "timings": json.dumps({k: round(v, 3) for k, v in timings.items()}, sort_keys=True),
        "topic_status": topic_summary["status"],
        "topic_message": topic_summary["message"],
        "key_origin": key_origin,
    }
    tables = {
        "posts": posts,
        "topics": read_table(work_dir / work.TOPICS, TOPICS),
        "post_topics": read_table(work_dir / work.POST_TOPICS, POST_TOPICS),
        "topic_hierarchy": read_table(work_dir / work.TOPIC_HIERARCHY, TOPIC_HIERARCHY),
        "topic_lineage": read_table(work_dir / work.TOPIC_LINEAGE, TOPIC_LINEAGE),
        "topic_prevalence": read_table(work_dir / work.TOPIC_PREVALENCE, TOPIC_PREVALENCE),
        "emerging_topics": read_table(work_dir / work.EMERGING_TOPICS, EMERGING_TOPICS),
        "record_outcomes": outcomes,
        "run_manifest": pa.Table.from_pylist([manifest], schema=RUN_MANIFEST),
    }
    tables.update({name: read_table(work_dir / work_file(name), TABLES[name]) for name in EXTRACTED_TABLES})
    tables["insight_aggregates"] = build_aggregates(tables, posts, run_id)
    members = json.loads((work_dir / work.MEMBERS).read_text(encoding="utf-8"))
    folder = publish_tables(tables, out_dir, run_id, LeakChecker(members))
    return {"folder": str(folder), **rec["counts"], "input_records": manifest["input_records"]}
