"""``read_source``: detect a file's format and stream its records as Posts."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, Union

from ..records import Filtered, Post, Quarantined
from .detect import Detected, detect
from .discourse import DiscourseAdapter
from .errors import UnrecognisedSource
from .mapping import MappedAdapter, MappingError, check_mapping, mapped_columns
from .open import file_stem
from .readers import Record, csv_header, iter_csv, iter_json_array, iter_jsonl
from .reddit import RedditAdapter

Item = Union[Post, Quarantined, Filtered]
FORMATS = ("reddit", "discourse", "jsonl", "json", "csv")


def read_source(
    path: str | Path,
    *,
    mapping: dict | None = None,
    community: str | None = None,
    format: str | None = None,
) -> Iterator[Item]:
    """Stream a source file as ``Post`` dicts, ``Quarantined`` and ``Filtered`` markers.

    The format is detected from the content unless ``format`` is given
    ("reddit", "discourse", "jsonl", "json", "csv"). A ``mapping`` (see
    ``load_mapping``) makes the file be read as generic records through it.
    ``community`` overrides the community of every post.

    Errors about the file as a whole (cannot be opened, unrecognised, bad
    mapping, unknown format) are raised here, before iteration starts.
    """
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown source format {format!r} (expected one of {', '.join(FORMATS)})")
    if mapping is not None:
        mapping = check_mapping(mapping)
    detected = _resolve(path, format, mapping)
    if mapping is not None and detected.container == "csv":
        _check_columns(path, detected, mapping)
    return _iterate(path, detected, mapping, community)


def _check_columns(path: str | Path, d: Detected, mapping: dict) -> None:
    """Every column the mapping names must be in the CSV header: a file-level error
    naming the columns (schema, not content) rather than every row quarantined."""
    header = set(csv_header(path, d.delimiter, d.quotechar))
    missing = [c for c in mapped_columns(mapping) if c not in header]
    if missing:
        raise MappingError(
            f"{path}: the mapping names column(s) {', '.join(map(repr, missing))} that the CSV header "
            f"does not have (it has {len(header)} columns)"
        )


def _resolve(path: str | Path, format: str | None, mapping: dict | None) -> Detected:
    try:
        found = detect(path)  # also raises SourceReadError now if the file cannot be opened
    except UnrecognisedSource:
        if format not in ("csv", "jsonl"):
            raise
        found = None
    if format == "csv":
        return found if found is not None and found.container == "csv" else Detected("csv", "generic")
    if format == "jsonl":
        return Detected("jsonl", "generic")
    assert found is not None
    if format == "json":
        return Detected("json", "generic", found.prefix if found.container == "json" else "item")
    if format in ("reddit", "discourse"):
        if found.container == "csv":
            raise UnrecognisedSource(f"{path}: a {format} source must be JSON Lines or JSON, not CSV")
        return Detected(found.container, format, found.prefix)
    if mapping is not None:
        return Detected(found.container, "generic", found.prefix, found.delimiter, found.quotechar)
    return found


def _records(path: str | Path, source_file: str, d: Detected) -> Iterator[Record]:
    if d.container == "jsonl":
        return iter_jsonl(path, source_file)
    if d.container == "json":
        return iter_json_array(path, source_file, d.prefix or "item")
    return iter_csv(path, source_file, d.delimiter, d.quotechar)


def _iterate(path: str | Path, d: Detected, mapping: dict | None, community: str | None) -> Iterator[Item]:
    source_file = str(path)
    stem = file_stem(path)
    adapter: Callable[[int, dict], Item]
    if d.flavour == "reddit":
        adapter = RedditAdapter(source_file, community, stem)
    elif d.flavour == "discourse":
        adapter = DiscourseAdapter(source_file, community, stem)
    else:
        adapter = MappedAdapter(source_file, d.container, mapping, community, stem)
    for record in _records(path, source_file, d):
        if isinstance(record, Quarantined):
            yield record
        else:
            yield adapter(*record)
