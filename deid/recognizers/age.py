"""Ages of people. Safe Harbor requires ages over 89; forums make every age identifying
alongside other details, so all explicit ages are reported (config can relax it)."""
import re

from .base import Rule, RuleRecognizer

_NOT_UNITS = (
    r"(?!\s*(?i:%|mg|mcg|ml|pounds|lbs?|kg|days?|weeks?|months?|hours?|hrs?|minutes?|mins?|units?|"
    r"times|x\b|cycles?|rounds?|mmol|doses?|pills?|tabs?|shots?|infusions?|years? ago|yrs? ago|am|pm|o'?clock|"
    r"steps|miles|km|percent|dollars|bucks|-|/|\.\d))"
)


class AgeRecognizer(RuleRecognizer):
    ENTITY = "AGE"
    REQUIRES = r"\d"  # every rule takes digits
    RULES = (
        Rule("n_years_old", r"\b(?P<phi>\d{1,3})[\s-]?(?:years?|yrs?|yr)[\s-]?old\b", 0.85, re.IGNORECASE),
        Rule("n_yo", r"\b(?P<phi>\d{1,3})\s?(?:yo|y/o|y\.o\.)(?!\w)", 0.8, re.IGNORECASE),
        Rule(
            "i_am_n",
            r"\b(?:i'm|i’m|im|i am|he's|she's|he is|she is|turned|turning|just turned|aged?|at age|at the age of|"
            r"(?:i'll|i will|he'll|she'll|will|to) turn|diagnosed at|dx'?d at|dx at|when (?:i|he|she) was|since (?:i|he|she) was)\s+(?P<phi>\d{1,3})\b" + _NOT_UNITS,
            0.75,
            re.IGNORECASE,
        ),
        Rule(
            "relation_is_n",
            r"\b(?:my|our|her|his|their)\s+(?:[\w-]+\s+){0,2}?(?:husband|wife|son|daughter|mom|mum|mother|dad|father|"
            r"sister|brother|partner|grandma|grandmother|grandpa|grandfather|aunt|uncle|mother-in-law|father-in-law|"
            r"kid|child|boy|girl|baby|friend)(?:\s+[A-Z][a-z]+)?\s+(?:is|was|turned|turns|just turned|will be)\s+(?P<phi>\d{1,3})\b" + _NOT_UNITS,
            0.75,
            re.IGNORECASE,
        ),
        Rule("age_word", r"\b(?i:age|aged)\s*:?\s*(?P<phi>\d{1,3})\b", 0.75),
        Rule("n_f_m", r"(?<![\w/])(?P<phi>\d{2})\s?[FM]\b(?!\w)", 0.5),
        Rule("f_m_n", r"\((?P<phi>[FM]\s?\d{2})\)", 0.6),
    )
    CONTEXT = ("age", "old", "years", "born", "birthday", "turned")
