"""Stage 3: embed each de-identified post once, then model topics with BERTopic."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from insights.embeddings import embed
from insights.topics import TopicConfig, fit_topics
from pipelines.parquet_io import read_table
from pipelines.tables import POST_TOPICS, POSTS, TOPICS

from . import work

QUOTE_CHARS = 300


def model_topics(work_dir: Path, run_id: str, config: TopicConfig = TopicConfig()) -> dict:
    started = time.perf_counter()
    work_dir = Path(work_dir)
    posts = read_table(work_dir / work.POSTS_DEID, POSTS).select(["post_key", "text_deid"])
    keys = posts.column("post_key").to_pylist()
    texts = posts.column("text_deid").to_pylist()
    embeddings = embed(texts)
    np.save(work_dir / work.EMBEDDINGS, embeddings)
    embed_seconds = time.perf_counter() - started
    result = fit_topics(texts, embeddings, config)

    topic_rows, assignment_rows = [], []
    if result.status == "ok":
        for t in result.topics.itertuples(index=False):
            topic_rows.append(
                {
                    "run_id": run_id,
                    "topic_id": t.topic_id,
                    "label": t.label,
                    "top_terms": list(t.top_terms),
                    "size": t.size,
                    "representative_post_keys": [keys[i] for i in t.representatives],
                    "representative_quotes": [texts[i][:QUOTE_CHARS] for i in t.representatives],
                }
            )
        for a in result.assignments.itertuples(index=False):
            assignment_rows.append({"run_id": run_id, "post_key": keys[a.doc_index], "topic_id": a.topic_id, "probability": float(a.probability)})
    pq.write_table(pa.Table.from_pylist(topic_rows, schema=TOPICS), work_dir / work.TOPICS)
    pq.write_table(pa.Table.from_pylist(assignment_rows, schema=POST_TOPICS), work_dir / work.POST_TOPICS)
    n_topics = sum(1 for r in topic_rows if r["topic_id"] >= 0)
    outliers = sum(1 for r in assignment_rows if r["topic_id"] == -1)
    return {
        "status": result.status,
        "message": result.message,
        "topics": n_topics,
        "outliers": outliers,
        "posts": len(keys),
        "embed_seconds": embed_seconds,
        "seconds": time.perf_counter() - started,
    }
