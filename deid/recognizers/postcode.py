"""A postcode written after a place name: "in Castelnuovo 00060", "from VÄSTERÅS 722 14".

The formats are those of the common postal systems: US ZIP and ZIP+4 ("62704", "62704-1234"),
Portugal ("1100-148"), Sweden, Czechia, Slovakia, Greece ("752 21", "110 00"), Poland
("31-042"), the Netherlands ("1234 AB"), Canada ("K1A 0B1"), the UK ("SW1A 1AA", "M1 1AE"),
and the 4-digit codes of Switzerland, Austria, Denmark, Norway, Belgium, Australia and others.
The place before it is a capitalised name (connectors like "de", "am" allowed) after a place
preposition. Never a bare number in prose: a year ("in Boston 2019"), a count or dose ("in
Denver 10000 steps", "Vitamin D 5000 IU"), a month, a drug name or a numbered thing ("Room
1021", "Stage 4") is not a place and a postcode.
"""
from __future__ import annotations

import re

from ..gazetteers import medical_terms
from .address_block import CONNECTORS, NOT_PLACES, NUMBERED, counts_something

_CAP = r"[A-ZÀ-ÖØ-Þ]"
_NAME = _CAP + r"[\w'’-]*"
_CONNECTOR = r"(?:" + "|".join(sorted(CONNECTORS)) + r")"
PLACE = _NAME + r"(?:[ \t]+(?:" + _CONNECTOR + r"[ \t]+)?" + _NAME + r"){0,3}"
POSTCODE = (
    r"(?:\d{5}(?:-\d{4})?|\d{4}-\d{3}|\d{3}[ ]\d{2}|\d{2}-\d{3}|\d{4}(?:[ ]?[A-Z]{2})?"
    r"|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})(?![\w-])"
)
_CUE = r"\b(?=[iInNfFaAoOtT])(?i:in|near|from|at|around|outside(?:[ \t]+of)?|to)[ \t]+(?=" + _CAP + ")"


def place_postcode_regex(phi: str) -> str:
    """The pattern with ``phi`` around the postcode (``phi="code"``) or the place (``"place"``);
    the other part is the named group ``place`` or ``code``."""
    place = "phi" if phi == "place" else "place"
    code = "phi" if phi == "code" else "code"
    return _CUE + r"(?P<" + place + r">" + PLACE + r"),?[ \t]+(?P<" + code + r">" + POSTCODE + r")"


def is_place_postcode(match: re.Match, place_group: str, code_group: str) -> bool:
    place, code = match.group(place_group), match.group(code_group)
    words = [w.lower() for w in place.split()]
    if any(w in NUMBERED or (w in NOT_PLACES and w not in CONNECTORS) for w in words):
        return False
    if place.lower() in medical_terms() or any(w in medical_terms() for w in words if len(w) > 3):
        return False
    if re.fullmatch(r"(?:19|20)\d\d", code):  # a year
        return False
    # "... 722 14 in the spring" is fine; "... 10000 steps", "5000 IU", "20 %" count something.
    return not counts_something(match.string, match.end(), len(match.string))
