"""Entity extraction figures against gold files (``patient-insights eval entities``).

Two kinds of gold, one JSONL format (``docs/extraction.md``):
- spans (``{"text", "spans": [{"start", "end", "label"}]}``, CADEC labels Drug, ADR, Symptom,
  Disease, Finding): precision, recall and F1 per label group, *strict* (same offsets) and
  *overlap* (any shared character). Our types map drug -> Drug, symptom -> ADR+Symptom (CADEC's
  ADR and Symptom together; every symptom mention counts, whatever its assertion, because
  CADEC annotates negated ADRs too), condition -> Disease. Finding has no counterpart. Drug
  *class* mentions ("statins", "painkillers") are left out of the span figures: CADEC's Drug
  label marks named products only. Term lists count them (crowd lists name classes).
- term lists (``"drugs"`` / ``"symptoms"``, as MedRed): for each record, the distinct gold
  terms found in its text; recall = share of them overlapped by a mention of the matching type;
  precision = share of our distinct mentioned terms that overlap an occurrence of a gold term.
  MedRed's crowd "symptoms" lists name conditions as well ("depression", "IBS"), so they are
  matched by our symptom and condition mentions together; "drugs" by drug mentions (and, in a
  second row "drugs+devices", by drug and device mentions: the crowd lists name devices too; and
  in a third, "treatments", by drug, device and therapy mentions: they name diets and
  phototherapy too).

Nothing here prints or logs text from the gold file: only counts and figures.
"""
from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from pipelines.evaluation.deid_eval import (  # noqa: F401
    GoldFormatError,
    GoldRecord,
    load_gold,
    term_spans,
)

GOLD_GROUP = {"Drug": "Drug", "ADR": "ADR+Symptom", "Symptom": "ADR+Symptom", "Disease": "Disease", "Finding": "Finding"}
OUR_GROUP = {"drug": "Drug", "symptom": "ADR+Symptom", "condition": "Disease"}
TERM_LISTS = {"drugs": ("drug",), "symptoms": ("symptom", "condition")}
# Reported besides, never instead: MedRed's crowd "drugs" lists also name devices (CPAP, CGM), which
# we extract as their own type, so this row shows how much of the drug figure's gap they are.
TERM_SCORES = [
    ("drugs", "drugs", ("drug",)),
    ("drugs+devices", "drugs", ("drug", "device")),
    # also reported besides: the crowd lists name non-drug treatments too (phototherapy, a diet)
    ("treatments", "drugs", ("drug", "device", "therapy")),
    ("symptoms", "symptoms", ("symptom", "condition")),
]

Span = tuple[int, int]


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_counts(gold: dict[str, list[Span]], predicted: dict[str, list[Span]]) -> dict[str, Counter]:
    """Per label group: gold / predicted counts and strict and overlap hits."""
    out: dict[str, Counter] = {}
    for group in set(gold) | set(predicted):
        g, p = gold.get(group, []), predicted.get(group, [])
        gold_set, pred_set = set(g), set(p)
        c = Counter(gold=len(g), predicted=len(p))
        c["strict_tp"] = len(gold_set & pred_set)
        c["overlap_gold_hit"] = sum(1 for s in g if any(_overlap(s, q) for q in p))
        c["overlap_pred_hit"] = sum(1 for q in p if any(_overlap(s, q) for s in g))
        out[group] = c
    return out


def term_counts(text: str, terms: Sequence[str], predicted: list[Span]) -> Counter:
    """Recall and precision by distinct term for one record and one term list."""
    c = Counter()
    occurrences: list[Span] = []
    for term in dict.fromkeys(t.strip().lower() for t in terms if t and t.strip()):
        spans = [(s.start, s.end) for s in term_spans(text, [term], "x")]
        c["gold_terms"] += 1
        if not spans:
            c["gold_terms_not_in_text"] += 1
            continue
        c["gold_terms_in_text"] += 1
        occurrences.extend(spans)
        if any(_overlap(s, q) for s in spans for q in predicted):
            c["gold_terms_found"] += 1
    ours: dict[str, list[Span]] = defaultdict(list)
    for q in predicted:
        ours[text[q[0] : q[1]].lower()].append(q)
    c["predicted_terms"] += len(ours)
    c["predicted_terms_correct"] += sum(1 for spans in ours.values() if any(_overlap(s, q) for s in occurrences for q in spans))
    return c


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    return round(2 * p * r / (p + r), 4) if p and r else (0.0 if p is not None and r is not None else None)


def summarize_spans(c: Counter) -> dict:
    strict_p, strict_r = _ratio(c["strict_tp"], c["predicted"]), _ratio(c["strict_tp"], c["gold"])
    over_p, over_r = _ratio(c["overlap_pred_hit"], c["predicted"]), _ratio(c["overlap_gold_hit"], c["gold"])
    return {
        "gold": c["gold"],
        "predicted": c["predicted"],
        "strict": {"precision": strict_p, "recall": strict_r, "f1": _f1(strict_p, strict_r)},
        "overlap": {"precision": over_p, "recall": over_r, "f1": _f1(over_p, over_r)},
    }


def summarize_terms(c: Counter) -> dict:
    return {
        "gold_terms": c["gold_terms"],
        "gold_terms_in_text": c["gold_terms_in_text"],
        "recall": _ratio(c["gold_terms_found"], c["gold_terms_in_text"]),
        "predicted_terms": c["predicted_terms"],
        "precision": _ratio(c["predicted_terms_correct"], c["predicted_terms"]),
    }


def evaluate(records: Sequence[GoldRecord], extractor) -> dict:
    """``extractor``: an ``EntityExtractor`` (its ``nlp`` parses, calling it gives mentions)."""
    spans_total: dict[str, Counter] = defaultdict(Counter)
    terms_total: dict[str, Counter] = defaultdict(Counter)
    by_assertion: Counter = Counter()
    started = time.perf_counter()
    for record, doc in zip(records, extractor.nlp.pipe(r.text for r in records)):
        mentions = extractor(doc)
        by_assertion.update(f"{m.entity_type}:{m.assertion}" for m in mentions)
        predicted: dict[str, list[Span]] = defaultdict(list)
        for m in mentions:
            if m.match == "class":  # "statins": CADEC's Drug spans are named products only
                continue
            if m.entity_type in OUR_GROUP:  # devices have no CADEC counterpart
                predicted[OUR_GROUP[m.entity_type]].append((m.start_char, m.end_char))
        if record.spans:
            gold: dict[str, list[Span]] = defaultdict(list)
            for s in record.spans:
                gold[GOLD_GROUP.get(s.label, s.label)].append((s.start, s.end))
            for group, c in span_counts(gold, predicted).items():
                spans_total[group] += c
        for name, field, our_types in TERM_SCORES:
            terms = getattr(record, field)
            if terms:
                ours = [(m.start_char, m.end_char) for m in mentions if m.entity_type in our_types]
                terms_total[name] += term_counts(record.text, terms, ours)
    seconds = time.perf_counter() - started
    return {
        "records": len(records),
        "seconds": round(seconds, 2),
        "ms_per_record": round(1000 * seconds / max(len(records), 1), 2),
        "spans": {g: summarize_spans(c) for g, c in sorted(spans_total.items())},
        "terms": {name: summarize_terms(terms_total[name]) for name, _f, _t in TERM_SCORES if name in terms_total},
        "mentions_by_assertion": dict(sorted(by_assertion.items())),
    }


def run(gold: Path, limit: int | None = None) -> dict:
    from insights.extraction.entities import default_entity_extractor

    records = load_gold(Path(gold), limit=limit)
    report = evaluate(records, default_entity_extractor())
    report["gold"] = Path(gold).name
    return report


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"


def format_table(report: dict) -> str:
    lines = [f"{report.get('gold', '')}: {report['records']} records, {report['ms_per_record']} ms/record"]
    if report["spans"]:
        lines += ["", f"{'label':<14}{'gold':>6}{'pred':>6}  {'strict P':>8}{'R':>7}{'F1':>7}  {'overlap P':>9}{'R':>7}{'F1':>7}"]
        for g, s in report["spans"].items():
            st, ov = s["strict"], s["overlap"]
            lines.append(f"{g:<14}{s['gold']:>6}{s['predicted']:>6}  {_fmt(st['precision']):>8}{_fmt(st['recall']):>7}{_fmt(st['f1']):>7}  {_fmt(ov['precision']):>9}{_fmt(ov['recall']):>7}{_fmt(ov['f1']):>7}")
    if report["terms"]:
        lines += ["", f"{'term list':<14}{'gold':>6}{'in text':>8}{'recall':>8}{'ours':>6}{'precision':>10}"]
        for f, t in report["terms"].items():
            lines.append(f"{f:<14}{t['gold_terms']:>6}{t['gold_terms_in_text']:>8}{_fmt(t['recall']):>8}{t['predicted_terms']:>6}{_fmt(t['precision']):>10}")
    return "\n".join(lines)


def iter_labels(records: Iterable[GoldRecord]) -> Counter:
    return Counter(s.label for r in records for s in r.spans)
