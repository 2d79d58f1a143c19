"""Phone and fax numbers in the forms people type them.

Presidio's own phone recognizer accepts only numbers that libphonenumber deems
valid; members also write fictional-looking, partial or oddly spaced numbers.
"""
import re

from .base import Rule, RuleRecognizer


_DIGIT_GROUPS = r"\+?\(?\d{1,5}\)?(?:[ .-]\(?\d{1,5}\)?){0,5}\d*(?:\s?(?i:x|ext\.?)\s?\d{1,5})?"
_LABELLED = ("after_phone_word", "before_phone_word")
# Words that say a number is a phone number (each rule adds its own few).
_PHONE_WORDS = (
    r"phone|mobile|cell|cellphone|fax|tel|telephone|landline|whatsapp|number is|my number|"
    r"call me (?:on|at)|text me (?:on|at)|reach me (?:on|at)"
)
_CUE_WORDS = _PHONE_WORDS + r"|call|text"
# A number read out digit by digit in a mix of digits and words: "217 five five five 0 1 4 3",
# "two one seven, 555, oh one four three", "double five". Each token is a digit group or a digit word.
_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_TOKEN = r"(?:\d{1,4}|(?:double|triple)\s+" + _WORD + r"|" + _WORD + r")"
_MIXED = r"\b" + _TOKEN + r"(?:[ \t,.-]+" + _TOKEN + r"){2,12}\b(?![.,]?\d)"


class WrittenPhoneRecognizer(RuleRecognizer):
    ENTITY = "PHONE_NUMBER"
    # digits, or two number words in a row (the worded rule needs seven)
    REQUIRES = r"\d|(?i:\b" + _WORD + r"[\s,.-]+" + _WORD + r"\b)"
    RULES = (
        Rule(
            "nanp",
            r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]\d{4}(?!\d)",
            0.75,
        ),
        Rule("nanp_plain", r"(?<![\w+])(?:\+1)?\d{10}(?!\d)", 0.3),
        Rule("international", r"(?<![\w])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)", 0.6),
        Rule("spaced_digits", r"(?<![\d-])(?:\d[ ._-]){9,10}\d(?![\d-])", 0.6),
        # One scan for both: the phone word in front, when there is one, lets 7 digits count.
        Rule(
            "mixed_digits",
            r"(?:(?P<cue>\b(?:" + _CUE_WORDS + r"))\s*[:#]?\s*(?:is\s+|me\s+)?)?(?P<phi>" + _MIXED + r")",
            0.6,
            re.IGNORECASE,
        ),
        Rule(
            "worded_digits",
            r"\b(?:" + _WORD + r"[\s,.-]+){6,10}" + _WORD + r"\b",
            0.6,
            re.IGNORECASE,
        ),
        # Numbers in local or foreign forms ("467 3395", "(37) 788-063", "71-33-52-22") are
        # taken only next to a word that says they are phone numbers.
        Rule(
            "after_phone_word",
            r"(?i:\b(?:" + _PHONE_WORDS + r"|desk|answering at|messages to|registered|call|ring|dial|text|txt|sms))\s*[:#]?[ \t]*\n?[ \t]*"
            r"(?P<phi>" + _DIGIT_GROUPS + r")",
            0.6,
        ),
        Rule("before_phone_word", r"(?<![\w+])(?P<phi>" + _DIGIT_GROUPS + r")[ \t]*-?[ \t]*(?i:office|fax|mobile|cell|home|work)\b", 0.6),
        Rule("extension", r"(?<=\d)\s?(?P<phi>(?i:ext\.?|x)\s?\d{1,5})\b", 0.5),
        # An area code on its own places a member in a few counties: "my area code is 512",
        # "the 904 area code".
        Rule("area_code", r"(?i:\barea[ \t]+code[ \t]*(?:is|was|of)?[ \t]*[:#]?[ \t]*)\(?(?P<phi>[2-9]\d{2})\)?(?![\d.,]\d|\d)", 0.6),
        Rule("before_area_code", r"(?<![\w+.,-])\(?(?P<phi>[2-9]\d{2})\)?[ \t]+(?i:area[ \t]+codes?)\b", 0.6),
    )
    def accept(self, value: str, rule: Rule) -> bool:
        if rule.name not in _LABELLED:
            return True
        digits = sum(c.isdigit() for c in value.split("x")[0].split("ext")[0])
        return 6 <= digits <= 15 and not re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d", value)

    def accept_match(self, match: re.Match, rule: Rule) -> bool:
        if rule.name != "mixed_digits":
            return True
        return _mixed_ok(match.group("phi"), cued=match.group("cue") is not None)

    CONTEXT = ("phone", "call", "text", "cell", "fax", "number", "tel", "reach", "line", "hotline")


def _mixed_ok(value: str, cued: bool) -> bool:
    """A mixed run is a phone number when it mixes digits and digit words and reads as 10 digits
    (11 with a leading 1), or as 7 right after a phone word."""
    tokens = re.findall(r"\d+|[a-z]+", value.lower())
    words = [t for t in tokens if not t.isdigit()]
    if not words or len(words) == len(tokens):
        return False  # all digits or all words: the spaced/worded rules decide
    n, repeat = 0, 1
    for token in tokens:
        if token in ("double", "triple"):
            repeat = 2 if token == "double" else 3
            continue
        n += (len(token) if token.isdigit() else 1) * repeat
        repeat = 1
    if n in (10, 11):
        return n == 10 or tokens[0] in ("1", "one")
    return cued and n == 7
