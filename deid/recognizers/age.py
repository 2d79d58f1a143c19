"""Ages of people. Safe Harbor requires ages over 89; forums make every age identifying
alongside other details, so all explicit ages are reported (config can relax it).

The looser shapes below ("Rosa, 96", "Mom (92)", "Grandma is 99", "grandpa's 97", ages in
words) are taken only for 90 to 120, the Safe Harbor ages, where a stray number is least
likely to be a dose, a lab value or a count.

A birth year that puts someone over 89 this year ("born in 1931", "b. 1928", "born March 3,
1930", "DOB 1/2/1930", "date of birth: 1930-01-02") is an age over 89 too: Safe Harbor removes
every date element, the year included, that indicates such an age. Later birth years stay
(years are kept)."""
import datetime
import re

from ..gazetteers import is_listed_name, looks_like_drug
from ..spans import MONTH
from .base import Rule, RuleRecognizer

_NOT_UNITS = (
    r"(?!\s*(?i:%|mg|mcg|ml|pounds|lbs?|kg|days?|weeks?|months?|hours?|hrs?|minutes?|mins?|units?|"
    r"times|x\b|cycles?|rounds?|mmol|doses?|pills?|tabs?|shots?|infusions?|years? ago|yrs? ago|am|pm|o'?clock|"
    r"steps|miles|km|percent|dollars|bucks|-|/|\.\d))"
)
# After an age in words or an appositive number: what makes it a count or a measure instead.
_NOT_UNITS_WIDE = (
    r"(?!\s*(?i:%|mg|mcg|ml|pounds|lbs?|kg|days?|weeks?|months?|hours?|hrs?|minutes?|mins?|seconds?|units?|"
    r"times|x\b|cycles?|rounds?|mmol|doses?|pills?|tabs?|tablets?|shots?|infusions?|years? ago|yrs? ago|"
    r"am|pm|o'?clock|steps|miles|km|feet|ft|inches|percent|per\b|dollars|bucks|cents|degrees|bpm|beats|over\b|"
    r"people|members|patients|mmhg|mg/dl|points?|pages?|-\s*\d|/|\.\d|th\b|st\b|nd\b|rd\b))"
)
_AGE_90_120 = r"(?:9\d|1[01]\d|120)"
# Words after which a year is a birth year: "born", "b.", "DOB", "date of birth", "birthday".
_BIRTH_CUE = r"(?i:born|b\.|d\.?o\.?b\b\.?|date[ \t]+of[ \t]+birth|birth[ \t]?date|birthday)"
_HAS_90_120 = r"(?<!\d)(?:9\d|1[01]\d|120)(?!\d)"  # what the rules for 90-120 in digits need
_HAS_AGE_WORD = r"(?i:ninety|hundred)"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN_WORD = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
_AGE_WORDS = (
    r"(?:ninety(?:[\s-]+" + _UNIT_WORD + r")?|(?:a|one)[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?(?:" + _UNIT_WORD + r"|" + _TEEN_WORD + r"))?)"
)
# An age in words ends the phrase ("is ninety-three and still drives", "turned ninety-five in
# January"); a number word followed by a noun ("is a hundred ways") is a count.
_AGE_WORDS_END = r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|in|on|last|this|next|now|today|yesterday|but|so|years?)\b)"
_RELATIONS = (
    r"(?:husband|wife|son|daughter|mom|mum|mother|dad|father|sister|brother|partner|grandma|grandmother|"
    r"grandpa|grandfather|granny|gran|nana|nan|papa|pop|aunt|auntie|uncle|mother-in-law|father-in-law|"
    r"great-grandmother|great-grandfather|great-grandma|great-grandpa|neighbou?r|friend|patient|client|resident)"
)
_SAYS_AGE = r"(?:is|was|turned|turns|just turned|will be|is now|was now)"
_RELATION_WORDS = frozenset(
    "husband wife son daughter mom mum mother dad father sister brother partner grandma grandmother grandpa "
    "grandfather granny gran nana nan papa pop aunt auntie uncle".split()
)


class AgeRecognizer(RuleRecognizer):
    ENTITY = "AGE"
    REQUIRES = r"\d|(?i:ninety|hundred)"  # digits, or an age over 89 in words
    RULES = (
        Rule("n_years_old", r"\b(?P<phi>\d{1,3})[\s-]?(?:years?|yrs?|yr)[\s-]?(?:old|young)\b", 0.85, re.IGNORECASE),
        Rule("n_yo", r"\b(?P<phi>\d{1,3})\s?(?:yo|y/o|y\.o\.)(?!\w)", 0.8, re.IGNORECASE),
        Rule(
            "i_am_n",
            r"\b(?:i'm|i’m|im|i am|he's|she's|he’s|she’s|he is|she is|turned|turning|just turned|aged?|at age|at the age of|"
            r"(?:i'll|i will|he'll|she'll|will|to) turn|diagnosed at|dx'?d at|dx at|when (?:i|he|she) was|since (?:i|he|she) was)\s+(?P<phi>\d{1,3})\b" + _NOT_UNITS,
            0.75,
            re.IGNORECASE,
        ),
        Rule(
            "relation_is_n",
            r"\b(?:my|our|her|his|their)\s+(?:[\w-]+\s+){0,2}?(?:husband|wife|son|daughter|mom|mum|mother|dad|father|"
            r"sister|brother|partner|grandma|grandmother|grandpa|grandfather|aunt|uncle|mother-in-law|father-in-law|"
            r"kid|child|boy|girl|baby|friend)(?:\s+[A-Z][a-z]+)?\s+(?:is|was|turned|turns|just turned|will be)\s+(?P<phi>\d{1,3})\b" + _NOT_UNITS,
            0.75,
            re.IGNORECASE,
        ),
        Rule("age_word", r"\b(?i:age|aged)\s*:?\s*(?P<phi>\d{1,3})\b", 0.75),
        Rule("n_f_m", r"(?<![\w/])(?P<phi>\d{2})\s?[FM]\b(?!\w)", 0.5),
        Rule("f_m_n", r"\((?P<phi>[FM]\s?\d{2})\)", 0.6),
        # Ages over 89 in the looser shapes.
        Rule(
            "words_after_cue",
            r"\b(?:i'm|i’m|i am|he's|she's|he’s|she’s|he is|she is|is|was|turned|turns|turning|just turned|aged?|"
            r"at age|at the age of|will be|to turn|reached|hit|lived to|lived to be|made it to)\s+(?P<phi>" + _AGE_WORDS + r")\b"
            + _AGE_WORDS_END,
            0.7,
            re.IGNORECASE,
            _HAS_AGE_WORD,
        ),
        Rule(
            "words_years_old",
            r"\b(?P<phi>" + _AGE_WORDS + r")[\s-]+(?:years?|yrs?)[\s-]+(?:old|young)\b",
            0.85,
            re.IGNORECASE,
            _HAS_AGE_WORD,
        ),
        Rule(
            "relation_is_n_90",
            r"\b(?i:" + _RELATIONS + r")(?:\s+[A-Z][a-z]+)?(?:\s+" + _SAYS_AGE + r"\s+|['’]s\s+)(?P<phi>" + _AGE_90_120 + r")\b"
            + _NOT_UNITS_WIDE,
            0.7,
            requires=_HAS_90_120,
        ),
        Rule(
            "age_90_after_verb",
            r"\b(?i:died|passed|passed away|retired|remarried|married|widowed|still (?:driving|working|living|gardening)|"
            r"living (?:alone|independently)|lives alone)\s+(?i:at|aged)\s+(?P<phi>" + _AGE_90_120 + r")\b" + _NOT_UNITS_WIDE,
            0.7,
            requires=_HAS_90_120,
        ),
        # "Rosa, 96, had ..." / "(Dorothy Smith, 92)": a name, a comma and 90-120 closed off.
        Rule(
            "appositive_name_n",
            r"\b(?P<name>[A-Z][a-z]+),\s+(?P<phi>" + _AGE_90_120 + r")(?=\s*[,)]|\s*[.;!?](?:\s|$)|\s*$)",
            0.6,
            requires=r",\s+" + _HAS_90_120,
        ),
        Rule(
            "birth_year_over_89",
            r"\b" + _BIRTH_CUE + r"(?:[ \t]*[:#-]|[ \t]+(?:(?i:in|on|the|of|is|was)|\d{1,2}(?i:st|nd|rd|th)?,?|(?i:" + MONTH + r")\.?,?))"
            r"{0,5}?[ \t]*(?:\d{1,2}[/.-]\d{1,2}[/.-])?(?P<phi>(?:18|19|20)\d\d)\b",
            0.7,
            requires=_BIRTH_CUE,
        ),
        # "Mom (92)", "Rosa (96)".
        Rule("name_paren_n", r"\b(?P<name>[A-Z][a-z]+)\s*\((?P<phi>" + _AGE_90_120 + r")\)", 0.6, requires=r"\(" + _AGE_90_120 + r"\)"),
    )
    CONTEXT = ("age", "old", "years", "born", "birthday", "turned")

    def accept_match(self, match: re.Match, rule: Rule) -> bool:
        if rule.name == "birth_year_over_89":
            return datetime.date.today().year - int(match.group("phi")) > 89
        if rule.name not in ("appositive_name_n", "name_paren_n"):
            return True
        name = match.group("name").lower()
        if name in _RELATION_WORDS:
            return True
        return is_listed_name(name) and not looks_like_drug(name)
