"""Non-drug treatments patients name (phototherapy, CBT, physical therapy, acupuncture, an
elimination or low-FODMAP diet, dialysis...), normalised by the own lexicon. Never paired with
effects or treatment events: those stay drug-only."""
from __future__ import annotations

from spacy.language import Language

from .lexicon_matcher import KindRecognizer
from .mention import THERAPY
from .resources import therapy_lexicon


class TherapyRecognizer(KindRecognizer):
    name = THERAPY

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp, therapy_lexicon())
