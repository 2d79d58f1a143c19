"""Postcodes: US ZIP codes after a state abbreviation or near address words, and the postcodes
of many countries after the word "postcode" or after a place name (deid/recognizers/postcode.py).
A ZIP+4 ("80202-1234") is taken on its own, and a ZIP read out digit by digit after the word.
Postcodes inside a written address block are taken with the block (street_address.py)."""
from .base import Rule, RuleRecognizer
from .postcode import is_place_postcode, place_postcode_regex


class ZipCodeRecognizer(RuleRecognizer):
    ENTITY = "ZIP_CODE"
    REQUIRES = r"\d"  # every rule takes digits
    RULES = (
        Rule("after_state", r"\b[A-Z]{2},?\s(?P<phi>\d{5}(?:-\d{4})?)\b", 0.85),
        Rule("zip_word", r"\b(?i:zip(?:\s?code)?|postal code|postcode)\s*(?:is|:|#)?\s*(?P<phi>\d{5}(?:-\d{4})?)\b", 0.85),
        # Read out digit by digit after the word: "my zip is 8 0 2 0 2".
        Rule(
            "zip_word_spaced",
            r"\b(?i:zip(?:\s?code)?|postal code|postcode)\s*(?i:is|:|#)?\s*(?P<phi>\d(?:[ .]\d){4}(?:\s?-\s?\d(?:[ .]?\d){3})?)(?!\w|[ .-]\s?\d)",
            0.85,
            requires=r"(?i:zip|postal|postcode)",
        ),
        # ZIP+4 is distinctive on its own; not inside a longer run of digits and dashes.
        Rule("zip_plus_four", r"(?<![\w$.,/-])(?P<phi>\d{5}-\d{4})(?![\w/-]|[.,]\d)", 0.6, requires=r"\d{5}-\d{4}"),
        # Postcodes of other countries ("3520", "394 13", "7412 SL", "B0J 2H0", "53-320") after the word.
        Rule(
            "postcode_word",
            r"\b(?i:zip(?:\s?code)?|postal code|postcode|post code)\s*(?i:is|:|#)?\s*(?P<phi>(?=[A-Z0-9]*\d)[A-Z0-9]{2,5}(?:[ -](?=[A-Z0-9]*\d|[A-Z]{2}\b)[A-Z0-9]{2,4})?)\b",
            0.8,
        ),
        Rule("place_postcode", place_postcode_regex(phi="code"), 0.6),
        Rule("place_preposition", r"\b(?i:in|near|around|from|live in|zip)\s+(?P<phi>\d{5}(?:-\d{4})?)\b(?![\d.,]|\s?(?i:mg|mcg|units|steps|dollars|usd|people|members|patients|calories))", 0.6),
        # "in the 90210 area", "the 60614 zip": the word after says what the number is.
        Rule("before_area", r"(?<![\d$.,])\b(?P<phi>\d{5})[ \t]+(?i:area|zip(?:[ \t]?code)?|postcode)\b", 0.6),
        Rule("bare_five_digits", r"(?<![\d$.,])\b(?P<phi>\d{5}(?:-\d{4})?)\b(?![\d.,]|\s?(?i:mg|mcg|units|steps|dollars|usd))", 0.1),
    )
    CONTEXT = ("zip", "zipcode", "postal", "address", "live", "area", "near")

    def accept_match(self, match, rule: Rule) -> bool:
        return rule.name != "place_postcode" or is_place_postcode(match, "place", "phi")
