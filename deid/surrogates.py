"""Numbered placeholders that stay the same for the same person throughout a thread.

``<PERSON_1>`` thanked in one reply is ``<PERSON_1>`` when quoted three posts later, so an
analyst can still follow who says what to whom without learning who anyone is. Forms of
one name are linked: "Jenny", "jenny's" and "Jenny Walsh" share a number once any word of
them was seen; "@sunflower_jen82" and "u/sunflower_jen82" are the same handle.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_][\w.-]*[^\W_]|[^\W_]")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _keys(entity_type: str, value: str) -> list[str]:
    value = value.strip().lower()
    value = re.sub(r"^(?:@|/?u/)", "", value)
    if entity_type == "PERSON":
        return [_POSSESSIVE.sub("", w) for w in _WORD.findall(value)] or [value]
    return [re.sub(r"\s+", " ", value)]


class SurrogateMap:
    """One per thread (or per document): value -> number, per entity type."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, str], int] = {}
        self._count: dict[str, int] = {}

    def number(self, entity_type: str, value: str) -> int:
        """The value's number among its type in this map (1, 2, ...), linking forms of one name."""
        keys = _keys(entity_type, value)
        number = next((self._index[(entity_type, k)] for k in keys if (entity_type, k) in self._index), None)
        if number is None:
            number = self._count.get(entity_type, 0) + 1
            self._count[entity_type] = number
        for k in keys:
            self._index.setdefault((entity_type, k), number)
        return number

    def placeholder(self, entity_type: str, value: str) -> str:
        return f"<{entity_type}_{self.number(entity_type, value)}>"


# Realistic stand-ins, for reading de-identified text aloud or in a notebook. They are
# drawn from fixed lists by the placeholder's number, so they are as consistent as the
# numbered placeholders and carry no information about the original.
_NAMES = ("Alex", "Sam", "Jordan", "Taylor", "Casey", "Riley", "Morgan", "Jamie", "Robin", "Avery", "Quinn", "Drew")
_PLACES = ("Springfield", "Riverton", "Fairview", "Lakeside", "Greenville", "Milford", "Oakdale", "Westbrook")
_REALISTIC = {
    "PERSON": lambda n: _NAMES[(n - 1) % len(_NAMES)] + ("" if n <= len(_NAMES) else f" {n}"),
    "USERNAME": lambda n: f"@member{n}",
    "LOCATION": lambda n: _PLACES[(n - 1) % len(_PLACES)] + ("" if n <= len(_PLACES) else f" {n}"),
    "HOSPITAL": lambda n: f"{_PLACES[(n - 1) % len(_PLACES)]} General Hospital",
    "EMAIL_ADDRESS": lambda n: f"member{n}@example.org",
    "URL": lambda n: f"https://example.org/link{n}",
    "PHONE_NUMBER": lambda n: f"555-01{n % 100:02d}",  # 555-0100..0199: reserved for fiction
}


class RealisticSurrogateMap(SurrogateMap):
    """Like ``SurrogateMap``, but names, places, handles, e-mails, URLs and phone numbers get
    realistic stand-ins ("Alex", "Springfield", "555-0101") instead of ``<PERSON_1>``.
    Types without a safe realistic form (dates, ages, record numbers) keep the placeholder.
    Published tables always use placeholders; this is for reading in notebooks."""

    def placeholder(self, entity_type: str, value: str) -> str:
        make = _REALISTIC.get(entity_type)
        return make(self.number(entity_type, value)) if make else super().placeholder(entity_type, value)
