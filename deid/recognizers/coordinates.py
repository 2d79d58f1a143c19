"""Map coordinates: "40.7128, -74.0060", "(51.5072,-0.1276)", "40.7128° N, 74.0060° W",
"40°42'46\"N 74°00'21\"W". A pair of coordinates points at one building, far finer than the
smallest geographic unit Safe Harbor allows.

A decimal pair needs four or more decimals on each side (what map apps copy), a latitude within
±90, a longitude within ±180 and one of them 1 or more, so lab values ("1.025, 1.030"), doses
("0.1250, 0.2500") and versions ("1.2.3") stay."""
import re

from .base import Rule, RuleRecognizer

_DEC = r"-?\d{1,3}\.\d{4,8}"
_DEG = r"\d{1,3}(?:\.\d+)?\s?°(?:\s?\d{1,2}(?:\.\d+)?\s?['′])?(?:\s?\d{1,2}(?:\.\d+)?\s?[\"″])?\s?[NSEWnsew]"


class CoordinatesRecognizer(RuleRecognizer):
    ENTITY = "LOCATION"
    REQUIRES = r"\d\.\d{4}|°"
    RULES = (
        Rule(
            "decimal_pair",
            r"(?<![\w.-])(?P<phi>(?P<lat>" + _DEC + r")\s*,\s*(?P<lon>" + _DEC + r"))(?![\w.])",
            0.7,
            requires=r"\d\.\d{4}",
        ),
        Rule("degree_pair", r"(?<![\w.])(?P<phi>" + _DEG + r"\s*,?\s*" + _DEG + r")(?!\w)", 0.7, requires=r"°"),
    )

    def accept_match(self, match: re.Match, rule: Rule) -> bool:
        if rule.name != "decimal_pair":
            return True
        lat, lon = abs(float(match.group("lat"))), abs(float(match.group("lon")))
        return lat <= 90 and lon <= 180 and max(lat, lon) >= 1  # "0.1250, 0.2500" is a pair of doses
