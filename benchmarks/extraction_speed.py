"""Extraction cost relative to de-identification, on the same posts, same process, same machine.

    PYTHONPATH=. python benchmarks/extraction_speed.py [--gold FILE.jsonl] [--limit N] [--repeat 3] [--need-classifier]

De-identification pass: ``Deidentifier().deidentify_batch`` on the raw texts. Extraction pass:
the whole extraction layer on the de-identified output, as the stage runs it: one
``nlp.pipe`` parse per post (tokenizer, POS-free lemmatizer, sentencizer) + every extractor of
the extract stage: entities, assertion, treatment experiences and events, adverse-event
candidates, unmet needs and speaker role (rows built as the stage builds them: by default rules + the
TF-IDF veto; ``--need-classifier``: unmet needs with the packaged classifier, as ``run
--need-classifier`` publishes them; ``--rules-only``: the rules without the veto). Models and lexicons are loaded and warmed
up before timing. Prints ms/post for each and the ratio (target: extraction <= 50% of deid).
Default posts: MedRed dev (real Reddit posts) when ../shared/eval is present, else the
embedded sample's gold texts.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "medical" / "medred_dev.jsonl"
FALLBACK_GOLD = REPO / "data" / "sample" / "gold_phi.jsonl"


def load_texts(path: Path, limit: int | None) -> list[str]:
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts[:limit] if limit else texts


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD if DEFAULT_GOLD.exists() else FALLBACK_GOLD)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--need-classifier", action="store_true", help="unmet needs: rules OR the packaged classifier")
    parser.add_argument("--rules-only", action="store_true", help="unmet needs: the rules alone, without the default TF-IDF veto (v2.4)")
    parser.add_argument("--need-model", type=Path, help="unmet needs: rules OR this NeedClassifier resource (.npz), e.g. the v6 "
                        "experiment of an additive TF-IDF model (training script --veto-only --additive P), in place of the veto")
    args = parser.parse_args(argv)

    from deid.engine import Deidentifier
    from deid.offline import configure_offline
    from insights.nlp import load_extraction_pipeline
    from pipelines.stages.extract import MedicalRows, PostContext
    from pipelines.stages.needs import NeedRows, SpeakerRoles

    configure_offline()
    texts = load_texts(args.gold, args.limit)
    deidentifier = Deidentifier()
    nlp = load_extraction_pipeline()
    roles = SpeakerRoles(nlp)
    needs = NeedRows(nlp, classifier=args.need_classifier)
    if args.rules_only:
        needs.matcher.veto = None
    if args.need_model:
        from insights.need_classifier import NeedClassifier

        needs.matcher.classifier, needs.matcher.veto = NeedClassifier.from_bytes(args.need_model.read_bytes()), None
    extractors = [MedicalRows(nlp), needs, roles]

    def deid_pass(batch: list[str]) -> list[str]:
        return [r.text for r in deidentifier.deidentify_batch(batch)]

    def extract_pass(batch: list[str]) -> int:
        n = 0
        for i, doc in enumerate(nlp.pipe(batch, batch_size=64)):
            post = PostContext(f"p{i}", "t", "c", "2024-01", "a", None, None, roles(doc))
            n += sum(len(rows) for x in extractors for rows in x.rows(doc, post).values())
        return n

    deid_pass(texts[:32])
    deidentified = deid_pass(texts)
    extract_pass(deidentified[:32])
    deid_times, extract_times = [], []
    for _ in range(args.repeat):  # interleaved, so machine load affects both alike
        t = time.perf_counter()
        deid_pass(texts)
        deid_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        extract_pass(deidentified)
        extract_times.append(time.perf_counter() - t)
    deid_ms = 1000 * statistics.median(deid_times) / len(texts)
    extract_ms = 1000 * statistics.median(extract_times) / len(texts)
    report = {
        "posts": len(texts),
        "gold": args.gold.name,
        "mean_chars": round(sum(map(len, texts)) / len(texts)),
        "repeat": args.repeat,
        "deid_ms_per_post": round(deid_ms, 2),
        "extraction_ms_per_post": round(extract_ms, 2),
        "extraction_to_deid_ratio": round(extract_ms / deid_ms, 3),
        "need_classifier": args.need_classifier,
        "need_veto": needs.matcher.veto is not None,
        "need_model": str(args.need_model) if args.need_model else None,
        "target_ratio_max": 0.5,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs visible, Python {platform.python_version()}",
    }
    print(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
