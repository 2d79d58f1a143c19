"""Streaming container readers: JSON Lines, JSON arrays, CSV.

Each yields ``(record_number, dict)`` for a readable record or a
``Quarantined`` marker for one that is not, and carries on with the rest of the
file. Record numbers are 1-based: the line number for JSON Lines, the element
index + 1 for JSON arrays, the data-row number (header excluded) for CSV.
"""
from __future__ import annotations

import csv
import io
import json
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Union

import ijson
from ijson.common import ObjectBuilder

from ..records import Quarantined
from .errors import SourceReadError, json_error_kind, json_type_name
from .jsonscan import iter_array_elements
from .open import open_source

Record = Union[tuple[int, dict], Quarantined]

CSV_FIELD_LIMIT = 1 << 27  # let oversized posts through to validate() rather than fail in csv
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _not_utf8(source_file: str, n: int, exc: UnicodeDecodeError, what: str) -> Quarantined:
    return Quarantined(
        source_file, n, "invalid_utf8", f"{what} is not valid UTF-8 (bad byte at offset {exc.start})"
    )


def _object_or_quarantine(source_file: str, n: int, value: Any, what: str) -> Record:
    if isinstance(value, dict):
        return n, value
    return Quarantined(
        source_file, n, "not_an_object", f"{what} is {json_type_name(value)}, not a JSON object"
    )


def _decode_json(source_file: str, n: int, raw: bytes, what: str) -> Record:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(source_file, n, exc, what)
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError) as exc:
        return Quarantined(
            source_file, n, "unparsable_record", f"{what} is not valid JSON: {json_error_kind(exc)}"
        )
    return _object_or_quarantine(source_file, n, value, what)


def _stream_broken(source_file: str, n: int) -> Quarantined:
    """Marker for a stream that breaks off mid-file (e.g. a truncated .gz download)."""
    return Quarantined(
        source_file, n, "unparsable_record",
        "the file's stream is truncated or corrupt from here on; reading stopped",
    )


def iter_jsonl(path: str | Path, source_file: str) -> Iterator[Record]:
    """One JSON object a line; blank lines are skipped (but counted)."""
    n = 0
    with open_source(path) as stream:
        try:
            for n, raw in enumerate(stream, 1):
                if raw.strip():
                    yield _decode_json(source_file, n, raw, "line")
        except SourceReadError:
            yield _stream_broken(source_file, n + 1)


def iter_json_array(path: str | Path, source_file: str, prefix: str = "item") -> Iterator[Record]:
    """Elements of the array at ``prefix`` ("item": the top-level array;
    "post_stream.posts.item": a Discourse topic).

    ijson does the reading; when it hits malformed JSON, a top-level array is
    re-scanned from the failing element with a tolerant splitter so that later
    elements are not lost. A malformed Discourse topic file stops at the error.
    """
    done = 0
    with open_source(path) as stream:
        try:
            for value in array_items(stream, prefix):
                done += 1
                if value is _TOO_DEEP:
                    yield Quarantined(
                        source_file, done, "unparsable_record",
                        f"array element is not valid JSON: nesting too deep (more than {MAX_JSON_DEPTH} levels)",
                    )
                else:
                    yield _object_or_quarantine(source_file, done, value, "array element")
            return
        except SourceReadError:
            yield _stream_broken(source_file, done + 1)
            return
        except (ijson.JSONError, UnicodeDecodeError, ValueError, RecursionError):
            pass  # ijson's message quotes the input: never pass it on
    if prefix != "item":
        yield Quarantined(
            source_file, done + 1, "unparsable_record",
            f"file is not valid JSON after element {done}; the rest of the file cannot be read",
        )
        return
    yield from _recover_array(path, source_file, first=done + 1)


MAX_JSON_DEPTH = 1000  # nesting levels inside one array element (json.loads stops near there too)
_TOO_DEEP = object()
_OPEN = {"start_map", "start_array"}
_CLOSE = {"end_map", "end_array"}


def array_items(stream: BinaryIO, prefix: str) -> Iterator[Any]:
    """Like ``ijson.items(stream, prefix)``, built on ``basic_parse`` (ijson's prefixes
    grow with depth, which makes deep nesting cost memory quadratic in the depth). An
    element nested deeper than MAX_JSON_DEPTH is skipped, not built, and yields _TOO_DEEP."""
    target = prefix.split(".")
    path: list[str | None] = []  # per open container: its current map key, "item" for an array
    outside = 0  # containers open beyond len(target) levels outside any element (not tracked)
    builder: ObjectBuilder | None = None
    depth = 0  # containers open inside the current element
    skipping = False
    for event, value in ijson.basic_parse(stream, use_float=True):
        if builder is not None or skipping:
            if event in _OPEN:
                depth += 1
            elif event in _CLOSE:
                depth -= 1
            if skipping:
                if depth == 0:
                    skipping = False
                    yield _TOO_DEEP
                continue
            if depth > MAX_JSON_DEPTH:
                builder, skipping = None, True
                continue
            builder.event(event, value)
            if depth == 0:
                yield builder.value
                builder = None
            continue
        if event in _CLOSE:
            if outside:
                outside -= 1
            elif path:
                path.pop()
            continue
        if event == "map_key":
            if not outside and path:
                path[-1] = value
            continue
        # a value starts here: an element when its prefix is the target's
        if not outside and len(path) == len(target) and all(
            p == t for p, t in zip(path, target)
        ):
            builder = ObjectBuilder()
            builder.event(event, value)
            if event in _OPEN:
                depth = 1
            else:
                yield builder.value
                builder = None
            continue
        if event in _OPEN:
            if outside or len(path) >= len(target):
                outside += 1
            else:
                path.append("item" if event == "start_array" else None)


def _recover_array(path: str | Path, source_file: str, first: int) -> Iterator[Record]:
    found = False
    n = 0
    with open_source(path) as stream:
        try:
            for n, (raw, complete) in enumerate(iter_array_elements(stream), 1):
                if n < first:
                    continue
                found = True
                if not complete:
                    yield Quarantined(
                        source_file, n, "unparsable_record", "array element is cut off by the end of the file"
                    )
                else:
                    yield _decode_json(source_file, n, raw, "array element")
        except SourceReadError:
            yield _stream_broken(source_file, max(n + 1, first))
            return
    if not found:
        yield Quarantined(
            source_file, first, "unparsable_record",
            f"file is not valid JSON after element {first - 1} (malformed end of the array)",
        )


def _merged_rows(row: list[str], fields: int, delimiter: str, quotechar: str) -> int:
    """How many lines inside the row's multi-line fields parse as a complete row of
    ``fields`` fields: the sign of an opening quote that was never closed, which makes
    the csv module read the following rows as part of one field."""
    if fields < 2:
        return 0
    found = 0
    for cell in row:
        if "\n" not in cell and "\r" not in cell:
            continue
        for line in cell.splitlines()[1:]:
            if line.count(delimiter) < fields - 1:
                continue
            try:
                parsed = next(csv.reader([line], delimiter=delimiter, quotechar=quotechar), [])
            except csv.Error:
                continue
            if len(parsed) == fields:
                found += 1
    return found


@contextmanager
def _csv_reader(path: str | Path, delimiter: str, quotechar: str) -> Iterator[tuple[list[str] | None, Any]]:
    """The CSV file open as a ``csv.reader`` past its header line, with the header's (stripped)
    column names; ``None`` for the header when the file has no readable header line."""
    with open_source(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.reader(text, delimiter=delimiter, quotechar=quotechar)
        try:
            header = [h.strip() for h in next(reader)]
        except (StopIteration, csv.Error):
            header = None
        yield header, reader


def csv_header(path: str | Path, delimiter: str = ",", quotechar: str = '"') -> list[str]:
    """The CSV file's column names (stripped); [] when it has no readable header line."""
    with _csv_reader(path, delimiter, quotechar) as (header, _):
        return header or []


def iter_csv(path: str | Path, source_file: str, delimiter: str = ",", quotechar: str = '"') -> Iterator[Record]:
    """Rows of a CSV file with a header line, as dicts keyed by (stripped) column name."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    with _csv_reader(path, delimiter, quotechar) as (header, reader):
        if header is None:
            return
        n = 0
        while True:
            start = reader.line_num + 1  # physical line the next row starts on
            try:
                row = next(reader)
            except StopIteration:
                return
            except SourceReadError:
                yield _stream_broken(source_file, n + 1)
                return
            except csv.Error:
                n += 1
                yield Quarantined(source_file, n, "unparsable_record", "row could not be parsed as CSV")
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank line: not a data row
            n += 1
            if len(row) != len(header):
                yield Quarantined(
                    source_file, n, "unparsable_record",
                    f"row has {len(row)} fields but the header has {len(header)}",
                )
            elif merged := _merged_rows(row, len(header), delimiter, quotechar):
                yield Quarantined(
                    source_file, n, "suspect_merged_rows",
                    f"the row on lines {start}-{reader.line_num} has a quoted field with {merged} line(s) that "
                    f"read as complete {len(header)}-field rows: an unbalanced quote probably merged the "
                    "following rows into it",
                )
            elif any(_ESCAPED_BYTE.search(cell) for cell in row):
                yield Quarantined(source_file, n, "invalid_utf8", "row is not valid UTF-8")
            else:
                yield n, dict(zip(header, row))
