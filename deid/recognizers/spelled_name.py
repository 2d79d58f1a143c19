"""Names spelled out letter by letter to slip past filters ("my name is J e n n y",
"J.e.n.n.y", "t-y-l-e-r", "K * A * T * E"): three or more single letters with one separator
used throughout, whose letters joined are a first name a name list knows (Census, the world
lists) that is no verb or adjective ("L . O . V . E" is emphasis), or a listed surname that is
no English word; never a medical term. Acronyms written with spaces or dots ("I V F",
"U.S.A.") join to no name and stay; the few medical ones that do join to a name ("T I A",
"A.N.A.", "N A S H") are listed and stay when written in capitals. The pattern is cheap (about
0.01 ms a post on medred_dev), so it has no prefilter."""
from __future__ import annotations

import re

from ..gazetteers import (
    common_surnames,
    is_english_word,
    is_first_name,
    is_verb_or_modifier,
    medical_terms,
    world_surnames,
)
from .base import Rule, RuleRecognizer

# One separator throughout: a space, ".", "-", "*" or "_", or ". " ("J. E. N. N. Y.").
_SPELLED = r"(?<![\w.*-])(?P<phi>[A-Za-z](?P<sep>\.[ ]|[ .*_-]|[ ][*.-][ ])(?:[A-Za-z](?P=sep)){1,14}[A-Za-z])(?!\w|(?P=sep)[A-Za-z](?!\w))"

# Medical acronyms that a name list also holds (Tia, Ana, Nash, Lada): in capitals, an acronym.
_ACRONYMS = frozenset({"tia", "ana", "ama", "nash", "gist", "lada", "her"})


class SpelledNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (Rule("letters", _SPELLED, 0.6),)

    def accept(self, value: str, rule: Rule) -> bool:
        letters = re.sub(r"[^A-Za-z]", "", value)
        word = letters.lower()
        if letters.isupper() and word in _ACRONYMS:
            return False
        if word in medical_terms():
            return False
        # spelling out a verb or adjective is emphasis ("L . O . V . E", "F R E E"), even when a
        # name list holds it; a surname only when it is no English word
        if is_first_name(word):
            return not is_verb_or_modifier(word)
        return (word in common_surnames() or word in world_surnames()) and not is_english_word(word)
