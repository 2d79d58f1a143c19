"""Names of people spoken to or quoted: a speaker label in a transcript ("Nkechi: are you
coming?", "mum: eat something") and a name called out before a question or request
("Radek, can you send it?", "Ines , do you still take it?"). The word must be a first name
a list knows, or (capitalised) no English, drug or symptom word: "Update: ...", "Edit: ...",
"Sorry, can I ..." and "Humira: ..." stay."""
import re

from ..gazetteers import (
    is_english_word,
    is_first_name,
    looks_like_drug,
    medical_terms,
    medical_words,
)
from .base import NOT_NAMES, NOT_PERSON_WORDS, Rule, RuleRecognizer

_NAME = r"[A-Za-zÀ-ÖØ-öø-ž][a-zà-öø-ÿā-ž'’-]+"
_LINE_START = r"(?:^|(?<=\|)|(?<=[.!?]\s))[ \t>]*"


class AddressedNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule("speaker_label", _LINE_START + r"(?P<phi>" + _NAME + r")[ \t]*:[ \t]*(?=[\"“'A-Za-z])", 0.55, re.MULTILINE),
        Rule(
            "vocative",
            _LINE_START + r"(?P<phi>" + _NAME + r")[ \t]*,[ \t]+(?i:can|could|would|will|do|did|are|were|have|please|thank|you|i)\b",
            0.55,
            re.MULTILINE,
        ),
    )
    EXCLUDE = NOT_NAMES | NOT_PERSON_WORDS | frozenset(
        {"update", "edit", "note", "ps", "re", "fyi", "tldr", "tl", "question", "answer", "q", "a", "sorry", "please",
         "thanks", "hi", "hey", "hello", "well", "ok", "okay", "yes", "no", "also", "anyway", "doctor", "doc", "nurse",
         "me", "him", "her", "husband", "wife"}
    )

    def accept(self, value: str, rule: Rule) -> bool:
        word = value.lower()
        if word in medical_terms() or word in medical_words():
            return False
        if is_first_name(word):
            return True
        return value[:1].isupper() and not is_english_word(word) and not looks_like_drug(word)
