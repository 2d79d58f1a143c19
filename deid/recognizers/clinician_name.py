"""Names of doctors, nurses and other care-team members ("Dr. Patel", "my nurse Linda")."""
from .base import NOT_NAMES, Rule, RuleRecognizer

_NAME = r"(?P<phi>[A-Z][a-zA-Z'’-]+(?:[ ]+(?!(?:and|at|from|said|says|is|was|who|told)\b)[A-Z][a-zA-Z'’-]+)?)"
_NAME_WORD = r"[A-Z][a-zA-Z'’-]+"
_ROLES = (
    r"(?i:nurse|np|pa|oncologist|onc|neurologist|neuro|endocrinologist|endo|surgeon|doctor|doc|gp|pcp|"
    r"rheumatologist|therapist|counselor|counsellor|psychiatrist|psychologist|dermatologist|"
    r"cardiologist|radiologist|pharmacist|navigator|social worker|physio|physiotherapist|dietitian|"
    r"nutritionist|specialist|midwife|practitioner|coordinator|rn|md)"
)

# Words that make a role of "Nurse" or "the nurse" rather than name the nurse ("Nurse Navigator").
_NOT_ROLE = r"(?!(?:Practitioner|Practitioners|Navigator|Educator|Manager|Coordinator|Case|Anesthetist|Specialist|Midwife|Aide)\b)"


class ClinicianNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule("title", r"\b(?:Dr|DR|dr|Doctor|Prof|Professor)\.?[ ]+" + _NAME, 0.85),
        # "Dr. J said", "Dr K.": an initial after the title ("the Dr. I saw" and "Dr. A few" stay)
        Rule("title_initial", r"\b(?:Dr|DR|dr|Doctor|Prof|Professor)\.?[ ]+(?P<phi>[B-HJ-Z])\b(?!['’]\w)\.?", 0.7),
        # "Drs. Lee and Park": every name after the plural title
        Rule("plural_title", r"\b(?:Drs|DRS|drs)\.?[ ]+(?P<phi>" + _NAME_WORD + r"(?:(?:,[ ]*|,?[ ]+(?:and|&)[ ]+)" + _NAME_WORD + r"){0,4})", 0.85),
        # "Nurse Ratched", "Nurse Jackie": "Nurse" capitalised as a title, not a role ("Nurse Practitioner")
        Rule("nurse_title", r"\bNurse[ ]+" + _NOT_ROLE + _NAME, 0.7),
        Rule("role_name", r"\b(?i:my|our|the|her|his|their)\s+(?:[a-z]+[ -]){0,2}" + _ROLES + r",?[ ]+" + _NOT_ROLE + _NAME, 0.7),
        Rule("name_title", r"\b(?P<phi>[A-Z][a-z]+),?\s+(?:MD|M\.D\.|RN|NP|PA-C|DO)\b", 0.7),
        Rule("lowercase_dr", r"\b(?:dr|doc)\.?[ ]+(?P<phi>[a-z][a-z'-]{2,})\b", 0.5),
    )
    EXCLUDE = NOT_NAMES | frozenset({"google", "who", "office", "appointment", "visit", "said", "says", "told"})
