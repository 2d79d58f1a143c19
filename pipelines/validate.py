"""Record-level checks that do not depend on the source format.

``validate`` streams Posts through and turns the unacceptable ones into
``Quarantined`` markers; ``Quarantined`` / ``Filtered`` items pass unchanged.
Its only state is the set of (community, post_id) pairs already seen.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Iterable, Iterator, Union

from deid.language import check_language

from .records import Filtered, Post, Quarantined

Item = Union[Post, Quarantined, Filtered]

BINARY_RATIO = 0.10
# Control characters (Unicode category Cc) other than \t \n \r.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_ratio(text: str) -> float:
    """Share of characters that are control characters other than tab / newline / CR."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def validate(
    items: Iterable[Item],
    *,
    max_body_chars: int = 100_000,
    min_year: int = 1995,
    now: datetime | None = None,
) -> Iterator[Item]:
    """Quarantine posts that are oversized, empty, binary junk, not in English (the
    de-identifier cannot be trusted on other languages), absurdly dated or duplicates (same post_id again in the same community: the first valid
    one is kept)."""
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    earliest = datetime(min_year, 1, 1, tzinfo=timezone.utc)
    latest = now + timedelta(days=1)
    seen: set[tuple[str, str]] = set()
    for item in items:
        if not isinstance(item, dict):
            yield item
            continue
        problem = _check(item, max_body_chars, earliest, latest)
        if problem is None:
            key = (item["community"], item["post_id"])
            if key in seen:
                problem = ("duplicate_id", "post_id already seen earlier in this run for the same community")
            else:
                seen.add(key)
        if problem is None:
            yield item
        else:
            yield Quarantined(item["source_file"], item["source_record"], *problem)


def _check(post: Post, max_body_chars: int, earliest: datetime, latest: datetime) -> tuple[str, str] | None:
    body = post.get("body") or ""
    title = post.get("title") or ""
    if len(body) > max_body_chars:
        return "oversized", f"body has {len(body)} characters (limit {max_body_chars})"
    if not body.strip() and not title.strip():
        return "missing_text", "post has neither body text nor a title"
    text = body + title
    ratio = control_ratio(text)
    if ratio > BINARY_RATIO:
        return "binary_content", f"{ratio:.0%} of the characters are control characters"
    language = check_language(text)
    if not language.is_english:
        return "not_english", language.reason() + " (the de-identifier is English-only)"
    created = post.get("created_at")
    if not isinstance(created, datetime):
        return "bad_timestamp", "created_at is not a datetime"
    if created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    if created < earliest:
        return "absurd_timestamp", f"created_at is before {earliest.year}"
    if created > latest:
        return "absurd_timestamp", "created_at is more than a day in the future"
    return None
