"""The spaCy pipeline the extractors share: tagger, lemmatizer and a rule-based sentence splitter.

Extraction runs on de-identified text, so NER and the dependency parser are not needed.
Sentences come from the rule-based ``sentencizer`` (punctuation and line breaks), not the
statistical ``senter``: ``senter`` carries its own tok2vec and made the shared parse about 30%
slower (7.6 vs 5.8 ms/post on 2 cores), which the extraction speed budget (at most 50% of the
de-identification pass) cannot afford. See docs/extraction.md.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from deid.nlp import SPACY_MODEL

# Sentence-final punctuation plus line breaks (forum posts often end sentences with a newline).
SENTENCE_ENDS = [".", "!", "?", "!!", "??", "?!", "...", "\n", "\n\n", "\n\n\n", "\n ", " \n"]


@lru_cache(maxsize=1)
def load_extraction_pipeline() -> Language:
    nlp = spacy.load(SPACY_MODEL, exclude=["parser", "ner", "senter"])
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    return nlp
