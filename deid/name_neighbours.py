"""A name any recognizer found is completed by the words that stand beside it.

``known_name`` completes the names its gazetteers find ("Aino K. Lehtinen", "Okonkwo and
Lindqvist"), but a name found by another rule or model (spaCy's NER, the forum NER, a title or
a cue) was redacted alone: "Maja S <PERSON>", "called Lily <PERSON>", "<PERSON>, <PERSON> and
Reed". Every word inside a found ``PERSON`` span is a seed here, and a neighbour joins it when it
is written in the same case style, is no stop word, chat word, title, all-capital word or
medical word, and

- stands one space from the seed, or across a middle initial, or in a list with it ("A, B and
  C", "A & B"), and
- is a name a list knows, or no English word and shaped like a name (``deid/name_shape.py``),
  or an English word that the Census name lists hold ("Reed", "Adams") next to a seed that is
  no English word: "Kadiev and Adams", but not "Wisdom and Discipline";
- across a middle initial, any capitalised word ("Maja S <PERSON>"; in lower case one a name
  list knows, never across "a" or "i": "tell mike a story");
- one space before a capitalised seed, a first name that is also a word ("Lily", "Grace").
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.lang.en.stop_words import STOP_WORDS

from .gazetteers import (
    common_surnames,
    first_names,
    is_english_word,
    is_listed_name,
    is_medical_word,
)
from .name_shape import NAME_SHAPE_THRESHOLD, name_likeness
from .recognizers.known_name import _POSSESSIVE, _WORD, EXCLUDED, _capitalised, _key, name_extent
from .recognizers.member_names import COMMON_WORD_NAMES
from .spans import Span

_SPACE = re.compile(r"[ \t]+")
_INITIAL = re.compile(r"[ \t]+([^\W\d_])\.?[ \t]+")  # "Maja S Hermansen", "Halldór Ó Árnþórsson"
_LINK = re.compile(r"[ \t]*,[ \t]*(?:(?:and|&|or)[ \t]+)?|[ \t]+(?:and|&|or)[ \t]+")  # "A, B", "A, and B", "A & B"

Word = tuple[int, int, str]


def _same_style(word: str, like: str) -> bool:
    return _capitalised(word) if _capitalised(like) else word.islower() and like.islower()


def _blocked(word: str) -> bool:
    key = _key(word)
    stem = word.split("'")[0].split("’")[0]
    return len(key) < 3 or key in EXCLUDED or key in STOP_WORDS or stem.isupper() or is_medical_word(key)


def _name_part(word: str, like: str, seed_is_english: bool) -> bool:
    """``word`` can stand beside the seed ``like`` as another part of the same name, or as
    another name in the same list."""
    if _blocked(word) or not _same_style(word, like):
        return False
    key = _key(word)
    if not is_english_word(key):
        return is_listed_name(key) or (_capitalised(word) and name_likeness(key) >= NAME_SHAPE_THRESHOLD)
    return _capitalised(word) and not seed_is_english and (key in first_names() or key in common_surnames())


def _across_initial(word: str, like: str, initial: str) -> bool:
    key = _key(word)
    if len(key) < 2 or key in EXCLUDED or is_medical_word(key) or not _same_style(word, like):
        return False
    if _capitalised(like):
        return initial.isupper()
    return initial not in "ai" and is_listed_name(key)


def _joins(text: str, left: Word, right: Word, seed: Word, neighbour: Word, found: bool) -> bool:
    """``left`` and ``right`` are adjacent parts of one name; ``neighbour`` (one of them) is the
    word being added to the name of ``seed``."""
    if _POSSESSIVE.search(left[2]):
        return False
    gap = text[left[1] : right[0]]
    initial = _INITIAL.fullmatch(gap)
    if initial:
        return found or _across_initial(neighbour[2], seed[2], initial.group(1))
    if not _SPACE.fullmatch(gap):
        return False
    if found:
        return True
    if neighbour is left and gap == " " and _capitalised(seed[2]) and _capitalised(left[2]) and _key(left[2]) in COMMON_WORD_NAMES:
        return True
    return _name_part(neighbour[2], seed[2], is_english_word(_key(seed[2])))


def _seeds(words: list[Word], person: list[Span]) -> set[int]:
    seeds, k = set(), 0
    for i, (start, end, _word) in enumerate(words):
        while k < len(person) and person[k].end <= start:
            k += 1
        if k < len(person) and person[k].start <= start and end <= person[k].end:
            seeds.add(i)
    return seeds


def _lists(text: str, words: list[Word]) -> list[list[int]]:
    """Runs of words linked by a comma, "and", "&" or "or" ("and" is a word, "&" is not)."""
    runs: list[list[int]] = []
    for i in range(len(words) - 1):
        for j in (i + 1, i + 2):
            if j < len(words) and _LINK.fullmatch(text[words[i][1] : words[j][0]]):
                if runs and runs[-1][-1] == i:
                    runs[-1].append(j)
                else:
                    runs.append([i, j])
                break
    return runs


def extend_names(spans: list[Span], text: str) -> list[Span]:
    """The ``PERSON`` spans to add to ``spans`` (already resolved, in text order)."""
    person = [s for s in spans if s.entity_type == "PERSON"]
    if not person:
        return []
    person_starts = [s.start for s in person]
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    seeds = _seeds(words, person)
    if not seeds:
        return []
    found = set(seeds)
    for run in _lists(text, words):  # "Monjeau, Graves and Reed", "Kadiev and Adams"
        in_run = [i for i in run if i in seeds]
        if not in_run:
            continue
        english = all(is_english_word(_key(words[i][2])) for i in in_run)
        like = words[in_run[0]][2]
        found.update(j for j in run if j not in seeds and _name_part(words[j][2], like, english))
    added: list[Span] = []
    for i in sorted(found):
        seed = words[i]
        first, last = name_extent(
            i, len(words),
            lambda k: _joins(text, words[k], words[k + 1], seed, words[k + 1], k + 1 in found),
            lambda k: _joins(text, words[k - 1], words[k], seed, words[k - 1], k - 1 in found),
        )
        if first == last == i and i in seeds:
            continue
        start, end = words[first][0], words[last][1] - (2 if _POSSESSIVE.search(words[last][2]) else 0)
        k = bisect_right(person_starts, start) - 1  # the only person span that can hold it (they do not overlap)
        if k < 0 or person[k].end < end:
            added.append(Span(start, end, "PERSON", 0.45))
    return added
