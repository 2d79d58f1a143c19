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

from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

SPANS_KEY = "forum_ner"
MODEL_DIR = "forum_ner"


def model_path():
    return resources.files("deid.resources").joinpath(MODEL_DIR)


@lru_cache(maxsize=1)
def _load_model() -> Language:
    return spacy.load(str(model_path()))


class ForumNer:
    def __init__(self, nlp: Language) -> None:
        self.ner = _load_model().get_pipe("ner")
        for label in self.ner.labels:
            nlp.vocab.strings.add(label)

    def _move(self, doc: Doc, kept) -> Doc:
        doc.spans[SPANS_KEY] = list(doc.ents)
        doc.ents = kept
        return doc

    @staticmethod
    def _clear(doc: Doc):
        """Set the main model's entities aside: spaCy's NER keeps preset entities, and this
        model must judge every token afresh."""
        kept = doc.ents
        doc.ents = []
        return kept

    def __call__(self, doc: Doc) -> Doc:
        kept = self._clear(doc)
        return self._move(self.ner(doc), kept)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            kept = [self._clear(doc) for doc in batch]
            for doc, ents in zip(self.ner.pipe(batch, batch_size=batch_size), kept):
                yield self._move(doc, ents)


@Language.factory("forum_ner")
def make_forum_ner(nlp: Language, name: str) -> ForumNer:
    return ForumNer(nlp)
