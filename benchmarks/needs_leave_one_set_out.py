"""Leave-one-set-out figures for the unmet-need classifier and veto: train them without one gold file,
score that file, per category, for every system the pipeline can publish.

    PYTHONPATH=. .venv/bin/python benchmarks/needs_leave_one_set_out.py [--held-out data/gold/needs_roles_heldout9.jsonl]
        [--rules-from GIT_REV] [--no-minilm] [--cheap 0.85 0.90] [--save-dir DIR] [--json]

Systems, all trained without the held-out file (``train(exclude=...)`` of the training script):
``rules`` (alone), ``default`` (rules + the TF-IDF veto at ``VETO_ONLY``: what is published by default),
``cheap@P`` (the same TF-IDF model used as an additive classifier too: a category it scores at or above
its ``precise`` threshold, chosen from out-of-fold probabilities at out-of-fold precision ``P``, is
added; its veto still drops rule hits: one vectorisation per sentence), and ``minilm`` (the shipped
recipe, TF-IDF + MiniLM, ``precise`` at 0.85, rules OR classifier, what ``--need-classifier`` publishes).
``--rules-from REV`` scores the rules of ``insights/lexicons/unmet_needs.yaml`` at that git revision
(the rules blind for the held-out file: v2.5.0, 9b57768, for HO8; the packaged v2.6.0 for HO9).
``--save-dir`` writes each cheap model as ``cheap_P.npz`` (for ``benchmarks/needs_real_posts.py --model``).
Classifier and veto v6.0.0 train on dev/test and HO1-HO9; held-out 10 is their blind set and is never
a training file, so it can never be passed here: scoring it belongs to ``patient-insights eval needs``,
once, at the end. Trains in the process (TF-IDF about 1-2 min, MiniLM 3-6 min on 2 cores).
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from insights.need_classifier import NeedClassifier
from insights.unmet_needs import Taxonomy
from pipelines.evaluation import needs_eval


def _training_script():
    spec = importlib.util.spec_from_file_location("train_need_classifier", ROOT / "training" / "needs" / "train_need_classifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def taxonomy_at(rev: str) -> Taxonomy:
    """The rules as they were at a git revision (same loader as ``load_taxonomy``)."""
    text = subprocess.run(["git", "show", f"{rev}:insights/lexicons/unmet_needs.yaml"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    raw = yaml.safe_load(text)
    return Taxonomy(version=str(raw["version"]), categories=raw["categories"], negation=raw.get("negation") or {},
                    questions=raw.get("questions") or {})


def summary(report: dict) -> dict:
    needs = report["needs"]
    return {"micro": {k: needs["micro"][k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")},
            "meeting_both": sum(s["meets_target"] for s in needs["per_category"].values()),
            "per_category": {c: [s["precision"], s["recall"], s["support"]] for c, s in needs["per_category"].items()}}


def cheap_models(train, held_out: str, min_precisions: list[float]) -> tuple[NeedClassifier, dict[float, NeedClassifier], dict]:
    """The TF-IDF-only model trained without ``held_out``: as a veto (thresholds off) and as additive
    classifiers at each out-of-fold precision (same weights; only the thresholds differ)."""
    texts, y, categories, _, groups = train.load_training(exclude=(held_out,))
    vectors = train._embed(texts, False)
    probs = train._out_of_fold(texts, y, vectors, groups)
    n = len(categories)
    off = {k: np.full(n, train.OFF, dtype=np.float32) for k in ("balanced", "precise")}
    data, _ = train.train(cross_validate=False, thresholds=off, exclude=(held_out,), embedding=False, veto=train.VETO_ONLY)
    veto = NeedClassifier.from_bytes(data)
    cheap, chosen = {}, {}
    for p in min_precisions:
        points, cv = train.choose_thresholds(probs, y, categories, p)
        cheap[p] = dataclasses.replace(veto, operating_points=points)
        chosen[p] = {c: cv["precise"][c] for c in categories}
    return veto, cheap, chosen


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", default="data/gold/needs_roles_heldout9.jsonl", help="a training file of the classifier")
    parser.add_argument("--rules-from", help="git revision whose unmet_needs.yaml to score (default: the packaged rules)")
    parser.add_argument("--no-minilm", action="store_true", help="skip the TF-IDF + MiniLM classifier (slow)")
    parser.add_argument("--cheap", type=float, nargs="*", default=[0.85, 0.90], help="out-of-fold precisions of the cheap additive classifier")
    parser.add_argument("--save-dir", type=Path, help="write the cheap models here")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    train = _training_script()
    if args.held_out not in train.TRAINING_FILES:
        parser.error(f"--held-out must be one of the training files {train.TRAINING_FILES}")
    taxonomy = taxonomy_at(args.rules_from) if args.rules_from else None
    gold = ROOT / args.held_out
    veto, cheap, chosen = cheap_models(train, args.held_out, args.cheap)
    systems = {"rules": needs_eval.run(gold, rules_only=True, taxonomy=taxonomy),
               "default": needs_eval.run(gold, veto_model=veto, taxonomy=taxonomy)}
    for p, model in cheap.items():
        systems[f"cheap@{p:.2f}"] = needs_eval.run(gold, model=model, taxonomy=taxonomy)
        if args.save_dir:
            args.save_dir.mkdir(parents=True, exist_ok=True)
            data, _ = train.train(cross_validate=False, thresholds=model.operating_points, exclude=(args.held_out,),
                                  embedding=False, veto=train.VETO_ONLY)
            (args.save_dir / f"cheap_{p:.2f}.npz").write_bytes(data)
    if not args.no_minilm:
        data, _ = train.train(exclude=(args.held_out,), add=train.CLASSIFIER_ADDED)  # the shipped classifier's recipe
        systems["minilm"] = needs_eval.run(gold, model=NeedClassifier.from_bytes(data), taxonomy=taxonomy)
    rules_version = next(iter(systems.values()))["taxonomy_version"]
    out = {"held_out": args.held_out, "rules": rules_version, "systems": {k: summary(v) for k, v in systems.items()},
           "cheap_thresholds": {f"{p:.2f}": {c: x.get("threshold") for c, x in ch.items()} for p, ch in chosen.items()},
           "cheap_out_of_fold": {f"{p:.2f}": ch for p, ch in chosen.items()}}
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        names = list(out["systems"])
        print(f"{args.held_out} left out of training; rules {rules_version}; P/R per system")
        print(f"{'category':22} " + " ".join(f"{n:>13}" for n in names) + "  support")
        for cat in out["systems"]["rules"]["per_category"]:
            cells = [out["systems"][n]["per_category"][cat] for n in names]
            print(f"{cat:22} " + " ".join(f"{p:6.2f}/{r:.2f}" for p, r, _ in cells) + f"  {cells[0][2]}")
        print(f"{'micro':22} " + " ".join(f"{s['micro']['precision']:6.3f}/{s['micro']['recall']:.3f}"[:13].rjust(13)
                                         for s in out["systems"].values()))
        print(f"{'meeting both':22} " + " ".join(f"{s['meeting_both']:>13}" for s in out["systems"].values()))
        for p, th in out["cheap_thresholds"].items():
            print(f"cheap@{p} thresholds: {th}")
    return out


if __name__ == "__main__":
    main()
