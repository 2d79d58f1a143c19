"""US Social Security numbers in the forms Presidio's US_SSN recognizer leaves: spaced or dotted
("SSN is 219 09 9999", "social security 219.09.9999") and run together after the word, and the
hyphenated 3-2-4 shape on its own ("219-09-9999"), which Presidio scores too low to take without
a context word. Numbers the SSA never issues (area 000 or 666, group 00, serial 0000) are left."""
import re

from .base import Rule, RuleRecognizer

_CUE = r"(?i:ssn|ss#|ss\s+#|ss\s+number|social\s+security(?:\s+card)?|social\s+sec\.?|soc\.?\s+sec\.?|social)"
_SEP = r"(?:\s*(?i:number|no\.?|num|#|:)){0,2}\s*(?i:is|was)?\s*[:#]?\s*"


class SsnRecognizer(RuleRecognizer):
    ENTITY = "US_SSN"
    REQUIRES = r"\d"
    RULES = (
        Rule("after_cue", r"\b" + _CUE + _SEP + r"(?P<phi>\d{3}([ .-]?)\d{2}\2\d{4})(?![\w-]|\.\d)", 0.8),
        Rule("hyphenated", r"(?<![\w-])(?P<phi>\d{3}-\d{2}-\d{4})(?![\w-]|\.\d)", 0.5),
    )
    CONTEXT = ("ssn", "social", "security")

    def accept(self, value: str, rule: Rule) -> bool:
        digits = re.sub(r"\D", "", value)
        return (
            digits[:3] not in ("000", "666")
            and digits[3:5] != "00"
            and digits[5:] != "0000"
            and len(set(digits)) > 1
        )
