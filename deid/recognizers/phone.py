"""Phone and fax numbers in the forms people type them.

Presidio's own phone recognizer accepts only numbers that libphonenumber deems
valid; members also write fictional-looking, partial or oddly spaced numbers.
"""
import re

from .base import Rule, RuleRecognizer


class WrittenPhoneRecognizer(RuleRecognizer):
    ENTITY = "PHONE_NUMBER"
    RULES = (
        Rule(
            "nanp",
            r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]\d{4}(?!\d)",
            0.75,
        ),
        Rule("nanp_plain", r"(?<![\w+])(?:\+1)?\d{10}(?!\d)", 0.3),
        Rule("international", r"(?<![\w])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)", 0.6),
        Rule("spaced_digits", r"(?<![\d-])(?:\d[ ._-]){9,10}\d(?![\d-])", 0.6),
        Rule(
            "worded_digits",
            r"\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,.-]+){6,10}(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b",
            0.6,
            re.IGNORECASE,
        ),
        Rule("extension", r"(?<=\d)\s?(?P<phi>(?i:ext\.?|x)\s?\d{1,5})\b", 0.5),
    )
    CONTEXT = ("phone", "call", "text", "cell", "fax", "number", "tel", "reach", "line", "hotline")
