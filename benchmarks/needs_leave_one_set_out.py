"""Leave-one-set-out figures for the unmet-need classifier: train it without one gold file, score
that file (rules alone, rules + that classifier), per category.

    PYTHONPATH=. .venv/bin/python benchmarks/needs_leave_one_set_out.py [--held-out data/gold/needs_roles_heldout4.jsonl]

The rules (taxonomy v2.2.0) were written from the errors of dev/test and HO1-HO3 but never saw
HO4, so HO4 left out is the one set where both the rules and the classifier are unseen. Trains in
the process (about 1 min on 2 cores); writes nothing. Never pass held-out 5 here: it is not a
training file, and scoring it belongs to ``patient-insights eval needs`` once, at the end.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from insights.need_classifier import NeedClassifier
from pipelines.evaluation import needs_eval


def _training_script():
    spec = importlib.util.spec_from_file_location("train_need_classifier", ROOT / "training" / "needs" / "train_need_classifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", default="data/gold/needs_roles_heldout4.jsonl", help="a training file of the classifier")
    parser.add_argument("--operating-point", default="precise", choices=("precise", "balanced"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    train = _training_script()
    if args.held_out not in train.TRAINING_FILES:
        parser.error(f"--held-out must be one of the training files {train.TRAINING_FILES}")
    data, _ = train.train(exclude=(args.held_out,))
    model = NeedClassifier.from_bytes(data, args.operating_point)
    gold = ROOT / args.held_out
    out = {"held_out": args.held_out, "rules": needs_eval.run(gold), "rules+classifier": needs_eval.run(gold, model=model)}
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        rules, both = out["rules"]["needs"], out["rules+classifier"]["needs"]
        print(f"{args.held_out} left out of training ({args.operating_point}); P/R rules -> rules + classifier")
        for cat, s in rules["per_category"].items():
            b = both["per_category"][cat]
            print(f"{cat:22} {s['precision']:.2f}/{s['recall']:.2f} -> {b['precision']:.2f}/{b['recall']:.2f}  support {s['support']}")
        print(f"{'micro':22} {rules['micro']['precision']:.2f}/{rules['micro']['recall']:.2f} -> "
              f"{both['micro']['precision']:.2f}/{both['micro']['recall']:.2f}")
    return out


if __name__ == "__main__":
    main()
