"""Relatives and friends named after a relation word ("my husband Mike", "my DH Tom")."""
from .base import NOT_NAMES, NOT_PERSON_WORDS, Rule, RuleRecognizer

_RELATION = (
    r"(?i:husband|hubby|wife|son|daughter|mom|mum|mother|dad|father|sister|brother|partner|boyfriend|"
    r"girlfriend|fianc[eé]e?|grandson|granddaughter|grandma|grandmother|grandpa|grandfather|aunt|"
    r"uncle|niece|nephew|friend|bestie|neighbou?r|cousin|stepson|stepdaughter|stepmom|stepdad|"
    r"mil|fil|sil|bil|dh|dw|ds|dd|kid|boy|girl|baby|sweetheart|spouse|roommate|caregiver|carer|coworker|boss)"
)


class FamilyNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule(
            "relation_name",
            r"\b(?i:my|our|her|his|their|your)\s+(?:(?i:little|older|younger|big|best|late|dear|sweet|step|oldest|youngest)\s+)?"
            + _RELATION
            + r"s?,?[ ]+(?P<phi>[A-Z][a-z'’-]+)(?:[ ]+(?P<last>[A-Z][a-z'-]+))?",
            0.75,
        ),
    )
    EXCLUDE = NOT_NAMES | NOT_PERSON_WORDS
