"""Street addresses and PO boxes, the way members write them: US forms, the street-name-
then-number forms of most of Europe and Latin America, and the lines that follow a street
in a written address block (unit, city, state or region, postcode, country)."""
import re
from itertools import pairwise

from ..gazetteers import cities, medical_words
from ..spans import load_word_list
from .address_block import CONNECTORS, COUNT_WORDS, NOT_PLACES, QUOTE, scan_block
from .base import Rule, RuleRecognizer

_SUFFIX = (
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way|"
    r"terrace|ter|str|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|row|pike|alley)"
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
    r"Vista|Walks?|Wall|Ways|Wells?|"
    # and the street types of the UK, Ireland, Australia and New Zealand (Royal Mail, Australia Post)
    r"Close|Rise|Parade|Esplanade|Promenade|Quay|Wharf|Wynd|Gate|Grange|Approach|Broadway|Circuit|Glade|Nook|Chase)"
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
# Romance (it, es, ca, pt, fr, ro), Slavic (pl, cs, sk, hr, sr), Greek in Latin letters,
# Indonesian/Malay and Vietnamese street words that come before the name. (Greek and Cyrillic
# letters are folded to Latin look-alikes by deid/normalize.py before analysis, so words in
# those scripts would never match here.)
_OPENING_STREET = (
    r"(?:rua|avenida|av\.|avda\.|via|viale|piazza|corso|calle|c/|camino|carretera|carrer|paseo|plaza|travessa|largo|"
    r"praça|alameda|estrada|rodovia|rue|chemin|strada|bulevardul|calea|aleea|ul\.|ulica|ulice|aleja|náměstí|nám\.|"
    r"třída|odos|leoforos|jalan|jl\.|jln\.|đường|phố)"
)


def _first_letters(alternatives: str) -> str:
    """A lookahead for the first letters of a list of words, so the regex engine skips
    positions that cannot start one (a long alternation is slow to try at every position)."""
    words = alternatives.strip("(?:)").split("|")
    letters = sorted({c for w in words for c in (w[0].lower(), w[0].upper())})
    return "(?=[" + "".join(re.escape(c) for c in letters) + "])"


# Hungarian and Turkish street words that come after the name.
_CLOSING_STREET = r"(?:utca|u\.|útja|út|tér|körút|sokak|sokağı|sk\.|caddesi|cad\.|bulvarı|yolu)"
_HOUSE = r"\d{1,5}[A-Za-z]?\b\.?"
_UNIT_WORD = r"(?i:apt|apartment|suite|ste|unit)\b"
_UNIT_TAIL = r"(?:,?\s+(?i:apt|apartment|suite|ste|unit)\.?\s*#?\w{1,5})?"

# The cross street of "the corner of X and Y": a capitalised word or an ordinal ("3rd").
_CROSS = r"(?:" + _CAP + r"[\w'’.-]*|\d{1,3}(?i:st|nd|rd|th)\b)"


class StreetAddressRecognizer(RuleRecognizer):
    ENTITY = "STREET_ADDRESS"
    RULES = (
        Rule(
            "number_street_suffix",
            r"\b\d{1,6}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][A-Za-z0-9'-]*\.?[ \t]+){1,4}" + _SUFFIX + r"\b\.?" + _UNIT + _CITY_STATE_ZIP,
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
            r"(?:\b\d{1,6}\s+)?\b" + _first_letters(_OPENING_STREET) + r"(?i:" + _OPENING_STREET + r")\s+(?:[\wÀ-ž'’-]+\s+){1,6}?" + _HOUSE + _UNIT_TAIL,
            0.7,
        ),
        Rule(  # French and Belgian order: the number first ("26 rue des Lilas", "4 bis, avenue Foch")
            "number_french_street",
            r"\b\d{1,5}(?:\s?(?i:bis|ter))?,?\s+(?i:rue|avenue|boulevard|bd|chemin|allée|allee|impasse|quai|cours|route)\s+"
            r"(?:(?i:de|du|des|la|le|les)\s+|(?i:l|d)['’])*[\wÀ-ž'’-]+(?:[ \t-]+(?:(?i:de|du|des|la|le|les)\s+|(?i:l|d)['’])*(?!" + _UNIT_WORD + r")" + _CAP + r"[\wÀ-ž'’-]*){0,3}" + _UNIT_TAIL,
            0.7,
        ),
        Rule(  # a house number, a street name in any language, a number, then a flat or suite: "6750 Koskikatu 25 Apt. 864"
            "number_name_number_unit",
            r"\b\d{1,6}\s+(?:[^\W\d_]" + _WORD + r"*\s+){1,4}\d{1,5}[A-Za-z]?,?\s+(?i:apt|apartment|suite|ste|unit)\.?\s*#?\d{1,5}\b",
            0.75,
        ),
        Rule(
            "closing_street_number",
            r"(?:\b\d{1,6}\s+)?(?:" + _CAP + _WORD + r"*\s+){1,2}" + r"(?i:" + _CLOSING_STREET + r")\s+" + _HOUSE + _UNIT_TAIL,
            0.7,
        ),
        Rule(
            "number_name_number_line",  # "20789 Allika 46" on its own line, more address lines below
            r"(?m)^[ \t]*\d{1,6}[ \t]+(?!(?i:stage|type|grade|level|day|week|cycle|round|dose|step|chapter|part|phase|year|month)\b)(?:" + _CAP + _WORD + r"*[ \t]+){1,3}" + _HOUSE + r"[ \t]*(?=\n[ \t]*(?:\n[ \t]*)?(?:(?i:apt|apartment|suite|ste|unit)\b|" + _CAP + r"))",
            0.6,
        ),
        Rule(  # "number Name(s) number": most of the world's street-then-number order; needs a block after it
            "number_name_number",
            r"\b\d{1,6}[ \t]+(?:[^\W\d_][\w'’.-]*[ \t]+){1,3}\d{1,5}[A-Za-z]?\b\.?",
            0.6,
        ),
        Rule(  # a US Navy ship's mail: "USNS Comfort" then "FPO AE 09500" on the next line
            "military_ship",
            r"\bUS(?:S|NS|NV|CGC)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}(?=[ \t]*\n" + QUOTE + r"(?:FPO|APO|DPO)\b)",
            0.75,
        ),
        Rule(  # a unit alone on its line, then the block (the street line above it is taken too)
            "unit_line",
            r"(?m)^" + QUOTE + r"(?P<phi>(?i:apt|apartment|suite|ste|unit)\.?[ \t]*\#?\d{1,5}[A-Za-z]?)[ \t]*$",
            0.6,
        ),
        Rule(  # a named street without a number: "the clinic on Linden Hill Street"
            "named_street",
            r"\b(?=[oOaAdDuUnN])(?i:on|off|along|down|up|at|near)[ \t]+(?P<phi>(?:" + _CAP + r"[\w'’-]*[ \t]+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Highway))\b",
            0.6,
        ),
        Rule(
            "corner_of",
            r"\b(?P<phi>(?i:the\s+corner\s+of)\s+[^\n,?!]{3,50}?\s+(?i:and|&)\s+" + _CROSS + r"(?:[ \t]+" + _CROSS + r"){0,2})",
            0.6,
        ),
        # "the Walgreens on 5th and Main", "meet at 3rd & Pine": an ordinal street and a named cross
        # street ("on 2nd and 3rd line" is a treatment line: two ordinals need a street word)
        Rule(
            "ordinal_intersection",
            r"\b(?i:on|at|near|off)[ \t]+(?P<phi>\d{1,3}(?i:st|nd|rd|th)(?:[ \t]+(?i:st|street|ave|avenue))?\.?[ \t]+(?:and|&)[ \t]+"
            r"(?:" + _CAP + r"[a-z'’]+(?:[ \t]+(?:St|Street|Ave|Avenue|Blvd|Rd|Road))?|\d{1,3}(?i:st|nd|rd|th)[ \t]+(?:St|Street|Ave|Avenue)\b))",
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
    # Streets named in idioms and shows, not places anyone lives.
    EXCLUDE = frozenset({"memory lane", "easy street", "wall street", "sesame street", "lovers lane", "skid row"})

    def accept_match(self, match, rule: Rule) -> bool:
        if rule.name in _NAME_BETWEEN_NUMBERS and _names_medicine(match.group(0)):
            return False
        if rule.name not in _NEEDS_BLOCK:
            return True
        text = match.string
        block = scan_block(text, match.end())
        if rule.name == "number_name_number" and not _plausible_street(match.group(0), block):
            return False
        if rule.name == "unit_line":  # a unit line alone: a postcode must follow
            return block.evidence
        return block.evidence or _names_place(text, block)

    def analyze(self, text, entities, nlp_artifacts=None):
        results = super().analyze(text, entities, nlp_artifacts)
        for result in results:
            result.end = scan_block(text, result.end).end
            if result.recognition_metadata.get("rule") == "unit_line":
                result.start = _with_street_line(text, result.start)
            else:
                start = _with_unit_line(text, result.start)
                start = start if start < result.start else _with_building_number(text, result.start)
                result.start = _with_cross_street(text, start)
        return results


# Rules whose match could be prose ("took 2 Advil 200"): kept only when an address block
# follows (a unit, a postcode, a known city, state or country).
_NEEDS_BLOCK = frozenset({"number_name_number", "unit_line"})
# Rules that take any words between two numbers: not when a word is a drug, a symptom or a
# lab word ("10 Metformin 500", "3 Hemoglobin 12").
_NAME_BETWEEN_NUMBERS = frozenset({"number_name_number_line", "number_name_number_unit", "ordinal_intersection"})


def _names_medicine(value: str) -> bool:
    return any(w.lower() in medical_words() for w in value.split())


# A building number before the street's own number ("12 408 Rue des Tilleuls", "12, 4 Elm Rd").
_BUILDING_NUMBER = re.compile(r"(?:^|(?<=[\s(>]))\d{1,6},?[ \t]+\Z")


def _with_building_number(text: str, start: int) -> int:
    match = _BUILDING_NUMBER.search(text, max(0, start - 9), start)
    return match.start() if match else start


# A unit written above the street, or before it on its line ("Suite 210" then "14 Elm Rd").
_UNIT_BEFORE = re.compile(
    r"(?<!\w)(?P<unit>(?i:apt|apartment|suite|ste|unit|flat)\.?(?:[ \t]*\#?\d{1,6}[A-Za-z]?)?),?(?:[ \t]+|[ \t]*\n" + QUOTE + r")\Z"
)
# The street line above a unit line that starts a block ("Talvikki 41 Norrbacka" above "Suite 12").
_STREET_LINE_BEFORE = re.compile(r"(?m)^" + QUOTE + r"(?P<street>[^\W_][^\n]{2,40}?)[ \t]*\n" + QUOTE + r"\Z")


# A cross street before the street ("meet me at Elm and 14 Main St"): one capitalised name
# after a cue ("at", "to", "on", ":", "?") or at the start of a line.
_CROSS_STREET = re.compile(
    r"(?:(?m:^)" + QUOTE + r"|(?<=[:?])[ \t]+|(?<=\b(?:at|to|on|of))[ \t]+)(?P<cross>" + _CAP + r"[\w'’-]*)[ \t]+(?:and|&)[ \t]+\Z"
)


def _with_cross_street(text: str, start: int) -> int:
    match = _CROSS_STREET.search(text, max(0, start - 40), start)
    if not match or match.group("cross").lower() in NOT_PLACES:
        return start
    return match.start("cross")


def _with_unit_line(text: str, start: int) -> int:
    match = _UNIT_BEFORE.search(text, max(0, start - 40), start)
    return match.start("unit") if match else start


def _with_street_line(text: str, start: int) -> int:
    match = _STREET_LINE_BEFORE.search(text, max(0, start - 60), start)
    if not match:
        return start
    words = match.group("street").split()
    if not any(c.isdigit() for c in match.group("street")) or not words[0][:1].isupper() and not words[0][:1].isdigit():
        return start
    if any(w.lower().strip(".,") in NOT_PLACES or w.lower().strip(".,") in COUNT_WORDS for w in words):
        return start
    label = match.group("street").rfind(":")  # "Address: 5 Elm Rd" -> the street only
    if label < 0:
        return match.start("street")
    rest = match.group("street")[label + 1 :]
    return match.start("street") + label + 1 + len(rest) - len(rest.lstrip())


def _plausible_street(value: str, block) -> bool:
    """The words between the numbers of "number Name(s) number": no function words except
    those inside place names, no unit of a dose or a duration; capitalised, unless a postcode
    or a unit follows in the block ("14 via roma 3 apt. 9")."""
    words = value.split()[1:-1]
    if not words or words[0].lower() in NOT_PLACES:
        return False
    if not words[0][:1].isupper() and not block.evidence:
        return False
    if any(w.lower().strip(".") in COUNT_WORDS or w.lower() in medical_words() for w in words):  # "20 MG 4", "3 Taxol 80"
        return False
    return all(w.lower() in CONNECTORS or w.lower().strip(".") not in NOT_PLACES for w in words)


def _names_place(text: str, block) -> bool:
    """Does the block name a known place (a GeoNames city, a US state or a country)?"""
    places = [text[p.start : p.end].strip("()").lower() for p in block.pieces if p.kind == "place"]
    known, states_countries = cities(), load_word_list("safe_harbor_places.txt")
    pairs = (f"{a} {b}" for a, b in pairwise(places))
    return any(p in known or p in states_countries for p in (*places, *pairs))
