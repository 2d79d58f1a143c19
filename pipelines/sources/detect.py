"""Recognising a source file by its content (after decompression), not its name.

Container: first non-whitespace byte ``[`` (or a ``{"post_stream"`` /
``{"latest_posts"`` Discourse object) → JSON array; ``{`` → JSON Lines; a header
line that ``csv.Sniffer`` accepts → CSV. Flavour, from the keys of the first
parseable object: ``subreddit`` + (``selftext`` | ``body``) + ``created_utc`` →
reddit; ``topic_id`` + ``post_number`` → discourse; otherwise generic.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import ijson

from .errors import EmptySource, UnrecognisedSource
from .open import open_source
from .readers import array_items

HEAD_BYTES = 1 << 16
MAX_SNIFF_LINES = 1000
MAX_SNIFF_LINE_BYTES = 1 << 26
MAX_KEY_EVENTS = 100_000
_WS = b" \t\r\n"
_TOPIC_START = re.compile(rb'\{\s*"(post_stream|latest_posts)"\s*:')
_TOPIC_PREFIX = {"post_stream": "post_stream.posts.item", "latest_posts": "latest_posts.item"}
CSV_DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Detected:
    container: str  # "jsonl" | "json" | "csv"
    flavour: str  # "reddit" | "discourse" | "generic"
    prefix: str | None = None  # ijson prefix of the post list (json)
    delimiter: str = ","  # csv
    quotechar: str = '"'  # csv

    @property
    def format(self) -> str:
        return self.container if self.flavour == "generic" else self.flavour


def flavour_of(obj: dict) -> str:
    if "subreddit" in obj and ("selftext" in obj or "body" in obj) and "created_utc" in obj:
        return "reddit"
    if "topic_id" in obj and "post_number" in obj:
        return "discourse"
    return "generic"


def detect_format(path: str | Path) -> str:
    """'reddit' | 'discourse' | 'jsonl' | 'json' | 'csv'; raises UnrecognisedSource."""
    return detect(path).format


def detect(path: str | Path) -> Detected:
    with open_source(path) as stream:
        head = stream.read(HEAD_BYTES)
    body = head.lstrip(_WS)
    if not body:
        raise EmptySource(f"{path}: no adapter recognises this file (it is empty)")
    first = body[:1]
    if first == b"[":
        return Detected("json", _first_array_flavour(path, "item"), "item")
    if first == b"{":
        return _detect_object_file(path, body)
    return _detect_csv(path, head)


def _first_array_flavour(path: str | Path, prefix: str) -> str:
    with open_source(path) as stream:
        try:
            for value in array_items(stream, prefix):  # depth-guarded: a deep first element costs no memory
                if isinstance(value, dict):
                    return flavour_of(value)
        except (ijson.JSONError, ValueError, RecursionError):
            pass
    return "discourse" if prefix != "item" else "generic"


def _detect_object_file(path: str | Path, body: bytes) -> Detected:
    m = _TOPIC_START.match(body)
    if m:
        return Detected("json", "discourse", _TOPIC_PREFIX[m.group(1).decode()])
    obj = _first_jsonl_object(path)
    if obj is not None:
        for key, prefix in _TOPIC_PREFIX.items():
            if key in obj and isinstance(obj[key], (dict, list)):
                return Detected("json", "discourse", prefix)
        return Detected("jsonl", flavour_of(obj))
    # No line parses on its own: perhaps one pretty-printed Discourse topic.
    key = _topic_key(path)
    if key:
        return Detected("json", "discourse", _TOPIC_PREFIX[key])
    raise UnrecognisedSource(
        f"{path}: no adapter recognises this file (it starts like JSON, but no line is a JSON "
        "object and it is not a Discourse topic)"
    )


def _first_jsonl_object(path: str | Path) -> dict | None:
    with open_source(path) as stream:
        for _ in range(MAX_SNIFF_LINES):
            line = stream.readline(MAX_SNIFF_LINE_BYTES)
            if not line:
                return None
            if not line.strip() or not line.endswith(b"\n") and len(line) >= MAX_SNIFF_LINE_BYTES:
                continue
            try:
                value = json.loads(line.decode("utf-8"))
            except (ValueError, RecursionError):
                continue
            if isinstance(value, dict):
                return value
    return None


def _topic_key(path: str | Path) -> str | None:
    with open_source(path) as stream:
        try:
            for i, (prefix, event, value) in enumerate(ijson.parse(stream)):
                if prefix == "" and event == "map_key" and value in _TOPIC_PREFIX:
                    return value
                if i >= MAX_KEY_EVENTS:
                    break
        except (ijson.JSONError, ValueError, RecursionError):
            pass
    return None


def _detect_csv(path: str | Path, head: bytes) -> Detected:
    end = head.find(b"\n")
    line = head if end < 0 else head[:end]
    try:
        header = line.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError:
        raise UnrecognisedSource(
            f"{path}: no adapter recognises this file (not JSON, and the first line is not UTF-8 text)"
        ) from None
    reason = "not JSON, and the first line is not a CSV header"
    if header.strip() and "\x00" not in header:
        try:
            dialect = csv.Sniffer().sniff(header, delimiters=CSV_DELIMITERS)
        except csv.Error:
            dialect = None
        if dialect is not None:
            columns = next(csv.reader([header], dialect), [])
            if len(columns) >= 2 and all(c.strip() for c in columns):
                return Detected("csv", "generic", delimiter=dialect.delimiter, quotechar=dialect.quotechar or '"')
    raise UnrecognisedSource(f"{path}: no adapter recognises this file ({reason})")
