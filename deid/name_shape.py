"""How much a word is shaped like a personal name rather than an English, drug or symptom word.

Names from outside the lists (``deid/gazetteers.py``) still carry the letter patterns of
names: "Muslija", "Sedej", "Kadiev", "Ogasahara" are no listed name, but "-ija", "-ev", "-hara"
end thousands of listed ones and few English or drug words. ``name_likeness`` is the per-letter
log-odds of a naive Bayes model over character 2-4-grams (word edges marked), trained when
first used, in about a second, on the world name lists (names) against WordNet's English words,
the drug lexicon and the HPO symptom words (not names); a word in both classes is left out.
Nothing is downloaded or stored: the model is rebuilt from the packaged lists.

``KnownNameRecognizer`` uses it only for a capitalised word that no list knows
(``NAME_SHAPE_THRESHOLD``); every word the drug or symptom lists hold is excluded before.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from .gazetteers import english_words, medical_words, world_first_names, world_surnames

# Mean log-odds per letter from which a capitalised unknown word is taken as a name: the lowest
# value tried (1.5, 2.0, 2.3, 2.6) at which drug tokens destroyed on the medical sets stay as
# they were without the model; see docs/deid_names.md.
NAME_SHAPE_THRESHOLD = 2.3


def _grams(word: str) -> list[str]:
    word = "^" + word + "$"
    return [word[i : i + n] for n in (2, 3, 4) for i in range(len(word) - n + 1)]


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    names = {w for w in world_first_names() | world_surnames() if w.isalpha() and len(w) >= 3}
    others = {w for w in english_words() | medical_words() if w.isalpha() and len(w) >= 3}
    in_names, in_others = Counter(), Counter()
    for word in names - others:
        in_names.update(_grams(word))
    for word in others - names:
        in_others.update(_grams(word))
    vocabulary = len(in_names.keys() | in_others.keys())
    total_names, total_others = sum(in_names.values()) + vocabulary, sum(in_others.values()) + vocabulary
    log_odds = {
        g: math.log((in_names[g] + 1) / total_names) - math.log((in_others[g] + 1) / total_others)
        for g in in_names.keys() | in_others.keys()
    }
    return log_odds, math.log(total_others / total_names)  # an unseen gram


@lru_cache(maxsize=50_000)
def name_likeness(word: str) -> float:
    """Mean log-odds per letter that ``word`` (any case) is a name; > 0 leans to a name."""
    word = word.lower()
    log_odds, unseen = _model()
    return sum(log_odds.get(g, unseen) for g in _grams(word)) / max(1, len(word))
