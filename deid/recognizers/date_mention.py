"""Date shapes that Presidio's date patterns and spaCy's NER skip: day and month without a year
("on 3/16", "my scan is 3/6"; anchored on a preceding word so that scores such as "pain is 7/10"
stay), a month and year in digits ("dx 03/2019", "since 11-2021"), and a day before a month
name ("surgery 14 March", "on the 3rd of June": spaCy takes the month alone and leaves the day)."""
import re

from ..spans import MONTH
from .base import Rule, RuleRecognizer

_CAPITAL_MONTH = "|".join(m[0].upper() + m[1:] + "|" + m.upper() for m in MONTH.split("|"))
_MD = r"(?P<phi>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![/\d])(?<!/10)"


class DayMonthDateRecognizer(RuleRecognizer):
    ENTITY = "DATE_TIME"
    REQUIRES = r"\d"
    RULES = (
        Rule("anchored_m_d", r"\b(?:on|since|until|til|by|before|after|starting|from|is|was|for|of)\s+" + _MD, 0.7, re.IGNORECASE),
        Rule("month_year", r"(?<![\w/.-])(?P<phi>(?:0?[1-9]|1[0-2])[/-](?:19|20)\d\d)(?![\w/-]|\.\d)", 0.6),
        # "14 March", "3 Jan": a capitalised month; "the 3rd of june", "3rd may": an ordinal or "of" says it is a date.
        Rule(
            "day_month_name",
            r"\b(?P<phi>(?:(?i:the)[ \t]+)?(?:(?:0?[1-9]|[12]\d|3[01])[ \t]+(?:" + _CAPITAL_MONTH + r")|"
            r"(?:0?[1-9]|[12]\d|3[01])(?i:st|nd|rd|th)?[ \t]+of[ \t]+(?i:" + MONTH + r")|"
            r"(?:0?[1-9]|[12]\d|3[01])(?i:st|nd|rd|th)[ \t]+(?i:" + MONTH + r"))\b)",
            0.6,
        ),
    )
