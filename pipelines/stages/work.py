"""The private work folder a run keeps its intermediate files in.

Intermediate files hold raw text (before de-identification), so the folder is
created readable by its owner only and removed when the run ends.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

RAW_POSTS = "raw_posts.parquet"
MEMBERS = "members.json"
COMMUNITIES = "communities.json"  # counts only: how many community values were replaced by a label
OUTCOMES_INGEST = "outcomes_ingest.parquet"
OUTCOMES_DEID = "outcomes_deid.parquet"
POSTS_DEID = "posts_deid.parquet"
EMBEDDINGS = "embeddings.npy"
TOPICS = "topics.parquet"
POST_TOPICS = "post_topics.parquet"
TOPIC_HIERARCHY = "topic_hierarchy.parquet"
TOPIC_LINEAGE = "topic_lineage.parquet"
TOPIC_PREVALENCE = "topic_prevalence.parquet"
EMERGING_TOPICS = "emerging_topics.parquet"


def make_work_dir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="patient-insights-work-"))
    os.chmod(path, 0o700)
    return path


def remove_work_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
