"""Turning analyzer results into the final, non-overlapping redactions.

Pure functions over (start, end, entity_type, score, source) tuples, so the
rules are testable without a model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

MONTH = (  # a month name or its abbreviation (a regex, no flags)
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_LIKE = re.compile(
    r"\b(?:" + MONTH + r")\b\.?|\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d{1,2}[/-](?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\b|"
    r"\b(?:christmas|thanksgiving|easter|halloween|new year'?s)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    entity_type: str
    score: float = 1.0


@lru_cache(maxsize=None)
def load_word_list(name: str) -> frozenset[str]:
    text = resources.files("deid.resources").joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_date_identifier(value: str) -> bool:
    """Dates tied to a person (day, month) are identifiers; bare years and durations are not."""
    return bool(_DATE_LIKE.search(value))


_TRAILING_YEAR = re.compile(r"(?P<sep>,?[ \t]+|[/.-])(?:18|19|20)\d\d$")
_LEADING_YEAR = re.compile(r"^(?:18|19|20)\d\d[/.-]")


def without_year(span: Span, value: str) -> Span:
    """A date less the four-digit year at its end or start ("March 14, 2019" -> "March 14", "14/03/2019"
    -> "14/03", "03/2019" -> "03", "2019-03-14" -> "03-14"), when what is left still names a day or a
    month: Safe Harbor keeps years. Otherwise (a year inside, a two-digit year) the span as it is."""
    trailing = _TRAILING_YEAR.search(value)
    if trailing:
        rest = value[: trailing.start()]
        month_only = trailing.group("sep") in "/-" and re.fullmatch(r"0?[1-9]|1[0-2]", rest)
        if is_date_identifier(rest) or month_only:
            return Span(span.start, span.start + len(rest), span.entity_type, span.score)
    leading = _LEADING_YEAR.match(value)
    if leading and is_date_identifier(value[leading.end() :]):
        return Span(span.start + leading.end(), span.end, span.entity_type, span.score)
    return span


def keep_span(span: Span, value: str, *, keep_states_and_countries: bool = True) -> bool:
    if span.entity_type == "DATE_TIME":
        return is_date_identifier(value)
    if span.entity_type == "LOCATION" and keep_states_and_countries:
        if value.strip().lower() in load_word_list("safe_harbor_places.txt"):
            return False
    return True


def resolve(spans: Iterable[Span]) -> list[Span]:
    """Union overlapping spans; the merged span takes the type of its longest (then highest-scoring) part."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[tuple[int, int, Span]] = []  # (start, end, representative)
    for span in ordered:
        if merged and span.start < merged[-1][1]:
            start, end, rep = merged[-1]
            better = (span.end - span.start, span.score) > (rep.end - rep.start, rep.score)
            merged[-1] = (start, max(end, span.end), span if better else rep)
        else:
            merged.append((span.start, span.end, span))
    return [Span(s, e, rep.entity_type, rep.score) for s, e, rep in merged]
