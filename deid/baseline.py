"""Presidio's default configuration, as a baseline for evaluations.

``presidio_default()`` builds what ``AnalyzerEngine()`` builds out of the box (the NLP
configuration of Presidio's ``conf/default.yaml``, the default recognizer registry, no
entity filter, default score threshold), except that the spaCy model is the offline
pipeline instead of ``en_core_web_lg``. Every analyzer result is redacted (overlaps merged)
with the anonymizer's default operator. It has ``Deidentifier``'s ``deidentify_batch``
interface, so evaluations can run both on the same texts.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from .offline import configure_offline

configure_offline()

from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerResult  # noqa: E402
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpEngineProvider, SpacyNlpEngine  # noqa: E402
from presidio_anonymizer import AnonymizerEngine  # noqa: E402
from spacy.language import Language  # noqa: E402

from .engine import DeidResult, Redaction  # noqa: E402
from .nlp import SPACY_MODEL, load_pipeline  # noqa: E402

BATCH_SIZE = 32


def _merge(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Union overlapping results; the merged one keeps the type of its highest-scoring (then longest) part."""
    merged: list[RecognizerResult] = []
    for r in sorted(results, key=lambda r: (r.start, -r.end)):
        if merged and r.start < merged[-1].end:
            last = merged[-1]
            rep = r if (r.score, r.end - r.start) > (last.score, last.end - last.start) else last
            merged[-1] = RecognizerResult(rep.entity_type, last.start, max(last.end, r.end), rep.score)
        else:
            merged.append(RecognizerResult(r.entity_type, r.start, r.end, r.score))
    return merged


class PresidioDefault:
    def __init__(self, nlp: Optional[Language] = None) -> None:
        # NlpEngineProvider() only reads conf/default.yaml here; the model is ours, not downloaded.
        ner = NlpEngineProvider().nlp_configuration["ner_model_configuration"]
        engine = SpacyNlpEngine(
            models=[{"lang_code": "en", "model_name": SPACY_MODEL}],
            ner_model_configuration=NerModelConfiguration.from_dict(ner),
        )
        # The whole pipeline as shipped and nothing of ours: load_pipeline() adds the forum NER
        # model and numpy matrix products by default, which Presidio's default configuration does
        # not have (until session 15 this baseline ran the forum NER too, which slowed it by about
        # 7% and flattered throughput ratios).
        engine.nlp = {"en": nlp if nlp is not None else load_pipeline(exclude=(), forum_ner=False, numpy_matmul=False, guard_runs=False)}
        self.analyzer = AnalyzerEngine(nlp_engine=engine)  # default registry and threshold
        self.batch = BatchAnalyzerEngine(self.analyzer)
        self.anonymizer = AnonymizerEngine()

    def _result(self, text: str, results: list[RecognizerResult]) -> DeidResult:
        merged = _merge(results)
        if not merged:
            return DeidResult(text, ())
        anonymized = self.anonymizer.anonymize(text=text, analyzer_results=merged)
        return DeidResult(anonymized.text, tuple(Redaction(r.start, r.end, r.entity_type) for r in merged))

    def deidentify_batch(self, texts: Iterable[str]) -> Iterator[DeidResult]:
        batch: list[str] = []
        for text in texts:
            batch.append(text or "")
            if len(batch) >= BATCH_SIZE:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[str]) -> Iterator[DeidResult]:
        for text, results in zip(batch, self.batch.analyze_iterator(batch, language="en", batch_size=len(batch))):
            yield self._result(text, results)


def presidio_default(nlp: Optional[Language] = None) -> PresidioDefault:
    return PresidioDefault(nlp)
