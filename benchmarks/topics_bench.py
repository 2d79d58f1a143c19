"""Rerunnable benchmark of the topic layer at scale.

    PYTHONPATH=. .venv/bin/python benchmarks/topics_bench.py [--posts 100000] [--backend static]
        [--fit-sample-size N] [--cache-dir DIR] [--no-keybert]

Builds N synthetic-ish posts by recombining 2-5 sentences drawn (seeded) from the embedded
sample's Reddit export, labelled by the subreddit of their first sentence; embeds them with the
chosen backend (no cache unless --cache-dir) and fits topics (on all posts, or on a sample of
--fit-sample-size posts with the rest assigned in chunks by nearest centroid). Reports wall time
per phase, posts/s, peak RSS of this process (ru_maxrss), topics, outlier share and NMI against
the subreddit, as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sentences() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with (ROOT / "data" / "sample" / "reddit_health.ndjson").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            for s in re.split(r"(?<=[.!?])\s+", (record.get("selftext") or record.get("body") or "").strip()):
                if len(s) > 20:
                    texts.append(s)
                    labels.append(record.get("subreddit") or "?")
    return texts, labels


def corpus(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    pool, pool_labels = sentences()
    rng = np.random.default_rng(seed)
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(pool_labels):
        by_label.setdefault(label, []).append(i)
    labels = sorted(by_label)
    texts, out_labels = [], []
    for _ in range(n):
        label = labels[rng.integers(len(labels))]
        idx = rng.choice(by_label[label], size=rng.integers(2, 6))
        texts.append(" ".join(pool[i] for i in idx))
        out_labels.append(label)
    return texts, out_labels


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--backend", default="static", choices=["minilm", "static"])
    ap.add_argument("--fit-sample-size", type=int)
    ap.add_argument("--cache-dir", default=None, help="embedding cache (default: none, so embedding is measured)")
    ap.add_argument("--no-keybert", action="store_true")
    args = ap.parse_args(argv)

    from insights.topics import TopicConfig, fit_topics
    from insights.topics.metrics import agreement
    from insights.topics.scale import fit_topics_sampled
    from pipelines.embedders import build_fast_embedder, get_backend
    from pipelines.embedding_cache import DEFAULT_CACHE_DIR, embed_cached

    t0 = time.perf_counter()
    texts, labels = corpus(args.posts)
    t_corpus = time.perf_counter() - t0
    if args.backend == "static":
        build_fast_embedder(Path(args.cache_dir or DEFAULT_CACHE_DIR))
    identity, embed_fn = get_backend(args.backend, Path(args.cache_dir or DEFAULT_CACHE_DIR))
    t1 = time.perf_counter()
    embeddings, stats = embed_cached(texts, embed_fn, identity, Path(args.cache_dir) if args.cache_dir else None)
    t_embed = time.perf_counter() - t1
    config = TopicConfig(keybert=not args.no_keybert)
    t2 = time.perf_counter()
    if args.fit_sample_size:
        result = fit_topics_sampled(texts, embeddings, config, args.fit_sample_size, embed_fn=embed_fn)
    else:
        result = fit_topics(texts, embeddings, config, embed_fn=embed_fn)
    t_fit = time.perf_counter() - t2
    report = {
        "posts": args.posts,
        "distinct_texts": stats["distinct"],
        "backend": args.backend,
        "fit_sample_size": args.fit_sample_size,
        "keybert": not args.no_keybert,
        "status": result.status,
        "message": result.message,
        "seconds": {"corpus": round(t_corpus, 1), "embed": round(t_embed, 1), "fit_and_assign": round(t_fit, 1), "total": round(time.perf_counter() - t0, 1)},
        "embed_posts_per_second": round(stats["computed"] / t_embed, 1) if t_embed else None,
        "peak_rss_mb": round(peak_rss_mb()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    if result.status == "ok":
        report["agreement_with_subreddit"] = agreement(result.assignments.topic_id.to_numpy(), labels)
        report["topics"] = int((result.topics.topic_id >= 0).sum())
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
