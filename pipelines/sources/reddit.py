"""Reddit submissions and comments (Pushshift / Arctic Shift dumps) → Post."""
from __future__ import annotations

import html
import re

from ..records import Filtered, Post, Quarantined
from .post import as_id, as_text, make_post
from .text import markdown_to_text, strip_quoted_lines
from .timestamps import read_created_at

DELETED = {"[deleted]", "[removed]"}
_PREFIX = re.compile(r"^t\d_")
_SPOILER = re.compile(r">!(.+?)!<", re.S)


def reddit_text(raw: str) -> str:
    """Reddit markdown (HTML-escaped in dumps) → plain text, quoted lines removed."""
    text = html.unescape(raw)
    if ">!" in text:
        text = _SPOILER.sub(r"\1", text)  # spoilers are the author's own words, not a quote
    return markdown_to_text(strip_quoted_lines(text))


def _strip_prefix(value: object) -> str | None:
    ident = as_id(value)
    return _PREFIX.sub("", ident) if ident else None


class RedditAdapter:
    format = "reddit"

    def __init__(self, source_file: str, community: str | None, default_community: str):
        self.source_file = source_file
        self.community = community
        self.default_community = default_community

    def __call__(self, n: int, obj: dict) -> Post | Quarantined | Filtered:
        src = self.source_file
        is_comment = "body" in obj or ("link_id" in obj and "title" not in obj)
        post_id = as_id(obj.get("id")) or _strip_prefix(obj.get("name"))
        if not post_id:
            return Quarantined(src, n, "missing_id", "record has no id")
        created_at = read_created_at(obj.get("created_utc"), "created_utc", src, n)
        if isinstance(created_at, Quarantined):
            return created_at

        text_key = "body" if is_comment else "selftext"
        raw = obj.get(text_key)
        title = None if is_comment else as_text(html.unescape(obj.get("title") or ""))
        if text_key not in obj or (raw is None and not title):
            return Quarantined(src, n, "missing_text", f"record has no {text_key} field")
        raw = raw if isinstance(raw, str) else ""
        if raw.strip() in DELETED:
            # Its author (or a moderator) took it down: the title is not published either.
            kind = "comment" if is_comment else "submission"
            return Filtered(src, n, "deleted_by_source", f"{kind} was deleted or removed on Reddit")
        body = reddit_text(raw)

        if is_comment:
            thread_id = _strip_prefix(obj.get("link_id")) or post_id
            parent_id = _strip_prefix(obj.get("parent_id"))
        else:
            thread_id, parent_id = post_id, None
        author = as_text(obj.get("author"))
        return make_post(
            post_id=post_id,
            thread_id=thread_id,
            parent_id=parent_id,
            community=self.community or as_text(obj.get("subreddit")) or self.default_community,
            author=None if author in DELETED else author,
            author_name=None,
            created_at=created_at,
            title=title,
            body=body,
            source_file=src,
            source_record=n,
            source_format=self.format,
        )
