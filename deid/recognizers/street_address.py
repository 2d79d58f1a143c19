"""US street addresses and PO boxes, the way members write them."""
from .base import Rule, RuleRecognizer

_SUFFIX = (
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way|"
    r"terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|row|pike|alley)"
)
_UNIT = r"(?:,?\s+(?i:apt|apartment|suite|ste|unit|#)\.?\s*#?\w{1,5})?"
_CITY_STATE_ZIP = r"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?(?:,?\s+[A-Z]{2})?(?:\s+\d{5}(?:-\d{4})?)?"


class StreetAddressRecognizer(RuleRecognizer):
    ENTITY = "STREET_ADDRESS"
    RULES = (
        Rule(
            "number_street_suffix",
            r"\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][A-Za-z0-9'-]*\.?\s+){1,4}" + _SUFFIX + r"\b\.?" + _UNIT + _CITY_STATE_ZIP,
            0.85,
        ),
        Rule(
            "lowercase_number_street",
            r"\b\d{1,6}\s+(?:(?!(?:on|the|a|an|my|of|to|in|at|for|and|or|mg|pills?|times?|days?|weeks?|hours?|more|other|different|extra)\b)[a-z]+\s+){1,2}"
            r"(?:street|avenue|road|lane|drive|circle|boulevard|court|place|terrace|parkway|trail|st|ave|rd|ln|blvd)\b\.?",
            0.7,
        ),
        Rule("po_box", r"\b(?i:p\.?\s?o\.?\s?box)\s+\d{1,6}\b", 0.85),
    )
    CONTEXT = ("address", "live", "lives", "located", "mail", "send", "drop off", "street")
