"""Topic hierarchy (BERTopic ``hierarchical_topics``) as plain rows an analyst can browse."""
from __future__ import annotations

import pandas as pd

COLUMNS = ["parent_id", "parent_label", "child_ids", "topic_ids", "distance"]


def hierarchy_rows(model, docs: list[str]) -> pd.DataFrame:
    """One row per merge: parent node id, its two children and the leaf topics under it.

    Leaf nodes are the topic ids; merge nodes are numbered from max(topic id) + 1 upward, the
    last row being the root. Distance is Ward linkage on the topics' c-TF-IDF vectors.
    """
    n_topics = len([t for t in set(model.topics_) if t != -1])
    if n_topics < 2:
        return pd.DataFrame(columns=COLUMNS)
    tree = model.hierarchical_topics(docs)
    rows = [
        {
            "parent_id": int(r.Parent_ID),
            "parent_label": str(r.Parent_Name),
            "child_ids": [int(r.Child_Left_ID), int(r.Child_Right_ID)],
            "topic_ids": sorted(int(t) for t in r.Topics),
            "distance": float(r.Distance),
        }
        for r in tree.itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=COLUMNS).sort_values("parent_id", kind="stable").reset_index(drop=True)
