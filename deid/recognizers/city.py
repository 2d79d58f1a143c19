"""Cities (from the GeoNames gazetteer) after a place cue: "in Asheville", "near Boise",
"the Akron area", "Kalamazoo, MI", and any place name before a postcode ("near Castelnuovo 00060"). Places smaller than a state are Safe Harbor identifiers."""
from ..gazetteers import cities
from .base import Rule, RuleRecognizer
from .place_cues import cue_alternation
from .postcode import is_place_postcode, place_postcode_regex

_PLACE = r"(?P<phi>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"


class CityRecognizer(RuleRecognizer):
    ENTITY = "LOCATION"
    RULES = (
        Rule("after_preposition", r"\b(?i:" + cue_alternation("city") + r")\s+(?:the\s+)?" + _PLACE + r"\b", 0.6),  # cues: deid/resources/place_cues.yaml
        Rule("area", r"\b" + _PLACE + r"\s+(?i:area|region|metro|suburbs)\b", 0.7),
        Rule("city_state", r"\b" + _PLACE + r",\s*[A-Z]{2}\b", 0.75),
        # any place name followed by a postcode ("near Castelnuovo 00060"), gazetteer or not
        Rule("before_postcode", place_postcode_regex(phi="place"), 0.6),
    )

    def accept(self, value: str, rule: Rule) -> bool:
        return rule.name == "before_postcode" or value.lower() in cities()

    def accept_match(self, match, rule: Rule) -> bool:
        return rule.name != "before_postcode" or is_place_postcode(match, "phi", "code")
