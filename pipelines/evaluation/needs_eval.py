"""``patient-insights eval needs``: unmet-need categories and speaker role against a gold JSONL file.

Gold format (docs/labelling_guide_needs_roles.md): one JSON object a line with ``id``, ``text``,
``split`` (dev/test), ``needs`` (list of ``{category, subcategory?}``) and ``speaker_role``.
Needs are scored per sentence as multi-label sets (a category is right when it is predicted for a
sentence whose gold holds it); speaker role per sentence as single-label classes. The system
scored is the one the pipeline publishes by default: the rules + the TF-IDF veto (v2.4, which only
drops rule hits); ``rules_only`` scores the rules alone; ``classifier`` scores rules OR the packaged
MiniLM sentence classifier (at ``operating_point``, default precise), what ``run --need-classifier``
publishes.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from insights.need_classifier import DEFAULT_OPERATING_POINT, load_classifier, load_veto
from insights.nlp import load_extraction_pipeline
from insights.speaker_role import ROLES, infer_sentence_role
from insights.unmet_needs import UnmetNeedMatcher

TARGET_PRECISION = 0.80
TARGET_RECALL = 0.70


class GoldFormatError(ValueError):
    pass


def read_labels(path: Path, keys=("id", "text", "needs", "speaker_role"), categories: set | None = None):
    """Yield (line number, record) of a needs-and-roles JSONL file, each checked: JSON, ``keys`` present, a known
    speaker role and, when ``categories`` is given, known categories. A bad line is a :class:`GoldFormatError`."""
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"line {n}: not JSON ({exc.msg})") from None
            for key in keys:
                if key not in rec:
                    raise GoldFormatError(f"line {n}: missing {key!r}")
            if rec["speaker_role"] not in ROLES:
                raise GoldFormatError(f"line {n}: unknown speaker_role {rec['speaker_role']!r}")
            for need in rec["needs"]:
                if categories is not None and need.get("category") not in categories:
                    raise GoldFormatError(f"line {n}: unknown category {need.get('category')!r}")
            yield n, rec


def load_gold(path: Path, split: str | None = None, categories: set | None = None) -> list[dict]:
    return [rec for _, rec in read_labels(path, categories=categories) if split is None or rec.get("split") == split]


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def _scores(gold: list[set], pred: list[set], labels: list[str]) -> dict:
    out = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if label in g and label in p)
        fp = sum(1 for g, p in zip(gold, pred) if label not in g and label in p)
        fn = sum(1 for g, p in zip(gold, pred) if label in g and label not in p)
        out[label] = _prf(tp, fp, fn)
    return out


def score_categories(gold: list[set], pred: list[set], categories: list[str], mask: dict | None = None) -> dict:
    """Per-category P/R/F1 (with whether each meets both targets) and micro figures of ``pred`` against ``gold``
    (category sets, one per sentence). ``mask``: per category, the sentence indices to score (default: all)."""
    per_category = {}
    for cat in categories:
        idx = mask[cat] if mask is not None else range(len(gold))
        s = _scores([gold[i] for i in idx], [pred[i] for i in idx], [cat])[cat]
        s["meets_target"] = s["precision"] >= TARGET_PRECISION and s["recall"] >= TARGET_RECALL
        per_category[cat] = s
    micro = _prf(*(sum(s[k] for s in per_category.values()) for k in ("tp", "fp", "fn")))
    return {"per_category": per_category, "micro": micro,
            "categories_meeting_target": sum(s["meets_target"] for s in per_category.values())}


def run(gold_path: Path, split: str | None = None, errors: bool = False, classifier: bool = False,
        operating_point: str = DEFAULT_OPERATING_POINT, model=None, rules_only: bool = False, veto_model=None,
        taxonomy=None, predictions: bool = False) -> dict:
    """``model``: a :class:`insights.need_classifier.NeedClassifier` to score instead of the packaged
    one (``benchmarks/needs_leave_one_set_out.py`` passes one trained without the scored set);
    ``veto_model``: a TF-IDF-only veto to use instead of the packaged one (default system only);
    ``taxonomy``: rules to score instead of the packaged ones (e.g. the version blind for the set);
    ``predictions``: also return each sentence's predicted categories (``report["predictions"]``: id to sorted
    list), for scoring the same run against other labels (``benchmarks/needs_agreement.py``)."""
    default = not classifier and model is None
    classifier = None if default else model or load_classifier(operating_point)
    veto = None if not default or rules_only else veto_model or load_veto()
    matcher = UnmetNeedMatcher(taxonomy=taxonomy, classifier=classifier, veto=veto)
    categories = list(matcher.taxonomy.categories)
    records = load_gold(gold_path, split, set(categories))
    nlp = load_extraction_pipeline()
    gold_cat, pred_cat, gold_sub, pred_sub, gold_role, pred_role = [], [], [], [], [], []
    mistakes = []
    for rec, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64)):
        mentions = matcher.match_doc(doc, 0)
        g = {n["category"] for n in rec["needs"]}
        p = {m.category for m in mentions}
        gold_cat.append(g)
        pred_cat.append(p)
        gold_sub.append({f"{n['category']}/{n['subcategory']}" for n in rec["needs"] if n.get("subcategory")})
        pred_sub.append({f"{m.category}/{m.subcategory}" for m in mentions if m.subcategory})
        role = infer_sentence_role(doc[:])
        gold_role.append(rec["speaker_role"])
        pred_role.append(role.role)
        if errors and (g != p or role.role != rec["speaker_role"]):
            mistakes.append({"id": rec["id"], "text": rec["text"], "missed": sorted(g - p), "extra": sorted(p - g),
                             "cues": {m.category: m.cue for m in mentions},
                             "role": [rec["speaker_role"], role.role, list(role.cues)]})
    scored = score_categories(gold_cat, pred_cat, categories)
    per_category = scored["per_category"]
    # subcategories: scored only on sentences whose gold gives a subcategory for that category
    sub_labels = sorted({x for s in gold_sub for x in s})
    sub_scores = {}
    for label in sub_labels:
        cat = label.split("/")[0]
        idx = [i for i, s in enumerate(gold_sub) if any(x.startswith(cat + "/") for x in s)]
        sub_scores[label] = _scores([gold_sub[i] for i in idx], [pred_sub[i] for i in idx], [label])[label]
    role_scores = _scores([{r} for r in gold_role], [{r} for r in pred_role], list(ROLES))
    report = {
        "gold": str(gold_path),
        "split": split or "all",
        "sentences": len(records),
        "taxonomy_version": matcher.taxonomy.version,
        "system": ("rules" if veto is None else f"rules + TF-IDF veto {veto.version}") if default
        else f"rules + classifier {classifier.version} ({operating_point})",
        "needs": {
            "per_category": per_category,
            "micro": scored["micro"],
            "all_categories_meet_target": all(s["meets_target"] for s in per_category.values()),
            "targets": {"precision": TARGET_PRECISION, "recall": TARGET_RECALL},
            "subcategories": sub_scores,
        },
        "speaker_role": {
            "per_class": role_scores,
            "accuracy": round(sum(g == p for g, p in zip(gold_role, pred_role)) / len(records), 3) if records else 0.0,
            "confusion": {g: dict(Counter(p for gg, p in zip(gold_role, pred_role) if gg == g)) for g in ROLES},
        },
    }
    if errors:
        report["errors"] = mistakes
    if predictions:
        report["predictions"] = {rec["id"]: sorted(p) for rec, p in zip(records, pred_cat)}
    return report


def format_table(report: dict) -> str:
    lines = [f"gold: {report['gold']}  split: {report['split']}  sentences: {report['sentences']}  taxonomy {report['taxonomy_version']}  system: {report['system']}", ""]
    lines.append(f"{'category':28} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}  target")
    for label, s in report["needs"]["per_category"].items():
        lines.append(f"{label:28} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:8d}  {'ok' if s['meets_target'] else 'MISSED'}")
    m = report["needs"]["micro"]
    lines.append(f"{'micro':28} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['support']:8d}")
    lines += ["", f"{'subcategory':40} {'P':>6} {'R':>6} {'support':>8}"]
    for label, s in report["needs"]["subcategories"].items():
        lines.append(f"{label:40} {s['precision']:6.3f} {s['recall']:6.3f} {s['support']:8d}")
    lines += ["", f"{'speaker role':28} {'P':>6} {'R':>6} {'support':>8}"]
    for label, s in report["speaker_role"]["per_class"].items():
        lines.append(f"{label:28} {s['precision']:6.3f} {s['recall']:6.3f} {s['support']:8d}")
    lines.append(f"{'accuracy':28} {report['speaker_role']['accuracy']:6.3f}")
    for e in report.get("errors", []):
        lines.append(f"  {e['id']} missed={e['missed']} extra={e['extra']} role={e['role']} cues={e['cues']} | {e['text']}")
    return "\n".join(lines)
