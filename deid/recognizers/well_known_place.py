"""Places named without a cue: a big city written capitalised anywhere ("Toronto was freezing",
"flew into Los Angeles"), and, behind a place cue ("i live in amsterdam", "moved to LA"), the
same cities, states and countries written in lower case or as a common short form.

Gazetteers (``deid/gazetteers.py``): ``well_known_places()`` (GeoNames cities of 500k+ people, and
of 100k+ in the US, UK, Canada, Australia, Ireland and New Zealand, minus names that are also
everyday English words, drugs or symptom words: see training/lexicons/build_place_gazetteer.py)
and the Safe Harbor list of states and countries, which ``keep_span`` drops again unless places
are strict (``DeidConfig(keep_states_and_countries=False)``). Smaller cities need a cue
(``city.py``). In lower case a big city, state or country counts only after a cue ("in
australia", "moved to toronto"). Short forms ("LA", "DC", "SF") and two-letter state codes count only after a cue;
codes that are also medical or everyday abbreviations ("MS", "MD", "PA", "OK", "ME") never do.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..gazetteers import is_english_word, safe_harbor_places, well_known_places
from .base import Rule, RuleRecognizer
from .place_cues import cue_alternation, weak_for_short_forms

# Everyday short forms of big cities (written as is): anywhere, or (when also another abbreviation,
# "LA" for long-acting, "DC" for discontinued) only after a place cue; the same for countries.
SHORT_FORMS = frozenset(["NYC", "Philly", "Vegas", "NOLA"])
CUE_SHORT_FORMS = SHORT_FORMS | frozenset(["LA", "SF", "DC", "ATL", "UK", "USA"])
# State codes that are no common medical or everyday abbreviation.
STATE_CODES = frozenset(
    ["AL", "AK", "AZ", "AR", "CA", "CT", "FL", "GA", "IA", "ID", "IL", "KS", "KY", "MA", "MI", "MN", "MO", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WI", "WV", "WY"]
)
_CUE = r"(?i:\b(?P<cue>" + cue_alternation("well_known_place") + r")\s+(?:the\s+)?)"  # deid/resources/place_cues.yaml
# "to" and "into" alone are no cue for a short form: "switched to LA", "changed to DC".
_WEAK_CUES = weak_for_short_forms()
_WORDS = r"(?=(?P<phi>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3}))"  # a look-ahead: the next cue may be among these words
_CAPITALISED = re.compile(r"(?<![\w@#/.-])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}")


def _strip(word: str) -> str:
    return re.sub(r"(?:['’]s|[.'’-])$", "", word)


def longest_place(words: list[str], names: frozenset[str]) -> int:
    """How many of ``words`` (from the first) make the longest name in ``names``; 0 if none."""
    for n in range(len(words), 0, -1):
        if " ".join(_strip(w) if i == n - 1 else w for i, w in enumerate(words[:n])).lower() in names:
            return n
    return 0


class WellKnownPlaceRecognizer(RuleRecognizer):
    ENTITY = "LOCATION"
    RULES = (
        Rule("capitalised", _CAPITALISED.pattern, 0.6),
        Rule("after_cue", _CUE + _WORDS, 0.6),
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        # most posts name no place at all: one set intersection over their words says so
        if _keys().isdisjoint(_ANY_WORD.findall(text.lower())) and _CODES.isdisjoint(_UPPER_WORD.findall(text)):
            return []
        results = []
        names = _names()
        for rule, rx in self._compiled:
            for match in rx.finditer(text):
                if rule.name == "capitalised":
                    results += [self._result(s, e, rule) for s, e in self._scan(text, match, names)]
                    continue
                start, value = match.start("phi"), match.group("phi")
                first = _strip(value.split()[0])
                if first in CUE_SHORT_FORMS or first in STATE_CODES:
                    if match.group("cue").lower() not in _WEAK_CUES:
                        results.append(self._result(start, start + len(first), rule))
                    continue
                n = longest_place(value.split(), names)
                if n:
                    results.append(self._result(start, _trim_end(text, start, start + _span_len(value, n)), rule))
        return results

    @staticmethod
    def _scan(text: str, match: re.Match, names: frozenset[str]) -> list[tuple[int, int]]:
        """Places among a run of capitalised words ("Then Toronto Pearson" -> "Toronto")."""
        found, offsets = [], [(m.start(), m.group()) for m in re.finditer(r"\S+", match.group())]
        i = 0
        while i < len(offsets):
            words = [w for _, w in offsets[i:]]
            n = longest_place(words, names)
            if n:
                s = match.start() + offsets[i][0]
                e = match.start() + offsets[i + n - 1][0] + len(offsets[i + n - 1][1])
                found.append((s, _trim_end(text, s, e)))
                i += n
            else:
                if words[0] in SHORT_FORMS:
                    s = match.start() + offsets[i][0]
                    found.append((s, s + len(_strip(words[0]))))
                i += 1
        return found


def _span_len(value: str, n: int) -> int:
    """Characters of ``value`` covering its first ``n`` whitespace-separated words."""
    ends = [m.end() for m in re.finditer(r"\S+", value)]
    return ends[n - 1]


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop a trailing possessive or full stop from the span ("Toronto's" -> "Toronto")."""
    value = text[start:end]
    stripped = _strip(value)
    return start + len(stripped)


_ANY_WORD = re.compile(r"[^\W\d_]+")


_UPPER_WORD = re.compile(r"\b[A-Z]{2,3}\b")
_CODES = CUE_SHORT_FORMS | STATE_CODES


@lru_cache(maxsize=1)
def _keys() -> frozenset[str]:
    """A word every mention of a name must contain (its longest), in lower case."""
    def rank(word: str) -> tuple:  # rarest first: not a stop word, not an English word, longest
        return (word in STOP_WORDS, is_english_word(word), -len(word))

    keys = {min(_ANY_WORD.findall(n), key=rank) for n in _names() if _ANY_WORD.search(n)}
    return frozenset(keys | {f.lower() for f in SHORT_FORMS})


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Big cities, and states and countries written out (not "in", "me", "or": the codes)."""
    return well_known_places() | frozenset(n for n in safe_harbor_places() if len(n) > 3 and not n.startswith("the "))
