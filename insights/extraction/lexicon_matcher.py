"""PhraseMatcher built once per vocabulary from a term table (token LOWER or LEMMA)."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc


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
