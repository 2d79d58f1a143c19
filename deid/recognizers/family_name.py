"""Relatives and friends named after a relation word ("my husband Mike", "my DH Tom"), and in
lower case right after one relative ("my hubby rob", "my MIL barb"): a listed first name, the
everyday-word ones included, unless the word can go on the sentence instead ("my husband will",
"my mom rose to", "my son just", "my dad hopes")."""

from ..gazetteers import reads_as_predicate
from .member_names import first_name_like
from .base import NOT_NAMES, NOT_PERSON_WORDS, Rule, RuleRecognizer

_RELATION = (
    r"(?i:husband|hubby|wife|son|daughter|mom|mum|mother|dad|father|sister|brother|partner|boyfriend|"
    r"girlfriend|fianc[eé]e?|grandson|granddaughter|grandma|grandmother|grandpa|grandfather|aunt|"
    r"uncle|niece|nephew|friend|bestie|neighbou?r|cousin|stepson|stepdaughter|stepmom|stepdad|"
    r"mil|fil|sil|bil|dh|dw|ds|dd|kid|boy|girl|baby|sweetheart|spouse|roommate|caregiver|carer|coworker|boss)"
)


_MY = r"\b(?i:my|our|her|his|their|your)\s+(?:(?i:little|older|younger|big|best|late|dear|sweet|step|oldest|youngest)\s+)?"


class FamilyNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule(
            "relation_name",
            _MY
            + _RELATION
            + r"s?,?[ ]+(?P<phi>[A-Z][a-z'’-]+)(?:[ ]+(?P<last>[A-Z][a-z'-]+))?",
            0.75,
        ),
        Rule("relation_lower_name", _MY + _RELATION + r",?[ ]+(?P<phi>[a-z][a-z'’-]+)(?![\w'’-])", 0.6),
    )
    EXCLUDE = NOT_NAMES | NOT_PERSON_WORDS

    def accept(self, value: str, rule: Rule) -> bool:
        if rule.name != "relation_lower_name":
            return True
        word = value.replace("’", "'")
        return first_name_like(word) and not reads_as_predicate(word)
