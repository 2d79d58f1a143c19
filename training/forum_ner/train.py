"""Rebuild deid/resources/forum_ner from the public WNUT 2017 training set.

    .venv/bin/python training/forum_ner/train.py [--wnut ../shared/eval/deid/wnut17_train.jsonl]

Only PERSON and LOCATION spans are kept (other WNUT labels become plain text). A lower-cased
copy of 30 % of the documents teaches lower-case names. 10 % of the documents (fixed seed)
are held out for choosing the best checkpoint, so the WNUT *dev* set stays unseen for the
figures in docs/deid_figures.md. Nothing from the medical evaluation sets is used.
Takes about 10 minutes on 2 CPU cores.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LABELS = ("PERSON", "LOCATION")


def to_docs(path: Path, lower_share: float, seed: int):
    nlp = spacy.blank("en")
    rng = random.Random(seed)
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        variants = [record["text"]] + ([record["text"].lower()] if rng.random() < lower_share else [])
        for text in variants:
            doc = nlp.make_doc(text)
            spans = [doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand") for s in record["spans"] if s["label"] in LABELS]
            doc.ents = spacy.util.filter_spans([s for s in spans if s is not None])
            yield doc


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wnut", default=str(ROOT.parent / "shared/eval/deid/wnut17_train.jsonl"))
    parser.add_argument("--output", default=str(ROOT / "deid/resources/forum_ner"))
    args = parser.parse_args(argv)
    docs = list(to_docs(Path(args.wnut), lower_share=0.3, seed=0))
    random.Random(1).shuffle(docs)
    held_out = len(docs) // 10
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        DocBin(docs=docs[held_out:]).to_disk(tmp / "train.spacy")
        DocBin(docs=docs[:held_out]).to_disk(tmp / "held_out.spacy")
        subprocess.run(
            [sys.executable, "-m", "spacy", "train", str(HERE / "config.cfg"), "--paths.train", str(tmp / "train.spacy"),
             "--paths.dev", str(tmp / "held_out.spacy"), "--output", str(tmp / "model")],
            check=True,
        )
        out = Path(args.output)
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(tmp / "model" / "model-best", out)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
