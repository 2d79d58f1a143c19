"""The published ``community`` value: the source's own (subreddit, Discourse category slug, mapped
forum name) when it names no one, otherwise a stable keyed label.

Sources copy community values verbatim, and some name a member: a Reddit user-profile
subreddit (``u_jenny_walsh82``), a Discourse category (``support-for-jenny-walsh82``), a CSV
forum ("Hope Rivera memorial fund"). The deidentify stage passes every distinct value through
:class:`CommunityLabels` once, before any post is written, so every published table (posts and
everything built from them) carries the screened value. A value is replaced by
``community-<8 hex>`` (HMAC of the value with the run's pseudonymisation key, so the same key
gives the same label in every run) when

- it is a Reddit user-profile subreddit (``u_...``, ``u/...``, ``user/...``),
- it holds a member's name or username form, split on ``_ - .``, digits and camelCase
  (``deid.recognizers.member_names``), or
- the de-identifier finds an identifier in its words (``humanise``: "support for jenny walsh 82"
  and "Support For Jenny Walsh 82"), or fails on it.

Clean values stay readable (``diabetes_t2``, ``breast-cancer``). Only the number of replaced values
is reported, never a value.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from deid import Pseudonymizer
from deid.recognizers.member_names import name_parts

from .leakcheck import LeakChecker

LABEL_PREFIX = "community-"
_USER_PROFILE = re.compile(r"(?i)^\s*/?(?:r/)?/?(?:u_|u/|user/|user_)")


def humanise(value: str) -> str:
    """The words of a community value: "support-for-jenny-walsh82" -> "support for jenny walsh 82"."""
    return " ".join(name_parts(value))


def is_user_profile(value: str) -> bool:
    """A Reddit user-profile subreddit ("u_name"), or a value written as a user path ("u/name")."""
    return _USER_PROFILE.match(value) is not None


class CommunityLabels:
    """Screens community values and gives each published one; ``replaced`` counts the distinct
    values replaced by a label."""

    def __init__(self, member_names: Iterable[Optional[str]], pseudo: Pseudonymizer) -> None:
        self.checker = LeakChecker(member_names)
        self.pseudo = pseudo
        self.published: dict[str, str] = {}

    def label(self, value: str) -> str:
        return LABEL_PREFIX + self.pseudo.pseudonym("community", value, length=8).split("_", 1)[1]

    def names_someone(self, value: str) -> bool:
        """Without the de-identifier: a user profile, a member's name form, or a structured identifier."""
        return (
            is_user_profile(value)
            or bool(self.checker.kinds_in(value))
            or bool(self.checker.kinds_in(humanise(value)))
        )

    @staticmethod
    def deid_texts(value: str) -> list[str]:
        """What the de-identifier reads for ``value``: its words as written and title-cased."""
        words = humanise(value) or value
        return [words, words.title()]

    def add(self, value: str, deid_found: bool) -> str:
        """Record ``value``'s published form; ``deid_found``: the de-identifier found (or failed on) something."""
        if value not in self.published:
            self.published[value] = self.label(value) if deid_found or self.names_someone(value) else value
        return self.published[value]

    def __getitem__(self, value: str) -> str:
        return self.published[value]

    @property
    def replaced(self) -> int:
        return sum(1 for value, shown in self.published.items() if shown != value)
