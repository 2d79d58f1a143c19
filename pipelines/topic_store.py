"""The topic-model store: fitted BERTopic models kept between scheduled runs.

Layout of ``topic_model_dir`` (never inside the published output folder, which DuckDB globs):

    <topic_model_dir>/CURRENT                      id of the model runs apply now
    <topic_model_dir>/<model_id>/                  BERTopic.save(serialization="safetensors",
                                                   save_ctfidf=True, save_embedding_model=<identity>)
    <topic_model_dir>/<model_id>/patient_insights.json
        model_id, created_at, embedding identity, our TopicConfig, topic rows and hierarchy.

The model id is a hash of the embedding identity, the settings and the fitted texts' keys, so
the same input and settings give the same id. The saved files hold terms and topic vectors from
de-identified text, never raw text; representative posts are not saved.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Optional

META = "patient_insights.json"
CURRENT = "CURRENT"


def model_id_for(identity: str, config_fingerprint: str, text_keys: list[str]) -> str:
    h = hashlib.sha256(identity.encode() + b"\0" + config_fingerprint.encode())
    for key in sorted(text_keys):
        h.update(key.encode())
    return "tm-" + h.hexdigest()[:12]


def current(model_dir: Optional[Path]) -> Optional[dict]:
    """The current model's metadata (with ``path``), or None when there is none (or it is unreadable)."""
    if not model_dir:
        return None
    pointer = Path(model_dir) / CURRENT
    if not pointer.is_file():
        return None
    folder = Path(model_dir) / pointer.read_text(encoding="utf-8").strip()
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    meta["path"] = str(folder)
    return meta


def refit_reason(meta: Optional[dict], policy: str, identity: str, config_fingerprint: str, max_age_days: float, now: datetime) -> Optional[str]:
    """Why the model must be refitted under the policy, or None to apply the saved one."""
    if policy not in ("auto", "always", "never"):
        raise ValueError(f"topic_refit must be auto, always or never, not {policy!r}")
    if meta is None:
        return "no saved topic model"
    if meta.get("embedding_identity") != identity:  # even with "never": vectors of another model cannot be compared
        return "embedding model changed"
    if policy == "always":
        return "refit requested"
    if policy == "never":
        return None
    if meta.get("config_fingerprint") != config_fingerprint:
        return "topic settings changed"
    age = (now - datetime.fromisoformat(meta["created_at"])).total_seconds() / 86400
    if age > max_age_days:
        return f"saved model is {age:.0f} days old (max {max_age_days:g})"
    return None


def save(model, model_dir: Path, model_id: str, identity: str, config, topics: list[dict], hierarchy: list[dict], now: datetime) -> Path:
    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    folder = model_dir / model_id
    tmp = model_dir / f".{model_id}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    model.save(str(tmp), serialization="safetensors", save_ctfidf=True, save_embedding_model=identity)
    meta = {
        "model_id": model_id,
        "created_at": now.isoformat(),
        "embedding_identity": identity,
        "config": asdict(config),
        "config_fingerprint": config.fingerprint(),
        "topics": topics,
        "hierarchy": hierarchy,
    }
    (tmp / META).write_text(json.dumps(meta, indent=1, sort_keys=True, default=str), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)
    pointer_tmp = model_dir / f".{CURRENT}.tmp"
    pointer_tmp.write_text(model_id, encoding="utf-8")
    os.replace(pointer_tmp, model_dir / CURRENT)
    return folder


def load(path: Path, embed_fn=None):
    from bertopic import BERTopic

    from deid.offline import configure_offline
    from insights.topics.backend import FunctionEmbedder

    configure_offline()
    return BERTopic.load(str(path), embedding_model=FunctionEmbedder(embed_fn) if embed_fn else None)
