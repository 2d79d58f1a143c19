"""Undo the tricks that hide identifiers from pattern matching, keeping a map back to the
original offsets: zero-width characters are dropped, look-alike letters (Cyrillic and Greek
homoglyphs, full-width and mathematical alphanumerics) become their ASCII twins, and the
operators that stand in for Greek capitals (∆, ∑, ∏) become those letters.

Analysis runs on the normalised text; redactions are mapped back and applied to the
original, so the published text keeps every character the author wrote that is not an
identifier.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

ZERO_WIDTH = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
# Homoglyphs NFKC leaves alone (it does fold full-width and mathematical letters).
CONFUSABLES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
        "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ӏ": "l", "А": "A", "В": "B", "Е": "E",
        "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S",
        "І": "I", "Ј": "J", "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "Α": "A",
        "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
        "Τ": "T", "Υ": "Y", "Χ": "X",
        # Mathematical operators written for the Greek capitals they look like ("∆ΟΜΕΤΙΟΣ"):
        # they become those letters, so the word stays one word.
        "∆": "Δ", "∑": "Σ", "∏": "Π",
    }
)
# Anything that may change: a quick test keeps ordinary text on the fast path.
_SUSPECT = re.compile(
    "[" + ZERO_WIDTH + "\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\uff01-\uff5e\U0001d400-\U0001d7ff\u2460-\u24ff\u2206\u220f\u2211]"
)


@dataclass(frozen=True)
class Normalized:
    text: str
    # origin[i] = index in the original text of normalised character i; None when identical
    origin: Optional[list[int]] = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def normalize(text: str) -> Normalized:
    if not _SUSPECT.search(text):
        return Normalized(text)
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in ZERO_WIDTH:
            continue
        if ord(ch) > 127:
            ch = unicodedata.normalize("NFKC", ch.translate(CONFUSABLES))
        for c in ch:
            chars.append(c)
            origin.append(i)
    return Normalized("".join(chars), origin)
