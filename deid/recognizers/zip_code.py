"""US ZIP codes: after a state abbreviation, or a five-digit number near address words."""
from .base import Rule, RuleRecognizer


class ZipCodeRecognizer(RuleRecognizer):
    ENTITY = "ZIP_CODE"
    REQUIRES = r"\d"  # every rule takes digits
    RULES = (
        Rule("after_state", r"\b[A-Z]{2},?\s(?P<phi>\d{5}(?:-\d{4})?)\b", 0.85),
        Rule("zip_word", r"\b(?i:zip(?:\s?code)?|postal code|postcode)\s*(?:is|:|#)?\s*(?P<phi>\d{5}(?:-\d{4})?)\b", 0.85),
        # Postcodes of other countries ("3520", "394 13", "7412 SL", "B0J 2H0", "53-320") after the word.
        Rule(
            "postcode_word",
            r"\b(?i:zip(?:\s?code)?|postal code|postcode|post code)\s*(?i:is|:|#)?\s*(?P<phi>(?=[A-Z0-9]*\d)[A-Z0-9]{2,5}(?:[ -](?=[A-Z0-9]*\d|[A-Z]{2}\b)[A-Z0-9]{2,4})?)\b",
            0.8,
        ),
        Rule("place_preposition", r"\b(?i:in|near|around|from|live in|zip)\s+(?P<phi>\d{5}(?:-\d{4})?)\b(?![\d.,]|\s?(?i:mg|mcg|units|steps|dollars|usd|people|members|patients|calories))", 0.6),
        Rule("bare_five_digits", r"(?<![\d$.,])\b(?P<phi>\d{5}(?:-\d{4})?)\b(?![\d.,]|\s?(?i:mg|mcg|units|steps|dollars|usd))", 0.1),
    )
    CONTEXT = ("zip", "zipcode", "postal", "address", "live", "area", "near")
