"""First names (from the Census gazetteer) next to a cue that someone is being named:
after a relation or care-team word, before "said", or alone on a greeting line. Catches
the lower-case and unusual forms the small NER model misses ("my dad stanley",
"our social worker ruthie", "What Pam said")."""
import re

from ..gazetteers import first_names
from .base import NOT_PERSON_WORDS, Rule, RuleRecognizer
from .member_names import COMMON_WORD_NAMES

_OWNER = r"(?i:my|our|her|his|their|your|the)"
_WHO = (
    r"(?i:husband|hubby|wife|son|daughter|mom|mum|mother|dad|father|sister|brother|partner|boyfriend|girlfriend|"
    r"grandson|granddaughter|grandma|grandmother|grandpa|grandfather|aunt|uncle|niece|nephew|friend|cousin|"
    r"neighbou?r|(?:mother|father|sister|brother|son|daughter)-in-law|stepson|stepdaughter|spouse|"
    r"nurse|doctor|doc|oncologist|neurologist|endocrinologist|endo|surgeon|educator|social worker|case manager|"
    r"caseworker|aide|therapist|counselou?r|navigator|pharmacist|coordinator|dietitian|practitioner|np|pa|"
    r"chaplain|caregiver|carer|coach|specialist|rep|advocate)"
)
_MODIFIER = r"(?:[a-z]+[ -]){0,2}"
# Sign-off words that a first-name list also holds: a line "Love," opens a sign-off, not a greeting.
_SIGNOFF_WORDS = frozenset({"love", "best", "cheers", "hugs", "blessings", "peace", "regards", "thanks", "warmly"})

# Seasons a name list also holds, rarely given as names (Summer is common, so it stays a name).
_SEASONS = frozenset({"winter", "spring", "autumn", "fall"})


class FirstNameContextRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule("after_relation_or_role", r"\b" + _OWNER + r"\s+" + _MODIFIER + _WHO + r",?\s+(?P<phi>[A-Za-z][a-z'’-]+)\b", 0.75),
        Rule("name_said", r"\b(?P<phi>[A-Z][a-z'’-]+)\s+(?:said|says|mentioned|wrote|suggested|posted|recommended|is right|was right|nailed it)\b", 0.7),
        Rule("name_and_i", r"\b(?P<phi>[A-Z][a-z'’-]+) and I\b(?!['’])", 0.6),
        Rule("greeting_line", r"\A\s*(?P<phi>[A-Za-z][a-z'’-]+)\s*[,!]\s*\n", 0.7),
        Rule("signoff_line", r"\n\s*(?P<phi>[A-Za-z][a-z'’-]+)\s*\Z", 0.6),
        # "Dawn here. Diagnosed 2019", "Hi all, Joy here, newly diagnosed": a writer introducing
        # themselves at the start of a line; "Summer here is awful" (no pause after "here") stays
        Rule(
            "name_here",
            r"(?:^|\n)[ \t]*(?:(?i:hi|hey|hello|hiya)(?:[ \t]+(?i:all|everyone|everybody|guys|folks|friends|ladies))?[,!.]?[ \t]+)?"
            r"(?P<phi>[A-Z][a-z'’-]+)(?:[ \t]*\([^()\n]{1,20}\))?[ \t]+here(?=[ \t]*[,.!:;—–-]|[ \t]*\n|\s*\Z)",
            0.7,
        ),
        # "Hi, I'm Hope. New here.", "I'm Grace, 34": a writer giving their name, then a pause
        Rule(
            "i_am_name",
            r"(?:^|[.!?]\s+|\n|(?i:hi|hey|hello)[,!]?[ \t]+)(?i:i['’]m|i[ \t]+am|im)[ \t]+(?P<phi>[A-Z][a-z'’-]+)(?=[ \t]*[,.!;(]|[ \t]+and\b)",
            0.7,
            re.MULTILINE,
        ),
    )
    EXCLUDE = NOT_PERSON_WORDS

    def accept(self, value: str, rule: Rule) -> bool:
        word = re.sub(r"['’]s$", "", value.lower())
        if rule.name == "greeting_line" and word in _SIGNOFF_WORDS:
            return False
        if rule.name == "name_here" and word in _SEASONS:  # "Winter here, ugh" is the weather
            return False
        # "Hope said", "Grace wrote", "Dawn here.", "I'm Joy.": names that are everyday words
        # count before a speech verb and in a self-introduction
        if word in first_names() or (rule.name in ("name_said", "name_here", "i_am_name") and word in COMMON_WORD_NAMES):
            return True
        # a double first name, "mary-kate", "jean-luc": each part a listed first name
        parts = word.split("-")
        return len(parts) > 1 and all(part in first_names() for part in parts)
