"""The spaCy pipeline the extractors share: tagger, lemmatizer and sentence splitter.

Extraction runs on de-identified text, so NER and the dependency parser are not
needed; the statistical sentence recognizer (``senter``) is much cheaper than the parser.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from deid.nlp import SPACY_MODEL


@lru_cache(maxsize=1)
def load_extraction_pipeline() -> Language:
    nlp = spacy.load(SPACY_MODEL, exclude=["parser", "ner"])
    nlp.enable_pipe("senter")
    return nlp
