"""Rebuild insights/lexicons/need_classifier.npz (the unmet-need sentence classifier) from our gold.

    PYTHONPATH=. .venv/bin/python training/needs/train_need_classifier.py [--out PATH] [--check]

Trained ONLY on the project's own gold: data/gold/needs_roles.jsonl (dev + test) and
data/gold/needs_roles_heldout.jsonl (HO1). Held-out 2 and 3 are never read. One
scikit-learn LogisticRegression (liblinear, class_weight="balanced", C below) per category
on sublinear TF-IDF of ``insights.need_classifier.features`` (min_df 2). The features and C were
chosen by 5-fold cross-validation on the same training sentences (docs/unmet_needs.md).
Per-category probability thresholds, from out-of-fold probabilities (5-fold, three seeds), for two
operating points: ``balanced``, the threshold with the best mean F1; ``precise``, the lowest
threshold whose mean precision reaches the 0.80 target (none: the category is left to the rules).
Deterministic: the same gold gives the same arrays.
About 15 s on 2 CPU cores. ``--check`` retrains and compares with the shipped file.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from insights.need_classifier import CHAR_NGRAMS, RESOURCE, NeedClassifier, features
from insights.unmet_needs import load_taxonomy

VERSION = "1.0.0"
TRAINING_FILES = ("data/gold/needs_roles.jsonl", "data/gold/needs_roles_heldout.jsonl")
C = 10.0
MIN_DF = 2
CV_FOLDS, CV_SEEDS = 5, (0, 1, 2)
THRESHOLD_GRID = tuple(round(0.15 + 0.05 * i, 2) for i in range(16))  # 0.15 .. 0.90
DEFAULT_OUT = ROOT / "insights" / "lexicons" / RESOURCE


def load_training(root: Path = ROOT) -> tuple[list[str], np.ndarray, list[str], dict]:
    categories = list(load_taxonomy().categories)
    texts, labels, digests = [], [], {}
    for name in TRAINING_FILES:
        raw = (root / name).read_bytes()
        digests[name] = hashlib.sha256(raw).hexdigest()
        for line in raw.decode("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                texts.append(rec["text"])
                labels.append([any(n["category"] == c for n in rec["needs"]) for c in categories])
    return texts, np.array(labels, dtype=np.int64), categories, digests


def _fit(texts: list[str], y: np.ndarray):
    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=MIN_DF)
    x = vectorizer.fit_transform(texts)
    models = [LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=5000, random_state=0).fit(x, y[:, j])
              for j in range(y.shape[1])]
    return vectorizer, models


def _out_of_fold(texts: list[str], y: np.ndarray) -> np.ndarray:
    probs = np.zeros((len(CV_SEEDS), *y.shape))
    for s, seed in enumerate(CV_SEEDS):
        for train, test in KFold(CV_FOLDS, shuffle=True, random_state=seed).split(texts):
            vectorizer, models = _fit([texts[i] for i in train], y[train])
            x = vectorizer.transform([texts[i] for i in test])
            for j, model in enumerate(models):
                probs[s, test, j] = model.predict_proba(x)[:, 1]
    return probs


def _prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp, fp, fn = int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum())
    return (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0, 2 * tp / (2 * tp + fp + fn) if tp else 0.0)


PRECISE_MIN_PRECISION = 0.80
OFF = 1.01  # a threshold no probability reaches


def choose_thresholds(probs: np.ndarray, y: np.ndarray, categories: list[str]) -> tuple[dict[str, np.ndarray], dict]:
    """Thresholds per operating point, and the mean out-of-fold figures at each."""
    points: dict[str, list[float]] = {"balanced": [], "precise": []}
    cv: dict = {"balanced": {}, "precise": {}}
    for j, category in enumerate(categories):
        gold = y[:, j] == 1
        scored = []
        for t in THRESHOLD_GRID:
            runs = [_prf(probs[s, :, j] >= t, gold) for s in range(probs.shape[0])]
            p, r, f1 = (float(np.mean([x[k] for x in runs])) for k in range(3))
            scored.append({"threshold": t, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "support": int(gold.sum())})
        best = max(scored, key=lambda x: (x["f1"], -x["threshold"]))  # best F1, ties to the lower threshold
        precise = next((x for x in scored if x["precision"] >= PRECISE_MIN_PRECISION and x["recall"] > 0), None)
        points["balanced"].append(best["threshold"])
        points["precise"].append(precise["threshold"] if precise else OFF)
        cv["balanced"][category] = best
        cv["precise"][category] = precise or {"threshold": None, "support": int(gold.sum())}
    return {k: np.array(v, dtype=np.float32) for k, v in points.items()}, cv


def train(root: Path = ROOT, cross_validate: bool = True, thresholds: dict[str, np.ndarray] | None = None) -> tuple[bytes, dict]:
    """The resource's bytes and its metadata. Without ``cross_validate``, ``thresholds`` (per
    operating point) are used as given."""
    texts, y, categories, digests = load_training(root)
    cv = None
    if cross_validate:
        thresholds, cv = choose_thresholds(_out_of_fold(texts, y), y, categories)
    vectorizer, models = _fit(texts, y)
    names = vectorizer.get_feature_names_out()
    meta = {"version": VERSION, "training_files": digests, "sentences": len(texts), "features": "words + word bigrams + char_wb "
            f"{CHAR_NGRAMS[0]}-{CHAR_NGRAMS[1]}, sublinear tf-idf, min_df {MIN_DF}", "model": f"logistic regression (liblinear, C={C}, balanced)",
            "threshold_choice": f"out-of-fold, {CV_FOLDS}-fold x seeds {list(CV_SEEDS)}: balanced = best mean F1, precise = lowest "
            f"threshold with mean precision >= {PRECISE_MIN_PRECISION}", "cross_validation": cv}
    buf = io.BytesIO()
    np.savez_compressed(
        buf,
        categories=np.array(categories, dtype=str),
        features=np.array([str(n) for n in names], dtype=str),
        idf=vectorizer.idf_.astype(np.float32),
        weights=np.stack([m.coef_[0] for m in models], axis=1).astype(np.float32),
        intercepts=np.array([m.intercept_[0] for m in models], dtype=np.float32),
        **{f"thresholds_{k}": np.asarray(v, dtype=np.float32) for k, v in sorted(thresholds.items())},
        meta=np.array(json.dumps(meta, sort_keys=True)),
    )
    return buf.getvalue(), meta


def same_model(a: NeedClassifier, b: NeedClassifier) -> bool:
    return (a.categories == b.categories and a.vocabulary == b.vocabulary and np.allclose(a.idf, b.idf, atol=1e-6)
            and np.allclose(a.weights, b.weights, atol=1e-4) and np.allclose(a.intercepts, b.intercepts, atol=1e-4)
            and a.operating_points.keys() == b.operating_points.keys()
            and all(np.array_equal(a.operating_points[k], b.operating_points[k]) for k in a.operating_points))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="retrain and compare with --out instead of writing it")
    args = parser.parse_args(argv)
    data, meta = train()
    if args.check:
        ok = same_model(NeedClassifier.from_bytes(data), NeedClassifier.from_bytes(args.out.read_bytes()))
        print("shipped weights reproduced" if ok else "shipped weights DIFFER from a fresh training run")
        return 0 if ok else 1
    args.out.write_bytes(data)
    for point, figures in meta["cross_validation"].items():
        print(point, json.dumps(figures))
    print(f"wrote {args.out} ({len(data) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
