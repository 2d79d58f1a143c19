"""Run a spaCy ``Matcher``'s patterns only on the sentences where they can match.

spaCy's ``Matcher`` starts every pattern at every token: its cost grows with patterns times
tokens, whether or not a sentence holds any of the words a pattern needs. Most patterns of the
unmet-need taxonomy and the speaker-role cues need a particular word ("denied", "husband",
"insurance"), and most sentences hold none of them. :class:`GatedMatcher` splits the patterns
into groups (one spaCy ``Matcher`` each) and, for each sentence, runs only the groups with a
pattern whose *word tests* are all met in that sentence.

A word test is a necessary condition of a pattern: a token spec it must match at least once (no
``OP``, or ``OP: "+"``) tests ``LOWER``, ``LEMMA``, ``NORM`` or ``ORTH`` (``TEXT``) for equality
with a string, membership (``IN``) in a list of strings or a ``REGEX``; some token of every match
passes it, so a sentence in which no token does cannot hold a match, and skipping it changes
nothing. A pattern without a word test keeps its group live in every sentence. Each group is first
screened by its patterns' *anchors* (the test with the fewest words, stop words counted as many).

Same matches, in the same order: a group's ``Matcher`` run on a sentence finds exactly the
matches the whole-doc ``Matcher`` finds inside that sentence (a match depends only on its own
tokens), and in the same relative order when a group holds whole rule keys in their order of
addition (the Matcher's states evolve independently, so dropping other patterns' states keeps the
order of the rest). Matches across sentence boundaries are never returned; callers that keep only
in-sentence matches (the unmet-need matcher and the speaker-role matcher do) see the same list,
per group. Order *between* groups differs from the whole-doc ``Matcher``: put the keys whose
relative order matters to the caller in one group.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import LEMMA, LOWER, NORM, ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

ANCHOR_ATTRS = {"LOWER": LOWER, "LEMMA": LEMMA, "NORM": NORM, "ORTH": ORTH, "TEXT": ORTH}
REQUIRED_OPS = (None, "+")  # a spec that matches at least one token of every match
STOP_WORD_COST = 50  # an anchor of stop words ("the", "to") rarely rules a sentence out
REGEX_COST = 10


def _words(value) -> list[str] | None:
    """The strings a token attribute must equal (one) or be among (``IN``), or None."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("IN"), list) and all(isinstance(w, str) for w in value["IN"]):
        return list(value["IN"])
    return None


def word_tests(pattern: list[dict]) -> list[tuple[str, str, object]]:
    """Every required word test of a pattern, each met by some token of any match: (attribute name,
    ``"IN"``, words) or (attribute name, ``"REGEX"``, expression)."""
    tests = []
    for spec in pattern:
        if spec.get("OP") not in REQUIRED_OPS:
            continue
        for key, value in spec.items():
            attr = key.upper() if isinstance(key, str) else key
            if attr not in ANCHOR_ATTRS:
                continue
            attr = "ORTH" if attr == "TEXT" else attr
            words = _words(value)
            if words:
                tests.append((attr, "IN", words))
            if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
                tests.append((attr, "REGEX", value["REGEX"]))
    return tests


def selectivity(test: tuple[str, str, object]) -> int:
    """Lower is rarer: words count one each, stop words many; an expression as a few words."""
    _, kind, value = test
    return REGEX_COST if kind == "REGEX" else sum(STOP_WORD_COST if w.lower() in STOP_WORDS else 1 for w in value)


def anchor_of(pattern: list[dict]) -> tuple[str, str, object] | None:
    """The pattern's most selective required word test, or None."""
    tests = word_tests(pattern)
    return min(tests, key=selectivity) if tests else None


class GatedMatcher:
    """``add(key, patterns, group)`` like ``Matcher.add``; ``sentence_matches(doc)`` yields
    ``(match_id, start, end)`` (doc offsets) of every match inside a sentence, sentence by sentence,
    group by group in order of first addition, each group's matches in ``Matcher`` order.

    A group runs on a sentence when one of its patterns has every required word test met by some
    token of the sentence (each test is a bit; a sentence's bits are the union of its tokens'
    bits, one dictionary look-up per token and tested attribute). A group is first screened by
    its patterns' anchors (one test each), then its patterns are checked in full."""

    def __init__(self, vocab: Vocab, validate: bool = True, group_of: Callable[[str], str] | None = None) -> None:
        self.vocab = vocab
        self.validate = validate
        self.group_of = group_of or (lambda key: key)
        self.matchers: dict[str, Matcher] = {}
        self.added: list[tuple[str, list[list[dict]]]] = []  # (key, patterns) in order of addition
        self.anchors: dict[str, int] = {}  # group -> bits of its patterns' anchors
        self.patterns: dict[str, set[int]] = {}  # group -> the test bits of each pattern (distinct)
        self.always: set[str] = set()  # groups with a pattern that has no word test: live everywhere
        self.tests: dict[tuple, int] = {}  # (attribute id, "IN", word hashes) or (attribute id, "REGEX", expression) -> bit
        self.tables: dict[int, dict[int, int]] = {}  # attribute id -> word hash -> bits of the tests it meets
        self.regexes: dict[int, list[tuple[re.Pattern, int]]] = {}  # attribute id -> (expression, bit)
        self.regex_hits: dict[int, dict[int, int]] = {}  # attribute id -> value hash -> bits of the expressions it meets (cache)

    def _bit(self, test: tuple[str, str, object]) -> int:
        attr, kind, value = test
        attr_id = ANCHOR_ATTRS[attr]
        key = (attr_id, kind, value if kind == "REGEX" else frozenset(self.vocab.strings.add(w) for w in value))
        bit = self.tests.get(key)
        if bit is None:
            bit = self.tests[key] = 1 << len(self.tests)
            if kind == "REGEX":
                self.regexes.setdefault(attr_id, []).append((re.compile(value), bit))
                self.regex_hits[attr_id] = {}
            else:
                table = self.tables.setdefault(attr_id, {})
                for h in key[2]:
                    table[h] = table.get(h, 0) | bit
        return bit

    def add(self, key: str, patterns: list[list[dict]], group: str | None = None) -> None:
        group = self.group_of(key) if group is None else group
        if group not in self.matchers:
            self.matchers[group] = Matcher(self.vocab, validate=self.validate)
            self.anchors[group] = 0
            self.patterns[group] = set()
        self.matchers[group].add(key, patterns)
        self.added.append((key, patterns))
        for pattern in patterns:
            tests = word_tests(pattern)
            if not tests:
                self.always.add(group)
                continue
            self.anchors[group] |= self._bit(min(tests, key=selectivity))
            bits = 0
            for test in tests:
                bits |= self._bit(test)
            self.patterns[group].add(bits)

    def __len__(self) -> int:
        return sum(len(m) for m in self.matchers.values())

    def met(self, tokens: Iterable) -> int:
        """Bits of the word tests some token of ``tokens`` meets."""
        met = 0
        lookups = [(_ATTR_GETTERS[attr], table.get) for attr, table in self.tables.items()]
        for t in tokens:
            for value_of, get in lookups:
                met |= get(value_of(t), 0)
        for attr, regexes in self.regexes.items():
            value_of, hits = _ATTR_GETTERS[attr], self.regex_hits[attr]
            for t in tokens:
                value = value_of(t)
                bits = hits.get(value)
                if bits is None:
                    text = self.vocab.strings[value]
                    bits = hits[value] = sum(bit for regex, bit in regexes if regex.search(text))
                met |= bits
        return met

    def live(self, tokens: Iterable) -> list[str]:
        """The groups that may match in ``tokens`` (a sentence), in order of addition."""
        met = self.met(tokens)
        return [
            g for g in self.matchers
            if g in self.always or (self.anchors[g] & met and any(bits & met == bits for bits in self.patterns[g]))
        ]

    def __call__(self, doclike: Doc | Span) -> list[tuple[int, int, int]]:
        """Matches inside sentences (doc offsets); a span, or a doc without sentence boundaries, is one sentence."""
        if isinstance(doclike, Span):
            return list(self.span_matches(doclike))
        if not doclike.has_annotation("SENT_START"):
            return list(self.span_matches(doclike[:]))
        return list(self.sentence_matches(doclike))

    def sentence_matches(self, doc: Doc, sentences: list[Span] | None = None) -> Iterator[tuple[int, int, int]]:
        for sent in doc.sents if sentences is None else sentences:
            yield from self.span_matches(sent)

    def span_matches(self, span: Span) -> Iterator[tuple[int, int, int]]:
        offset = span.start
        for group in self.live(span):
            for match_id, start, end in self.matchers[group](span):
                yield match_id, start + offset, end + offset


_ATTR_GETTERS: dict[int, Callable] = {
    LOWER: lambda t: t.lower,
    LEMMA: lambda t: t.lemma,
    NORM: lambda t: t.norm,
    ORTH: lambda t: t.orth,
}
