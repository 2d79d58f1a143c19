"""Embeddings computed once per distinct text and kept across runs.

Key: sha256(model identity + NUL + de-identified text). The store holds keys and vectors only,
never text: ``<cache_dir>/<sha256(identity)[:16]>/<shard>.npz``, one shard written per run with
the vectors that run had to compute. Default directory: ``.patient-insights-cache/embeddings``
(beside the working directory, outside any published folder; git-ignored).
"""
from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

DEFAULT_CACHE_DIR = ".patient-insights-cache"


def text_key(identity: str, text: str) -> str:
    return hashlib.sha256(identity.encode("utf-8") + b"\0" + (text or "").encode("utf-8")).hexdigest()


def _folder(cache_dir: Path, identity: str) -> Path:
    return Path(cache_dir) / "embeddings" / hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def _load(folder: Path) -> dict[str, np.ndarray]:
    found: dict[str, np.ndarray] = {}
    for shard in sorted(folder.glob("*.npz")):
        try:
            with np.load(shard, allow_pickle=False) as data:
                for key, vector in zip(data["keys"].tolist(), data["vectors"]):
                    found[key] = vector
        except (OSError, ValueError, KeyError):  # a damaged shard is ignored and recomputed
            continue
    return found


def embed_cached(
    texts: Sequence[str],
    embed_fn: Callable[[Sequence[str]], np.ndarray],
    identity: str,
    cache_dir: Optional[Path],
) -> tuple[np.ndarray, dict]:
    """Embeddings for texts in order; each distinct text is embedded at most once (and not at
    all when the cache already has it). Returns (vectors, stats)."""
    keys = [text_key(identity, t) for t in texts]
    distinct = list(dict.fromkeys(keys))
    first_text = {}
    for key, text in zip(keys, texts):
        first_text.setdefault(key, text)
    known = _load(_folder(cache_dir, identity)) if cache_dir else {}
    missing = [k for k in distinct if k not in known]
    if missing:
        vectors = np.asarray(embed_fn([first_text[k] for k in missing]), dtype=np.float32)
        known.update(zip(missing, vectors))
        if cache_dir:
            folder = _folder(cache_dir, identity)
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{uuid.uuid4().hex}.tmp.npz"
            np.savez(tmp, keys=np.asarray(missing), vectors=vectors)
            os.replace(tmp, folder / f"{uuid.uuid4().hex}.npz")
    if not texts:
        dim = next(iter(known.values())).shape[0] if known else 384
        return np.zeros((0, dim), dtype=np.float32), {"texts": 0, "distinct": 0, "computed": 0, "cached": 0}
    out = np.stack([known[k] for k in keys]).astype(np.float32, copy=False)
    stats = {"texts": len(texts), "distinct": len(distinct), "computed": len(missing), "cached": len(distinct) - len(missing)}
    return out, stats
