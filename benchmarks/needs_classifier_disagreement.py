"""Where two need classifiers disagree on real posts, which one is right? Blind labels on MedRed dev sentences
(research licence: evaluation only; the repository holds references, no text).

    PYTHONPATH=. python benchmarks/needs_classifier_disagreement.py --model CANDIDATE.npz [--refs FILE] [--posts FILE]

``data/gold/needs_medred_classifier_v8_refs.jsonl`` (session 13): MedRed dev sentences where the shipped
classifier v7 (``rules+classifier``) gives a category the v8.1 candidate (v7's recipe with HO12-HO16 added to
training) does not (stratum ``v7_only``, 110 of 409 drawn, seed 2026) or the other way round (``v8_only``, 50 of
89), leaving out sentences already in the other MedRed samples. Labelled from the sentence text alone by a
reader who saw neither system's output, with docs/labelling_guide_needs_roles.md. Rebuild the candidate with
``training/needs/train_need_classifier.py`` after adding those five files to ``TRAINING_FILES``.

For each stratum it prints how often the categories that only one system gives are right, and the
population estimate of what switching from v7 to the candidate gains and loses (right and wrong categories,
scaled by stratum size / sample size). Skips cleanly when the posts file is absent.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.needs_real_posts import DEFAULT_POSTS, load_jsonl, matched_outputs  # noqa: E402

DEFAULT_REFS = REPO / "data" / "gold" / "needs_medred_classifier_v8_refs.jsonl"


def compare(refs: list[dict], shipped: dict, candidate: dict) -> dict[str, dict[str, float]]:
    """Per stratum: categories only the shipped / only the candidate gives, and how many of them the labels hold."""
    out: dict[str, dict[str, float]] = {}
    for r in refs:
        key = (r["id"], r["start"], r["end"])
        gold = {n["category"] for n in r["needs"]}
        only_shipped, only_candidate = shipped[key] - candidate[key], candidate[key] - shipped[key]
        s = out.setdefault(r["stratum"], {"sampled": 0, "population": r["stratum_size"], "shipped_only": 0,
                                          "shipped_only_right": 0, "candidate_only": 0, "candidate_only_right": 0})
        s["sampled"] += 1
        s["shipped_only"] += len(only_shipped)
        s["shipped_only_right"] += len(only_shipped & gold)
        s["candidate_only"] += len(only_candidate)
        s["candidate_only_right"] += len(only_candidate & gold)
    return out


def main(argv: list[str] | None = None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True, help="the candidate NeedClassifier resource (.npz)")
    parser.add_argument("--refs", type=Path, default=DEFAULT_REFS)
    parser.add_argument("--posts", type=Path, default=DEFAULT_POSTS)
    args = parser.parse_args(argv)
    if not args.posts.exists():
        print(f"skipped: {args.posts} not found (MedRed dev is not shipped with the project)")
        return None
    from insights.need_classifier import NeedClassifier

    candidate = NeedClassifier.from_bytes(args.model.read_bytes(), "precise")
    outputs, refs, drift = matched_outputs(load_jsonl(args.refs), load_jsonl(args.posts), {"candidate": candidate})
    if drift:
        print(f"skipped for drift: {drift}")
    result = compare(refs, outputs["rules+classifier"], outputs["candidate"])
    gain_right = gain_wrong = 0.0
    print("stratum      sampled/population   only v7: right of given   only candidate: right of given")
    for name, s in sorted(result.items()):
        w = s["population"] / s["sampled"]
        print(f"{name:12s} {s['sampled']:4d} / {s['population']:<5d}        {s['shipped_only_right']:3d} of {s['shipped_only']:<4d}"
              f"                {s['candidate_only_right']:3d} of {s['candidate_only']}")
        gain_right += w * (s["candidate_only_right"] - s["shipped_only_right"])
        gain_wrong += w * ((s["candidate_only"] - s["candidate_only_right"]) - (s["shipped_only"] - s["shipped_only_right"]))
    print(f"switching to the candidate, MedRed dev estimate: right categories {gain_right:+.0f}, wrong categories {gain_wrong:+.0f}")
    return {"strata": result, "right_change": gain_right, "wrong_change": gain_wrong}


if __name__ == "__main__":
    main()
