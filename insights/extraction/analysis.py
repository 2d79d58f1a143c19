"""Everything the medical extractors find in one parsed post, computed once."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import load_extraction_pipeline
from .entities import EntityExtractor, default_entity_extractor
from .mention import Mention, sentence_index_of
from .treatment import Experience, TreatmentEvent, TreatmentExtractor


@dataclass(frozen=True)
class MedicalAnalysis:
    mentions: list[Mention]
    experiences: list[Experience]
    events: list[TreatmentEvent]


class MedicalExtractor:
    """Entities, then treatment experiences and events over them, on the same ``Doc``."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or load_extraction_pipeline()
        self.entities = default_entity_extractor() if self.nlp is load_extraction_pipeline() else EntityExtractor(self.nlp)
        self.treatment = TreatmentExtractor(self.nlp)

    def __call__(self, doc: Doc) -> MedicalAnalysis:
        mentions = self.entities(doc)
        experiences, events = self.treatment(doc, mentions, sentence_index_of(doc))
        return MedicalAnalysis(mentions, experiences, events)
