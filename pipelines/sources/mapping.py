"""Generic records (JSON Lines, JSON arrays, CSV) read through a column mapping.

A mapping is a dict ``canonical field → source column``; a value may also be
``{"value": "constant"}``, and a column may be a dotted path into nested JSON
(``"user.login"``). ``body_format`` is ``text`` (default), ``html`` or
``markdown``. Fields the mapping does not name are looked up under their
canonical name, then under a few common aliases.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Union

import yaml

from ..records import Filtered, Post, Quarantined
from .post import as_id, as_text, make_post
from .text import html_to_text, markdown_to_text, normalise_whitespace
from .timestamps import read_created_at

FIELDS = ("post_id", "thread_id", "parent_id", "community", "author", "author_name", "created_at", "title", "body")
BODY_FORMATS = ("text", "html", "markdown")
ALIASES: dict[str, tuple[str, ...]] = {
    "post_id": ("post_id", "id"),
    "thread_id": ("thread_id", "thread", "topic_id"),
    "parent_id": ("parent_id", "reply_to", "in_reply_to"),
    "community": ("community", "forum"),
    "author": ("author", "user", "username"),
    "author_name": ("author_name", "display_name"),
    "created_at": ("created_at", "timestamp", "date"),
    "title": ("title", "subject"),
    "body": ("body", "text", "content", "message"),
}

Source = Union[str, dict]  # a column name, or {"value": constant}


class MappingError(ValueError):
    """The column mapping itself is invalid (names the offending key, never record content)."""


def load_mapping(path: str | Path) -> dict:
    """Read a YAML or JSON column-mapping file and check it."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except OSError as exc:
        raise MappingError(f"{path}: cannot open mapping file ({exc.strerror or type(exc).__name__})") from exc
    except UnicodeDecodeError:
        raise MappingError(f"{path}: mapping file is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except ValueError:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            raise MappingError(f"{path}: mapping file is neither valid JSON nor valid YAML") from None
    return check_mapping(data, where=str(path))


def check_mapping(mapping: Any, *, where: str = "mapping") -> dict:
    if not isinstance(mapping, dict):
        raise MappingError(f"{where}: a mapping must be a dict of canonical field -> source column")
    for key, value in mapping.items():
        if key == "body_format":
            if value not in BODY_FORMATS:
                raise MappingError(f"{where}: body_format must be one of {', '.join(BODY_FORMATS)}")
        elif key not in FIELDS:
            raise MappingError(f"{where}: unknown field {key!r} (expected one of {', '.join(FIELDS)}, body_format)")
        elif isinstance(value, dict):
            if set(value) != {"value"} or not isinstance(value["value"], (str, int, float)):
                raise MappingError(f"{where}: {key}: a constant is written {{value: <text>}}")
        elif not isinstance(value, str) or not value:
            raise MappingError(f"{where}: {key}: the source column must be a non-empty string")
    return dict(mapping)


def mapped_columns(mapping: dict) -> list[str]:
    """The source columns a (checked) mapping names, in order; constants excluded."""
    return [v for k, v in mapping.items() if k != "body_format" and isinstance(v, str)]


_ABSENT = object()


def _lookup(record: dict, column: str) -> Any:
    if column in record:
        return record[column]
    if "." in column:
        value: Any = record
        for part in column.split("."):
            if not isinstance(value, dict) or part not in value:
                return _ABSENT
            value = value[part]
        return value
    return _ABSENT


class MappedAdapter:
    def __init__(self, source_file: str, source_format: str, mapping: dict | None, community: str | None, default_community: str):
        mapping = check_mapping(mapping or {})
        self.source_file = source_file
        self.format = source_format
        self.community = community
        self.default_community = default_community
        self.body_format = mapping.get("body_format", "text")
        self.sources: dict[str, tuple[Source, ...]] = {
            field: (mapping[field],) if field in mapping else ALIASES[field] for field in FIELDS
        }

    def _get(self, record: dict, field: str) -> Any:
        """The field's value; _ABSENT when no source column is present in the record."""
        for source in self.sources[field]:
            if isinstance(source, dict):
                return source["value"]
            value = _lookup(record, source)
            if value is not _ABSENT:
                return value
        return _ABSENT

    def _text(self, value: str) -> str:
        if self.body_format == "html":
            return html_to_text(value)
        if self.body_format == "markdown":
            return markdown_to_text(value, allow_html=True)
        return normalise_whitespace(value)

    def __call__(self, n: int, record: dict) -> Post | Quarantined | Filtered:
        src = self.source_file
        get = self._get
        post_id = as_id(get(record, "post_id"))
        if not post_id:
            return Quarantined(src, n, "missing_id", "record has no post id")
        created = get(record, "created_at")
        created_at = read_created_at(None if created is _ABSENT else created, "timestamp", src, n)
        if isinstance(created_at, Quarantined):
            return created_at
        raw_body = get(record, "body")
        raw_title = get(record, "title")
        title = as_text(raw_title) if raw_title is not _ABSENT else None
        if raw_body is _ABSENT:
            return Quarantined(src, n, "missing_text", "record has no body field")
        if raw_body is None or isinstance(raw_body, (dict, list, bool)):
            raw_body = ""
        body = self._text(str(raw_body)) if raw_body != "" else ""
        if not body and not title:
            return Quarantined(src, n, "missing_text", "record has neither body text nor a title")
        thread_id = as_id(get(record, "thread_id")) or post_id
        parent = get(record, "parent_id")
        community = get(record, "community")
        author, author_name = get(record, "author"), get(record, "author_name")
        return make_post(
            post_id=post_id,
            thread_id=thread_id,
            parent_id=as_id(parent) if parent is not _ABSENT else None,
            community=self.community or (as_text(community) if community is not _ABSENT else None)
            or self.default_community,
            author=as_text(author) if author is not _ABSENT else None,
            author_name=as_text(author_name) if author_name is not _ABSENT else None,
            created_at=created_at,
            title=title,
            body=body,
            source_file=src,
            source_record=n,
            source_format=self.format,
        )
