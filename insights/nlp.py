"""The spaCy pipeline the extractors share: tokenizer, a POS-free lemmatizer and a rule-based
sentence splitter. No statistical component runs.

Extraction runs on de-identified text, so NER and the parser are not needed, and the
extractors match lexicons on token LOWER and LEMMA only. The statistical tagger (with its
tok2vec) and ``senter`` cost 5.8-7.6 ms a post on 2 cores, more than the extraction speed
budget allows (at most 50% of the de-identification pass, about 10 ms a post); this pipeline
costs well under 1 ms (docs/extraction.md). Lemmas come from the model's own English
lemmatizer tables (exceptions, suffix rules and WordNet word index), tried verb, noun,
adjective in turn: "falling" -> "fall", "felt" -> "feel", "aches" -> "ache".
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from deid.long_runs import guard
from deid.nlp import SPACY_MODEL

# Sentence-final punctuation plus line breaks (forum posts often end sentences with a newline).
SENTENCE_ENDS = [".", "!", "?", "!!", "??", "?!", "...", "\n", "\n\n", "\n\n\n", "\n ", " \n"]
POS_ORDER = ("verb", "noun", "adj")
# Contractions the tokenizer splits off ("I'm" -> "I" "'m"). spaCy's own lemmatizer maps them from
# the tagger's tags; without a tagger they kept themselves as lemma, so a LEMMA "be" pattern missed
# "I'm" and "we're". "'s" and "'d" stay as written: is/has/possessive and had/would need a tag.
CONTRACTIONS = {"'m": "be", "'re": "be", "'ve": "have", "'ll": "will", "n't": "not"}
CONTRACTIONS.update({k.replace("'", "\u2019"): v for k, v in CONTRACTIONS.items()})
# The stems the tokenizer leaves before "n't": "can't" -> "ca" "n't", "won't" -> "wo" "n't".
NEGATED_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "be"}


class PosFreeLemmatizer:
    """Sets ``token.lemma_`` from the English rule tables without a part-of-speech tag."""

    def __init__(self, lookups) -> None:
        exc, rules, index = (lookups.get_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index"))
        self.exc = {p: dict(exc.get(p, {})) for p in POS_ORDER}
        self.rules = {p: [tuple(r) for r in rules.get(p, [])] for p in POS_ORDER}
        self.index = {p: frozenset(index.get(p, [])) for p in POS_ORDER}
        self.cache: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        for p in POS_ORDER:
            if word in self.exc[p]:
                return self.exc[p][word][0]
        known = any(word in self.index[p] for p in POS_ORDER)
        for p in POS_ORDER:
            if known and p != "verb":
                break
            for old, new in self.rules[p]:
                if word.endswith(old) and len(word) > len(old):
                    candidate = word[: len(word) - len(old)] + new
                    if candidate in self.index[p]:
                        return candidate
        return word

    def __call__(self, doc: Doc) -> Doc:
        cache = self.cache
        for token in doc:
            low = token.lower_
            lemma = cache.get(low)
            if lemma is None:
                lemma = cache[low] = self.lemma(low) if low.isalpha() else CONTRACTIONS.get(low, low)
            if low in NEGATED_STEMS and not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("n't", "n\u2019t"):
                lemma = NEGATED_STEMS[low]
            token.lemma_ = lemma
        return doc


@Language.factory("pos_free_lemmatizer")
def make_pos_free_lemmatizer(nlp: Language, name: str) -> PosFreeLemmatizer:
    return PosFreeLemmatizer(nlp.get_pipe("lemmatizer").lookups)


# Forum writing glues words with brackets and list punctuation ("Lipitor(side effects)",
# "metformin,&lisinopril", "prednisone/", "Zoloft- "): split there too, so lexicon terms match whole tokens.
EXTRA_INFIXES = [r"[()\[\]]", r"(?<=[A-Za-z])[,;&+](?=[&A-Za-z])", r"(?<=[,;])[&+](?=[A-Za-z])"]
EXTRA_SUFFIXES = [r"/+", r"[,;&+]", r"(?<=[A-Za-z]{3})-+"]
EXTRA_PREFIXES = [r"[&+/]", r"-+(?=[A-Za-z]{3})"]


def _split_glued_words(nlp: Language) -> None:
    from spacy.util import (
        compile_infix_regex,
        compile_prefix_regex,
        compile_suffix_regex,
    )

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *EXTRA_INFIXES]).finditer
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, *EXTRA_SUFFIXES]).search
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, *EXTRA_PREFIXES]).search


@lru_cache(maxsize=1)
def load_extraction_pipeline() -> Language:
    nlp = spacy.load(SPACY_MODEL, exclude=["parser", "ner", "senter"])
    _split_glued_words(nlp)
    nlp.add_pipe("pos_free_lemmatizer")  # reads the loaded lemmatizer's tables
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    for name in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"):
        nlp.disable_pipe(name)
    return guard(nlp)  # long punctuation runs stay linear (deid/long_runs.py)
