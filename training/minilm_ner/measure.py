"""Measure a MiniLM NER head alone and in union with the shipped pipeline's redactions, per half.

    PYTHONPATH=. .venv/bin/python training/minilm_ner/measure.py --head deid/resources/minilm_ner/head.pt \
        --base /tmp/ner-exp/base_red.json [--thresholds 0.3,0.5,0.7] [--guard]

``--base``: the pipeline's redactions per record (``{"<set>:default|strict": [[[start, end, type], ...], ...]}``),
dumped once. The union here is offline (the model's spans added to the pipeline's, states and
countries dropped as ``keep_span`` does in default mode); the product figure comes from
``eval deid --minilm-ner``. Figures use ``pipelines/evaluation/deid_eval.py``'s token metric.
Even records (0-based line index) may be inspected; odd records are the blind check.
Evaluation sets are read, never trained on.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from deid.minilm_ner import make_head, spans_from_probs  # noqa: E402
from deid.spans import Span, keep_span  # noqa: E402
from pipelines.evaluation.deid_eval import all_gold_spans, doc_counts, load_gold, summarize  # noqa: E402
from train import featurize  # noqa: E402

EVAL = ROOT.parent / "shared/eval"
SETS = {"wnut17_dev": EVAL / "deid/wnut17_dev.jsonl", "synth": EVAL / "deid/presidio_synth_v2.jsonl",
        "cadec": EVAL / "medical/cadec_dev.jsonl", "medred": EVAL / "medical/medred_dev.jsonl"}


def load(path: str):
    blob = torch.load(path, map_location="cpu", weights_only=True)
    cfg = blob["config"]
    head = make_head(cfg["n_in"], cfg["hidden"], cfg["lstm"], 0.0)
    head.load_state_dict({k: v.float() for k, v in blob["state"].items()})
    head.eval()
    return head, cfg


def figures(records, golds, reds, idx) -> dict:
    c = Counter()
    for i in idx:
        c.update(doc_counts(records[i].text, golds[i], [(s, e) for s, e, *_ in reds[i]]))
    f = summarize(c)
    rl = f["recall_by_label"]
    get = lambda lab: rl.get(lab, {}).get("share")  # noqa: E731
    return {"PERSON": get("PERSON"), "LOCATION": get("LOCATION"), "GPE": get("GPE"), "phi": f["recall"],
            "plain": f["plain_redacted"], "medical": f["medical_destroyed"], "drug": f["drug_destroyed"],
            "plain_n": f["counts"]["plain_redacted"], "medical_n": f["counts"]["medical_redacted"], "drug_n": f["counts"]["drug_redacted"]}


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--head", required=True)
    p.add_argument("--base", default="/tmp/ner-exp/base_red.json")
    p.add_argument("--thresholds", default="")
    p.add_argument("--guard", default="none", choices=("none", "medical", "cased", "full"), help="guard of deid/recognizers/minilm_ner.py")
    p.add_argument("--sets", default="wnut17_dev,synth,cadec,medred")
    p.add_argument("--cache", default="/tmp/ner-exp/cache")
    args = p.parse_args(argv)
    torch.set_num_threads(1)
    head, cfg = load(args.head)
    base = json.load(open(args.base))
    thresholds = [float(t) for t in args.thresholds.split(",")] if args.thresholds else [cfg["threshold"]]
    from deid.recognizers.minilm_ner import passes_guard
    for name in args.sets.split(","):
        records = load_gold(SETS[name])
        golds = [all_gold_spans(r) for r in records]
        data = featurize([(r.text, []) for r in records], cfg["layers"], Path(args.cache), f"eval_{name}", cfg.get("int8", False))
        probs = []
        with torch.inference_mode():
            for words, feats, _ in data:
                probs.append(torch.softmax(head(feats.float().unsqueeze(0))[0], -1) if len(words) else None)
        halves = {"even": range(0, len(records), 2), "odd": range(1, len(records), 2), "all": range(len(records))}
        for mode in ("default", "strict") if f"{name}:strict" in base else ("default",):
            b = base[f"{name}:{mode}"]
            rows = {"pipeline": b}
            for thr in thresholds:
                model = []
                for rec, (words, _, _), pr in zip(records, data, probs):
                    spans = spans_from_probs(words, pr, thr, rec.text) if pr is not None else []
                    spans = [s for s in spans if passes_guard(rec.text, s[0], s[1], s[2], args.guard)]
                    if mode == "default":
                        spans = [s for s in spans if keep_span(Span(s[0], s[1], s[2], s[3]), rec.text[s[0]:s[1]], keep_states_and_countries=True)]
                    model.append([tuple(s[:3]) for s in spans])
                rows[f"model@{thr}"] = model
                rows[f"union@{thr}"] = [list(map(tuple, x)) + y for x, y in zip(b, model)]
            for sys_name, reds in rows.items():
                out = {h: figures(records, golds, reds, idx) for h, idx in halves.items()}
                line = " | ".join(
                    f"{h}: " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in fig.items() if v is not None)
                    for h, fig in out.items())
                print(f"{name:10s} {mode:7s} {sys_name:11s} {line}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
