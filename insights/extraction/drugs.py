"""Drug mentions normalised to a canonical generic name (brand, generic, lay name, misspelling)."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .edits import deletions as _deletions
from .edits import edits1 as _edits1
from .edits import wordnet_words
from .lexicon_matcher import LexiconMatcher
from .mention import DRUG, Mention
from .resources import drug_lexicon

FUZZY_MIN_LEN = 6
TWO_EDIT_MIN_LEN = 9  # long names may be misspelt twice ("sinivastatin", "methatrexate")


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, str]:
    """Deletion neighbourhood (one edit) of every single-word misspelling target of 6+ letters -> canonical.
    A key that two different drugs share is dropped: too ambiguous to normalise."""
    index: dict[str, str] = {}
    clash: set[str] = set()
    lexicon = drug_lexicon()
    for variant, canonical in lexicon.variant_to_canonical.items():
        if variant not in lexicon.fuzzy_targets or canonical in lexicon.classes or len(variant) < FUZZY_MIN_LEN or not variant.isalpha():
            continue
        for key in {variant} | _deletions(variant):
            if index.get(key, canonical) != canonical:
                clash.add(key)
            index[key] = canonical
    for key in clash:
        del index[key]
    return index


@lru_cache(maxsize=1)
def _long_index() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Misspelling targets of 7+ letters (two edits from a word of 9+) by (first letter, last three
    letters): a long word misspelt twice usually keeps its first letter and its ending ("-statin")."""
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    lexicon = drug_lexicon()
    for variant, canonical in lexicon.variant_to_canonical.items():
        if variant in lexicon.fuzzy_targets and canonical not in lexicon.classes and len(variant) >= TWO_EDIT_MIN_LEN - 2 and variant.isalpha():
            index.setdefault((variant[0], variant[-3:]), []).append((variant, canonical))
    return index


TRANSPOSE_MIN_LEN = 5


def _transpositions(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]}


@lru_cache(maxsize=1)
def _transposition_index() -> dict[str, str]:
    """Adjacent transpositions of the names of 5-6 letters (too short for the one-edit rule) that
    are misspelling targets or drug names with a DrugBank/MedlinePlus id or a brand row -> canonical
    ("otzela" for Otezla). A swap of two letters is the commonest typing slip (Damerau); unlike a
    deletion or substitution it rarely makes another word. Keys two drugs share are dropped."""
    lexicon = drug_lexicon()
    index: dict[str, str] = {}
    clash: set[str] = set()
    for variant, canonical in lexicon.variant_to_canonical.items():
        if not (TRANSPOSE_MIN_LEN <= len(variant) < FUZZY_MIN_LEN + 1 and variant.isalpha()) or canonical in lexicon.classes:
            continue
        if variant not in lexicon.fuzzy_targets and variant not in lexicon.named:
            continue
        for key in _transpositions(variant) - {variant}:
            if index.get(key, canonical) != canonical or key in lexicon.variant_to_canonical:
                clash.add(key)
            index[key] = canonical
    for key in clash:
        del index[key]
    return index


def _within_two_edits(a: str, b: str) -> bool:
    """Optimal string alignment distance (adjacent transpositions count one) <= 2."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > 2:
            return False
        prev2, prev = prev, cur
    return prev[-1] <= 2


@lru_cache(maxsize=1)
def _english_words(nlp: Language) -> frozenset[str]:
    """Ordinary English words (the lemmatizer's WordNet index), symptom and condition words and
    first names: a token one edit away from one of these is never taken for a misspelt drug."""
    from deid.gazetteers import common_surnames, first_names, phenotype_words

    from .resources import condition_lexicon

    words = wordnet_words(nlp)
    conditions = {w for term in condition_lexicon() for w in term.split()}
    drugs = set(drug_lexicon().variant_to_canonical)  # WordNet lists many drugs ("lipitor")
    return frozenset((words | first_names() | common_surnames() | phenotype_words() | conditions) - drugs)


class DrugRecognizer:
    name = DRUG

    def __init__(self, nlp: Language, fuzzy: bool = True) -> None:
        lexicon = drug_lexicon()
        self.lexicon = lexicon
        self.matcher = LexiconMatcher(nlp, lexicon.variant_to_canonical)
        self.fuzzy = fuzzy
        if fuzzy:
            self.fuzzy_index = _fuzzy_index()
            self.long_index = _long_index()
            self.english = _english_words(nlp)
            self.transposed = _transposition_index()

    def __call__(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        out = []
        covered = set()
        matches = [(self.matcher.payload[term], start, end) for term, start, end in self.matcher(doc)]
        for canonical, start, end in matches:  # "vitamin D levels", "testosterone deficiency": the
            if canonical in self.lexicon.endogenous and end < len(doc) and doc[end].lower_ in self.lexicon.analyte_words:
                covered.update(range(start, end))  # body's substance, not a product taken
        analyte = set(covered)
        for canonical, start, end in matches:
            if analyte.intersection(range(start, end)):
                continue
            span = doc[start:end]
            match = "class" if canonical in self.lexicon.classes else "exact"
            out.append(Mention(DRUG, start, end, span.start_char, span.end_char, span.text, canonical, self.lexicon.canonical_to_id.get(canonical, ""), sent_of[start], match=match))
            covered.update(range(start, end))
        if self.fuzzy:
            for tok in doc:
                if tok.i in covered or len(tok) < TRANSPOSE_MIN_LEN or not tok.is_alpha:
                    continue
                word = tok.lower_
                if word in self.english or tok.lemma_.lower() in self.english:
                    continue
                canonical = self.transposed.get(word)  # a swap of two letters of a short name ("otzela")
                if canonical is None and len(word) >= FUZZY_MIN_LEN:
                    canonical = self.fuzzy_index.get(word) or self._one_edit(word) or self._two_edits(word)
                if canonical and not (_edits1(word) & self.english):
                    out.append(Mention(DRUG, tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), tok.text, canonical, self.lexicon.canonical_to_id.get(canonical, ""), sent_of[tok.i], match="fuzzy"))
        return out

    def _one_edit(self, word: str) -> str | None:
        found = {self.fuzzy_index[d] for d in _deletions(word) if d in self.fuzzy_index}
        return found.pop() if len(found) == 1 else None

    def _two_edits(self, word: str) -> str | None:
        if len(word) < TWO_EDIT_MIN_LEN:
            return None
        found = {c for v, c in self.long_index.get((word[0], word[-3:]), ()) if _within_two_edits(word, v)}
        return found.pop() if len(found) == 1 else None
