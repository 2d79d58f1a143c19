"""Presidio's spaCy NER recognizer, with the small model's typical mistakes on patient text
filtered out before Presidio merges results (so a rule's hit on the same words survives).

Dropped: a lone lower-case word ("scan" as a place) unless the name or city gazetteer knows it, and spans made only of drug names or
symptom/condition words ("Tamoxifen", "Muscle Pain" as a person), misspelt drugs included
("Liptior"). Only the model's guesses are dropped this way: a name found
by a context rule ("thanks Allegra", "my wife Grace") or in the member list is always redacted."""
from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from ..gazetteers import cities, first_names, looks_like_drug, medical_terms, medical_words


def plausible_entity(value: str, entity_type: str) -> bool:
    stripped = value.strip()
    if stripped.islower() and " " not in stripped:
        # a lone lower-case guess stands only when a gazetteer backs it ("toronto", "john")
        known = cities() if entity_type == "LOCATION" else first_names()
        return stripped in known and stripped not in medical_terms()
    if stripped.lower() in medical_terms():
        return False
    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w+'’-]+", stripped.lower())]
    vocabulary = medical_words()
    return not (words and all(w in vocabulary or looks_like_drug(w) for w in words))


class ForumSpacyRecognizer(SpacyRecognizer):
    def analyze(self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None) -> List[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        return [
            r for r in results
            if r.entity_type not in {"PERSON", "LOCATION", "NRP"} or plausible_entity(text[r.start : r.end], r.entity_type)
        ]
