"""A capitalised word that does what only people do: "Nkechi lives in ...", "Dilnoza spent a
year ...", "Radek told me", "Oluwaseun married ...". The verb is the cue, so names no list
knows are found; the word must be no English word ("Everyone told me", "Nobody knows") nor
a drug or symptom word, unless a first-name list knows it ("Scott told me")."""

from ..gazetteers import (
    first_names,
    is_english_word,
    is_first_name,
    is_medical_word,
    medical_terms,
)
from .base import NOT_NAMES, NOT_PERSON_WORDS, Rule, RuleRecognizer

# Verbs (past, present, third person) that take a person as subject, never a drug or a thing.
_VERBS = (
    r"(?:lives|lived|spent|told|tells|asked|asks|shouted|yelled|whispered|texted|emailed|"
    r"married|divorced|smiled|laughed|cried|thinks|believes|wonders|wondered|"
    r"replied|answered|promised|admitted|apologi[sz]ed|insisted|complained|explained|"
    r"began writing|grew up|was born|is married|is pregnant)"
)
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž'’-]+"
# What is said of people, not of drugs or things: "X is so funny", "X is such a legend".
_PERSON_ADJ = (
    r"(?:hilarious|funny|cute|handsome|gorgeous|beautiful|pretty|talented|jealous|obsessed|pregnant|"
    r"adorable|sexy|rude|brave|lazy|dumb|stupid|sweet|clever|smart|married|single|dating)"
)
_PERSON_NOUN = r"(?:legend|genius|badass|savage|king|queen|hero|idiot|liar|jerk|sweetheart|angel|gem|goat|boss|snack|cutie|dork)"
_PREDICATE = (
    r"(?:is|was|'s|’s)[ \t]+(?:(?:so|really|very|too|such|actually|literally|just)[ \t]+)*"
    r"(?:" + _PERSON_ADJ + r"|(?:an?[ \t]+)?(?:(?:total|real|absolute|living|great|little|huge)[ \t]+)?" + _PERSON_NOUN + r")"
)


class PersonVerbRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule("name_person_verb", r"(?<![\w@#])(?P<phi>" + _NAME + r")[ \t]+" + _VERBS + r"\b", 0.6),
        Rule("name_person_predicate", r"(?<![\w@#])(?P<phi>" + _NAME + r")[ \t]+" + _PREDICATE + r"\b", 0.55),
        # in lower case only a first name a list knows: "momo is so cute" needs "momo" listed
        Rule("lower_name_person_predicate", r"(?<![\w@#])(?P<phi>[a-zà-öø-ÿā-ž][a-zà-öø-ÿā-ž'’-]+)[ \t]+" + _PREDICATE + r"\b", 0.5),
    )
    EXCLUDE = NOT_NAMES | NOT_PERSON_WORDS | frozenset({"everyone", "everybody", "nobody", "someone", "somebody", "anyone"})

    def accept(self, value: str, rule: Rule) -> bool:
        word = value.lower().removesuffix("'s").removesuffix("’s")
        if rule.name.startswith("lower_"):
            return is_first_name(word) and word not in medical_terms()
        if word in first_names():
            return word not in medical_terms()
        return not (is_english_word(word) or is_medical_word(word))
