"""A capitalised word that does what only people do: "Nkechi lives in ...", "Dilnoza spent a
year ...", "Radek told me", "Oluwaseun married ...". The verb is the cue, so names no list
knows are found; the word must be no English word ("Everyone told me", "Nobody knows") nor
a drug or symptom word, unless a first-name list knows it ("Scott told me")."""
from ..gazetteers import (
    first_names,
    is_english_word,
    looks_like_drug,
    medical_terms,
    medical_words,
)
from .base import NOT_NAMES, Rule, RuleRecognizer

# Verbs (past, present, third person) that take a person as subject, never a drug or a thing.
_VERBS = (
    r"(?:lives|lived|spent|told|tells|asked|asks|shouted|yelled|whispered|texted|emailed|"
    r"married|divorced|smiled|laughed|cried|thinks|believes|wonders|wondered|"
    r"replied|answered|promised|admitted|apologi[sz]ed|insisted|complained|explained|"
    r"began writing|grew up|was born|is married|is pregnant)"
)
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž'’-]+"


class PersonVerbRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (Rule("name_person_verb", r"(?<![\w@#])(?P<phi>" + _NAME + r")[ \t]+" + _VERBS + r"\b", 0.6),)
    EXCLUDE = NOT_NAMES | frozenset({"everyone", "everybody", "nobody", "someone", "somebody", "anyone", "mom", "dad"})

    def accept(self, value: str, rule: Rule) -> bool:
        word = value.lower().removesuffix("'s").removesuffix("’s")
        if word in first_names():
            return word not in medical_terms()
        return not (is_english_word(word) or word in medical_words() or word in medical_terms() or looks_like_drug(word))
