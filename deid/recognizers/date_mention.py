"""Day-and-month dates without a year ("on 3/16", "my scan is 3/6"), which Presidio's date
patterns skip. Anchored on a preceding word so that scores such as "pain is 7/10" stay."""
import re

from .base import Rule, RuleRecognizer

_MD = r"(?P<phi>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![/\d])(?<!/10)"


class DayMonthDateRecognizer(RuleRecognizer):
    ENTITY = "DATE_TIME"
    REQUIRES = r"\d"
    RULES = (
        Rule("anchored_m_d", r"\b(?:on|since|until|til|by|before|after|starting|from|is|was|for|of)\s+" + _MD, 0.7, re.IGNORECASE),
    )
