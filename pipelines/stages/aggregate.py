"""Per-community, per-month aggregates of the insight tables, as one long table.

A registry of ``AggregateSpec`` (table, kind columns, key columns) drives one generic
function; any insight table with post_key, community, period_month and speaker_role can be
registered (``register``), e.g. unmet_needs or author roles.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyarrow as pa

from pipelines.tables import INSIGHT_AGGREGATES


@dataclass(frozen=True)
class AggregateSpec:
    table: str
    kind_columns: tuple[str, ...]  # joined with ":" into ``kind``; () gives the table's name
    key_columns: tuple[str, ...]  # joined with ``separator`` into ``key`` (nulls left out)
    separator: str = " -> "


REGISTRY: list[AggregateSpec] = [
    AggregateSpec("entity_mentions", ("entity_type", "assertion"), ("canonical",)),
    AggregateSpec("treatment_experiences", ("kind",), ("drug", "effect")),
    AggregateSpec("treatment_events", ("event",), ("drug", "reason"), separator=": "),
    AggregateSpec("adverse_event_candidates", ("minimum_criteria_met",), ("suspect_drug",)),
    AggregateSpec("unmet_needs", ("category",), ("subcategory",)),
    AggregateSpec("author_roles", (), ("speaker_role",)),
]


def register(spec: AggregateSpec) -> None:
    if all(s.table != spec.table or s != spec for s in REGISTRY):
        REGISTRY.append(spec)


def _text(value) -> str:
    if isinstance(value, bool):
        return "criteria_met" if value else "criteria_incomplete"
    return str(value)


def aggregate_rows(spec: AggregateSpec, table: pa.Table, author_of: dict[str, str | None]) -> list[dict]:
    """Group ``table`` by community, month, role, kind and key: rows, distinct posts, distinct authors."""
    columns = ["post_key", "community", "period_month", "speaker_role", *spec.kind_columns, *spec.key_columns]
    data = table.select(list(dict.fromkeys(columns))).to_pylist()
    groups: dict[tuple, list] = defaultdict(lambda: [0, set(), set()])
    for r in data:
        kind = ":".join(_text(r[c]) for c in spec.kind_columns) or spec.table
        key = spec.separator.join(_text(r[c]) for c in spec.key_columns if r[c] is not None)
        g = groups[(r["community"], r["period_month"], r["speaker_role"], kind, key)]
        g[0] += 1
        g[1].add(r["post_key"])
        author = author_of.get(r["post_key"])
        if author is not None:
            g[2].add(author)
    return [
        {"source_table": spec.table, "community": c, "period_month": m, "speaker_role": role, "kind": kind, "key": key,
         "mentions": n, "posts": len(posts), "authors": len(authors)}
        for (c, m, role, kind, key), (n, posts, authors) in sorted(groups.items())
    ]


def build_aggregates(tables: dict[str, pa.Table], posts: pa.Table, run_id: str) -> pa.Table:
    author_of = dict(zip(posts.column("post_key").to_pylist(), posts.column("author_key").to_pylist()))
    rows = []
    for spec in REGISTRY:
        if spec.table in tables:
            rows.extend({"run_id": run_id, **r} for r in aggregate_rows(spec, tables[spec.table], author_of))
    return pa.Table.from_pylist(rows, schema=INSIGHT_AGGREGATES)
