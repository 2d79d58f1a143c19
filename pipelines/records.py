"""The canonical post record, defined once as a pyarrow schema.

Every source adapter yields dicts with exactly these keys (``Post``), or a
``Quarantined`` marker for a record it could not read. Nothing downstream
depends on where a post came from except through ``source_file`` /
``source_record`` / ``source_format``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional, TypedDict

import pyarrow as pa

POST_SCHEMA = pa.schema(
    [
        pa.field("post_id", pa.string(), nullable=False),
        pa.field("thread_id", pa.string(), nullable=False),
        pa.field("parent_id", pa.string()),
        pa.field("community", pa.string(), nullable=False),
        pa.field("author", pa.string()),
        pa.field("author_name", pa.string()),
        pa.field("created_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("title", pa.string()),
        pa.field("body", pa.string(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("source_record", pa.int64(), nullable=False),
        pa.field("source_format", pa.string(), nullable=False),
    ]
)


class Post(TypedDict):
    post_id: str
    thread_id: str
    parent_id: Optional[str]
    community: str
    author: Optional[str]  # username / handle; None when deleted or absent
    author_name: Optional[str]  # display name, where the source has one
    created_at: datetime  # timezone-aware, UTC
    title: Optional[str]
    body: str  # plain text (HTML/markdown converted, quoted replies removed)
    source_file: str  # file name as given to the adapter
    source_record: int  # 1-based record number within that file
    source_format: str  # "reddit", "discourse", "jsonl", "json", "csv"


@dataclass(frozen=True)
class Quarantined:
    """A record that could not be turned into a Post.

    ``detail`` describes what was wrong in words of our own: it must never
    contain any of the record's text or field values.
    """

    source_file: str
    source_record: int
    reason: str  # short machine-readable code, e.g. "unparsable_json"
    detail: str


@dataclass(frozen=True)
class Filtered:
    """A readable record deliberately not published (e.g. deleted by its author)."""

    source_file: str
    source_record: int
    reason: str
    detail: str
