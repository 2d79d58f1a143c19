"""How far a second labeller agrees with a gold set's writer, and how the systems score against each.

    python benchmarks/needs_agreement.py [--sets 20 21] [--json]

For each held-out set N with a relabelling (``data/gold/needs_second_labels_heldoutN.jsonl``, written from the
guide alone without the writer's labels): the second labeller scored against the writer per category (as
``patient-insights eval needs-agreement`` prints), then the default system (rules + veto) and rules + classifier
scored against the writer, against the second labeller, and against their consensus (per category, only the
sentences on which the two agree). Also pooled over the sets. Scores each system once per set.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from insights.unmet_needs import load_taxonomy
from pipelines.evaluation import needs_eval
from pipelines.evaluation.needs_agreement import agreement, categories_of, consensus_mask, load_second
from pipelines.evaluation.needs_eval import score_categories as score

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
SYSTEMS = {"default (rules + veto)": {}, "rules + classifier (precise)": {"classifier": True}}


def _summary(report: dict) -> dict:
    return {"micro": report["micro"], "categories_meeting_target": report["categories_meeting_target"],
            "per_category": {c: {k: s[k] for k in ("precision", "recall", "support")} for c, s in report["per_category"].items()}}


def _three_ways(a: list[set], b: list[set], p: list[set], categories: list[str]) -> dict:
    """A system's predictions ``p`` against the writer ``a``, the second labeller ``b`` and their consensus."""
    return {"vs_writer": _summary(score(a, p, categories)), "vs_second": _summary(score(b, p, categories)),
            "vs_consensus": _summary(score(a, p, categories, consensus_mask(a, b, categories)))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", nargs="+", default=["20", "21"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    categories = list(load_taxonomy().categories)
    pooled = {"first": [], "second": [], **{name: [] for name in SYSTEMS}}
    out = {}
    for n in args.sets:
        gold_path = GOLD / f"needs_roles_heldout{n}.jsonl"
        first = needs_eval.load_gold(gold_path, categories=set(categories))
        second = load_second(GOLD / f"needs_second_labels_heldout{n}.jsonl", first, set(categories))
        a, b = [categories_of(r) for r in first], [categories_of(r) for r in second]
        entry = {"second_labeller_vs_writer": agreement(first, second, categories)}
        pooled["first"] += a
        pooled["second"] += b
        for name, options in SYSTEMS.items():
            preds = needs_eval.run(gold_path, predictions=True, **options)["predictions"]
            p = [set(preds[r["id"]]) for r in first]
            pooled[name] += p
            entry[name] = _three_ways(a, b, p, categories)
        out[f"HO{n}"] = entry
    a, b = pooled["first"], pooled["second"]
    out["pooled"] = {"second_labeller_vs_writer": _summary(score(a, b, categories)),
                     **{name: _three_ways(a, b, pooled[name], categories) for name in SYSTEMS}}
    if args.json:
        print(json.dumps(out, indent=2))
        return
    for set_name, entry in out.items():
        print(f"\n{set_name}: micro P/R/F1, categories meeting P >= 0.80 and R >= 0.70")
        for who, rep in entry.items():
            rows = rep.items() if who != "second_labeller_vs_writer" else [("vs_writer", rep)]
            for against, r in rows:
                m = r["micro"]
                print(f"  {who:<30} {against:<13} {m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}  {r['categories_meeting_target']} of {len(categories)}")


if __name__ == "__main__":
    main()
