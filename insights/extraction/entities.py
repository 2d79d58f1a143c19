"""Medical entity mentions of one post: drugs, devices, therapies, symptoms, conditions, each with an assertion."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import load_extraction_pipeline
from .assertion import AssertionClassifier
from .conditions import ConditionRecognizer
from .devices import DeviceRecognizer
from .drugs import DrugRecognizer
from .mention import (
    CONDITION,
    DEVICE,
    DRUG,
    SYMPTOM,
    THERAPY,
    Mention,
    resolve_overlaps,
    sentence_index_of,
)
from .symptoms import SymptomRecognizer
from .therapies import TherapyRecognizer

PRIORITY = {DRUG: 0, DEVICE: 1, THERAPY: 2, CONDITION: 3, SYMPTOM: 4}


class EntityExtractor:
    """Runs the recognizers on a parsed doc, resolves overlaps, then asserts each mention."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or load_extraction_pipeline()
        self.recognizers = [
            DrugRecognizer(self.nlp),
            DeviceRecognizer(self.nlp),
            TherapyRecognizer(self.nlp),
            ConditionRecognizer(self.nlp),
            SymptomRecognizer(self.nlp),
        ]
        self.assertion = AssertionClassifier(self.nlp)

    def __call__(self, doc: Doc) -> list[Mention]:
        sent_of = sentence_index_of(doc)
        found: list[Mention] = []
        for recognizer in self.recognizers:
            found.extend(recognizer(doc, sent_of))
        return self.assertion(doc, resolve_overlaps(found, PRIORITY))



@lru_cache(maxsize=1)
def default_entity_extractor() -> EntityExtractor:
    """One extractor on the shared pipeline per process (building the matchers takes seconds)."""
    return EntityExtractor()
