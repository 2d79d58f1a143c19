"""How much of a label (the community) the embeddings and words carry at all: a supervised ceiling.

    PYTHONPATH=. .venv/bin/python benchmarks/topics_nmi_ceiling.py [--gold FILE.jsonl] [--label community]

The topic target on MedRed is NMI >= 0.55 against the community, unsupervised. This asks what a
model that is *shown the labels* reaches from the same inputs: logistic regression, 10-fold
stratified cross-validation (every post predicted by a model that never saw it), on

- the packaged MiniLM embeddings (what the topic layer clusters),
- TF-IDF of words and bigrams (what c-TF-IDF describes topics with),
- both together,

for a few regularisation strengths, reporting NMI and accuracy of the predictions against the
label, the 10-nearest-neighbour vote on the embeddings, k-means on the embeddings with as many
clusters as labels, and how NMI grows with the number of groups (k-means and random groups of
27 up to half as many groups as posts). Nothing here is trained for shipping: it is a measurement (the MedRed set is
research-licensed and evaluation-only). Output: JSON.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import deid  # noqa: F401  (one OpenBLAS thread, as the pipeline runs)
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "medical" / "medred_dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--label", default="community")
    args = parser.parse_args()
    if not args.gold.exists():
        sys.exit(f"{args.gold}: not found (the MedRed set lives in ../shared/eval)")

    from scipy.sparse import csr_matrix, hstack
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import normalized_mutual_info_score as nmi
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from insights.embeddings import embed, model_identity

    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r.get("text") or "" for r in rows]
    y = np.array([str(r.get(args.label)) for r in rows])
    started = time.perf_counter()
    vectors = embed(texts)
    words = TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2)).fit_transform(texts)
    inputs = {"minilm": vectors, "tfidf": words, "minilm+tfidf": hstack([csr_matrix(vectors * 2), words]).tocsr()}
    folds = StratifiedKFold(10, shuffle=True, random_state=0)
    supervised = {}
    for name, features in inputs.items():
        for c in (0.3, 1.0, 3.0, 10.0):
            predicted = cross_val_predict(LogisticRegression(max_iter=3000, C=c), features, y, cv=folds)
            supervised[f"{name} C={c:g}"] = {"nmi": round(float(nmi(y, predicted)), 3), "accuracy": round(float((predicted == y).mean()), 3)}
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -np.inf)
    neighbours = np.argsort(-similarity, axis=1)[:, :10]
    vote = np.mean([Counter(y[n]).most_common(1)[0][0] == y[i] for i, n in enumerate(neighbours)])
    labels = len(set(y))
    clusters = KMeans(labels, n_init=10, random_state=0).fit_predict(vectors)
    # NMI grows with the number of groups even by chance: what k-means and random groups give.
    rng = np.random.default_rng(0)
    by_k = {}
    for k in (27, 50, 100, 200, 300, len(texts) // 2):
        grouped = KMeans(k, n_init=3, random_state=0).fit_predict(vectors)
        by_k[str(k)] = {"posts_per_group": round(len(texts) / k, 1), "kmeans_nmi": round(float(nmi(y, grouped)), 3),
                        "random_nmi": round(float(nmi(y, rng.integers(0, k, len(texts)))), 3)}
    best = max(supervised.items(), key=lambda kv: kv[1]["nmi"])
    print(json.dumps({
        "gold": args.gold.name,
        "posts": len(texts),
        "labels": labels,
        "embedding_model": model_identity(),
        "supervised_10_fold": supervised,
        "best_supervised": {"inputs": best[0], **best[1]},
        "knn10_vote_accuracy": round(float(vote), 3),
        f"kmeans_{labels}_nmi": round(float(nmi(y, clusters)), 3),
        "nmi_by_number_of_groups": by_k,
        "seconds": round(time.perf_counter() - started, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
