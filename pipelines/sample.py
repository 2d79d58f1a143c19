"""The embedded sample export in ``data/sample`` (see its README)."""
from __future__ import annotations

from pathlib import Path

from pipelines.stages.ingest import SourceSpec
from pipelines.versions import REPO_ROOT

SAMPLE_DIR = REPO_ROOT / "data" / "sample"
SAMPLE_FILES = ("discourse_breast_cancer.json", "reddit_health.ndjson", "caregivers_forum.csv")
GOLD_FILE = SAMPLE_DIR / "gold_phi.jsonl"


def sample_sources(sample_dir: Path = SAMPLE_DIR) -> list[SourceSpec]:
    missing = [f for f in SAMPLE_FILES if not (sample_dir / f).exists()]
    if missing:
        raise FileNotFoundError(f"embedded sample incomplete in {sample_dir}: missing {missing} (regenerate: python -m pipelines.sample_data)")
    return [SourceSpec.for_path(sample_dir / f) for f in SAMPLE_FILES]
