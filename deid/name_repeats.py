"""A name found once in a post is redacted wherever else the post writes it.

A post that names someone once with a cue ("my name is Borna Jerković", "directed by Brad L
Key") often names them again without one ("everyone calls me Borna", "and starring Key"). Every other occurrence of a word of a found name, written the same way
(same letters, same case), becomes a ``PERSON`` span too. Never repeated: words of fewer than
three letters, all-capital words, stop words, words that stand next to names ("Dr", "thanks"),
chat words, drug and symptom words (and their misspellings), English words ("Rice", "will"),
words that no name list holds and that are not shaped like a name (``deid/name_shape.py``: an
unlisted drug brand found once as a name is not spread), and a word before the head noun of
an eponym ("Bell's palsy").
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from .gazetteers import (
    is_english_word,
    is_listed_name,
    is_medical_word,
)
from .name_shape import name_likeness
from .recognizers.known_name import EPONYM_HEADS, EXCLUDED
from .spans import Span

_NAME_PART = re.compile(r"[^\W\d_]{3,}")
_NOT_BEFORE = frozenset("@#/.-_0123456789")
_NOT_AFTER = frozenset("@-_0123456789")
_NEXT_WORD = re.compile(r"(?:['’]s?)?[ \t]+([A-Za-z]+)")


@lru_cache(maxsize=50_000)
def never_repeated(word: str) -> bool:
    low = word.lower()
    if word.isupper() or low in STOP_WORDS or low in EXCLUDED or is_medical_word(low):
        return True
    return is_english_word(low) or not (is_listed_name(low) or name_likeness(low) > 1.0)


def repeat_names(spans: list[Span], text: str) -> list[Span]:
    """The spans to add to ``spans`` (already resolved): other occurrences of their name words."""
    words = {text[m.start() : m.end()] for s in spans if s.entity_type == "PERSON" for m in _NAME_PART.finditer(text, s.start, s.end)}
    words = {w for w in words if not never_repeated(w)}
    if not words:
        return []
    added = []
    for match in _NAME_PART.finditer(text):  # whole words only, not inside handles or e-mails
        start, end = match.span()
        if match.group() not in words or (start and text[start - 1] in _NOT_BEFORE) or (end < len(text) and text[end] in _NOT_AFTER):
            continue
        after = _NEXT_WORD.match(text, end)
        if after and after.group(1).lower() in EPONYM_HEADS:  # "Bell's palsy", "charley horse"
            continue
        if not any(s.start < end and start < s.end for s in spans):
            added.append(Span(start, end, "PERSON", 0.5))
    return added
