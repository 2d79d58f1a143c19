"""Lay symptom grammar on token LOWER/LEMMA: body functions and inabilities, and the extent of a
complaint over the body sites it names.

Vocabularies are data (``lexicons/symptom_lay_phrases.yaml``: ``functions``, ``function_*``,
``inability``, ``ability_verbs``, ``more_body_parts``, ``sensation_nouns``, ``intensity``):

- functions: "loss of strength", "no energy", "poor concentration", "my memory is shot",
  "increased appetite", "lose his balance" -> the function's HPO term for a reduced (or raised)
  function; a few filler words may stand between a function and a change word after it
  ("my energy levels are really low"); not before a food or dose word ("low energy drinks");
- lab analytes (``analytes``, ``analyte_*``): "low T3", "high sodium", "elevated ALT", "my
  ferritin was low" -> the HPO term for the low or high level, with their own change words;
- inabilities: "can't walk", "unable to climb stairs", "trouble swallowing" (verb on its lemma);
- site lists: a complaint keeps the sites coordinated with it, "pain in my wrists, hips and
  ankles", "back and hip pain", "tingling sensation in my toes and lips", and the intensity word
  in front of it ("severe cramps").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon_matcher import LexiconMatcher
from .resources import load_yaml

DETERMINERS = ("my", "the", "both", "his", "her", "your", "their", "our", "all", "a", "its", "some")
MAX_AFTER_FILLERS = 4
CHANGE_KINDS = ("down_before", "up_before", "down_after", "up_after")
SIDES = ("lower", "upper", "left", "right", "both")
SITE_PREPOSITIONS = ("in", "on", "of", "around", "across", "through", "throughout", "along", "with", "into", "behind", "under", "(", ":")
SEPARATORS = (",", "and", "&", "/", "or", "+")
ABILITY_FILLERS = ("really", "even", "barely", "hardly", "properly", "much", "always", "to", "with", "at", "all")


@dataclass(frozen=True)
class GrammarVocabulary:
    parts: tuple  # body-part phrases, lower-cased
    functions: dict  # function phrase -> (reduced id | None, raised id | None)
    down_before: tuple
    up_before: tuple
    down_after: tuple
    up_after: tuple
    inability: tuple
    ability_verbs: dict  # verb phrase -> HPO id
    sensation_nouns: frozenset
    complaints: frozenset  # one-word complaints ("sore", "stiff") that coordinate
    intensity: frozenset
    analytes: dict = None  # analyte phrase -> (low id | None, high id | None)
    analyte_cues: dict = None  # change kind ("down_before"...) -> analyte change words
    after_fillers: frozenset = frozenset()
    not_before: frozenset = frozenset()


@lru_cache(maxsize=1)
def grammar_vocabulary() -> GrammarVocabulary:
    y = load_yaml("symptom_lay_phrases.yaml")

    def words(key: str) -> tuple:
        return tuple(str(w).lower() for w in y.get(key) or ())

    functions = {str(k).lower(): (v[0], v[1]) for k, v in (y.get("functions") or {}).items()}
    return GrammarVocabulary(
        parts=tuple(dict.fromkeys(words("body_parts") + words("more_body_parts"))),
        functions=functions,
        down_before=words("function_down_before"),
        up_before=words("function_up_before"),
        down_after=words("function_down_after"),
        up_after=words("function_up_after"),
        inability=words("inability"),
        ability_verbs={str(k).lower(): v for k, v in (y.get("ability_verbs") or {}).items()},
        sensation_nouns=frozenset(words("sensation_nouns")),
        complaints=frozenset(str(w).lower() for key in ("complaints", "more_complaints", "complaints_before") for ws in (y.get(key) or {}).values() for w in ws if " " not in str(w)),
        intensity=frozenset(words("intensity")),
        analytes={str(k).lower(): (v[0], v[1]) for k, v in (y.get("analytes") or {}).items()},
        analyte_cues={kind: words(f"analyte_{kind}") for kind in CHANGE_KINDS},
        after_fillers=frozenset(words("function_after_fillers")),
        not_before=frozenset(words("function_not_before")),
    )


class SymptomGrammar:
    """Functions and inabilities (cue phrases found by phrase matchers, combined by position), and
    span extension over site lists."""

    def __init__(self, nlp: Language) -> None:
        vocab = grammar_vocabulary()
        self.vocab = vocab
        cues = {}
        kinds = [("down_before", vocab.down_before), ("up_before", vocab.up_before), ("down_after", vocab.down_after), ("up_after", vocab.up_after), ("inability", vocab.inability)]
        kinds += [("analyte_" + kind, vocab.analyte_cues[kind]) for kind in CHANGE_KINDS]
        for kind, words in kinds:
            for w in words:
                cues.setdefault(w, set()).add(kind)
        self.cues = LexiconMatcher(nlp, cues, attr="LOWER")
        self.functions = LexiconMatcher(nlp, vocab.functions, attr="LOWER")
        self.analytes = LexiconMatcher(nlp, vocab.analytes, attr="LOWER")
        self.verbs = LexiconMatcher(nlp, vocab.ability_verbs, attr="LEMMA")
        self.complaints = vocab.complaints
        # body-part phrases as token tuples, longest first, for the site-list scan
        tok = nlp.tokenizer
        parts = {tuple(t.lower_ for t in tok(p)) for p in vocab.parts}
        self.part_lengths = sorted({len(p) for p in parts}, reverse=True)
        self.parts = frozenset(parts)

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, HPO id) of function changes and inabilities."""
        cues = self.cues(doc)
        if not cues:
            return []
        ends: dict[int, list[tuple[int, set]]] = {}
        starts: dict[int, list[tuple[int, set]]] = {}
        for term, s, e in cues:
            ends.setdefault(e, []).append((s, self.cues.payload[term]))
            starts.setdefault(s, []).append((e, self.cues.payload[term]))
        out = []
        words = [t.lower_ for t in doc]
        for table, prefix in ((self.functions, ""), (self.analytes, "analyte_")):
            for term, s, e in table(doc):
                out.extend(self._changes(words, s, e, table.payload[term], prefix, ends, starts))
        verbs = self.verbs(doc)
        if verbs:
            for term, s, e in verbs:
                j = s
                while j > 0 and j > s - 4 and words[j - 1] in ABILITY_FILLERS:
                    j -= 1
                for cue_start, kinds in ends.get(j, []) + (ends.get(s, []) if j != s else []):
                    if "inability" in kinds:
                        out.append((cue_start, e, self.verbs.payload[term]))
        return out

    def _changes(self, words: list[str], s: int, e: int, ids: tuple, prefix: str, ends: dict, starts: dict) -> list[tuple[int, int, str]]:
        """A change word before the function or analyte at s:e (a determiner may stand between), or
        after it (filler words may stand between): (start, end, HPO id) for each."""
        down, up = ids
        out = []
        if e >= len(words) or words[e] not in self.vocab.not_before:
            before = s - 1 if s > 0 and words[s - 1] in DETERMINERS else s
            for cue_start, kinds in ends.get(before, []) + (ends.get(s, []) if before != s else []):
                for kind, hpo in ((prefix + "down_before", down), (prefix + "up_before", up)):
                    if hpo and kind in kinds:
                        out.append((cue_start, e, hpo))
        j = e
        while True:
            for cue_end, kinds in starts.get(j, []):
                for kind, hpo in ((prefix + "down_after", down), (prefix + "up_after", up)):
                    if hpo and kind in kinds:
                        out.append((s, cue_end, hpo))
            if j >= len(words) or j - e >= MAX_AFTER_FILLERS or words[j] not in self.vocab.after_fillers:
                break
            j += 1
        return out

    # -- extent over body sites ---------------------------------------------------------------

    def _part_at(self, words: list[str], i: int, limit: int) -> int:
        """End of the longest body-part phrase at ``i`` (det and side words allowed first), or -1."""
        j = i
        while j < limit and (words[j] in DETERMINERS or words[j] in SIDES):
            j += 1
        for n in self.part_lengths:
            if j + n <= limit and tuple(words[j : j + n]) in self.parts:
                return j + n
        return -1

    def _part_ending_at(self, words: list[str], end: int, floor: int) -> int:
        """Start of a body-part phrase ending at ``end`` (with det/side words before it), or -1."""
        for n in self.part_lengths:
            if end - n >= floor and tuple(words[end - n : end]) in self.parts:
                start = end - n
                while start > floor and (words[start - 1] in DETERMINERS or words[start - 1] in SIDES):
                    start -= 1
                return start
        return -1

    def extend(self, words: list[str], start: int, end: int, sent_start: int, sent_end: int) -> tuple[int, int]:
        """Widen a complaint span over the sites listed with it and its intensity word."""
        # right: [sensation noun] preposition site (separator site)*; or a site list right after
        # a span that already ends in a site ("pain in hip and knees and feet")
        j = end
        if j < sent_end and words[j] in self.vocab.sensation_nouns:
            j += 1
        ends_in_part = self._part_ending_at(words, end, start) >= 0
        if j < sent_end and words[j] in SITE_PREPOSITIONS:
            after = self._part_at(words, j + 1, sent_end)
            if after > 0:
                end = j = after
                ends_in_part = True
        if ends_in_part:
            while j < sent_end:
                k = j
                while k < sent_end and words[k] in SEPARATORS:
                    k += 1
                after = self._part_at(words, k, sent_end)
                if after < 0:
                    break
                end = j = after
        # coordinated complaint words: "ankles ... swollen and tender", "aching and swollen"
        if ends_in_part or self._part_at(words, start, end) > 0:
            while end + 1 < sent_end and words[end] in ("and", "&", "/") and words[end - 1] in self.complaints and words[end + 1] in self.complaints:
                end += 2
        # left: site (separator site)* before a span that starts with a site ("back and hip pain")
        if self._part_at(words, start, end) > 0:
            i = start
            while i > sent_start:
                k = i
                while k > sent_start and words[k - 1] in SEPARATORS:
                    k -= 1
                before = self._part_ending_at(words, k, sent_start)
                if before < 0:
                    break
                start = i = before
        # intensity word right before the complaint
        while start > sent_start and words[start - 1] in self.vocab.intensity:
            start -= 1
        return start, end
