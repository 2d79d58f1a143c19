"""Discourse posts (API / export objects) → Post."""
from __future__ import annotations

from ..records import Filtered, Post, Quarantined
from .post import as_id, as_text, make_post
from .text import html_to_text, markdown_to_text, strip_bbcode_quotes
from .timestamps import read_created_at

MAX_REMEMBERED_POSTS = 500_000  # (topic, post_number) → post id, oldest forgotten first
SMALL_ACTION, WHISPER = 3, 4  # Discourse post_type values


def _post_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def discourse_text(obj: dict) -> str | None:
    cooked = obj.get("cooked")
    if isinstance(cooked, str):
        return html_to_text(cooked)
    raw = obj.get("raw")
    if isinstance(raw, str):
        return markdown_to_text(strip_bbcode_quotes(raw), allow_html=True)
    return None


class DiscourseAdapter:
    format = "discourse"

    def __init__(self, source_file: str, community: str | None, default_community: str):
        self.source_file = source_file
        self.community = community
        self.default_community = default_community
        self._ids: dict[tuple[str, int], str] = {}

    def _remember(self, topic: str, number: int, post_id: str) -> None:
        ids = self._ids
        ids[(topic, number)] = post_id
        if len(ids) > MAX_REMEMBERED_POSTS:
            del ids[next(iter(ids))]

    def __call__(self, n: int, obj: dict) -> Post | Quarantined | Filtered:
        src = self.source_file
        post_id = as_id(obj.get("id"))
        if not post_id:
            return Quarantined(src, n, "missing_id", "post has no id")
        topic = as_id(obj.get("topic_id"))
        if not topic:
            return Quarantined(src, n, "missing_id", "post has no topic_id")
        number = _post_number(obj.get("post_number"))
        if number is not None:
            self._remember(topic, number, post_id)

        if obj.get("deleted_at") or obj.get("user_deleted") is True:
            return Filtered(src, n, "deleted_by_source", "post was deleted on the forum")
        post_type = obj.get("post_type")
        if post_type == SMALL_ACTION:
            return Filtered(src, n, "not_a_post", "forum action notice (post_type 3), not a post")
        if post_type == WHISPER:
            return Filtered(src, n, "not_public", "staff whisper (post_type 4), not public")

        created_at = read_created_at(obj.get("created_at"), "created_at", src, n)
        if isinstance(created_at, Quarantined):
            return created_at

        body = discourse_text(obj)
        if body is None:
            return Quarantined(src, n, "missing_text", "post has neither cooked nor raw text")

        reply_to = _post_number(obj.get("reply_to_post_number"))
        if reply_to is not None:
            parent_id = self._ids.get((topic, reply_to)) or f"{topic}#{reply_to}"
        elif number is not None and number > 1:
            parent_id = self._ids.get((topic, 1))
        else:
            parent_id = None

        title = None
        if number in (None, 1):
            title = as_text(obj.get("topic_title")) or as_text(obj.get("title"))
        return make_post(
            post_id=post_id,
            thread_id=topic,
            parent_id=parent_id,
            community=self.community or as_text(obj.get("category_slug")) or self.default_community,
            author=as_text(obj.get("username")),
            author_name=as_text(obj.get("name")),
            created_at=created_at,
            title=title,
            body=body,
            source_file=src,
            source_record=n,
            source_format=self.format,
        )
