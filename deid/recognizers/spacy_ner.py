"""Presidio's spaCy NER recognizer, with the small model's typical mistakes on patient text
filtered out before Presidio merges results (so a rule's hit on the same words survives).

Dropped: a lone lower-case word ("scan" as a place), and spans made only of drug or medical
words ("Tamoxifen" as a person). Only the model's guesses are dropped this way: a name found
by a context rule ("thanks Allegra", "my wife Grace") or in the member list is always redacted."""
from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from ..gazetteers import medical_terms


def plausible_entity(value: str) -> bool:
    stripped = value.strip()
    if stripped.islower() and " " not in stripped:
        return False
    terms = medical_terms()
    if stripped.lower() in terms:
        return False
    words = re.findall(r"[\w+-]+", stripped.lower())
    return not (words and all(w in terms for w in words))


class ForumSpacyRecognizer(SpacyRecognizer):
    def analyze(self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None) -> List[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        return [r for r in results if r.entity_type not in {"PERSON", "LOCATION", "NRP"} or plausible_entity(text[r.start : r.end])]
