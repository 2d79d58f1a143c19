"""Topic quality measures: NPMI coherence, diversity, outlier share, agreement with a label.

Tokenisation for NPMI: the topic vectorizer's own analyzer (lower-cased, token pattern
``[a-zA-Z][a-zA-Z0-9'-]+``, English + forum stop words removed, unigrams and bigrams formed
after stop-word removal, de-identification placeholders dropped), so a top term "occurs" in a
document exactly when the c-TF-IDF vectorizer counted it there. Probabilities are document
frequencies over the evaluated corpus.
"""
from __future__ import annotations

from itertools import combinations
from typing import Sequence

import numpy as np

from .config import make_vectorizer, text_for_terms


def document_term_sets(texts: Sequence[str]) -> list[set[str]]:
    analyze = make_vectorizer().build_analyzer()
    return [set(analyze(text_for_terms(t))) for t in texts]


def npmi(topics_terms: Sequence[Sequence[str]], doc_sets: list[set[str]], top_n: int = 10) -> list[float]:
    """Mean NPMI over the pairs of each topic's top_n terms.

    NPMI(a, b) = log(p(a,b) / (p(a) p(b))) / -log p(a,b); -1 when a and b never co-occur,
    and a pair involving a term absent from the corpus counts as -1.
    """
    n = len(doc_sets)
    index: dict[str, set[int]] = {}
    wanted = {t for terms in topics_terms for t in terms[:top_n]}
    for i, terms in enumerate(doc_sets):
        for t in terms & wanted:
            index.setdefault(t, set()).add(i)
    scores = []
    for terms in topics_terms:
        pairs = [pair_npmi(index.get(a, set()), index.get(b, set()), n) for a, b in combinations(list(terms[:top_n]), 2)]
        scores.append(float(np.mean(pairs)) if pairs else float("nan"))
    return scores


def pair_npmi(docs_a: set[int], docs_b: set[int], n_docs: int) -> float:
    """NPMI of two terms from the sets of documents holding each; -1 when they never co-occur."""
    joint = len(docs_a & docs_b)
    if joint == 0 or not docs_a or not docs_b:
        return -1.0
    p_ab, p_a, p_b = joint / n_docs, len(docs_a) / n_docs, len(docs_b) / n_docs
    if p_ab >= 1.0:
        return 1.0
    return float(np.log(p_ab / (p_a * p_b)) / -np.log(p_ab))


def diversity(topics_terms: Sequence[Sequence[str]], top_n: int = 10) -> float:
    """Unique terms among the topics' top_n terms / (top_n x number of topics)."""
    if not topics_terms:
        return float("nan")
    unique = {t for terms in topics_terms for t in terms[:top_n]}
    return len(unique) / (top_n * len(topics_terms))


def agreement(assigned: Sequence[int], labels: Sequence[str]) -> dict:
    """NMI and ARI of the topic assignment against a label, counting every post (the outliers
    form one group of their own), plus NMI on the assigned posts only."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    assigned = np.asarray(assigned)
    labels = np.asarray(labels)
    inside = assigned != -1
    return {
        "nmi": float(normalized_mutual_info_score(labels, assigned)),
        "ari": float(adjusted_rand_score(labels, assigned)),
        "nmi_assigned_only": float(normalized_mutual_info_score(labels[inside], assigned[inside])) if inside.any() else float("nan"),
        "outlier_share": float((~inside).mean()) if len(assigned) else float("nan"),
    }
