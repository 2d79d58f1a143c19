"""Street addresses and PO boxes, the way members write them: US forms, the street-name-
then-number forms of most of Europe and Latin America, and the lines that follow a street
in a written address block (unit, city, state or region, postcode, country)."""
import re

from .base import Rule, RuleRecognizer

_SUFFIX = (
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way|"
    r"terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|row|pike|alley)"
)
# More USPS street suffixes (Publication 28), taken only capitalised ("Laidlaw Green", "Kishiev Squares").
_USPS_SUFFIX = (
    r"(?:Alley|Annex|Arcade|Bayou|Beach|Bend|Bluffs?|Bottom|Branch|Bridge|Brooks?|Burgs?|Bypass|Camp|Canyon|"
    r"Cape|Causeway|Centers?|Circles?|Cliffs?|Commons?|Corners?|Course|Courts?|Coves?|Creek|Crescent|Crest|"
    r"Crossing|Crossroad|Curve|Dale|Divide|Drives?|Estates?|Expressway|Extensions?|Falls?|Ferry|Fields?|Flats?|"
    r"Fords?|Forest|Forges?|Forks?|Fort|Freeway|Gardens?|Gateway|Glens?|Greens?|Groves?|Harbors?|Haven|Heights|"
    r"Hills?|Hollow|Inlet|Islands?|Isle|Junctions?|Keys?|Knolls?|Lakes?|Landing|Lights?|Locks?|Lodge|Mall|"
    r"Manors?|Meadows?|Mews|Mills?|Mission|Motorway|Mount|Mountains?|Neck|Orchard|Oval|Overpass|Parks?|"
    r"Parkways?|Pass|Passage|Path|Pines?|Plains?|Plaza|Points?|Ports?|Prairie|Radial|Ramp|Ranch|Rapids?|Ridges?|"
    r"River|Roads?|Route|Run|Shoals?|Shores?|Skyway|Springs?|Spurs?|Squares?|Station|Stravenue|Stream|Streets?|"
    r"Summit|Trace|Track|Trafficway|Tunnel|Turnpike|Underpass|Unions?|Valleys?|Viaduct|Views?|Villages?|Ville|"
    r"Vista|Walks?|Wall|Ways|Wells?)"
)
_UNIT = r"(?:,?\s+(?i:apt|apartment|suite|ste|unit|#)\.?\s*#?\w{1,5})?"
_CITY_STATE_ZIP = r"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?(?:,?\s+[A-Z]{2}\b)?(?:\s+\d{5}(?:-\d{4})?)?"
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"  # a capital, Latin-1 and Latin Extended-A included
_WORD = r"[\wÀ-ÖØ-öø-ž'’.-]"
# Street words that end a street name (German, Dutch, Nordic, Finnish, Estonian), written joined
# to the name ("Koskikatu", "Mellemvej", "Hauptstraße") and followed by the house number.
_JOINED_STREET = (
    r"(?:straße|strasse|gasse|weg|platz|allee|ring|damm|straat|laan|plein|steeg|dreef|gade|vej|"
    r"vænget|gatan|gata|vägen|väg|gränd|veien|vegen|vei|stien|katu|tie|kuja|polku|tänav|tee)"
)
# Street words that open a street name (Romance, Slavic) and the Hungarian ones that close it.
_OPENING_STREET = r"(?:rua|avenida|av\.|via|viale|piazza|corso|calle|carrer|paseo|plaza|rue|chemin|ul\.|ulica|aleja|odos)"
_CLOSING_STREET = r"(?:utca|u\.|út|tér|körút)"
_HOUSE = r"\d{1,5}[A-Za-z]?\b\.?"
_UNIT_TAIL = r"(?:,?\s+(?i:apt|apartment|suite|ste|unit)\.?\s*#?\w{1,5})?"

# A line that can follow a street line in an address block.
_BLOCK_LINE = re.compile(
    r"""^(?:
        (?i:apt|apartment|suite|ste|unit|box|floor|fl)\.?\s*\#?\w{1,6}                    # unit
      | [A-Z0-9]{2,5}(?:[ -][A-Z0-9]{2,4})?                                               # postcode alone
      | ,?\s*[A-Z]{2,3}(?:,?\s+[A-Z0-9]{3,5}(?:[ -][A-Z0-9]{2,4})?)?                      # state / region (+ postcode)
      | %(cap)s%(word)s*(?:[ -]%(cap)s%(word)s*){0,3},?(?:\s+[A-Z]{1,3}\b)?(?:,?\s+[A-Z0-9]{2,5}(?:[ -][A-Z0-9]{2,4})?)?  # City, ST 12345 / Country 12345
    )\s*$""" % {"cap": _CAP, "word": _WORD},
    re.VERBOSE,
)
_NOT_ADDRESS_LINE = re.compile(r"^(?i:thanks|thank|hugs|love|best|cheers|hi|hello|hey|sorry|ps|p\.s|regards|sincerely|good|take)\b")
_MAX_BLOCK_LINES = 4


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
        Rule(
            "number_street_usps_suffix",
            r"\b\d{1,6}\s+(?:\d{1,5}\s+)?(?:[A-Z][A-Za-z'-]*\s+){1,3}" + _USPS_SUFFIX + r"\b" + _UNIT,
            0.75,
        ),
        Rule("po_box", r"\b(?i:p\.?\s?o\.?\s?box)\s+\d{1,6}\b", 0.85),
        Rule("military_box", r"\b(?i:psc|unit|cmr)\s+\d{1,5},?\s+(?i:box)\s+\d{1,5}(?:\s*\n?\s*(?i:apo|fpo|dpo)\s+(?i:aa|ae|ap)\s+\d{5})?", 0.85),
        Rule(
            "joined_street_number",
            r"(?:\b\d{1,6}\s+)?(?:(?:" + _CAP + _WORD + r"*\s+){0,2}" + _CAP + r"[\w'’-]*" + _JOINED_STREET
            + r"|(?:" + _CAP + _WORD + r"*\s+){1,2}(?i:" + _JOINED_STREET + r"))\s+" + _HOUSE + _UNIT_TAIL,
            0.75,
        ),
        Rule(
            "opening_street_number",
            r"(?:\b\d{1,6}\s+)?\b(?i:" + _OPENING_STREET + r")\s+(?:[\wÀ-ž'’-]+\s+){1,4}?" + _HOUSE + _UNIT_TAIL,
            0.7,
        ),
        Rule(  # French and Belgian order: the number first ("26 rue des Lilas", "4 bis, avenue Foch")
            "number_french_street",
            r"\b\d{1,5}(?:\s?(?i:bis|ter))?,?\s+(?i:rue|avenue|boulevard|bd|chemin|allée|allee|impasse|quai|cours|route)\s+"
            r"(?:(?i:de|du|des|la|le|les)\s+|(?i:l|d)['’])*[\wÀ-ž'’-]+(?:[ \t-]+(?:(?i:de|du|des|la|le|les)\s+|(?i:l|d)['’])*" + _CAP + r"[\wÀ-ž'’-]*){0,3}" + _UNIT_TAIL,
            0.7,
        ),
        Rule(  # a house number, a street name in any language, a number, then a flat or suite: "6750 Koskikatu 25 Apt. 864"
            "number_name_number_unit",
            r"\b\d{1,6}\s+(?:" + _CAP + _WORD + r"*\s+){1,3}\d{1,5}[A-Za-z]?,?\s+(?i:apt|apartment|suite|ste|unit)\.?\s*#?\d{1,5}\b",
            0.75,
        ),
        Rule(
            "closing_street_number",
            r"(?:\b\d{1,6}\s+)?(?:" + _CAP + _WORD + r"*\s+){1,2}" + _CLOSING_STREET + r"\s+" + _HOUSE + _UNIT_TAIL,
            0.7,
        ),
        Rule(
            "number_name_number_line",  # "20789 Allika 46" on its own line, more address lines below
            r"(?m)^[ \t]*\d{1,6}\s+(?!(?i:stage|type|grade|level|day|week|cycle|round|dose|step|chapter|part|phase|year|month)\b)(?:" + _CAP + _WORD + r"*\s+){1,3}" + _HOUSE + r"[ \t]*(?=\n[ \t]*(?:\n[ \t]*)?(?:(?i:apt|apartment|suite|ste|unit)\b|" + _CAP + r"))",
            0.6,
        ),
        Rule(
            "corner_of",
            r"\b(?i:the\s+corner\s+of)\s+(?P<phi>[^\n,?!]{3,50}?\s+(?i:and|&)\s+(?:" + _CAP + r"[\w'’.-]*\s*){1,3})",
            0.6,
        ),
        Rule(
            "after_address_cue",
            r"(?i:\baddress(?:\s+is|:)|\blives?\s+at|\blocated\s+at|\boffice\s+is\s+at|\bdrops?\s+(?:you|me)\s+off\s+at)"
            r"\s*\n?\s*(?P<phi>\d{1,6}\s+(?:[^\s?!]+\s+){1,4}?(?:\d{1,5}[A-Za-z]?\b|" + _SUFFIX + r"\b\.?))",
            0.6,
        ),
    )
    CONTEXT = ("address", "live", "lives", "located", "mail", "send", "drop off", "street")

    def analyze(self, text, entities, nlp_artifacts=None):
        results = super().analyze(text, entities, nlp_artifacts)
        for result in results:
            result.end = extend_address_block(text, result.end)
        return results


_QUOTE = r"[ \t>]*"  # lines of a quoted reply start with "> "
# One more piece of an address on the street's own line: a unit, a place name, a region
# code or a postcode, after a comma or a space ("Apt. 678, Velenje", "Suite 215 NUNGATTA Australia").
_TAIL_PIECE = re.compile(
    r"(?:,[ \t]*|[ \t]+)(?:(?i:apt|apartment|suite|ste|unit)\.?[ \t]*\#?\w{1,6}\b"
    r"|(?=[A-Z0-9]*\d)[A-Z0-9]{2,5}(?:-[A-Z0-9]{2,4})?\b"
    r"|%(cap)s[\wÀ-ÖØ-öø-ž'’-]*\.?)" % {"cap": _CAP}
)
_MAX_TAIL_PIECES = 8
# The next line of a block: at most one blank line before it, quoting allowed.
_NEXT_LINE = re.compile(r"[ \t]*\n(?:" + _QUOTE + r"\n)?" + _QUOTE + r"([^\n]*)")
_NOT_PLACE_WORDS = frozenset("i i'm i've then the and but we my it so he she they this that there thanks thank hope".split())


def extend_address_block(text: str, end: int) -> int:
    """The end of the address that starts before ``end``: the pieces of the street's own line
    that read like a unit, a place or a postcode, then up to four following lines that read
    like address lines (at most one blank line between them; "> " quoting allowed)."""
    for _ in range(_MAX_TAIL_PIECES):
        match = _TAIL_PIECE.match(text, end)
        piece = match.group(0).strip(" ,\t") if match else ""
        if not match or _NOT_ADDRESS_LINE.match(piece) or piece.lower() in _NOT_PLACE_WORDS:
            break
        end = match.end()
    for _ in range(_MAX_BLOCK_LINES):
        match = _NEXT_LINE.match(text, end)
        if not match:
            break
        line = match.group(1)
        if not line.strip() or not _is_block_line(line.strip()):
            break
        end = match.end(1) - (len(line) - len(line.rstrip()))
    return end


def _is_block_line(line: str) -> bool:
    return len(line) <= 40 and not _NOT_ADDRESS_LINE.match(line) and bool(_BLOCK_LINE.match(line))
