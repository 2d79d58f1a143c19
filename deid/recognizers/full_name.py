"""Capitalised "First Last" pairs the small NER model misses: a first name from the Census
gazetteer followed by a Census surname ("Sophie Lang", "Teresa J. Marrero"). Both halves
must be known, so "Grace Church" or "Hope Lodge" (not Census first names) stay."""
from ..gazetteers import common_surnames, first_names, medical_words
from .base import Rule, RuleRecognizer

_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?"


class FullNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (Rule("first_last", r"\b" + _WORD + r"(?:\s+[A-Z]\.?)?\s+" + _WORD + r"\b", 0.6),)

    def accept(self, value: str, rule: Rule) -> bool:
        words = value.split()
        first, last = words[0].lower(), words[-1].lower().removesuffix("'s").removesuffix("’s")
        return first in first_names() and last in common_surnames() and last not in medical_words()
