"""A second, small NER model for informal forum writing, run in the same spaCy pass.

``en_core_web_sm`` learnt its entities from news and web text in standard case; forum
posts write names in lower case, as nicknames, among emoji and hashtags. This model
(``resources/forum_ner``, PERSON and LOCATION only, about 3 MB: a 64-wide, 2-layer CNN) was trained on the public
WNUT 2017 training set (CC-BY 4.0: Derczynski et al., 2017, informal Reddit, Twitter,
YouTube and StackExchange text) with ``benchmarks/train_forum_ner.py``; no medical data
went into it. Its guesses go to ``doc.spans["forum_ner"]`` so the main model's
``doc.ents`` stay as they were; the spaCy recognizer reads both.
"""
from __future__ import annotations

from importlib import resources
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "forum_ner"
MODEL_DIR = "forum_ner"


def model_path():
    return resources.files("deid.resources").joinpath(MODEL_DIR)


def _load_model() -> Language:
    """A fresh copy for each pipeline (about 3 MB; ``load_pipeline`` caches the pipelines), so
    changing one pipeline's model (``deid.nlp.use_numpy_matmul``) leaves the others alone."""
    return spacy.load(str(model_path()))


class ForumNer:
    """Runs before the main ``ner`` on a doc with no entities yet; moves its own predictions to
    ``doc.spans`` and leaves the entity annotation unset, so the main model then predicts freely
    (spaCy's NER keeps preset entities). Entities are read through ``Doc.to_array``, not the
    ``doc.ents`` getter, which walks every token in Python and cost ~15% of a de-identification pass."""

    def __init__(self, nlp: Language) -> None:
        self.ner = _load_model().get_pipe("ner")
        for label in self.ner.labels:
            nlp.vocab.strings.add(label)
        self._iob = ("ENT_IOB", "ENT_TYPE")

    def _move(self, doc: Doc) -> Doc:
        arr = doc.to_array(self._iob)
        starts = (arr[:, 0] == 3).nonzero()[0]  # 3 = B(egin)
        spans = []
        for start in starts.tolist():
            end = start + 1
            while end < len(doc) and arr[end, 0] == 1:  # 1 = I(nside)
                end += 1
            spans.append(Span(doc, start, end, label=int(arr[start, 1])))
        doc.spans[SPANS_KEY] = spans
        doc.set_ents([], default="missing")
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._move(self.ner(doc))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in self.ner.pipe(docs, batch_size=batch_size):
            yield self._move(doc)


@Language.factory("forum_ner")
def make_forum_ner(nlp: Language, name: str) -> ForumNer:
    return ForumNer(nlp)
