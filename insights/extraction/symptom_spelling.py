"""Misspelt and run-together symptom words: "dizzyness", "palpatations", "hairloss", "armpain".

A token is a candidate only when it is no English word (the lemmatizer's WordNet index, itself or
its lemma), no first name or surname and no drug name. It is then

- *corrected* when the words one edit away from it (deletion, transposition, substitution,
  insertion) that are English or symptom words are all symptom words with one spelling
  ("dizzyness" -> "dizziness"); words under 6 letters are never corrected;
- *split* when it is two symptom words run together: a lexicon term ("hairloss" -> "hair loss")
  or a body part and a complaint ("armpain").
"""
from __future__ import annotations

from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from .edits import edits1, wordnet_words

MIN_LEN = 6


@lru_cache(maxsize=1)
def known_words(nlp: Language) -> frozenset[str]:
    """English words (the lemmatizer's WordNet index, stop words), first names, surnames, drug names."""
    from deid.gazetteers import common_surnames, first_names

    from .resources import drug_lexicon

    words = wordnet_words(nlp)
    return frozenset(words | first_names() | common_surnames() | set(drug_lexicon().variant_to_canonical) | STOP_WORDS)


class SymptomSpelling:
    """``correct(token)`` -> the symptom word it misspells, or None; ``split(word)`` -> HPO id."""

    def __init__(self, nlp: Language, terms: dict, parts: tuple, complaints: dict) -> None:
        self.known = known_words(nlp)
        self.targets = frozenset(w for t in [*terms, *parts, *complaints] for w in t.split() if w.isalpha() and len(w) >= MIN_LEN)
        self.vocabulary = self.known | self.targets
        self.terms = terms
        self.parts = frozenset(parts)
        self.complaints = complaints
        self.cache: dict[str, tuple[str | None, str | None]] = {}

    def unknown(self, word: str, lemma: str) -> bool:
        return word.isalpha() and len(word) >= MIN_LEN and word not in self.known and lemma not in self.known and word not in self.targets

    def lookup(self, word: str) -> tuple[str | None, str | None]:
        """(corrected word or None, HPO id of a run-together pair or None) for an unknown word."""
        hit = self.cache.get(word)
        if hit is None:
            hit = self.cache[word] = (self._correct(word), self._split(word))
        return hit

    def _correct(self, word: str) -> str | None:
        near = edits1(word) & self.vocabulary
        return near.pop() if len(near) == 1 and next(iter(near)) in self.targets else None

    def _split(self, word: str) -> str | None:
        for i in range(3, len(word) - 2):
            a, b = word[:i], word[i:]
            hpo_id = self.terms.get(f"{a} {b}")
            if hpo_id:
                return hpo_id
            if a in self.parts and b in self.complaints:
                return self.complaints[b]
        return None
