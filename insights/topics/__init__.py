"""The topic layer: BERTopic over precomputed embeddings, readable, complete and stable.

Modules: ``config`` (settings, stop words), ``fit`` (fit and describe), ``represent`` (labels,
representative posts), ``outliers``, ``hierarchy``, ``assign`` (apply a saved model),
``lineage`` (old topics to new), ``trends`` (prevalence, emerging topics), ``metrics``.
"""
from .config import TopicConfig, auto_min_topic_size, stop_words, text_for_terms
from .fit import TopicResult, fit_topics
from .represent import representatives, short_label

__all__ = ["TopicConfig", "TopicResult", "auto_min_topic_size", "fit_topics", "representatives", "short_label", "stop_words", "text_for_terms"]
