"""PhraseMatcher built once per vocabulary from a term table (token LOWER or LEMMA)."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .mention import Mention


class LexiconMatcher:
    """Matches the terms of ``terms`` (lower-cased surface -> payload) in a doc.

    ``attr="LOWER"`` only tokenizes the patterns (cheap for tens of thousands of terms);
    ``attr="LEMMA"`` runs the pipeline on them, so keep those lists short.
    """

    def __init__(self, nlp: Language, terms: dict, attr: str = "LOWER") -> None:
        self.attr = attr
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self.payload: dict[str, object] = {}
        keys = list(terms)
        docs = nlp.tokenizer.pipe(keys) if attr == "LOWER" else nlp.pipe(keys)
        for key, pattern in zip(keys, docs):
            if len(pattern):
                self.matcher.add(key, [pattern])
                self.payload[key] = terms[key]
        self._strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(term, start, end) for every match; overlapping matches all returned."""
        return [(self._strings[mid], s, e) for mid, s, e in self.matcher(doc)]


class KindRecognizer:
    """Mentions of one entity type (``name``) from a lexicon of spellings -> kind, such as devices
    and therapies. Abbreviations of three letters or fewer ("CGM", "IUD", "CBT") count only when
    written in capitals."""

    name = ""

    def __init__(self, nlp: Language, lexicon: dict) -> None:
        self.matcher = LexiconMatcher(nlp, lexicon)

    def __call__(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        out = []
        for term, start, end in self.matcher(doc):
            span = doc[start:end]
            if len(span.text) <= 3 and not span.text.isupper():
                continue
            out.append(Mention(self.name, start, end, span.start_char, span.end_char, span.text, self.matcher.payload[term], "", sent_of[start]))
        return out
