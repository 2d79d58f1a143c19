"""Names written in capitals ("IS THAT KELSEY ?", "BEST OF RADEK"): a word of four or more
capital letters that the world name lists know (``deid/gazetteers.py``: no English word, drug or
symptom word, state or country), and that is no inflected English word either ("WEEKS",
"SHOWS"). The other name rules leave all-capital words alone: acronyms and shouting."""
from __future__ import annotations

from ..gazetteers import (
    is_english_word,
    looks_like_drug,
    world_first_names,
    world_surnames,
)
from .base import Rule, RuleRecognizer


class ShoutedNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (Rule("capitals", r"(?<![\w@#/.-])(?P<phi>[A-Z]{4,})(?:['’]S)?(?![\w/.-]*\w)", 0.5),)
    REQUIRES = r"[A-Z]{4}"

    def accept(self, value: str, rule: Rule) -> bool:
        word = value.lower()
        return (word in world_first_names() or word in world_surnames()) and not is_english_word(word) and not looks_like_drug(word)
