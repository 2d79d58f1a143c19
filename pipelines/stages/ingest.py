"""Stage 1: read every source, validate records, keep raw posts in the private work folder."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from pipelines.parquet_io import RowWriter
from pipelines.records import POST_SCHEMA, Filtered, Quarantined
from pipelines.sources import EmptySource, MappingError, SourceReadError, UnrecognisedSource, detect_format, load_mapping, read_source
from pipelines.tables import RECORD_OUTCOMES
from pipelines.validate import validate

from . import work


@dataclass(frozen=True)
class SourceSpec:
    path: str
    mapping: Optional[str] = None  # column-mapping file for CSV / generic JSON
    community: Optional[str] = None

    @classmethod
    def for_path(cls, path: str | Path, community: Optional[str] = None, mapping: Optional[str] = None) -> "SourceSpec":
        """A mapping file named ``<stem>.mapping.yaml`` beside the source is picked up automatically."""
        path = Path(path)
        if mapping is None:
            beside = path.with_name(path.name.split(".")[0] + ".mapping.yaml")
            mapping = str(beside) if beside.exists() else None
        return cls(str(path), mapping, community)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest(sources: list[SourceSpec], work_dir: Path, run_id: str, max_body_chars: int = 100_000) -> dict:
    """Returns counts and per-source facts. Bad records are quarantined, never fatal."""
    started = time.perf_counter()
    work_dir = Path(work_dir)
    members: set[str] = set()
    per_source = []
    counts = {"input_records": 0, "posts": 0, "filtered": 0, "quarantined": 0}
    with RowWriter(work_dir / work.RAW_POSTS, POST_SCHEMA) as posts, RowWriter(
        work_dir / work.OUTCOMES_INGEST, RECORD_OUTCOMES
    ) as outcomes:
        for spec in sources:
            path = Path(spec.path)
            try:
                fmt = detect_format(path)
                mapping = load_mapping(spec.mapping) if spec.mapping else None
                stream = validate(read_source(path, mapping=mapping, community=spec.community, format=fmt), max_body_chars=max_body_chars)
                digest = sha256_of(path)
            except (SourceReadError, UnrecognisedSource, MappingError, OSError) as exc:
                per_source.append(_file_outcome(path, spec, exc))
                continue
            records = 0
            for item in stream:
                records += 1
                if isinstance(item, (Quarantined, Filtered)):
                    kind = "quarantined" if isinstance(item, Quarantined) else "filtered"
                    counts[kind] += 1
                    outcomes.write(
                        {
                            "run_id": run_id,
                            "source_file": Path(item.source_file).name,
                            "source_record": item.source_record,
                            "source_format": fmt,
                            "outcome": kind,
                            "reason": item.reason,
                            "detail": item.detail,
                            "post_key": None,
                        }
                    )
                    continue
                counts["posts"] += 1
                item = dict(item)
                item["source_file"] = Path(item["source_file"]).name
                posts.write(item)
                members.update(n for n in (item.get("author"), item.get("author_name")) if n)
            counts["input_records"] += records
            per_source.append({"file": path.name, "format": fmt, "sha256": digest, "records": records, "outcome": "read"})
    (work_dir / work.MEMBERS).write_text(json.dumps(sorted(members)), encoding="utf-8")
    counts["skipped_sources"] = sum(1 for s in per_source if s["outcome"] == "skipped")
    return {"counts": counts, "sources": per_source, "members": len(members), "seconds": time.perf_counter() - started}


def _file_outcome(path: Path, spec: SourceSpec, exc: Exception) -> dict:
    """A source file that yields no records: why, in our own words, by base name only.

    The exceptions' messages start with the path and never quote content; the
    path is cut off here so that only the base name reaches the manifest.
    """
    if isinstance(exc, EmptySource):
        reason = "empty_source"
    elif isinstance(exc, MappingError):
        reason = "bad_mapping"
    elif isinstance(exc, UnrecognisedSource):
        reason = "unknown_format"
    else:
        reason = "unreadable_source"
    detail = str(exc)
    for prefix in (str(path), str(spec.mapping or "")):
        if prefix and detail.startswith(prefix):
            detail = detail[len(prefix):].lstrip(": ")
            break
    if isinstance(exc, OSError) and not isinstance(exc, SourceReadError):
        detail = f"cannot read file ({exc.strerror or type(exc).__name__})"
    if isinstance(exc, MappingError) and spec.mapping:
        detail = f"mapping {Path(spec.mapping).name}: {detail}"
    if reason == "empty_source":
        detail = "file is empty or holds only whitespace: 0 records"
    outcome = "read" if reason == "empty_source" else "skipped"
    return {"file": path.name, "format": None, "sha256": None, "records": 0, "outcome": outcome, "reason": reason, "detail": detail}
