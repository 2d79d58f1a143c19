"""The rest of a written postal address after its street line.

A postal address is written as a block: the street, then (after commas on the same line,
or on the next few short lines) a unit, a city or village, a region code, a postcode and a
country, in the order of the country's postal system. Form-filled text leaves empty fields
as markers ("nan", "None", "N/A") and quoted replies prefix each line ("> "). A user expects
the whole block to become one ``<STREET_ADDRESS>``, countries and states included.

``scan_block`` reads such a block piece by piece; it never runs a model. A line that reads
like prose ("Thanks so much", "My doctor said ...") ends the block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from ..gazetteers import medical_terms

# One piece of an address line. A postcode is what the postal systems use: digits and
# capitals of 2-6 characters, optionally a second group after a space or hyphen
# ("62704-1234", "752 21", "1100-148", "1234 AB", "K1A 0B1", "SW1A 1AA").
_PIECE = re.compile(
    r"""(?:
        (?P<unit>(?i:apt|apartment|suite|ste|unit|flat|floor|fl|box|bldg|building)\.?[ \t]*\#?(?:(?=[\w-]{0,5}\d)[\w-]{1,6}|[A-Z]{1,2})\b)
      | (?P<military>(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)\b)
      | (?P<empty>(?i:nan|none|null|n/a)(?![\w/]))
      | (?P<postcode>(?=[A-Z0-9]*\d)[A-Z0-9]{2,6}(?:[ -](?:(?=[A-Z0-9]*\d)[A-Z0-9]{2,4}|[A-Z]{2}))?(?![\w-]))
      | (?P<word>\(?(?:[^\W\d_][\w'’&-]{0,3}\.|[^\W\d_][\w'’&-]*)\)?)
    )""",
    re.VERBOSE,
)
_SEP = re.compile(r"[ \t]*[,;][ \t]*|[ \t]+")
# Lines of a quoted reply or a list: "> ", ">", "• ", "- " and the like before the content.
QUOTE = r"[ \t]*(?:>+[ \t]*|[^\w\s,]{1,3}[ \t]+)?"
_LINE_START = re.compile(QUOTE + r"[ \t]*(?:,[ \t]*)?")
# Lower-case words inside place names: "Foz do Iguaçu", "Frankfurt am Main", "Ústí nad Labem".
CONNECTORS = frozenset("de do da dos das del della di du des la le les sur en y van von der am upon nad pod u op aan im".split())
NOT_PLACES = frozenset(
    """
    thanks thank hugs love best cheers hi hello hey sorry ps regards sincerely good take hope
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december dr mr mrs ms doctor
    """.split()
) | STOP_WORDS
# Words that number things rather than name places ("Room 1021", "Stage 4", "Chapter 11").
NUMBERED = frozenset(
    "room ward bed building floor suite apt unit stage grade level type phase chapter page version "
    "class year week day cycle round step dose lot batch model number no item part section".split()
)
# A number followed by a noun is a count or a dose ("10 minutes", "500 mg", "20 MG"), not a postcode.
COUNT_WORDS = frozenset(
    """
    mg mcg µg ug ml g kg lb lbs pounds iu units tablets tabs pills capsules drops mmol cc percent
    years year yrs yr months month mos weeks week wks days day hours hour hrs minutes mins times
    """.split()
)
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_][\w'’]*|%)")


def counts_something(text: str, pos: int, end: int) -> bool:
    """Does the word at ``pos`` make the number before it a count ("steps", "MG", "%")?"""
    match = _NEXT_WORD.match(text, pos, end)
    if not match:
        return False
    word = match.group(1)
    low = word.lower()
    return word == "%" or low in COUNT_WORDS or (word[:1].islower() and low not in NOT_PLACES)


MAX_LINES = 5  # lines after the street line: unit, city, region, country and postcode
MAX_LINE_CHARS = 60
MAX_LINE_PIECES = 8


@dataclass(frozen=True)
class Piece:
    kind: str  # unit, military, empty, postcode, place, lower (a lower-case place), connector
    start: int
    end: int

    long_code: bool = False  # a postcode of 4+ characters, or of two parts ("SW1A 1AA")

    @property
    def evidence(self) -> bool:
        """Does this piece show the block is a postal address (not a number in prose)? A
        number of 2-3 digits ("Weight 210") or a year is not enough."""
        return self.kind in ("unit", "military") or (self.kind == "postcode" and self.long_code)


def _classify(match: re.Match) -> str | None:
    kind = match.lastgroup
    if kind != "word":
        return kind
    word = match.group(0).strip("()")
    low = word.lower().rstrip(".")
    if low in CONNECTORS:
        return "connector"
    if word.isupper() and 2 <= len(word) <= 3:  # a region code ("NO", "AT", "IN")
        return "place"
    if low in NOT_PLACES or low in COUNT_WORDS or low in NUMBERED or low in medical_terms():  # drug names: "Lisinopril 10"
        return None
    # a lower-case word ("springfield, il 62704") is a place only if a postcode follows it
    return "place" if word[:1].isupper() else "lower"


def scan_line(text: str, pos: int, line_end: int, first: bool) -> list[Piece]:
    """The address pieces from ``pos`` on, up to the first thing that is none (or the line's end).
    ``first``: ``pos`` is the start of the line (no separator needed before the first piece)."""
    return _trim(_raw_pieces(text, pos, line_end, first))


def _raw_pieces(text: str, pos: int, line_end: int, first: bool) -> list[Piece]:
    """At most ``2 * MAX_LINE_PIECES`` pieces: a street line's tail is scanned once per street on
    it, so without a bound a line of many short "12 Main" streets took time quadratic in its length."""
    pieces: list[Piece] = []
    while pos < line_end and len(pieces) < 2 * MAX_LINE_PIECES:
        if not (first and not pieces):
            sep = _SEP.match(text, pos, line_end)
            if not sep:
                break
            pos = sep.end()
        match = _PIECE.match(text, pos, line_end)
        kind = _classify(match) if match else None
        if kind is None:
            break
        if kind == "postcode" and counts_something(text, match.end(), line_end):
            break
        long_code = kind == "postcode" and len(match.group(0)) >= 4 and not _YEAR.fullmatch(match.group(0))
        pieces.append(Piece(kind, match.start(), match.end(), long_code))
        pos = match.end()
    return pieces


def _trim(pieces: list[Piece]) -> list[Piece]:
    # Lower-case words count only before a postcode on the same line.
    lower = next((i for i, p in enumerate(pieces) if p.kind == "lower"), None)
    if lower is not None:
        codes = [i for i, p in enumerate(pieces) if p.kind == "postcode" and i > lower]
        pieces = pieces[: codes[-1] + 1] if codes else pieces[:lower]
    # A connector belongs to the address only with a place or postcode after it.
    while pieces and pieces[-1].kind == "connector":
        pieces.pop()
    return pieces


_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_END = re.compile(r"[.?!](?:[ \t]|$)")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _rest_is_blank(text: str, pos: int, line_end: int) -> bool:
    return not text[pos:line_end].strip(" \t.")


@dataclass(frozen=True)
class Block:
    end: int
    pieces: tuple[Piece, ...]

    @property
    def evidence(self) -> bool:
        return any(p.evidence for p in self.pieces)


def scan_block(text: str, end: int) -> Block:
    """Extend an address whose street ends at ``end``: the pieces on the rest of its line,
    then up to ``MAX_LINES`` following lines that are address lines (at most one blank line
    between them). A line that is only partly an address ("Portugal 1100-148 for my mail")
    is taken up to its postcode and ends the block."""
    found: list[Piece] = []
    line_end = _line_end(text, end)
    tail = scan_line(text, end, line_end, first=False)
    tail = _drop_trailing_empty(tail, text, line_end)
    if tail:
        found += tail
        end = tail[-1].end
    if not _rest_is_blank(text, end, line_end):
        return Block(end, tuple(found))
    pos, lines = line_end, 0
    pending: list[Piece] = []  # lower-case lines ("fa", "springfield"), kept if a postcode line follows
    while lines < MAX_LINES:
        line = _next_line(text, pos)
        if line is None:
            break
        start, stop = line
        if len(text[start:stop].strip()) > MAX_LINE_CHARS:
            break
        raw = _raw_pieces(text, start, stop, first=True)
        pieces = _trim(raw)
        if pending and any(p.kind == "postcode" for p in pieces):
            found += pending
            pending = []
        if not pieces and _lower_line(raw, text, stop) and len(pending) < 2 * MAX_LINE_PIECES:
            pending += raw
            pos, lines = stop, lines + 1
            continue
        if not pieces or len(pieces) > MAX_LINE_PIECES:
            break
        if pending:  # an address line after lower-case lines, no postcode on it: ends the block
            break
        last = pieces[-1].end
        if _rest_is_blank(text, last, stop):
            found += pieces
            end, pos, lines = last, stop, lines + 1
            continue
        # Partly an address ("Portugal 1100-148 for my mail", "Sweden? I am ..."): kept up to
        # its postcode, or up to the end of the sentence, and the block ends there.
        postcode = pieces[-1].kind == "postcode" and (len(pieces) >= 2 or lines >= 1)
        if postcode or _SENTENCE_END.match(text, last):
            found += pieces
            end = last
        break
    return Block(end, tuple(found))


def _lower_line(raw: list[Piece], text: str, stop: int) -> bool:
    """A whole line of 1-3 lower-case place words (a lower-case town or region, "fa")."""
    return 0 < len(raw) <= 3 and raw[0].kind == "lower" and all(p.kind in ("lower", "connector", "place") for p in raw) and _rest_is_blank(text, raw[-1].end, stop)


def _next_line(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the content of the line after the one ending at ``pos`` (quote marks
    skipped), passing over at most one blank line; None at the end of the text."""
    for _ in range(2):
        if pos >= len(text):
            return None
        start = _LINE_START.match(text, pos + 1).end()
        stop = _line_end(text, pos + 1)
        if text[start:stop].strip():
            return start, stop
        pos = stop
    return None


_AFTER_EMPTY = re.compile(r"[ \t]*(?:[,;.?!]|$)")


def _drop_trailing_empty(pieces: list[Piece], text: str, line_end: int) -> list[Piece]:
    """An empty marker at the end of the street's own line counts if the line ends there, a
    punctuation mark follows ("... Graz nan, and") or it follows a place or postcode
    ("... Graz nan see you"); not right after the street ("12 Main St none of it")."""
    while pieces and pieces[-1].kind == "empty":
        after_place = len(pieces) >= 2 and pieces[-2].kind in ("place", "postcode")
        if after_place or _AFTER_EMPTY.match(text, pieces[-1].end, line_end):
            break
        pieces = pieces[:-1]
    return pieces
