"""Map the topics of an old model to those of a refitted one (published as topic_lineage).

Similarity: cosine of topic centroid embeddings (same embedding model; a refit because the
embedding model changed maps nothing and marks all old topics retired and all new ones new).
One-to-one matching by the Hungarian algorithm (scipy ``linear_sum_assignment``) maximising
total similarity; a matched pair at or above the threshold is ``continued``. A new topic left
unmatched whose best old topic is at or above the threshold is ``split_from`` it; an old topic
left unmatched whose best new topic is at or above the threshold is ``merged_into`` it; the
rest are ``new`` (no old topic) or ``retired`` (no new topic).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

COLUMNS = ["old_topic_id", "new_topic_id", "similarity", "relation"]


def map_topics(old: dict[int, np.ndarray], new: dict[int, np.ndarray], threshold: float = 0.7) -> pd.DataFrame:
    from scipy.optimize import linear_sum_assignment

    old_ids, new_ids = sorted(old), sorted(new)
    rows: list[dict] = []
    if not old_ids or not new_ids:
        rows += [{"old_topic_id": o, "new_topic_id": None, "similarity": None, "relation": "retired"} for o in old_ids]
        rows += [{"old_topic_id": None, "new_topic_id": n, "similarity": None, "relation": "new"} for n in new_ids]
        return pd.DataFrame(rows, columns=COLUMNS)
    a = _unit(np.stack([old[i] for i in old_ids]))
    b = _unit(np.stack([new[i] for i in new_ids]))
    sim = a @ b.T
    r, c = linear_sum_assignment(-sim)
    matched_old, matched_new = set(), set()
    for i, j in zip(r, c):
        if sim[i, j] >= threshold:
            rows.append({"old_topic_id": old_ids[i], "new_topic_id": new_ids[j], "similarity": float(sim[i, j]), "relation": "continued"})
            matched_old.add(i)
            matched_new.add(j)
    for j in range(len(new_ids)):
        if j in matched_new:
            continue
        i = int(sim[:, j].argmax())
        if sim[i, j] >= threshold:
            rows.append({"old_topic_id": old_ids[i], "new_topic_id": new_ids[j], "similarity": float(sim[i, j]), "relation": "split_from"})
        else:
            rows.append({"old_topic_id": None, "new_topic_id": new_ids[j], "similarity": float(sim[i, j]), "relation": "new"})
    for i in range(len(old_ids)):
        if i in matched_old:
            continue
        j = int(sim[i].argmax())
        if sim[i, j] >= threshold:
            rows.append({"old_topic_id": old_ids[i], "new_topic_id": new_ids[j], "similarity": float(sim[i, j]), "relation": "merged_into"})
        else:
            rows.append({"old_topic_id": old_ids[i], "new_topic_id": None, "similarity": float(sim[i, j]), "relation": "retired"})
    return pd.DataFrame(rows, columns=COLUMNS)


def _unit(m: np.ndarray) -> np.ndarray:
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
