"""Presidio analyzer + anonymizer, configured for patient-forum text.

``Deidentifier`` is the library's entry point: text in, de-identified text and
the redacted spans (offsets into the ORIGINAL text) out. It never logs or raises
with any of the text it is given.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Sequence

from .offline import configure_offline

configure_offline()

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult  # noqa: E402
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine  # noqa: E402
from presidio_anonymizer import AnonymizerEngine  # noqa: E402
from presidio_anonymizer.entities import OperatorConfig  # noqa: E402
from spacy.language import Language  # noqa: E402

from .nlp import SPACY_MODEL, load_pipeline  # noqa: E402
from .normalize import Normalized, normalize  # noqa: E402
from .recognizers.member_names import MemberNameRecognizer  # noqa: E402
from .recognizers.registry import CUSTOM_RECOGNIZERS  # noqa: E402
from .recognizers.spacy_ner import ForumSpacyRecognizer  # noqa: E402
from .spans import Span, keep_span, resolve  # noqa: E402

# Safe Harbor identifiers and what forums add. ORGANIZATION and NRP are left out on
# purpose: drug brands and manufacturers are tagged ORG by small NER models.
DEFAULT_ENTITIES = (
    "PERSON",
    "USERNAME",
    "LOCATION",
    "STREET_ADDRESS",
    "ZIP_CODE",
    "HOSPITAL",
    "DATE_TIME",
    "AGE",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "URL",
    "IP_ADDRESS",
    "US_SSN",
    "US_ITIN",
    "US_PASSPORT",
    "US_DRIVER_LICENSE",
    "US_BANK_NUMBER",
    "MEDICAL_LICENSE",
    "CREDIT_CARD",
    "IBAN_CODE",
    "CRYPTO",
)


@dataclass(frozen=True)
class DeidConfig:
    entities: tuple[str, ...] = DEFAULT_ENTITIES
    score_threshold: float = 0.35
    keep_states_and_countries: bool = True
    batch_size: int = 32


@dataclass(frozen=True)
class Redaction:
    start: int
    end: int
    entity_type: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "entity_type": self.entity_type}


@dataclass(frozen=True)
class DeidResult:
    text: str
    redactions: tuple[Redaction, ...] = field(default_factory=tuple)


def placeholder(entity_type: str) -> str:
    return f"<{entity_type}>"


class Deidentifier:
    """Finds identifiers with Presidio and replaces them by typed placeholders.

    ``member_names``: usernames and display names of the export's members; each is
    redacted wherever it appears, whatever the model thinks of it.
    """

    def __init__(
        self,
        member_names: Iterable[Optional[str]] = (),
        config: DeidConfig = DeidConfig(),
        nlp: Optional[Language] = None,
    ) -> None:
        self.config = config
        engine = SpacyNlpEngine(
            models=[{"lang_code": "en", "model_name": SPACY_MODEL}],
            ner_model_configuration=NerModelConfiguration(labels_to_ignore=["ORG", "NORP", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT"]),
        )
        engine.nlp = {"en": nlp if nlp is not None else load_pipeline()}
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
        registry.remove_recognizer("SpacyRecognizer")
        registry.add_recognizer(ForumSpacyRecognizer(supported_language="en"))
        for recognizer_cls in CUSTOM_RECOGNIZERS:
            registry.add_recognizer(recognizer_cls())
        self.members = MemberNameRecognizer(member_names)
        registry.add_recognizer(self.members)
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])
        self.anonymizer = AnonymizerEngine()
        self._operators = {
            entity: OperatorConfig("replace", {"new_value": placeholder(entity)})
            for entity in set(config.entities) | {"PERSON"}
        }

    # -- analysis -------------------------------------------------------------
    def _spans(self, text: str, results: Sequence[RecognizerResult]) -> list[Span]:
        spans = []
        for r in results:
            source = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
            span = Span(r.start, r.end, r.entity_type, r.score, source)
            if keep_span(span, text[r.start : r.end], keep_states_and_countries=self.config.keep_states_and_countries):
                spans.append(span)
        return resolve(spans)

    def _analyze(self, text: str, nlp_artifacts=None) -> list[Span]:
        """Spans in ``text`` (already normalised)."""
        results = self.analyzer.analyze(
            text=text,
            language="en",
            entities=list(self.config.entities),
            score_threshold=self.config.score_threshold,
            nlp_artifacts=nlp_artifacts,
        )
        return self._spans(text, results)

    def _apply(self, text: str, spans: list[Span]) -> DeidResult:
        if not spans:
            return DeidResult(text, ())
        anonymized = self.anonymizer.anonymize(
            text=text,
            analyzer_results=[RecognizerResult(s.entity_type, s.start, s.end, s.score) for s in spans],
            operators=self._operators,
        )
        return DeidResult(anonymized.text, tuple(Redaction(s.start, s.end, s.entity_type) for s in spans))

    # -- public API -----------------------------------------------------------
    def deidentify(self, text: str) -> DeidResult:
        if not text or not text.strip():
            return DeidResult(text or "", ())
        norm = normalize(text)
        return self._apply(text, self._back(norm, self._analyze(norm.text)))

    @staticmethod
    def _back(norm: Normalized, spans: list[Span]) -> list[Span]:
        if norm.origin is None:
            return spans
        mapped = []
        for s in spans:
            start, end = norm.to_original(s.start, s.end)
            mapped.append(Span(start, end, s.entity_type, s.score, s.source))
        return resolve(mapped)

    def deidentify_batch(self, texts: Iterable[str]) -> Iterator[DeidResult]:
        """One spaCy pass per text, in batches (``nlp.pipe``); yields results in input order."""
        batch: list[str] = []
        for text in texts:
            batch.append(text or "")
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[str]) -> Iterator[DeidResult]:
        engine = self.analyzer.nlp_engine
        normalized = [normalize(t) for t in batch]
        processed = engine.process_batch([n.text for n in normalized], language="en", batch_size=len(batch))
        for original, norm, (text, artifacts) in zip(batch, normalized, processed):
            if not text.strip():
                yield DeidResult(original, ())
            else:
                yield self._apply(original, self._back(norm, self._analyze(text, artifacts)))
