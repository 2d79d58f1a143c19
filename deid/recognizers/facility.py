"""Named hospitals, clinics and practices: they place a member in a small area."""
import re

from spacy.lang.en.stop_words import STOP_WORDS

from .base import Rule, RuleRecognizer

_KINDS = (
    r"(?:Hospital|Hospitals|Medical Center|Medical Centre|Health System|Healthcare|Health Care|Clinic|"
    r"Cancer Center|Cancer Centre|Cancer Institute|Infirmary|Medical Group|Memorial|Institute|"
    r"Oncology|Neurology Associates|Associates|Pharmacy|Hospice|Rehab|Rehabilitation Center|Care Center|"
    r"Nursing Home|Health Center|Family Practice|Specialists|MS Center|Diabetes Center|Breast Center|"
    r"Infusion Center|Infusion Centre|Memory Care|Senior Living|Assisted Living|Rehabilitation Center|"
    r"Medical Associates|Urgent Care|Center|Centre)"
)
# Generic words that start a description rather than a name ("the local cancer center").
_NOT_NAME_START = (
    r"(?!(?:the|a|an|my|our|his|her|their|your|this|that|local|same|new|nearest|closest|big|small|"
    r"great|other|another|any|every|one|each|some|nice|best|main|regional|county|state|university|"
    r"cancer|infusion|medical|memory|diabetes|ms|breast|family|urgent|care|health|senior|nursing|"
    r"rehab|rehabilitation|assisted|hospice)\b)"
)


# Words that never belong inside a facility's name: a lower-case phrase containing one is
# about care ("pay for memory care"), not a name.
_NOT_IN_NAME = sorted(set(STOP_WORDS) | {"pay", "afford", "find", "need", "get", "got", "chose", "toured", "called", "visited", "looking", "moved", "went"}, key=len, reverse=True)
_NAME_WORD = r"(?!(?:" + "|".join(re.escape(w) for w in _NOT_IN_NAME) + r")\b)[a-z][a-z'.-]+"


class FacilityRecognizer(RuleRecognizer):
    ENTITY = "HOSPITAL"
    RULES = (
        Rule(
            "named_facility",
            r"\b(?P<phi>(?:(?:St\.?|Saint|Mt\.?|Mount)\s+)?[A-Z][A-Za-z'&.-]+(?:\s+(?:of\s+)?[A-Z][A-Za-z'&.-]+){0,4}\s+" + _KINDS + r"\b)",
            0.75,
        ),
        Rule(
            "lowercase_named_facility",
            r"(?:^|[.!?]\s+|\b(?i:at|to|from|in|chose|toured|called|visited|is|and)\s+)(?P<phi>" + _NOT_NAME_START + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,3}\s+" + _KINDS.lower() + r")\b",
            0.6,
            re.MULTILINE,
        ),
    )
    EXCLUDE = frozenset(
        {"the hospital", "cancer center", "the clinic", "mental health care", "health care"}
    )
