"""Words one edit away (``deid.edits``: deletion, transposition, substitution, insertion) and the
English word list both misspelling rules check against. Shared by the drug and symptom misspelling
rules."""
from __future__ import annotations

from spacy.language import Language

from deid.edits import LETTERS, deletions, edits1

__all__ = ["LETTERS", "deletions", "edits1", "wordnet_words"]


def wordnet_words(nlp: Language, pos_tags: tuple[str, ...] = ("noun", "verb", "adj", "adv")) -> set[str]:
    """The words of the lemmatizer's WordNet index for ``pos_tags`` (default: nouns, verbs,
    adjectives, adverbs); empty when the pipeline has no such table."""
    words: set[str] = set()
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        for pos in pos_tags:
            words.update(index.get(pos, []))
    except (KeyError, ValueError):
        pass
    return words
