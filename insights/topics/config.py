"""Settings of the topic model and the corpus-size rules derived from them."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Optional, Sequence

import numpy as np

EmbedFn = Callable[[Sequence[str]], np.ndarray]  # texts -> (n, d) L2-normalised float32
PLACEHOLDER = re.compile(r"<[A-Z_]+(?:_\d+)?>")
TOKEN_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z0-9'-]+\b"


@dataclass(frozen=True)
class TopicConfig:
    seed: int = 42
    min_posts: int = 50  # below this, topics are not modelled (a clear status instead)
    min_topic_size: Optional[int] = None  # None: chosen from the corpus size (auto_min_topic_size)
    min_samples: Optional[int] = None  # HDBSCAN min_samples; None: chosen from the corpus size
    n_neighbors: int = 15
    n_components: int = 5
    top_n_words: int = 10
    min_topic_terms: int = 5  # a topic whose posts share fewer distinct terms is merged into its nearest topic
    min_term_posts: Optional[int] = None  # a topic term must occur in this many posts; None: max(3, 0.2% of posts)
    term_coherence: float = 3.0  # weight of co-occurrence (NPMI) when picking a topic's top terms; 0: rank only
    n_representatives: int = 3
    # outliers: posts HDBSCAN leaves unassigned go to the nearest topic centroid (cosine) when
    # at least outlier_threshold similar; the threshold is lowered just enough that at most
    # max_outlier_share of the posts stay unassigned.
    outlier_threshold: float = 0.3
    max_outlier_share: float = 0.10
    keybert: bool = True  # refine terms with KeyBERTInspired + MMR (needs an embedding function)
    mmr_diversity: float = 0.3
    assign_min_similarity: float = 0.15  # applying a saved model: below this, a post is an outlier

    def fingerprint(self) -> str:
        """A short stable hash of the settings that change a fitted model (not the seed's run)."""
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()[:12]


def auto_min_topic_size(n_docs: int) -> int:
    """sqrt(n)/3, within [8, 200]: ~10 for 1,000 posts (20-40 topics), ~105 for 100,000."""
    return int(max(8, min(200, round(n_docs**0.5 / 3))))


def auto_min_term_posts(n_docs: int) -> int:
    return int(max(3, round(0.002 * n_docs)))


def auto_min_samples(min_topic_size: int) -> int:
    """HDBSCAN's min_samples: smaller than the cluster size so fewer posts are called noise."""
    return max(2, min_topic_size // 3)


@lru_cache(maxsize=1)
def stop_words() -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    extra = resources.files("insights.lexicons").joinpath("topic_stopwords.txt").read_text("utf-8")
    words = {w.strip() for w in extra.splitlines() if w.strip() and not w.startswith("#")}
    return sorted(ENGLISH_STOP_WORDS | words)


def text_for_terms(text: str) -> str:
    """Placeholders left by de-identification are not words: drop them before vectorising."""
    return PLACEHOLDER.sub(" ", text or "")


def make_vectorizer(min_df: int = 1):
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(stop_words=stop_words(), ngram_range=(1, 2), min_df=min_df, token_pattern=TOKEN_PATTERN, lowercase=True)
