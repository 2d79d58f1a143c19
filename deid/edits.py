"""Words one edit away (Norvig's spelling corrector): deletion, transposition, substitution,
insertion of a lower-case ASCII letter. Shared by de-identification (drug misspellings, typos of
English words) and the extractors' misspelling rules (``insights.extraction.edits``)."""
from __future__ import annotations

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def deletions(word: str) -> set[str]:
    """The word with one letter dropped, at each position."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in LETTERS}
        | {a + c + b for a, b in splits for c in LETTERS}
    )
