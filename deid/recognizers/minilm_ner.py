"""Experimental, off by default (``DeidConfig(minilm_ner=True)``): the MiniLM token classifier of
``deid/minilm_ner.py`` as one more PERSON / LOCATION recognizer. Its spans pass a guard:
``"medical"`` drops a span holding a drug, misspelt drug or symptom word, or before the head noun of
an eponym ("Parkinson's disease", the list of ``known_name.py``); ``"cased"`` (default)
also needs a lower-case span to hold a listed name (a person) or place (a location); ``"full"``
applies the forum NER's plausibility checks (``spacy_ner.plausible_forum_entity``: a lower-case
or sentence-initial single word needs a gazetteer) as well; ``"none"`` keeps every span.
Measured in ``docs/deid_names.md`` ("A MiniLM token classifier")."""
from __future__ import annotations

from typing import List, Optional

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .spacy_ner import span_words

MINILM_NER_SCORE = 0.6


class MiniLmNerRecognizer(EntityRecognizer):
    def __init__(self, threshold: Optional[float] = None, guard: str = "cased") -> None:
        self.threshold = threshold
        self.guard = guard
        super().__init__(supported_entities=["PERSON", "LOCATION"], name="MiniLmNerRecognizer", supported_language="en")

    def load(self) -> None:  # the encoder and head load at first use (deid.minilm_ner caches them)
        pass

    def analyze(self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None) -> List[RecognizerResult]:
        from ..minilm_ner import predict

        if not text.strip():
            return []
        results = []
        for start, end, label, prob in predict([text], self.threshold)[0]:
            if label not in entities or not passes_guard(text, start, end, label, self.guard):
                continue
            results.append(RecognizerResult(label, start, end, MINILM_NER_SCORE, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "model": "minilm_ner", "probability": round(prob, 3)}))
        return results


def medical_span(value: str) -> bool:
    """A drug name or variant, or a span with a drug (misspelt or not) or symptom word in it."""
    from ..gazetteers import is_medical_word, medical_terms

    if value.strip().lower() in medical_terms():
        return True
    return any(len(w) >= 3 and is_medical_word(w) for w in span_words(value))


def passes_guard(text: str, start: int, end: int, label: str, guard: str) -> bool:
    if guard == "none":
        return True
    from .known_name import before_eponym_head

    if medical_span(text[start:end]) or before_eponym_head(text, end):
        return False
    if guard == "cased" and text[start:end].islower():
        from ..gazetteers import is_listed_name, place_names

        value = text[start:end].strip()
        words = span_words(value)  # the span is lower-case already
        if label == "LOCATION":
            return value in place_names() or any(w in place_names() for w in words if len(w) > 3)
        return any(len(w) >= 3 and is_listed_name(w) for w in words)
    if guard == "full":
        from .spacy_ner import plausible_forum_entity

        return plausible_forum_entity(text, start, end, label)
    return True
