"""``patient-insights eval needs-agreement``: how far two labellers of the same sentences agree.

A need-and-role gold file (docs/labelling_guide_needs_roles.md) is one person's reading of the guide. Before a
per-category target (precision >= 0.80, recall >= 0.70) is read on it, it helps to know how a second careful
labeller does against that reading: the second labels are scored exactly as a system is (per category,
sentence level, multi-label), with Cohen's kappa beside. The second file needs only ``id``, ``needs`` and
``speaker_role`` a line (no text), with the same ids as the first.

Also here: the consensus of two labellers (per category, only the sentences on which they agree), so that
``benchmarks/needs_agreement.py`` can score a system against it with ``needs_eval.score_categories``.
"""
from __future__ import annotations

from pathlib import Path

from insights.unmet_needs import load_taxonomy

from .needs_eval import TARGET_PRECISION, TARGET_RECALL, GoldFormatError, load_gold, read_labels, score_categories


def load_second(path: Path, first: list[dict], categories: set) -> list[dict]:
    """The second labeller's records, in the first file's order; every id of the first exactly once."""
    by_id: dict[str, dict] = {}
    for n, rec in read_labels(path, keys=("id", "needs", "speaker_role"), categories=categories):
        if rec["id"] in by_id:
            raise GoldFormatError(f"line {n}: id {rec['id']!r} twice")
        by_id[rec["id"]] = rec
    first_ids = [r["id"] for r in first]
    missing = [i for i in first_ids if i not in by_id]
    extra = sorted(set(by_id) - set(first_ids))
    if missing or extra:
        raise GoldFormatError(f"{path}: ids differ from the first file ({len(missing)} missing, e.g. {missing[:3]}; "
                              f"{len(extra)} extra, e.g. {extra[:3]})")
    return [by_id[i] for i in first_ids]


def kappa(a: list, b: list) -> float:
    """Cohen's kappa of two equal-length label sequences (1.0 when both are constant and equal)."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    expected = sum((a.count(v) / n) * (b.count(v) / n) for v in set(a) | set(b))
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return round((observed - expected) / (1 - expected), 3)


def categories_of(rec: dict) -> set:
    return {need["category"] for need in rec["needs"]}


def consensus_mask(first: list[set], second: list[set], categories: list[str]) -> dict:
    """Per category, the sentences on which both labellers agree (both give it, or neither does)."""
    return {cat: [i for i, (a, b) in enumerate(zip(first, second)) if (cat in a) == (cat in b)] for cat in categories}


def agreement(first: list[dict], second: list[dict], categories: list[str]) -> dict:
    """The second labeller scored against the first as a system would be, with kappa per category and role."""
    a, b = [categories_of(r) for r in first], [categories_of(r) for r in second]
    report = score_categories(a, b, categories)
    for cat, s in report["per_category"].items():
        s["kappa"] = kappa([cat in x for x in a], [cat in x for x in b])
    report["any_need"] = {"both": sum(1 for x, y in zip(a, b) if x and y), "first_only": sum(1 for x, y in zip(a, b) if x and not y),
                          "second_only": sum(1 for x, y in zip(a, b) if y and not x), "kappa": kappa([bool(x) for x in a], [bool(y) for y in b])}
    roles_a, roles_b = [r["speaker_role"] for r in first], [r["speaker_role"] for r in second]
    report["speaker_role"] = {"accuracy": round(sum(x == y for x, y in zip(roles_a, roles_b)) / len(first), 3),
                              "kappa": kappa(roles_a, roles_b)}
    return report


def run(gold_path: Path, second: Path) -> dict:
    categories = list(load_taxonomy().categories)
    first = load_gold(gold_path, categories=set(categories))
    other = load_second(second, first, set(categories))
    return {"gold": str(gold_path), "second": str(second), "sentences": len(first),
            "targets": {"precision": TARGET_PRECISION, "recall": TARGET_RECALL},
            "agreement": agreement(first, other, categories)}


def format_table(report: dict) -> str:
    ag = report["agreement"]
    lines = [f"first: {report['gold']}  second: {report['second']}  sentences: {report['sentences']}",
             "the second labeller scored against the first, as a system is", "",
             f"{'category':<28}{'P':>7}{'R':>7}{'F1':>7}{'kappa':>7}{'first':>7}{'second':>7}  target"]
    for cat, s in ag["per_category"].items():
        lines.append(f"{cat:<28}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['kappa']:>7.3f}"
                     f"{s['support']:>7}{s['tp'] + s['fp']:>7}  {'met' if s['meets_target'] else 'MISSED'}")
    m = ag["micro"]
    lines += [f"{'micro':<28}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}",
              f"categories meeting both targets: {ag['categories_meeting_target']} of {len(ag['per_category'])}",
              f"any need: both {ag['any_need']['both']}, first only {ag['any_need']['first_only']}, "
              f"second only {ag['any_need']['second_only']}, kappa {ag['any_need']['kappa']:.3f}",
              f"speaker role: accuracy {ag['speaker_role']['accuracy']:.3f}, kappa {ag['speaker_role']['kappa']:.3f}"]
    return "\n".join(lines)
