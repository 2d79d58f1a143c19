"""Unmet-need sentence classifier: one logistic regression per taxonomy category on TF-IDF word
and character n-grams and (v2) the MiniLM sentence embedding, trained on the project's own gold
sentences only.

The weights are a packaged resource (``lexicons/need_classifier.npz``), rebuilt deterministically
by ``training/needs/train_need_classifier.py``; scoring is numpy only (no scikit-learn at run
time). ``features`` is the one analyzer shared by training and scoring: lower-cased words (digits
folded to "0", "$", "?" and "!" kept), word bigrams, and 3-5 character n-grams inside each word
padded with spaces (scikit-learn's ``char_wb``). A sentence vector is sublinear TF-IDF
(``(1 + ln tf) * idf``), L2-normalised over the known features, as scikit-learn computes it.
A v2 resource also holds ``embedding_weights``: the L2-normalised all-MiniLM-L6-v2 embedding of
the sentence (:mod:`insights.embeddings`, the packaged model) is a second block of features, so a
score is ``tfidf @ weights + embedding @ embedding_weights + intercept``; sentences shorter than
``MIN_TOKENS`` are not embedded (their embedding block is zero: they get no hit anyway), and
``veto``: a rule hit whose category scores below it is dropped (see :meth:`NeedClassifier.assess`).
The classifier complements the rules in :mod:`insights.unmet_needs` (a hit is rule OR
classifier); see docs/unmet_needs.md for what it was trained on and how it scores.
"""
from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import numpy as np

RESOURCE = "need_classifier.npz"
VETO_RESOURCE = "need_veto.npz"  # v4: the TF-IDF block alone, used only to veto rule hits (on by default)
OPERATING_POINTS = ("balanced", "precise")
DEFAULT_OPERATING_POINT = "precise"
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+|[$?!]")
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*(?:_\d+)?>")  # de-identification placeholders: <PERSON_1>, <EMAIL>
MIN_TOKENS = 4  # the shortest training sentence has 4 words; shorter ones ("Hi <PERSON_1>,") get no hit
CHAR_NGRAMS = (3, 5)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, digits folded to "0"; de-identification placeholders are dropped
    (the training sentences have none, and a name says nothing about a need)."""
    text = _PLACEHOLDER.sub(" ", text).lower().replace("\u2019", "'")
    return ["0" if t.isdigit() else t for t in _TOKEN.findall(text)]


def token_features(token: str) -> list[str]:
    """The word feature and the character n-grams of one token."""
    padded = f" {token} "
    out = [f"w:{token}"]
    for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
        out += [f"c:{padded[i:i + n]}" for i in range(max(1, len(padded) - n + 1))]
    return out


def features(text: str) -> list[str]:
    """Feature strings of one sentence: ``w:`` words, ``c:`` char n-grams, ``b:`` word bigrams."""
    toks = tokens(text)
    out = [f for t in toks for f in token_features(t)]
    return out + [f"b:{a} {b}" for a, b in pairwise(toks)]


def assess(classifier, sentences: Sequence[str],
           rule_categories: Sequence[set[str]]) -> tuple[list[list[str]], list[set[str]]]:
    """The short-sentence and veto rules, one copy for every need classifier (:class:`NeedClassifier`,
    :class:`insights.need_finetuned.FineTunedNeedClassifier`): per sentence, the categories whose probability
    is at or above ``classifier.thresholds`` and, among ``rule_categories`` (the rules' categories for that
    sentence), those it vetoes: probability below ``classifier.veto``. Sentences of fewer than ``MIN_TOKENS``
    tokens get neither and are not scored; the rest go to ``classifier.probabilities`` together."""
    long = [i for i, text in enumerate(sentences) if len(tokens(text)) >= MIN_TOKENS]
    hits: list[list[str]] = [[] for _ in sentences]
    vetoed: list[set[str]] = [set() for _ in sentences]
    probs = classifier.probabilities([sentences[i] for i in long])
    for i, row in zip(long, probs):
        hits[i] = [c for c, p, t in zip(classifier.categories, row, classifier.thresholds) if p >= t]
        vetoed[i] = _below_veto(classifier, row, rule_categories[i])
    return hits, vetoed


def _below_veto(classifier, row: np.ndarray, ruled: set[str]) -> set[str]:
    return {c for c, p in zip(classifier.categories, row) if c in ruled and p < classifier.veto}


@dataclass(frozen=True)
class NeedClassifier:
    categories: tuple[str, ...]
    vocabulary: dict[str, int]  # feature -> row of ``weights``
    idf: np.ndarray  # (n_features,)
    weights: np.ndarray  # (n_features, n_categories)
    intercepts: np.ndarray  # (n_categories,)
    operating_points: dict[str, np.ndarray]  # name -> (n_categories,) thresholds, chosen by cross-validation
    operating_point: str  # the one ``predict`` uses
    meta: dict  # version, training files and their sha256, settings, cross-validated figures
    embedding_weights: np.ndarray | None = None  # (384, n_categories): MiniLM block (v2); None: TF-IDF only
    veto: float = 0.0  # a rule hit whose category's probability is below this is dropped (0: never)
    _token_ids: dict = field(default_factory=dict, compare=False, repr=False)  # token -> known feature ids

    @property
    def thresholds(self) -> np.ndarray:
        """Probability at or above which each category is predicted (above 1: never, rules only)."""
        return self.operating_points[self.operating_point]

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "?"))

    def _ids(self, text: str) -> list[int]:
        """Known feature ids of one sentence, repeated as often as the feature occurs
        (the same features as :func:`features`; a token's ids are computed once and cached)."""
        vocab, cache, ids = self.vocabulary, self._token_ids, []
        toks = tokens(text)
        for t in toks:
            known = cache.get(t)
            if known is None:
                if len(cache) > 200_000:
                    cache.clear()
                known = cache[t] = [vocab[f] for f in token_features(t) if f in vocab]
            ids += known
        ids += [vocab[f] for f in (f"b:{a} {b}" for a, b in pairwise(toks)) if f in vocab]
        return ids

    def probabilities(self, sentences: Sequence[str]) -> np.ndarray:
        """(len(sentences), len(categories)) probabilities, one row per sentence."""
        scores = self._tfidf_scores(sentences)
        if self.embedding_weights is not None and len(sentences):
            long = [i for i, text in enumerate(sentences) if len(tokens(text)) >= MIN_TOKENS]
            if long:
                from .embeddings import (
                    embed,  # lazily: only a v2 resource needs the encoder
                )

                vectors = embed([_PLACEHOLDER.sub(" ", sentences[i]) for i in long])
                scores[long] += vectors @ self.embedding_weights
        return 1.0 / (1.0 + np.exp(-scores))

    def assess(self, sentences: Sequence[str], rule_categories: Sequence[set[str]]) -> tuple[list[list[str]], list[set[str]]]:
        """As :func:`assess`: per sentence, the categories predicted and the rule categories vetoed."""
        return assess(self, sentences, rule_categories)

    def vetoed(self, sentences: Sequence[str], rule_categories: Sequence[set[str]]) -> list[set[str]]:
        """Per sentence, the rule categories whose probability is below ``veto`` (sentences of fewer
        than ``MIN_TOKENS`` tokens: none). Only the sentences given are scored: the default pipeline
        passes those with a rule hit, so a TF-IDF-only resource costs almost nothing."""
        keep = [i for i, text in enumerate(sentences) if rule_categories[i] and len(tokens(text)) >= MIN_TOKENS]
        out: list[set[str]] = [set() for _ in sentences]
        if keep:
            probs = self.probabilities([sentences[i] for i in keep])
            for i, row in zip(keep, probs):
                out[i] = _below_veto(self, row, rule_categories[i])
        return out

    def _tfidf_scores(self, sentences: Sequence[str]) -> np.ndarray:
        rows, idx, counts = [], [], []
        for i, text in enumerate(sentences):
            for feature, n in Counter(self._ids(text)).items():
                rows.append(i)
                idx.append(feature)
                counts.append(n)
        scores = np.tile(self.intercepts, (len(sentences), 1))
        if idx:
            rows_a, idx_a = np.array(rows), np.array(idx)
            values = (1.0 + np.log(np.array(counts, dtype=np.float32))) * self.idf[idx_a]
            norms = np.sqrt(np.bincount(rows_a, weights=values * values, minlength=len(sentences)))
            values = (values / norms[rows_a]).astype(np.float32)
            contrib = values[:, None] * self.weights[idx_a]
            scores += np.stack([np.bincount(rows_a, weights=contrib[:, j], minlength=len(sentences))
                                for j in range(contrib.shape[1])], axis=1)
        return scores

    def predict(self, sentences: Sequence[str]) -> list[list[str]]:
        """Categories at or above their threshold, per sentence, in taxonomy order; nothing for a
        sentence of fewer than ``MIN_TOKENS`` tokens."""
        return assess(self, sentences, [set() for _ in sentences])[0]

    @classmethod
    def from_bytes(cls, data: bytes, operating_point: str = DEFAULT_OPERATING_POINT) -> NeedClassifier:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            names = [str(f) for f in npz["features"]]
            points = {k.removeprefix("thresholds_"): npz[k].astype(np.float32) for k in npz.files if k.startswith("thresholds_")}
            if operating_point not in points:
                raise ValueError(f"unknown operating point {operating_point!r}; known: {sorted(points)}")
            return cls(
                categories=tuple(str(c) for c in npz["categories"]),
                vocabulary={f: i for i, f in enumerate(names)},
                idf=npz["idf"].astype(np.float32),
                weights=npz["weights"].astype(np.float32),
                intercepts=npz["intercepts"].astype(np.float32),
                operating_points=points,
                operating_point=operating_point,
                meta=json.loads(str(npz["meta"])),
                embedding_weights=npz["embedding_weights"].astype(np.float32) if "embedding_weights" in npz.files else None,
                veto=float(npz["veto"]) if "veto" in npz.files else 0.0,
            )


@lru_cache(maxsize=2)
def load_classifier(operating_point: str = DEFAULT_OPERATING_POINT) -> NeedClassifier:
    """The packaged classifier (``insights/lexicons/need_classifier.npz``) at an operating point:
    ``precise`` (the default: per category the lowest threshold with leave-one-set-out precision >=
    0.85 (v1: 5-fold, >= 0.80); a category that never reaches it is left to the rules) or
    ``balanced`` (best cross-validated F1: more recall, lower precision; see docs/unmet_needs.md)."""
    return NeedClassifier.from_bytes(resources.files("insights.lexicons").joinpath(RESOURCE).read_bytes(), operating_point)


@lru_cache(maxsize=1)
def load_veto() -> NeedClassifier:
    """The packaged TF-IDF-only veto (``insights/lexicons/need_veto.npz``, v4): trained like the
    classifier on our gold, without the MiniLM block and with no operating point that ever predicts
    (thresholds above 1): it only drops a rule hit whose category it scores below its ``veto``
    (v5, v6: 0.05; v4: 0.10). What the pipeline publishes by default: the rules + this veto (docs/unmet_needs.md)."""
    return NeedClassifier.from_bytes(resources.files("insights.lexicons").joinpath(VETO_RESOURCE).read_bytes())
