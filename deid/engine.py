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

from .long_tokens import LONG_TOKEN, blank_long_tokens  # noqa: E402
from .nlp import SPACY_MODEL, load_pipeline  # noqa: E402
from .normalize import Normalized, normalize  # noqa: E402
from .surrogates import SurrogateMap  # noqa: E402
from .recognizers.member_names import MemberNameRecognizer  # noqa: E402
from .recognizers.prefilter import guard_recognizers  # noqa: E402
from .recognizers.registry import CUSTOM_RECOGNIZERS  # noqa: E402
from .recognizers.spacy_ner import ForumSpacyRecognizer  # noqa: E402
from .name_neighbours import extend_names  # noqa: E402
from .name_repeats import repeat_names  # noqa: E402
from .spans import Span, keep_span, resolve, without_year  # noqa: E402

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
    "ID_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "CRYPTO",
)


@dataclass(frozen=True)
class DeidConfig:
    entities: tuple[str, ...] = DEFAULT_ENTITIES
    score_threshold: float = 0.35
    keep_states_and_countries: bool = True
    # Dates tied to a person lose their day and month but keep a four-digit year ("<DATE_TIME>, 2019"),
    # which Safe Harbor allows, unless the year means an age over 89 (an AGE of its own). False: the whole date goes.
    keep_date_years: bool = True
    batch_size: int = 32
    chunk_chars: int = 50_000  # longer texts are analysed in pieces (spaCy's limit is 1,000,000)
    # Consecutive pieces of a long text share at least this many characters (at most chunk_chars // 8),
    # so an identifier across a cut is whole, with its context, in one of them.
    chunk_overlap: int = 500
    forum_ner: bool = True  # also run the small forum-trained NER model (deid/forum_ner.py) in the same pass
    numpy_matmul: bool = True  # the NER models' matrix products through numpy, not BLIS (deid/nlp.py)
    # Experimental, off by default: the MiniLM token classifier (deid/minilm_ner.py) as one more
    # PERSON / LOCATION recognizer; None = the threshold stored with its head.
    minilm_ner: bool = False
    minilm_threshold: Optional[float] = None
    minilm_guard: str = "cased"  # "cased", "medical", "full" or "none" (deid/recognizers/minilm_ner.py)


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


# Passes every prefilter: a name, an address, a phone number, an e-mail, a date and a web address.
WARM_UP_TEXT = (
    "Warm-up: Jane Doe (jdoe@example.org, 555-867-5309) of 12 Main Street, Springfield, IL 62704, "
    "saw Dr. Okafor at St. Mary's Hospital on March 3, 2021; see https://example.org/jane."
)


def _break_after(text: str, low: int, high: int) -> int:
    """The position just after the last space or line break in ``text[low:high]``; ``high`` if none."""
    cut = max(text.rfind(" ", low, high), text.rfind("\n", low, high), text.rfind("\t", low, high))
    return cut + 1 if cut >= low else high


def _windows(text: str, size: int, overlap: int) -> Iterator[tuple[int, int]]:
    """(start, end) of windows of at most ``size`` characters that cover ``text``, cut at spaces
    or line breaks where there are any; consecutive windows share at least ``overlap`` characters
    (and at most twice that)."""
    size = max(size, 16)
    overlap = max(0, min(overlap, size // 8))
    start = 0
    while True:
        if start + size >= len(text):
            yield start, len(text)
            return
        end = _break_after(text, start + size // 2, start + size)
        yield start, end
        start = _break_after(text, max(start + 1, end - 2 * overlap), end - overlap)


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
        engine.nlp = {"en": nlp if nlp is not None else load_pipeline(forum_ner=config.forum_ner, numpy_matmul=config.numpy_matmul)}
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
        registry.remove_recognizer("SpacyRecognizer")
        registry.add_recognizer(ForumSpacyRecognizer(supported_language="en"))
        for recognizer_cls in CUSTOM_RECOGNIZERS:
            registry.add_recognizer(recognizer_cls())
        if config.minilm_ner:
            from .recognizers.minilm_ner import MiniLmNerRecognizer

            registry.add_recognizer(MiniLmNerRecognizer(config.minilm_threshold, config.minilm_guard))
        self.members = MemberNameRecognizer(member_names)
        registry.add_recognizer(self.members)
        guard_recognizers(registry.recognizers)
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])
        self.anonymizer = AnonymizerEngine()
        self._operators = {
            entity: OperatorConfig("replace", {"new_value": placeholder(entity)})
            for entity in set(config.entities) | {"PERSON", "URL", LONG_TOKEN}
        }

    # -- analysis -------------------------------------------------------------
    def _spans(self, text: str, results: Sequence[RecognizerResult]) -> list[Span]:
        spans = (Span(r.start, r.end, r.entity_type, r.score) for r in results)
        keep = self.config.keep_states_and_countries
        spans = (s for s in spans if keep_span(s, text[s.start : s.end], keep_states_and_countries=keep))
        if self.config.keep_date_years:  # after keep_span, which judges the whole date ("03/2019")
            spans = (without_year(s, text[s.start : s.end]) if s.entity_type == "DATE_TIME" else s for s in spans)
        found = resolve(spans)
        beside = extend_names(found, text)
        found = resolve(found + beside) if beside else found
        again = repeat_names(found, text)
        return resolve(found + again) if again else found

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

    def _analyze_blanked(self, text: str, long_runs: list[Span], nlp_artifacts=None) -> list[Span]:
        """Spans in ``text`` whose long runs ``blank_long_tokens`` replaced by spaces, plus those
        runs' own spans; a text left blank is not analysed."""
        return (self._analyze(text, nlp_artifacts) if text.strip() else []) + long_runs

    def _apply(self, text: str, spans: list[Span], surrogates: Optional[SurrogateMap] = None) -> DeidResult:
        if not spans:
            return DeidResult(text, ())
        operators = self._operators
        if surrogates is not None:
            for span in spans:  # number in reading order (the anonymizer works from the end)
                surrogates.placeholder(span.entity_type, text[span.start : span.end])
            operators = {
                entity: OperatorConfig("custom", {"lambda": (lambda value, e=entity: surrogates.placeholder(e, value))})
                for entity in self._operators
            }
        anonymized = self.anonymizer.anonymize(
            text=text,
            analyzer_results=[RecognizerResult(s.entity_type, s.start, s.end, s.score) for s in spans],
            operators=operators,
        )
        return DeidResult(anonymized.text, tuple(Redaction(s.start, s.end, s.entity_type) for s in spans))

    # -- public API -----------------------------------------------------------
    def warm_up(self) -> None:
        """Load now what is otherwise loaded at first need: the name-shape model (trained from the
        packaged word lists, about 1 s) and every pattern's compiled regex. The first posts are
        then no slower than the rest, and processes forked afterwards inherit it all."""
        import regex

        from .name_shape import name_likeness

        name_likeness("warm")
        for recognizer in self.analyzer.registry.recognizers:
            flags = getattr(recognizer, "global_regex_flags", None)
            for pattern in getattr(recognizer, "patterns", None) or ():
                if flags is not None and (pattern.compiled_regex is None or pattern.compiled_with_flags != flags):
                    pattern.compiled_regex, pattern.compiled_with_flags = regex.compile(pattern.regex, flags=flags), flags
        self.deidentify(WARM_UP_TEXT)

    def deidentify(self, text: str, surrogates: Optional[SurrogateMap] = None) -> DeidResult:
        """``surrogates``: number placeholders consistently (``<PERSON_1>``) across the texts
        given the same map, e.g. all posts of one thread; typed placeholders otherwise."""
        return next(self._run_batch([(text or "", surrogates)]))

    def _deidentify_long(self, text: str, surrogates: Optional[SurrogateMap]) -> DeidResult:
        """Very long texts (a 5 MB post) are analysed in overlapping windows of at most
        ``chunk_chars``, cut at line or word breaks. The spans of every window are merged over
        the whole text, so an identifier across one window's cut is found whole in the next, and
        the merged redactions are applied once each, piece by piece (memory stays bounded)."""
        spans: list[Span] = []
        for start, end in _windows(text, self.config.chunk_chars, self.config.chunk_overlap):
            norm = normalize(text[start:end])
            analysed, junk = blank_long_tokens(norm.text)
            found = self._back(norm, self._analyze_blanked(analysed, junk))
            spans += [Span(s.start + start, s.end + start, s.entity_type, s.score) for s in found]
        spans = resolve(spans)
        pieces: list[str] = []
        redactions: list[Redaction] = []
        start, k = 0, 0
        while start < len(text):
            end, inside = min(len(text), start + self.config.chunk_chars), []
            while k < len(spans) and spans[k].start < end:
                end = max(end, spans[k].end)  # never cut through a redaction
                inside.append(Span(spans[k].start - start, spans[k].end - start, spans[k].entity_type, spans[k].score))
                k += 1
            part = self._apply(text[start:end], inside, surrogates)
            pieces.append(part.text)
            redactions += [Redaction(r.start + start, r.end + start, r.entity_type) for r in part.redactions]
            start = end
        return DeidResult("".join(pieces), tuple(redactions))

    @staticmethod
    def _back(norm: Normalized, spans: list[Span]) -> list[Span]:
        if norm.origin is None:
            return spans
        mapped = []
        for s in spans:
            start, end = norm.to_original(s.start, s.end)
            mapped.append(Span(start, end, s.entity_type, s.score))
        return resolve(mapped)

    def deidentify_batch(
        self, texts: Iterable[str], surrogates: Optional[Iterable[Optional[SurrogateMap]]] = None
    ) -> Iterator[DeidResult]:
        """One spaCy pass per text, in batches (``nlp.pipe``); yields results in input order.
        ``surrogates``, if given, runs parallel to ``texts``: the map to use for each text."""
        maps = iter(surrogates) if surrogates is not None else None
        batch: list[tuple[str, Optional[SurrogateMap]]] = []
        for text in texts:
            batch.append((text or "", next(maps) if maps is not None else None))
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[tuple[str, Optional[SurrogateMap]]]) -> Iterator[DeidResult]:
        engine = self.analyzer.nlp_engine
        short = [(t, m) for t, m in batch if len(t) <= self.config.chunk_chars]
        normalized = [normalize(t) for t, _ in short]
        blanked = [blank_long_tokens(n.text) for n in normalized]  # (analysis text, long-run spans)
        processed = iter(engine.process_batch([b[0] for b in blanked], language="en", batch_size=max(1, len(short))))
        norms, junks = iter(normalized), (b[1] for b in blanked)
        for original, surrogate_map in batch:
            if len(original) > self.config.chunk_chars:
                yield self._deidentify_long(original, surrogate_map)
                continue
            norm, junk = next(norms), next(junks)
            text, artifacts = next(processed)
            yield self._apply(original, self._back(norm, resolve(self._analyze_blanked(text, junk, artifacts))), surrogate_map)
