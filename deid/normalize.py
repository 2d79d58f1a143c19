"""Undo the tricks that hide identifiers from pattern matching, keeping a map back to the
original offsets: invisible characters are dropped (every Unicode format character, category
Cf, such as zero-width spaces and joiners, bidirectional marks and isolates, the soft hyphen and
tag characters; the combining grapheme joiner; variation selectors; the Hangul fillers), a word
hyphenated across a line break ("Riv-" newline "era") is joined again, look-alike letters (Cyrillic and Greek
homoglyphs, full-width and mathematical alphanumerics) become their ASCII twins, and the
operators that stand in for Greek capitals (∆, ∑, ∏) become those letters.

Analysis runs on the normalised text; redactions are mapped back and applied to the
original, so the published text keeps every character the author wrote that is not an
identifier.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Optional

import regex

# Characters that render as nothing: dropped wherever they stand. ``\p{Cf}`` holds the
# zero-width space, (non-)joiners, word joiner, LRM/RLM, bidi embeddings and isolates, the soft
# hyphen, BOM and tag characters. Emoji lose their joiners and presentation selectors here, which
# only splits a sequence into its pictures in the text that is analysed.
INVISIBLE = (
    r"\p{Cf}"
    "\u034f"  # combining grapheme joiner
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers
    "\u180b-\u180d\u180f"  # Mongolian free variation selectors
    "\ufe00-\ufe0f\U000e0100-\U000e01ef"  # variation selectors
)
# A word hyphenated at a line break ("Riv-" newline "era", also after HTML's <br>): the hyphen and
# the break are dropped so the word is whole again. Only between letters and across a line break,
# so "follow-up" and list dashes stay as written.
_HYPHEN_BREAK = r"(?<=[^\W\d_])[-\u2010\u00ad][ \t]*(?:\r\n|\r|\n)[ \t]*(?=[^\W\d_])"
_DROP = regex.compile(_HYPHEN_BREAK + "|[" + INVISIBLE + "]+")
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
# Anything that may change: a quick test keeps ordinary text on the fast path (ASCII text can
# only hold a hyphenated line break, and a plain search finds the hint of one).
_SUSPECT = regex.compile(
    "[" + INVISIBLE + "\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\uff01-\uff5e\U0001d400-\U0001d7ff\u2460-\u24ff\u2206\u220f\u2211]"
)
_BREAK_HINT = regex.compile(r"[-\u2010\u00ad][ \t]*[\r\n]")


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
    if not (_BREAK_HINT.search(text) or (not text.isascii() and _SUSPECT.search(text))):
        return Normalized(text)
    chars: list[str] = []
    origin: list[int] = []
    kept = 0
    for drop in _DROP.finditer(text):
        _keep(text, kept, drop.start(), chars, origin)
        kept = drop.end()
    _keep(text, kept, len(text), chars, origin)
    return Normalized("".join(chars), origin)


def _keep(text: str, start: int, end: int, chars: list[str], origin: list[int]) -> None:
    """Append ``text[start:end]``, folded, to ``chars``, with each character's origin."""
    if start >= end:
        return
    piece = text[start:end]
    if piece.isascii():
        chars.append(piece)
        origin.extend(range(start, end))
        return
    for i, ch in enumerate(piece, start):
        if ord(ch) > 127:
            ch = unicodedata.normalize("NFKC", ch.translate(CONFUSABLES))
        for c in ch:
            chars.append(c)
            origin.append(i)
