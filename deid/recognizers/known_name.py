"""Names with no cue around them, known from a name gazetteer of many countries: "Ilona
Varga", "Asked Kelsey", "the Petrović twins", "naomi okafor". The other name rules need a cue
("my husband", "Dr.", "thanks"); the statistical models miss rare and foreign names.

Gazetteers (``deid/gazetteers.py``): first names and surnames of ~80 locales (Faker, MIT) and
the US Census lists, minus every English word (spaCy's WordNet index), stop word, drug or
symptom word, state and country. A word is taken as a name when

- it is such a first name or surname written capitalised (anywhere, "Linus , lately ...");
- it is a Census first name that English also uses as a noun ("Mason", "Todd"), written
  capitalised and not first in a sentence, or first as a possessive ("Bridget's advice");
- it is such a first name written in lower case ("hey hubert");
- it follows or precedes one of the above, capitalised alike, and is neither an English word
  nor medical ("Haruka Nakamura", "Yaretzi Quispe", "Aino K. Lehtinen");
- it stands beside "and" next to one of the above ("Okonkwo and Lindqvist");
- no list knows it nor its capitalised neighbour ("Dragoljub Mrkonjić"), or it has accented
  letters ("the Mrkonjić case");
- no list knows it and it is shaped like a name (``deid/name_shape.py``), capitalised
  ("Muslija") or, at the same threshold, in lower case ("wanjiru is so funny"), unless it is
  laughter, a stretched word or a typo of an English word.

All-capital words ("IDRIS", "CEO") are left to the other recognizers: shouting and acronyms.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from presidio_analyzer.nlp_engine import NlpArtifacts

from ..edits import edits1
from ..gazetteers import (
    cities,
    common_surnames,
    english_words,
    first_names,
    is_english_word,
    is_medical_word,
    noun_first_names,
    world_first_names,
    world_surnames,
)
from ..name_shape import NAME_SHAPE_THRESHOLD, name_likeness
from .base import NOT_NAMES, NOT_PERSON_WORDS, Rule, RuleRecognizer

_WORD = re.compile(r"(?<![\w@#/.])[^\W\d_]{2,}(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_GAP = re.compile(r"[ \t]+(?:[A-Za-z]\.?[ \t]+)?")  # between two parts of a name: a space, or an initial
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\"“(|\n>*-])\s*\Z")
# Chat words that no dictionary lists but that some locale's name list does.
CHAT_WORDS = frozenset(
    ["lol", "lmao", "rofl", "omg", "smh", "tbh", "idk", "imo", "imho", "btw", "fyi", "brb", "thx", "pls", "plz", "omw", "irl", "nvm", "wtf", "wth", "ikr", "bae", "babe", "bro", "bruh", "sis", "fam", "dude", "yall", "ya", "yo", "hey", "hiya", "heya", "aww", "awww", "ooh", "ahh", "nah", "yep", "yup", "nope", "meh", "cuz", "tho", "gonna", "wanna", "gotta", "kinda", "sorta", "lemme", "gimme", "dunno", "haha", "hehe", "xoxo", "xo", "ok", "okay", "hi", "hello", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)
# Clipped names of medical specialties, which forums use for the doctor or the condition.
SPECIALTY_WORDS = frozenset(
    ["endo", "onc", "neuro", "rheum", "rheumy", "derm", "gyno", "gyn", "obgyn", "ortho", "cardio", "psych", "physio", "gastro", "uro", "pulmo", "hemo", "nephro"]
)
# Greetings, sign-offs and titles stand next to names without being part of them ("Dear Beth").
NEXT_TO_NAMES = frozenset(
    ["dear", "hi", "hello", "hey", "thanks", "thank", "love", "hugs", "cheers", "regards", "best", "welcome", "congrats", "sincerely", "yours", "warmly", "dr", "mr", "mrs", "ms", "mx", "prof", "sr", "jr", "st", "rev"]
)
EXCLUDED = NOT_NAMES | CHAT_WORDS | SPECIALTY_WORDS | NEXT_TO_NAMES | NOT_PERSON_WORDS
# Head nouns of eponymous conditions, signs and body parts: "Wilson's disease", "Ramsay Hunt
# syndrome", "Barrett's esophagus", "Morton's neuroma", "charley horse" are not people.
EPONYM_HEADS = frozenset(
    ["disease", "diseases", "syndrome", "syndromes", "disorder", "palsy", "phenomenon", "sign", "test", "tests", "lymphoma", "sarcoma", "tumor", "tumour", "esophagus", "neuroma", "cyst", "cysts", "horse", "procedure", "maneuver", "manoeuvre", "reflex", "ulcer", "ulcers", "fracture", "node", "nodes", "duct", "ducts", "gland", "glands", "tube", "tubes", "malformation", "anomaly", "contracture", "paralysis", "ataxia", "dystrophy", "anemia", "anaemia", "thyroiditis", "encephalopathy", "chorea", "neuralgia", "aneurysm", "triad", "lymphedema"]
)
_EPONYM_STEMS = frozenset(h.rstrip("s") for h in EPONYM_HEADS)
# The most words one name takes ("María de los Ángeles García López"): each walk from a found word
# to its neighbours stops there, so a long run of name-like words costs time linear in its length
# (the overlapping spans of its found words are merged later), not quadratic.
MAX_NAME_WORDS = 6


def name_extent(i: int, count: int, joins_next, joins_previous) -> tuple[int, int]:
    """(first, last) indexes of the name around word ``i`` of ``count`` words: walk right while
    ``joins_next(k)`` (word k joins word k + 1), then left while ``joins_previous(k)`` (word k - 1
    joins word k), at most ``MAX_NAME_WORDS`` words from ``i`` each way."""
    first = last = i
    while last + 1 < min(count, i + MAX_NAME_WORDS) and joins_next(last):
        last += 1
    while first > max(0, i + 1 - MAX_NAME_WORDS) and joins_previous(first):
        first -= 1
    return first, last
_CAMEL = re.compile(r"[a-z][A-Z]")
_AND = re.compile(r"[ \t]+(?:and|&|or)[ \t]+")
_EPONYM = re.compile(r"(?:['’]s?)?(?:[ \t-]+[A-Z][a-z]+(?:['’]s?)?)?[ \t]+([A-Za-z]+)")  # "'s disease", " Hunt syndrome"


def before_eponym_head(text: str, end: int) -> bool:
    """The name ending at ``end`` names a condition, sign or body part: "Parkinson's disease",
    "Ramsay Hunt syndrome", "Bell's palsy", "Charlie Horses"."""
    match = _EPONYM.match(text, end)
    return bool(match) and match.group(1).lower().rstrip("s") in _EPONYM_STEMS


def _key(word: str) -> str:
    """Lower case, curly apostrophe straightened, possessive dropped ("Kelsey’s" -> "kelsey")."""
    if "'" not in word and "’" not in word:
        return word.lower()
    return _POSSESSIVE.sub("", word.replace("’", "'")).lower()


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


@lru_cache(maxsize=200_000)
def unknown_word(key: str) -> bool:
    """No English word, place, drug or symptom word (cached: forum vocabularies repeat)."""
    stem = key.split("'")[0]  # "don't", "you've": the word before the apostrophe
    return len(stem) >= 3 and stem not in EXCLUDED and key not in cities() and not is_english_word(stem) and not is_medical_word(key)


def _name_shaped(word: str) -> bool:
    """A capitalised word of 4+ letters that no list knows, shaped like a name
    (``deid/name_shape.py``): "Muslija", "Sedej", "Kadiev"."""
    if len(word) < 4 or not word[:1].isupper() or not word[1:].islower() or not word.isalpha():
        return False
    key = word.lower()
    return unknown_word(key) and name_likeness(key) >= NAME_SHAPE_THRESHOLD


_LAUGH_OR_STRETCH = re.compile(r"(.)\1\1|^[bmw]*[aeiou]*(?:[hj]+[aeiou]+)+[hj]*$|^l+m+f*a+o+$|^lo+l+$")


def _near_english(word: str) -> bool:
    """One edit (a letter dropped, added, changed, or two swapped) from an English word, inflected
    forms included: a typo ("wierd", "recieve"), not a name."""
    words = english_words()
    candidates = edits1(word) - {word}
    return any(c in words for c in candidates) or any(len(c) >= 4 and is_english_word(c) for c in candidates)


@lru_cache(maxsize=200_000)
def _lower_name_shaped(word: str) -> bool:
    """A lower-case word of 4+ letters that no list knows, shaped like a name as strongly as a
    capitalised one must be (``NAME_SHAPE_THRESHOLD``): "wanjiru", "oluwaseun". Not laughter or
    stretched words ("hahah", "sooooo"), not a typo of an English word ("wierd"), not an
    accented English word ("señorita")."""
    if len(word) < 4 or not word.islower() or not word.isalpha() or not unknown_word(word):
        return False
    if _LAUGH_OR_STRETCH.search(word) or name_likeness(word) < NAME_SHAPE_THRESHOLD:
        return False
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return not (folded != word and (is_english_word(folded) or is_medical_word(folded))) and not _near_english(folded)


def _camel_unknown(key: str) -> bool:
    return "'" not in key and unknown_word(key)


def _accented_unknown(key: str) -> bool:
    """Accented letters, and no list knows it even without the accents ("naïve", "café" are
    English); contractions ("don't") are not names."""
    if "'" in key:
        return False
    folded = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return folded != key and unknown_word(key) and not (is_english_word(folded) or is_medical_word(folded))


class KnownNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule("known_name", _WORD.pattern, 0.5),
        Rule("known_name_lower", _WORD.pattern, 0.4),
        Rule("known_name_part", _WORD.pattern, 0.45),
        Rule("unknown_pair", _WORD.pattern, 0.4),
    )

    def _name_score(self, text: str, start: int, word: str) -> Rule | None:
        key = _key(word)
        if len(key) < 3 or key in EXCLUDED:
            return None
        if _capitalised(word):
            if key in world_first_names() or key in world_surnames():
                return self.RULES[0]
            # first in a sentence only as a possessive: "Bridget's advice" (a "Mason jar" stays)
            if key in noun_first_names() and (
                _POSSESSIVE.search(word) or not _SENTENCE_START.search(text[max(0, start - 4) : start])
            ):
                return self.RULES[0]
        elif word.islower() and key in world_first_names():
            return self.RULES[1]
        return None

    def _part_of_name(self, word: str, like: str) -> bool:
        """A neighbour of a name that can be its other part: same case style, no English word,
        no medical word ("Grace Church", "Jimmy Dean sausage" stay)."""
        key = _key(word)
        if len(key) < 2 or key in EXCLUDED or is_medical_word(key):
            return False
        if _capitalised(like):
            if not _capitalised(word):
                return False
        elif not word.islower():
            return False
        known = key in world_surnames() or key in world_first_names() or key in first_names()
        if not _capitalised(word):
            return known and not is_english_word(key)
        return known or key in common_surnames() or not is_english_word(key)

    def _joins(self, text, left, right, like, known, neighbour=None) -> bool:
        """``left`` and ``right`` are adjacent parts of one name: only a space or an initial between
        them, and the ``neighbour`` (the word being added; ``right`` by default) a name or a part.
        In lower case also a Census first name before the name ("naomi ryan"), and after an
        initial a word no list knows ("leidy t muris")."""
        gap = _GAP.fullmatch(text[left[1] : right[0]])
        if not gap or _POSSESSIVE.search(left[2]):
            return False
        word = (neighbour or right)[2]
        if known or self._part_of_name(word, like):
            return True
        if not (word.islower() and like.islower()):
            return False
        key = _key(word)
        if neighbour is left and key in first_names() and key not in EXCLUDED and not is_medical_word(key):
            return True
        return neighbour is None and gap.group().strip() != "" and "'" not in key and unknown_word(key)

    def _unknown_pairs(self, text, words, found) -> None:
        """Two capitalised words side by side that no dictionary, drug list or place list knows
        ("Dragoljub Mrkonjić"), or one such word written with accents ("Mrkonjić"): a name from a
        country our lists miss."""
        for i in range(len(words) - 1):
            a, b = words[i], words[i + 1]
            if not (_capitalised(a[2]) and _capitalised(b[2])) or i in found or i + 1 in found:
                continue
            if not _GAP.fullmatch(text[a[1] : b[0]]) or _POSSESSIVE.search(a[2]):
                continue
            first = _key(a[2])
            if (unknown_word(first) or first in first_names()) and unknown_word(_key(b[2])):
                found[i] = found[i + 1] = self.RULES[3]
        for i, (_start, end, word) in enumerate(words):
            if i not in found and (self._accented(word) or self._camel(word, text[end : end + 1]) or _name_shaped(word) or _lower_name_shaped(word)):
                found[i] = self.RULES[3]

    @staticmethod
    def _accented(word: str) -> bool:
        """A capitalised word with accented letters that no list knows: a foreign name (or a
        place, also an identifier); English drug and symptom words are written without them."""
        return not word.isascii() and _capitalised(word) and _accented_unknown(_key(word))

    @staticmethod
    def _camel(word: str, after: str) -> bool:
        """A run-together handle or nickname ("DrewFanClub", "LaToyaJ"): camel case, 4+ letters,
        no digit after it ("CoQ10"), no drug ("NovoLog", "EpiPen") or English word."""
        return bool(_CAMEL.search(word)) and not word.isupper() and len(word) >= 4 and not after.isdigit() and _camel_unknown(_key(word))

    def _coordinated(self, text, words, found) -> None:
        """"Okonkwo and Lindqvist", "Brennan & Osei": the other side of "and" next to a name found
        here, capitalised alike, is a name when it is no English word or a name list knows it."""
        for i in list(found):
            for j in (i - 2, i - 1, i + 1, i + 2):  # "and" is a word, "&" is not
                if j < 0 or j >= len(words) or j in found:
                    continue
                left, right = (words[j], words[i]) if j < i else (words[i], words[j])
                if _AND.fullmatch(text[left[1] : right[0]]) and self._part_of_name(words[j][2], words[i][2]):
                    found[j] = self.RULES[2]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None):
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        found: dict[int, Rule] = {}
        for i, (start, _end, word) in enumerate(words):
            rule = self._name_score(text, start, word)
            if rule is not None:  # the gazetteers hold no drug or symptom word
                found[i] = rule
        self._coordinated(text, words, found)
        self._unknown_pairs(text, words, found)
        results, seen = [], set()
        for i, rule in found.items():
            # extend to the neighbours that can be parts of the same name (one space or an initial between)
            like = words[i][2]
            first, last = name_extent(
                i, len(words),
                lambda k: self._joins(text, words[k], words[k + 1], like, k + 1 in found),
                lambda k: self._joins(text, words[k - 1], words[k], like, k - 1 in found, words[k - 1]),
            )
            end = words[last][1] - (2 if _POSSESSIVE.search(words[last][2]) else 0)
            if (words[first][0], end) in seen or before_eponym_head(text, end):
                continue
            seen.add((words[first][0], end))
            results.append(self._result(words[first][0], end, rule if first == last else self.RULES[2]))
        return results
