"""Stage 3: embed each distinct de-identified post once (cached across runs), then fit topics
or apply the saved topic model, and derive hierarchy, lineage, prevalence and emerging topics."""
from __future__ import annotations

import math
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from insights.topics import TopicConfig, fit_topics
from insights.topics.assign import apply_model, topic_centroids
from insights.topics.lineage import map_topics
from insights.topics.scale import fit_topics_sampled
from insights.topics.trends import emerging, prevalence
from pipelines import topic_store
from pipelines.embedders import get_backend
from pipelines.embedding_cache import embed_cached, text_key
from pipelines.parquet_io import read_table
from pipelines.tables import (
    EMERGING_TOPICS,
    POST_TOPICS,
    POSTS,
    TOPIC_HIERARCHY,
    TOPIC_LINEAGE,
    TOPIC_PREVALENCE,
    TOPICS,
)

from . import work

QUOTE_CHARS = 300


def _write(rows: list[dict], schema: pa.Schema, path: Path) -> None:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


def _none_if_nan(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def _lineage(run_id: str, saved: dict, model_id: str, new_model, identity: str, embed_fn) -> list[dict]:
    """Old model's topics -> refitted model's. Another embedding space is not comparable:
    then every old topic is retired and every new topic is new."""
    same_space = saved.get("embedding_identity") == identity
    old = topic_centroids(topic_store.load(saved["path"], embed_fn)) if same_space else {}
    mapping = map_topics(old, topic_centroids(new_model))
    rows = [] if same_space else [
        {"old_topic_id": int(t["topic_id"]), "new_topic_id": None, "similarity": None, "relation": "retired"}
        for t in saved.get("topics", []) if t["topic_id"] >= 0
    ]
    rows += mapping.to_dict("records")
    out = []
    for r in rows:
        out.append({"run_id": run_id, "old_model_id": saved["model_id"], "new_model_id": model_id,
                    "old_topic_id": None if r["old_topic_id"] is None or pd.isna(r["old_topic_id"]) else int(r["old_topic_id"]),
                    "new_topic_id": None if r["new_topic_id"] is None or pd.isna(r["new_topic_id"]) else int(r["new_topic_id"]),
                    "similarity": None if r["similarity"] is None or pd.isna(r["similarity"]) else float(r["similarity"]),
                    "relation": r["relation"]})
    return out


def model_topics(
    work_dir: Path,
    run_id: str,
    config: TopicConfig = TopicConfig(),
    model_dir: Optional[Path] = None,
    refit: str = "auto",
    max_age_days: float = 30,
    cache_dir: Optional[Path] = None,
    backend: str = "minilm",
    fit_sample_size: Optional[int] = None,
    now: Optional[datetime] = None,
) -> dict:
    started = time.perf_counter()
    now = now or datetime.now(timezone.utc)
    work_dir = Path(work_dir)
    posts = read_table(work_dir / work.POSTS_DEID, POSTS).select(["post_key", "text_deid", "community", "period_week", "period_month"])
    keys = posts.column("post_key").to_pylist()
    texts = posts.column("text_deid").to_pylist()
    identity, embed_fn = get_backend(backend, cache_dir)
    embeddings, embed_stats = embed_cached(texts, embed_fn, identity, Path(cache_dir) if cache_dir else None)
    np.save(work_dir / work.EMBEDDINGS, embeddings)
    embed_seconds = time.perf_counter() - started

    saved = topic_store.current(model_dir)
    reason = topic_store.refit_reason(saved, refit, identity, config.fingerprint(), max_age_days, now) if model_dir else "no model store configured"
    lineage, hierarchy_rows, store_note = [], [], None
    if reason is None:
        try:
            model = topic_store.load(saved["path"], embed_fn)
        except Exception as exc:  # a damaged store never stops the run: refit instead
            reason = f"saved topic model unreadable ({type(exc).__name__})"
            saved = None
    if reason is None:
        result = apply_model(model, texts, embeddings, config)
        model_id = saved["model_id"]
        hierarchy_rows = saved.get("hierarchy", [])
    else:
        if fit_sample_size and len(texts) > fit_sample_size:
            result = fit_topics_sampled(texts, embeddings, config, fit_sample_size, embed_fn=embed_fn)
        else:
            result = fit_topics(texts, embeddings, config, embed_fn=embed_fn)
        model_id = topic_store.model_id_for(identity, config.fingerprint(), [text_key(identity, t) for t in texts])
        hierarchy_rows = result.hierarchy.to_dict("records")
        if result.status == "ok" and model_dir:
            if saved is not None and saved["model_id"] != model_id:
                lineage = _lineage(run_id, saved, model_id, result.model, identity, embed_fn)
            meta_topics = [{"topic_id": int(t.topic_id), "label": t.label, "top_terms": list(t.top_terms), "representation": list(t.representation)} for t in result.topics.itertuples(index=False)]
            try:
                topic_store.save(result.model, Path(model_dir), model_id, identity, config, meta_topics, hierarchy_rows, now)
            except OSError as exc:  # topics are still published; the next run refits
                store_note = f"topic model not saved ({type(exc).__name__})"

    topic_rows, assignment_rows, hier, prev_rows, emerging_rows = [], [], [], [], []
    if result.status == "ok":
        for t in result.topics.itertuples(index=False):
            topic_rows.append({
                "run_id": run_id, "topic_id": t.topic_id, "label": t.label, "top_terms": list(t.top_terms), "size": t.size,
                "representative_post_keys": [keys[i] for i in t.representatives],
                "representative_quotes": [texts[i][:QUOTE_CHARS] for i in t.representatives],
                "representation": list(t.representation), "topic_model_id": model_id,
            })
        topic_ids = result.assignments.topic_id.to_numpy()
        for a in result.assignments.itertuples(index=False):
            assignment_rows.append({"run_id": run_id, "post_key": keys[a.doc_index], "topic_id": int(a.topic_id), "probability": _none_if_nan(float(a.probability))})
        hier = [{"run_id": run_id, "topic_model_id": model_id, **{k: r[k] for k in ("parent_id", "parent_label", "child_ids", "topic_ids", "distance")}} for r in hierarchy_rows]
        frame = pd.DataFrame({"topic_id": topic_ids, "community": posts.column("community").to_pylist(),
                              "period_week": posts.column("period_week").to_pylist(), "period_month": posts.column("period_month").to_pylist()})
        prev_rows = [{"run_id": run_id, "topic_model_id": model_id, **r} for r in prevalence(frame).to_dict("records")]
        emerging_rows = [{"run_id": run_id, "topic_model_id": model_id, **{k: _none_if_nan(v) for k, v in r.items()}} for r in emerging(frame).to_dict("records")]
    _write(topic_rows, TOPICS, work_dir / work.TOPICS)
    _write(assignment_rows, POST_TOPICS, work_dir / work.POST_TOPICS)
    _write(hier, TOPIC_HIERARCHY, work_dir / work.TOPIC_HIERARCHY)
    _write(lineage, TOPIC_LINEAGE, work_dir / work.TOPIC_LINEAGE)
    _write(prev_rows, TOPIC_PREVALENCE, work_dir / work.TOPIC_PREVALENCE)
    _write(emerging_rows, EMERGING_TOPICS, work_dir / work.EMERGING_TOPICS)
    n_topics = sum(1 for r in topic_rows if r["topic_id"] >= 0)
    outliers = sum(1 for r in assignment_rows if r["topic_id"] == -1)
    return {
        "status": result.status,
        "message": result.message,
        "topics": n_topics,
        "outliers": outliers,
        "posts": len(keys),
        "topic_model_id": model_id if result.status == "ok" else None,
        "refit_reason": reason,  # None: the saved model was applied
        "store_note": store_note,
        "lineage_rows": len(lineage),
        "emerging": sum(1 for r in emerging_rows if r["emerging"]),
        "embedding": {"backend": backend, **embed_stats},
        "embed_seconds": embed_seconds,
        "seconds": time.perf_counter() - started,
    }
