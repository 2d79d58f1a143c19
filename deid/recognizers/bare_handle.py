"""Forum usernames mentioned without their "@" or "u/" ("thanks sunflower_jen82", "jenny82 said
it", "as MikeT1975 wrote"): a word shaped like a username (parts joined by "_", letters then 2-4
digits, or a camelCase run that ends in digits) with a first name among its parts (the Census
and world first-name lists), or with no name but shaped like nothing else ("CancerMom77",
"t1d_warrior82": camelCase and digits, or "_" and digits). The export's own members are
redacted wherever they appear (``member_names.py``); this takes the handles of anyone else.
Months ("jan2024"), everyday-word names ("max10"), drugs and supplements ("covid19", "CoQ10",
"Type_2") name nobody and stay."""
from __future__ import annotations

import re

from ..gazetteers import is_first_name, is_medical_word
from .base import Rule, RuleRecognizer
from .member_names import COMMON_WORD_NAMES, name_parts

_CAMEL_DIGITS = r"[A-Z][a-z]{2,}[A-Z][A-Za-z]*\d{2,4}"  # MikeT1975 (not "CoQ10")
_SHAPES = (
    r"[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*"  # sunflower_jen82, mike_t, hopeful_hannah
    r"|[A-Za-z]{3,}\d{2,4}"  # jenny82, Mike1975
    r"|" + _CAMEL_DIGITS
)
# Shaped like nothing but a username: a camelCase run and 2-4 digits, or "_" and 2+ digits.
_CODED = re.compile(_CAMEL_DIGITS + r"|(?=.*_)(?=(?:.*\d){2})[\w]+")
_MONTHS = frozenset("jan feb mar apr may jun june jul july aug sep sept oct nov dec".split())


class BareHandleRecognizer(RuleRecognizer):
    ENTITY = "USERNAME"
    RULES = (Rule("name_in_handle", r"(?<![\w@/.#$&=?%+-])(?P<phi>" + _SHAPES + r")(?![\w@/]|[.-]\w)", 0.6),)
    REQUIRES = r"[A-Za-z0-9]_|[A-Za-z]{3}\d\d"

    def accept(self, value: str, rule: Rule) -> bool:
        if is_medical_word(value.lower()):  # a supplement or drug written this way
            return False
        if _CODED.fullmatch(value):  # "CancerMom77", "t1d_warrior82": a handle with or without a name
            return True
        return any(_names_someone(p.lower()) for p in name_parts(value) if p.isalpha())


def _names_someone(part: str) -> bool:
    if len(part) < 3 or part in _MONTHS or part in COMMON_WORD_NAMES or is_medical_word(part):
        return False
    return is_first_name(part)
