"""Words one edit away (Norvig's spelling corrector): deletion, transposition, substitution,
insertion of a lower-case ASCII letter; and the English word list both misspelling rules check
against. Shared by the drug and symptom misspelling rules."""
from __future__ import annotations

from spacy.language import Language

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in LETTERS}
        | {a + c + b for a, b in splits for c in LETTERS}
    )


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
