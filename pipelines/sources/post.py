"""Building canonical ``Post`` dicts and coercing source values into them."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from ..records import Post
from .text import fix_surrogates


def as_id(value: Any) -> str | None:
    """An identifier as text; None when absent, empty, or not a scalar."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        value = value.strip()
        return fix_surrogates(value) if value else None
    return None


def as_text(value: Any) -> str | None:
    """A short text field (author, title, community); None when absent or empty."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return fix_surrogates(text) if text else None


def make_post(
    *,
    post_id: str,
    thread_id: str,
    parent_id: str | None,
    community: str,
    author: str | None,
    author_name: str | None,
    created_at: datetime,
    title: str | None,
    body: str,
    source_file: str,
    source_record: int,
    source_format: str,
) -> Post:
    return Post(
        post_id=post_id,
        thread_id=thread_id,
        parent_id=parent_id,
        community=community,
        author=author,
        author_name=author_name,
        created_at=created_at,
        title=fix_surrogates(title) if title else None,
        body=fix_surrogates(body),
        source_file=source_file,
        source_record=source_record,
        source_format=source_format,
    )
