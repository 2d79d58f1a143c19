"""Topic quality on a labelled corpus, ours beside BERTopic's defaults in the same run.

Input: JSONL (one object a line) or Parquet (e.g. a published ``posts`` table) with a text field
and a label field (e.g. ``community``). Records without text or label are counted and skipped.
Both systems get the same embeddings (computed once per distinct text, cached).
"Defaults" is ``BERTopic()`` with no argument, fitted on the same texts and embeddings.

Figures: NPMI of each topic's top 10 terms (document co-occurrence over the evaluated corpus,
each system's terms tokenised by the vectorizer that produced them, see insights.topics.metrics),
diversity (unique top-10 terms / 10 x topics), outlier share, NMI/ARI against the label counting
every post (outliers one group), NMI over assigned posts only. Nothing here prints or logs text.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

import numpy as np


class GoldFormatError(ValueError):
    pass


def read_corpus(path: Path, text_field: str, label_field: str) -> tuple[list[str], list[str], int]:
    path = Path(path)
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        for name in (text_field, label_field):
            if name not in table.column_names:
                raise GoldFormatError(f"{path.name} has no column {name!r}")
        rows = zip(table.column(text_field).to_pylist(), table.column(label_field).to_pylist())
    else:
        rows = []
        with path.open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    raise GoldFormatError(f"{path.name} line {line_no} is not JSON") from None
                rows.append((record.get(text_field), record.get(label_field)))
    texts, labels, skipped = [], [], 0
    for text, label in rows:
        if not isinstance(text, str) or not text.strip() or label is None:
            skipped += 1
            continue
        texts.append(text)
        labels.append(str(label))
    return texts, labels, skipped


def _summary(topics_terms, doc_sets, assigned, labels, seconds) -> dict:
    from insights.topics.metrics import agreement, diversity, npmi

    scores = npmi(topics_terms, doc_sets)
    return {
        "topics": len(topics_terms),
        **agreement(assigned, labels),
        "npmi_mean": float(np.nanmean(scores)) if scores else float("nan"),
        "diversity": diversity(topics_terms),
        "fit_seconds": round(seconds, 2),
    }


def evaluate_ours(texts, labels, embeddings, embed_fn, config) -> dict:
    from insights.topics import fit_topics
    from insights.topics.metrics import diversity, document_term_sets, npmi

    started = time.perf_counter()
    result = fit_topics(texts, embeddings, config, embed_fn=embed_fn)
    seconds = time.perf_counter() - started
    if result.status != "ok":
        return {"status": result.status, "message": result.message}
    real = result.topics[result.topics.topic_id >= 0]
    doc_sets = document_term_sets(texts)
    figures = _summary([list(t) for t in real.top_terms], doc_sets, result.assignments.topic_id.to_numpy(), labels, seconds)
    refined = [list(t) for t in real.representation]
    figures["npmi_mean_refined_terms"] = float(np.nanmean(npmi(refined, doc_sets)))
    figures["diversity_refined_terms"] = diversity(refined)
    figures.update(result.details)
    return {"status": "ok", **figures}


def evaluate_heldout(texts, labels, embeddings, embed_fn, config, fraction: float) -> dict:
    """Fit on (1 - fraction) of the posts (seeded split), assign the held-out ones with the fitted
    model exactly as a scheduled run applies a saved model (nearest centroid), score them."""
    from insights.topics import fit_topics
    from insights.topics.assign import assign
    from insights.topics.metrics import agreement

    rng = np.random.default_rng(config.seed)
    held = np.zeros(len(texts), dtype=bool)
    held[rng.choice(len(texts), size=int(round(fraction * len(texts))), replace=False)] = True
    train = np.flatnonzero(~held)
    result = fit_topics([texts[i] for i in train], embeddings[train], config, embed_fn=embed_fn)
    if result.status != "ok":
        return {"status": result.status, "message": result.message}
    topic, _ = assign(result.model, embeddings[held], config.assign_min_similarity)
    labels = np.asarray(labels)
    return {"status": "ok", "fitted_posts": int(len(train)), "heldout_posts": int(held.sum()), **agreement(topic, labels[held])}


def evaluate_defaults(texts, labels, embeddings, seed: Optional[int] = None) -> dict:
    from bertopic import BERTopic

    started = time.perf_counter()
    model = BERTopic()
    assigned, _ = model.fit_transform(list(texts), embeddings=embeddings)
    seconds = time.perf_counter() - started
    ids = sorted(t for t in set(assigned) if t != -1)
    terms = [[w for w, _ in model.get_topic(t)][:10] for t in ids]
    analyze = model.vectorizer_model.build_analyzer()
    doc_sets = [set(analyze(t)) for t in texts]
    return {"status": "ok", **_summary(terms, doc_sets, np.asarray(assigned), labels, seconds)}


def run(gold: Path, label_field: str = "community", text_field: str = "text", backend: str = "minilm", cache_dir: Optional[Path] = None, defaults: bool = True, config=None, holdout: float = 0.0) -> dict:
    from insights.topics import TopicConfig
    from pipelines.embedders import get_backend
    from pipelines.embedding_cache import embed_cached

    config = config or TopicConfig()
    texts, labels, skipped = read_corpus(Path(gold), text_field, label_field)
    if not texts:
        raise GoldFormatError(f"{Path(gold).name}: no record has both {text_field!r} and {label_field!r}")
    identity, embed_fn = get_backend(backend, cache_dir)
    started = time.perf_counter()
    embeddings, stats = embed_cached(texts, embed_fn, identity, cache_dir)
    embed_seconds = time.perf_counter() - started
    report = {
        "dataset": Path(gold).name,
        "posts": len(texts),
        "skipped_records": skipped,
        "label_field": label_field,
        "labels": len(set(labels)),
        "text_field": text_field,
        "embedding": {"backend": backend, "identity": identity, "seconds": round(embed_seconds, 2), **stats,
                      "posts_per_second": round(stats["computed"] / embed_seconds, 1) if stats["computed"] and embed_seconds else None},
        "ours": evaluate_ours(texts, labels, embeddings, embed_fn, config),
    }
    if holdout:
        report["ours_heldout"] = evaluate_heldout(texts, labels, embeddings, embed_fn, config, holdout)
    if defaults:
        report["bertopic_defaults"] = evaluate_defaults(texts, labels, embeddings)
    return report


ROWS = [("topics", "topics", "{:d}"), ("outlier share", "outlier_share", "{:.3f}"), ("NMI (all posts)", "nmi", "{:.3f}"),
        ("ARI (all posts)", "ari", "{:.3f}"), ("NMI (assigned only)", "nmi_assigned_only", "{:.3f}"),
        ("NPMI top-10 mean", "npmi_mean", "{:.3f}"), ("diversity", "diversity", "{:.3f}"), ("fit seconds", "fit_seconds", "{:.1f}")]


def format_table(report: dict) -> str:
    emb = report["embedding"]
    lines = [f"{report['dataset']}: {report['posts']} posts, {report['labels']} values of {report['label_field']!r} ({report['skipped_records']} records skipped)",
             f"embeddings: {emb['backend']} {emb['seconds']}s ({emb['computed']} computed, {emb['cached']} from cache)", ""]
    systems = [k for k in ("ours", "bertopic_defaults") if k in report]
    lines.append(f"{'':24}" + "".join(f"{s:>20}" for s in systems))
    for title, key, fmt in ROWS:
        cells = []
        for s in systems:
            v = report[s].get(key)
            cells.append(f"{fmt.format(v) if v is not None else report[s].get('status', '-'):>20}")
        lines.append(f"{title:24}" + "".join(cells))
    if "npmi_mean_refined_terms" in report.get("ours", {}):
        lines.append(f"{'NPMI refined terms':24}{report['ours']['npmi_mean_refined_terms']:>20.3f}")
    held = report.get("ours_heldout")
    if held and held.get("status") == "ok":
        lines.append(f"held-out ({held['heldout_posts']} posts assigned by a model fitted on {held['fitted_posts']}): "
                     f"NMI {held['nmi']:.3f}, ARI {held['ari']:.3f}, outlier share {held['outlier_share']:.3f}")
    return "\n".join(lines)
