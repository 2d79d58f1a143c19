"""The de-identification pipeline's matrix products go through numpy instead of BLIS
(deid/nlp.py): every layer of both NER models is switched, the baseline's are not, and the
entities do not change."""
from __future__ import annotations

from thinc.api import NumpyOps

from deid.baseline import presidio_default
from deid.forum_ner import SPANS_KEY
from deid.nlp import component_models, load_pipeline

TEXTS = [
    "Yesterday Barack Obama visited Chicago and then me and jenny went to brooklyn",
    "Dr. Patel at St. Mary's Hospital in Springfield moved my Tamoxifen appointment to March 3, 2021.",
    "thanks sarah!! my husband mike says hi from ohio, we drove up to see Dr okafor last week",
    "",
]


def _ops(nlp):
    return [node.ops for model in component_models(nlp) for node in model.walk()]


def test_every_layer_of_both_ner_models_uses_numpy_matmul():
    nlp = load_pipeline()
    models = list(component_models(nlp))
    assert len(models) == 2  # the forum NER's and the main NER's
    ops = _ops(nlp)
    assert ops and all(isinstance(o, NumpyOps) and not o.use_blis for o in ops)


def test_presidio_baseline_keeps_blis():
    ops = _ops(presidio_default().analyzer.nlp_engine.nlp["en"])
    assert ops and all(o.use_blis for o in ops)


def test_same_entities_and_forum_spans_with_either_matmul():
    fast, blis = load_pipeline(), load_pipeline(numpy_matmul=False)
    assert not any(getattr(o, "use_blis", False) for o in _ops(fast))
    assert all(o.use_blis for o in _ops(blis))
    for a, b in zip(fast.pipe(TEXTS), blis.pipe(TEXTS)):
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
        assert [(s.start, s.end, s.label_) for s in a.spans[SPANS_KEY]] == [(s.start, s.end, s.label_) for s in b.spans[SPANS_KEY]]
