"""Token-level, type-agnostic evaluation of de-identification against a gold JSONL file.

Gold: one JSON object a line, ``{"id", "text", "spans": [{"start", "end", "label"}]}``,
optionally ``drugs`` / ``symptoms`` term lists (their occurrences become ``Drug`` /
``Symptom`` spans). Tokens are ``[^\\W_]+|[^\\w\\s]`` (words, single punctuation marks); a
token is *redacted* if it overlaps a redaction and *in* a gold span if it overlaps it.

The metric code is pure (text, gold spans, redactions -> counts -> figures); ``evaluate``
runs systems and times them; ``run`` builds our system (and Presidio's default one).
Nothing here prints or logs any text of the gold file.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

TOKEN_RE = re.compile(r"([^\W_]+)|([^\w\s])")

CONTENT_LABELS = frozenset({"ORGANIZATION", "GROUP", "PRODUCT", "CREATIVE_WORK", "TITLE", "NRP"})
MEDICAL_LABELS = frozenset({"Drug", "ADR", "Symptom", "Disease", "Finding"})
DRUG_LABEL = "Drug"
DATE_LABEL = "DATE_TIME"

Interval = tuple[int, int]


def is_phi_label(label: str) -> bool:
    return label not in CONTENT_LABELS and label not in MEDICAL_LABELS


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class GoldRecord:
    id: object
    text: str
    spans: tuple[GoldSpan, ...] = ()
    drugs: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    punct: bool


# -- pure metric functions ---------------------------------------------------------------

def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(2) is not None) for m in TOKEN_RE.finditer(text)]


def term_spans(text: str, terms: Iterable[str], label: str) -> list[GoldSpan]:
    """Every case-insensitive, word-bounded occurrence of each term, as a span with ``label``."""
    spans = []
    for term in dict.fromkeys(t.strip() for t in terms if t and t.strip()):
        pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
        spans.extend(GoldSpan(m.start(), m.end(), label) for m in pattern.finditer(text))
    return spans


def all_gold_spans(record: GoldRecord) -> list[GoldSpan]:
    """Annotated spans plus the occurrences of the record's drug / symptom terms."""
    return [
        *record.spans,
        *term_spans(record.text, record.drugs, DRUG_LABEL),
        *term_spans(record.text, record.symptoms, "Symptom"),
    ]


def _without_year(span: GoldSpan, text: str) -> GoldSpan:
    """The gold date less a four-digit year (and its separator) at either end, as the de-identifier
    keeps it by default (``deid.spans.without_year``): "March 14, 2019" -> "March 14"; a year alone -> nothing."""
    from deid.spans import Span, without_year

    value = text[span.start : span.end]
    if re.fullmatch(r"\s*(?:18|19|20)\d\d\s*", value):
        return GoldSpan(span.start, span.start, span.label)  # a year alone: nothing of the date is PHI
    kept = without_year(Span(span.start, span.end, span.label), value)
    return GoldSpan(kept.start, kept.end, span.label)


def _overlaps(token: Token, start: int, end: int) -> bool:
    return token.start < end and start < token.end


def _covered(tokens: Sequence[Token], intervals: Iterable[Interval]) -> list[bool]:
    """For each token (in text order), whether it overlaps any interval."""
    ivs = sorted((s, e) for s, e in intervals if e > s)
    out, j, reach = [], 0, []
    # Sweep: intervals sorted by start; keep those that may still overlap later tokens.
    for tok in tokens:
        while j < len(ivs) and ivs[j][0] < tok.end:
            reach.append(ivs[j])
            j += 1
        reach = [iv for iv in reach if iv[1] > tok.start]
        out.append(bool(reach))
    return out


def doc_counts(text: str, gold: Sequence[GoldSpan], redactions: Iterable[Interval]) -> Counter:
    """Token counts for one document. ``redactions``: (start, end) pairs into ``text``.

    Keys: ``tokens``, ``redacted`` (tokens overlapping a redaction), ``phi`` / ``phi_redacted``
    (tokens in a PHI-label span), ``plain`` / ``plain_redacted`` (non-punctuation tokens in no
    gold span of any label), ``content`` / ``content_redacted`` (in a content-label span and
    no PHI span), ``medical`` / ``medical_redacted`` and ``drug`` / ``drug_redacted`` (in a
    medical / ``Drug`` span and no PHI span), ``label:L`` / ``label_redacted:L`` (tokens in a
    span labelled L), ``phi_spans`` / ``phi_spans_redacted`` (PHI spans all of whose tokens
    are redacted). A four-digit year at either end of a ``DATE_TIME`` span, with its separator, is
    not in that span, and a span that is only a year is no span: Safe Harbor keeps years
    ("<DATE_TIME>, 2019" is the default output), so the year counts as plain.
    """
    tokens = tokenize(text)
    red = _covered(tokens, redactions)
    c: Counter = Counter()
    c["tokens"] = len(tokens)
    c["redacted"] = sum(red)
    labels_of: list[set[str]] = [set() for _ in tokens]
    for span in gold:
        if span.label == DATE_LABEL:  # Safe Harbor keeps years: a date's year is not PHI
            span = _without_year(span, text)
        idx = [i for i, t in enumerate(tokens) if _overlaps(t, span.start, span.end)]
        for i in idx:
            labels_of[i].add(span.label)
        if is_phi_label(span.label) and idx:
            c["phi_spans"] += 1
            c["phi_spans_redacted"] += all(red[i] for i in idx)
    for tok, is_red, labels in zip(tokens, red, labels_of):
        r = int(is_red)
        for label in labels:
            c[f"label:{label}"] += 1
            c[f"label_redacted:{label}"] += r
        if any(is_phi_label(label) for label in labels):
            c["phi"] += 1
            c["phi_redacted"] += r
            continue
        if not labels:
            if not tok.punct:
                c["plain"] += 1
                c["plain_redacted"] += r
            continue
        if labels & CONTENT_LABELS:
            c["content"] += 1
            c["content_redacted"] += r
        if labels & MEDICAL_LABELS:
            c["medical"] += 1
            c["medical_redacted"] += r
        if DRUG_LABEL in labels:
            c["drug"] += 1
            c["drug_redacted"] += r
    return c


def _ratio(num: int, den: int) -> Optional[float]:
    return num / den if den else None


def f_beta(precision: Optional[float], recall: Optional[float], beta: float = 2.0) -> Optional[float]:
    if precision is None or recall is None:
        return None
    b2 = beta * beta
    den = b2 * precision + recall
    return (1 + b2) * precision * recall / den if den else 0.0


def summarize(c: Counter) -> dict:
    """Figures from summed ``doc_counts``. Shares with an empty denominator are None."""
    has_phi = c["phi"] > 0
    recall = _ratio(c["phi_redacted"], c["phi"])
    precision = _ratio(c["phi_redacted"], c["redacted"]) if has_phi else None
    labels = sorted({k.split(":", 1)[1] for k in c if k.startswith("label:")})
    by_label = {lab: {"tokens": c[f"label:{lab}"], "share": _ratio(c[f"label_redacted:{lab}"], c[f"label:{lab}"])} for lab in labels}
    return {
        "recall": recall,
        "precision": precision,
        "f2": f_beta(precision, recall),
        "span_recall": _ratio(c["phi_spans_redacted"], c["phi_spans"]),
        "plain_redacted": _ratio(c["plain_redacted"], c["plain"]),
        "content_redacted": _ratio(c["content_redacted"], c["content"]),
        "medical_destroyed": _ratio(c["medical_redacted"], c["medical"]),
        "drug_destroyed": _ratio(c["drug_redacted"], c["drug"]),
        "recall_by_label": {lab: v for lab, v in by_label.items() if is_phi_label(lab)},
        "redacted_by_label": {lab: v for lab, v in by_label.items() if not is_phi_label(lab)},
        "counts": {k: c[k] for k in (
            "tokens", "redacted", "phi", "phi_redacted", "phi_spans", "phi_spans_redacted", "plain", "plain_redacted",
            "content", "content_redacted", "medical", "medical_redacted", "drug", "drug_redacted")},
    }


# -- gold files ----------------------------------------------------------------------------

class GoldFormatError(ValueError):
    pass


def _terms(value: object) -> tuple[str, ...]:
    return tuple(t for t in value if isinstance(t, str)) if isinstance(value, list) else ()


def load_gold(path: Path, limit: Optional[int] = None) -> list[GoldRecord]:
    """Read a gold JSONL file; a malformed line raises with its number (never its content)."""
    records: list[GoldRecord] = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text = obj["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
                spans = tuple(GoldSpan(int(s["start"]), int(s["end"]), str(s["label"])) for s in obj.get("spans") or ())
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise GoldFormatError(f"{path}:{line_no}: not a gold record ({type(exc).__name__})") from None
            if any(not 0 <= s.start <= s.end <= len(text) for s in spans):
                raise GoldFormatError(f"{path}:{line_no}: span offsets outside the text")
            records.append(GoldRecord(obj.get("id"), text, spans, _terms(obj.get("drugs")), _terms(obj.get("symptoms"))))
    return records


# -- running systems -------------------------------------------------------------------------

@dataclass
class SystemRun:
    counts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    redactions: int = 0


def _round(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


WARM_UP = "Warm-up: Jane Doe, 12 Main St, Springfield, 555-010-0199, jane@example.com, 3 March."
WARM_UP_DOCS = 32


def evaluate(records: Sequence[GoldRecord], systems: Mapping[str, object]) -> dict:
    """Run each system (anything with ``deidentify_batch(texts)``) over the records and score it.

    Timing covers the de-identification loop only: each system first runs, untimed, over a
    fixed text and the first ``WARM_UP_DOCS`` texts, so lazily loaded models and word lists
    are in memory before the clock starts.
    """
    texts = [r.text for r in records]
    golds = [all_gold_spans(r) for r in records]
    chars = sum(len(t) for t in texts)
    report: dict = {"docs": len(records), "chars": chars, "systems": {}}
    for name, system in systems.items():
        list(system.deidentify_batch([WARM_UP, *texts[:WARM_UP_DOCS]]))
        started = time.perf_counter()
        results = list(system.deidentify_batch(texts))
        seconds = time.perf_counter() - started
        if len(results) != len(texts):
            raise RuntimeError(f"{name}: {len(results)} results for {len(texts)} texts")
        counts: Counter = Counter()
        n_red = 0
        for text, gold, result in zip(texts, golds, results):
            counts.update(doc_counts(text, gold, [(r.start, r.end) for r in result.redactions]))
            n_red += len(result.redactions)
        figures = summarize(counts)
        figures["redactions"] = n_red
        figures["speed"] = {
            "seconds": seconds,
            "docs_per_s": _ratio(len(texts), seconds) if seconds > 0 else None,
            "chars_per_s": _ratio(chars, seconds) if seconds > 0 else None,
        }
        report["systems"][name] = _round(figures)
    return report


def build_systems(baseline: bool = False, strict_places: bool = False, both_place_modes: bool = False, **config) -> dict:
    """``ours`` (default config, or strict places), optionally ``ours_strict_places`` and ``presidio_default``.
    ``config``: further ``DeidConfig`` fields for ours (the experimental ``minilm_ner``, say)."""
    from deid import DeidConfig, Deidentifier

    systems: dict = {"ours": Deidentifier(config=DeidConfig(keep_states_and_countries=not strict_places, **config))}
    if both_place_modes:
        systems["ours_strict_places"] = Deidentifier(config=DeidConfig(keep_states_and_countries=False, **config))
    if baseline:
        from deid.baseline import presidio_default

        systems["presidio_default"] = presidio_default()
    return systems


def run(gold: Path, baseline: bool = False, strict_places: bool = False, limit: Optional[int] = None, **config) -> dict:
    records = load_gold(Path(gold), limit)
    systems = build_systems(baseline=baseline, strict_places=strict_places, **config)
    report = evaluate(records, systems)
    return {"gold": str(gold), "strict_places": strict_places, **report, **({"config": config} if config else {})}


# -- presentation ---------------------------------------------------------------------------

DISPLAY = {"ours": "ours", "ours_strict_places": "ours (strict places)", "presidio_default": "presidio-default"}


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_table(report: dict) -> str:
    systems = report["systems"]
    names = list(systems)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, getter) -> None:
        rows.append((label, [_fmt(getter(systems[n])) for n in names]))

    row("PHI recall (tokens)", lambda s: s["recall"])
    row("PHI precision (tokens)", lambda s: s["precision"])
    row("F2", lambda s: s["f2"])
    row("PHI spans fully redacted", lambda s: s["span_recall"])
    row("plain tokens redacted", lambda s: s["plain_redacted"])
    row("content tokens redacted", lambda s: s["content_redacted"])
    row("medical tokens destroyed", lambda s: s["medical_destroyed"])
    row("drug tokens destroyed", lambda s: s["drug_destroyed"])
    labels = sorted({lab for s in systems.values() for lab in s["recall_by_label"]})
    for lab in labels:
        n = next(s["recall_by_label"][lab]["tokens"] for s in systems.values() if lab in s["recall_by_label"])
        row(f"  recall {lab} ({n} tok)", lambda s, lab=lab: s["recall_by_label"].get(lab, {}).get("share"))
    other = sorted({lab for s in systems.values() for lab in s["redacted_by_label"]})
    for lab in other:
        n = next(s["redacted_by_label"][lab]["tokens"] for s in systems.values() if lab in s["redacted_by_label"])
        row(f"  redacted {lab} ({n} tok)", lambda s, lab=lab: s["redacted_by_label"].get(lab, {}).get("share"))
    row("redactions", lambda s: s["redactions"])
    row("docs/s", lambda s: None if s["speed"]["docs_per_s"] is None else f"{s['speed']['docs_per_s']:.1f}")
    row("chars/s", lambda s: None if s["speed"]["chars_per_s"] is None else f"{s['speed']['chars_per_s']:.0f}")

    headers = [DISPLAY.get(n, n) for n in names]
    w0 = max(len(r[0]) for r in rows)
    widths = [max(len(h), *(len(r[1][i]) for r in rows)) for i, h in enumerate(headers)]
    first = next(iter(systems.values()), None)
    counts = first["counts"] if first else {}
    lines = [
        f"gold: {report['gold']}  ({report['docs']} docs, {counts.get('tokens', 0)} tokens, "
        f"{counts.get('phi', 0)} PHI tokens{', strict places' if report.get('strict_places') else ''})",
        "  ".join([" " * w0, *(h.rjust(w) for h, w in zip(headers, widths))]),
    ]
    for label, cells in rows:
        lines.append("  ".join([label.ljust(w0), *(c.rjust(w) for c, w in zip(cells, widths))]))
    return "\n".join(lines)
