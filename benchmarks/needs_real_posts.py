"""Unmet-need extraction on real forum posts: rules alone, rules + the TF-IDF veto (the default) and rules + classifier, on a labelled
sample of MedRed dev sentences (real Reddit posts; research licence: evaluation only).

    PYTHONPATH=. python benchmarks/needs_real_posts.py [--json] [--refs FILE] [--posts FILE]

The gold file ``data/gold/needs_medred_refs.jsonl`` holds no text: one line per sampled sentence,
``{"id", "start", "end", "sha256", "stratum", "needs"}``, offsets into the MedRed record's text and
a sha256 of the sentence text (a sentence whose hash no longer matches is reported and skipped).
Labels follow docs/labelling_guide_needs_roles.md (categories only) and were written from the
sentence text alone, before the systems' output for it was looked at. ``question_to_addressee``
marks questions put to another poster about their own case ("Why are you on prednisone?"): not
labelled (they seek no information the writer needs); ``--addressee-questions-as-need`` counts
them as information_gap instead (the broad reading of guide rule 6).

Sampling (``--build-sample OUT``, ``--seed``: 13 for ``needs_medred_refs.jsonl``, 14 for ``needs_medred_refs2.jsonl``
with ``--n-fired 120 --n-other 120``): every MedRed dev post is split with
``insights.nlp.load_extraction_pipeline()`` (``doc.sents``; sentences stripped of surrounding
whitespace, those without a letter dropped). Stratum ``fired``: sentences where the rules or
``UnmetNeedMatcher(classifier=load_classifier())`` give any need; ``other``: all the rest. A
simple random sample is drawn from each stratum; the stratum sizes are stored in every line
(``stratum_size``) so that estimates can be re-weighted. The strata depend on the rules and classifier of the
day, so a sample is kept, not redrawn: the first was drawn with rules v2.1.0 and classifier v1.0.0, the second
with rules v2.13.0 and classifier v7.0.0.

Estimates: each sampled sentence carries the weight N_h / n_h of its stratum h (sentences in
the population per sentence in the sample). Weighted TP, FP and FN give precision and recall
for the whole MedRed dev sentence population. The systems a sample was drawn with fire only in its ``fired``
stratum, so their precision is the plain count ratio there; a later or candidate system may fire in ``other``, and
such a hit carries that stratum's weight (the Wilson 95 % interval is on the raw counts). F1 is taken from the
re-weighted precision and recall. Recall needs both strata (misses in ``other`` count N_other / n_other each); its 95 %
interval is a stratified bootstrap (2,000 resamples within each stratum, seed 0).
Skips cleanly (exit 0, a message) when the posts file is absent.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_REFS = REPO / "data" / "gold" / "needs_medred_refs.jsonl"
DEFAULT_POSTS = REPO.parent / "shared" / "eval" / "medical" / "medred_dev.jsonl"
SEED = 13
SYSTEMS = ("rules", "rules+veto", "rules+classifier")  # rules+veto: what is published by default (v2.4)
ADDED = "classifier additions"  # hits rules+classifier has and the rules do not: precision only


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentence_spans(doc) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of each sentence with a letter, stripped of outer whitespace."""
    spans = []
    for i, sent in enumerate(doc.sents):
        text = sent.text
        if not any(c.isalpha() for c in text):
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        spans.append((i, start, start + len(text.strip())))
    return spans


def system_outputs(posts: list[dict], models: dict | None = None, vetoes: dict | None = None) -> dict[str, dict[tuple[str, int, int], set[str]]]:
    """Per system: (record id, start, end) of every sentence -> the categories it gives. ``models``: extra
    systems, name -> a NeedClassifier used as ``UnmetNeedMatcher(classifier=...)`` (rules OR it, with its veto);
    ``vetoes``: name -> a TF-IDF veto used as ``UnmetNeedMatcher(veto=...)`` (a candidate default)."""
    from insights.need_classifier import load_classifier, load_veto
    from insights.nlp import load_extraction_pipeline
    from insights.unmet_needs import UnmetNeedMatcher

    nlp = load_extraction_pipeline()
    matchers = {"rules": UnmetNeedMatcher(nlp=nlp), "rules+veto": UnmetNeedMatcher(nlp=nlp, veto=load_veto()),
                "rules+classifier": UnmetNeedMatcher(nlp=nlp, classifier=load_classifier()),
                **{name: UnmetNeedMatcher(nlp=nlp, classifier=model) for name, model in (models or {}).items()},
                **{name: UnmetNeedMatcher(nlp=nlp, veto=model) for name, model in (vetoes or {}).items()}}
    out: dict[str, dict] = {name: {} for name in matchers}
    for post, doc in zip(posts, nlp.pipe([p["text"] for p in posts], batch_size=64)):
        spans = sentence_spans(doc)
        for name, matcher in matchers.items():
            by_sent: dict[int, set[str]] = {}
            for m in matcher.match_doc(doc, 0):
                by_sent.setdefault(m.sentence_index, set()).add(m.category)
            for i, start, end in spans:
                out[name][(post["id"], start, end)] = by_sent.get(i, set())
    return out


def build_sample(posts: list[dict], out: Path, n_fired: int, n_other: int, seed: int = SEED) -> None:
    """The unlabelled sample (``needs`` null): labels are added from the sentence text alone."""
    outputs = system_outputs(posts)
    keys = sorted(outputs["rules"])
    fired = [k for k in keys if outputs["rules"][k] or outputs["rules+classifier"][k]]
    fired_set = set(fired)
    other = [k for k in keys if k not in fired_set]
    rng = random.Random(seed)
    picked = [(k, "fired", len(fired)) for k in rng.sample(fired, n_fired)]
    picked += [(k, "other", len(other)) for k in rng.sample(other, n_other)]
    texts = {p["id"]: p["text"] for p in posts}
    lines = []
    for (rid, start, end), stratum, size in sorted(picked):
        row = {"id": rid, "start": start, "end": end, "sha256": sha(texts[rid][start:end]), "stratum": stratum, "stratum_size": size, "needs": None}
        lines.append(json.dumps(row))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(keys)} sentences: fired {len(fired)}, other {len(other)}; sampled {n_fired} + {n_other} -> {out}")


def wilson(k: float, n: float, z: float = 1.96) -> tuple[float, float]:
    if n <= 0:
        return (float("nan"), float("nan"))
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def counts(rows: list[dict], system: str, categories: list[str]) -> dict[str, Counter]:
    """Weighted and raw TP/FP/FN per category and micro ('all')."""
    c: dict[str, Counter] = {cat: Counter() for cat in [*categories, "all"]}
    for r in rows:
        gold, pred, w = r["gold"], r[system], r["weight"]
        for cat in gold | pred:
            kind = "tp" if cat in gold and cat in pred else ("fp" if cat in pred else "fn")
            for key in (cat, "all"):
                c[key][kind] += w
                c[key][kind + "_n"] += 1
                c[key][f"{kind}_{r['stratum']}"] += 1
    return c


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def bootstrap_recall(rows: list[dict], system: str, category: str, reps: int = 2000) -> tuple[float, float]:
    rng = random.Random(0)
    strata: dict[str, list[dict]] = {}
    for r in rows:
        strata.setdefault(r["stratum"], []).append(r)
    values = []
    for _ in range(reps):
        tp = fn = 0.0
        for members in strata.values():
            for r in rng.choices(members, k=len(members)):
                gold = r["gold"] if category == "all" else r["gold"] & {category}
                tp += r["weight"] * len(gold & r[system])
                fn += r["weight"] * len(gold - r[system])
        if tp + fn:
            values.append(tp / (tp + fn))
    values.sort()
    return (values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]) if values else (float("nan"),) * 2


def matched_outputs(refs: list[dict], posts: list[dict], models: dict | None = None,
                    vetoes: dict | None = None) -> tuple[dict, list[dict], int]:
    """:func:`system_outputs` on the posts the references point at; the references whose sentence is still there
    with the text it was labelled on (sha256); how many are not (drift)."""
    texts = {p["id"]: p["text"] for p in posts}
    outputs = system_outputs([p for p in posts if p["id"] in {r["id"] for r in refs}], models, vetoes)
    matched = [r for r in refs if r["id"] in texts and sha(texts[r["id"]][r["start"]:r["end"]]) == r["sha256"]
               and (r["id"], r["start"], r["end"]) in outputs["rules"]]
    return outputs, matched, len(refs) - len(matched)


def evaluate(refs: list[dict], posts: list[dict], addressee_questions_as_need: bool = False, models: dict | None = None,
             vetoes: dict | None = None) -> dict:
    outputs, matched, drift = matched_outputs(refs, posts, models, vetoes)
    systems = (*SYSTEMS, *(models or {}), *(vetoes or {}))
    rows = []
    sizes = {r["stratum"]: r["stratum_size"] for r in refs}
    n = Counter(r["stratum"] for r in refs)
    for r in matched:
        key = (r["id"], r["start"], r["end"])
        rows.append({
            "stratum": r["stratum"],
            "weight": sizes[r["stratum"]] / n[r["stratum"]],
            "gold": {x["category"] for x in r["needs"]} | (
                {"information_gap"} if addressee_questions_as_need and r.get("question_to_addressee") else set()),
            **{s: outputs[s][key] for s in systems},
            ADDED: outputs["rules+classifier"][key] - outputs["rules"][key],
            **{f"{m} additions": outputs[m][key] - outputs["rules"][key] for m in models or {}},
        })
    categories = sorted({c for r in rows for c in r["gold"].union(*(r[s] for s in systems))})  # any system's (a veto may drop one)
    result = {
        "sample": {"sentences": len(rows), "skipped_drift": drift, "per_stratum": dict(n), "stratum_sizes": sizes,
                   "sentences_with_need": {h: sum(1 for r in rows if r["stratum"] == h and r["gold"]) for h in n}},
        "systems": {},
    }
    added = (ADDED, *(f"{m} additions" for m in models or {}))
    for system in (*systems, *added):
        per = {}
        for cat, c in counts(rows, system, categories).items():
            p_lo, p_hi = wilson(c["tp_n"], c["tp_n"] + c["fp_n"])
            entry = {
                "tp": c["tp_n"], "fp": c["fp_n"], "fn_fired": c["fn_fired"], "fn_other": c["fn_other"],
                "precision": ratio(c["tp"], c["tp"] + c["fp"]), "precision_ci95": [p_lo, p_hi],
                "recall": ratio(c["tp"], c["tp"] + c["fn"]),
            }
            if system in added:
                entry = {k: v for k, v in entry.items() if not k.startswith(("fn", "recall"))}
            else:
                entry["f1"] = ratio(2 * entry["precision"] * entry["recall"], entry["precision"] + entry["recall"])
                if cat == "all":
                    entry["recall_ci95"] = list(bootstrap_recall(rows, system, cat))
            per[cat] = entry
        result["systems"][system] = per
    return result


def fmt(x: float) -> str:
    return "  -  " if math.isnan(x) else f"{x:.3f}"


def print_table(result: dict) -> None:
    s = result["sample"]
    print(f"reading: {result['reading']}")
    print(f"MedRed dev sentences labelled: {s['sentences']} (per stratum {s['per_stratum']}, population {s['stratum_sizes']}, "
          f"with a need {s['sentences_with_need']}, skipped for drift {s['skipped_drift']})")
    for system, per in result["systems"].items():
        print(f"\n{system}")
        print(f"{'category':22} {'TP':>3} {'FP':>3} {'FNf':>3} {'FNo':>3}  {'P':>5} {'P 95% CI':>13}  {'R(w)':>5}  {'F1':>5}")
        for cat, e in per.items():
            if system.endswith("additions"):
                if e["tp"] + e["fp"]:
                    lo, hi = e["precision_ci95"]
                    print(f"{cat:22} {e['tp']:3d} {e['fp']:3d}   -   -  {fmt(e['precision'])} [{fmt(lo)},{fmt(hi)}]")
                continue
            lo, hi = e["precision_ci95"]
            print(f"{cat:22} {e['tp']:3d} {e['fp']:3d} {e['fn_fired']:3d} {e['fn_other']:3d}  {fmt(e['precision'])} "
                  f"[{fmt(lo)},{fmt(hi)}]  {fmt(e['recall'])}  {fmt(e['f1'])}"
                  + (f" [{fmt(e['recall_ci95'][0])},{fmt(e['recall_ci95'][1])}]" if "recall_ci95" in e else ""))
    print("\nP: precision (re-weighted; Wilson CI on the raw counts). R(w): recall re-weighted by stratum (misses in 'other' "
          "count N_other/n_other each); micro recall CI: stratified bootstrap. FNf/FNo: misses in fired/other.")


def main(argv: list[str] | None = None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refs", type=Path, default=DEFAULT_REFS)
    parser.add_argument("--posts", type=Path, default=DEFAULT_POSTS)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--addressee-questions-as-need", action="store_true",
                        help="broader reading: count questions put to another poster about their own case as information_gap")
    parser.add_argument("--build-sample", type=Path, metavar="OUT", help="write a new unlabelled sample to OUT")
    parser.add_argument("--n-fired", type=int, default=80)
    parser.add_argument("--n-other", type=int, default=80)
    parser.add_argument("--seed", type=int, default=SEED, help="of --build-sample (13: the first sample; 14: the second)")
    parser.add_argument("--model", type=Path, action="append", default=[], help="an extra system: rules OR this "
                        "NeedClassifier resource (.npz, e.g. an additive TF-IDF model), with its veto; repeatable")
    parser.add_argument("--veto", type=Path, action="append", default=[], help="an extra system: the rules with this "
                        "TF-IDF veto resource (.npz; a candidate default); repeatable")
    args = parser.parse_args(argv)
    if not args.posts.exists():
        print(f"skipped: {args.posts} not found (MedRed dev is not shipped with the project)")
        return None
    posts = load_jsonl(args.posts)
    if args.build_sample:
        build_sample(posts, args.build_sample, args.n_fired, args.n_other, args.seed)
        return None
    refs = load_jsonl(args.refs)
    if any(r["needs"] is None for r in refs):
        print("skipped: the refs file has unlabelled lines")
        return None
    from insights.need_classifier import NeedClassifier

    models = {f"rules+{path.stem}": NeedClassifier.from_bytes(path.read_bytes()) for path in args.model}
    vetoes = {f"rules+veto {path.stem}": NeedClassifier.from_bytes(path.read_bytes()) for path in args.veto}
    result = evaluate(refs, posts, args.addressee_questions_as_need, models, vetoes)
    result["reading"] = "addressee questions as information_gap" if args.addressee_questions_as_need else "guide, strict"
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return result


if __name__ == "__main__":
    main()
