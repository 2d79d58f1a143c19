"""The fine-tuned MiniLM need classifier's mechanics (insights/need_finetuned.py): adapters merged exactly into the
pip-packaged encoder, the resource round trip, thresholds, the veto and the short-sentence rule, on a real encoder."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from insights.need_finetuned import ALPHA, RANK, FineTunedNeedClassifier, clean, load_base, save_resource

CATS = ("information_gap", "access_and_cost", "side_effect_burden")


@pytest.fixture(scope="module")
def base_weights():
    _, model = load_base()
    return {name: p.detach().clone() for name, p in model.named_parameters()}


def _state(hidden: int = 384, seed: int = 0, adapter: str | None = None) -> dict:
    """A head that scores ``access_and_cost`` high and the rest low whatever the sentence; optionally one
    non-zero adapter."""
    rng = np.random.default_rng(seed)
    state = {"head.weight": np.zeros((len(CATS), hidden), np.float32), "head.bias": np.array([-6.0, 6.0, -6.0], np.float32)}
    if adapter:
        state[f"{adapter}.lora_a"] = rng.normal(size=(RANK, hidden)).astype(np.float32)
        state[f"{adapter}.lora_b"] = rng.normal(size=(hidden, RANK)).astype(np.float32)
    return state


def test_adapter_is_merged_exactly_and_nothing_else_changes(base_weights):
    name = "encoder.layer.2.attention.self.query"
    state = _state(adapter=name)
    clf = FineTunedNeedClassifier.build(state, CATS, np.full(3, 0.5), {"version": "t"})
    merged = dict(clf.model.named_parameters())
    expected = base_weights[f"{name}.weight"] + (ALPHA / RANK) * torch.tensor(state[f"{name}.lora_b"] @ state[f"{name}.lora_a"])
    assert torch.allclose(merged[f"{name}.weight"], expected, atol=1e-5)
    changed = [k for k, v in merged.items() if not torch.equal(v, base_weights[k])]
    assert changed == [f"{name}.weight"]


def test_thresholds_veto_and_short_sentences():
    clf = FineTunedNeedClassifier.build(_state(), CATS, np.array([0.5, 0.5, 0.5]), {"version": "t"}, veto=0.1)
    sentences = ["the copay for my inhaler went up again this year", "thanks all!", "my hair is falling out on this drug"]
    hits, vetoed = clf.assess(sentences, [{"side_effect_burden"}, {"side_effect_burden"}, {"access_and_cost"}])
    assert hits == [["access_and_cost"], [], ["access_and_cost"]]
    # a rule hit scored below the veto is dropped; a short sentence is never scored, so never vetoed
    assert vetoed == [{"side_effect_burden"}, set(), set()]
    off = FineTunedNeedClassifier.build(_state(), CATS, np.array([0.5, 1.01, 0.5]), {"version": "t"})
    assert off.predict(sentences) == [[], [], []]  # above 1: the category is left to the rules


def test_resource_round_trip(tmp_path):
    name = "encoder.layer.5.output.dense"
    state = _state(adapter=None)
    state[f"{name}.lora_a"] = np.full((RANK, 1536), 0.01, np.float32)
    state[f"{name}.lora_b"] = np.full((384, RANK), 0.01, np.float32)
    state["head.weight"] = np.random.default_rng(1).normal(size=(3, 384)).astype(np.float32)
    state["head.bias"] = np.zeros(3, np.float32)
    path = tmp_path / "r.npz"
    save_resource(path, {k: torch.tensor(v) for k, v in state.items()}, CATS,
                  {"precise": np.array([0.9, 0.9, 0.9]), "balanced": np.array([0.5, 0.5, 0.5])}, {"version": "x"}, veto=0.1)
    built = FineTunedNeedClassifier.build(state, CATS, np.array([0.5, 0.5, 0.5]), {})
    loaded = FineTunedNeedClassifier.from_bytes(path.read_bytes(), "balanced")
    texts = ["we waited nine months for a rheumatology appointment", "anyone know if this is normal?"]
    assert np.allclose(loaded.probabilities(texts), built.probabilities(texts), atol=2e-3)  # float16 storage
    assert loaded.version == "x" and loaded.veto == pytest.approx(0.1) and list(loaded.thresholds) == [0.5] * 3
    assert list(FineTunedNeedClassifier.from_bytes(path.read_bytes()).thresholds) == pytest.approx([0.9] * 3)
    with pytest.raises(ValueError, match="operating point"):
        FineTunedNeedClassifier.from_bytes(path.read_bytes(), "nope")


def test_batching_does_not_change_a_sentence_score():
    state = _state()
    state["head.weight"] = np.random.default_rng(2).normal(size=(3, 384)).astype(np.float32)
    clf = FineTunedNeedClassifier.build(state, CATS, np.full(3, 0.5), {})
    texts = [f"sentence number {i} about my {'very ' * (i % 7)}long wait for the clinic" for i in range(70)]
    together = clf.probabilities(texts)
    alone = np.stack([clf.probabilities([t])[0] for t in texts[:5]])
    assert np.allclose(together[:5], alone, atol=1e-4)


def test_placeholders_are_dropped():
    assert clean("thanks <PERSON_1>,  my   <LOCATION> clinic") == "thanks , my clinic"


def test_assess_shares_the_short_sentence_and_veto_rules_with_need_classifier():
    """One copy of the rules (insights.need_classifier.assess): a TF-IDF NeedClassifier whose intercepts equal the
    fine-tuned head's bias scores every sentence as the fine-tuned one does, so both give the same hits and vetoes."""
    from insights.need_classifier import NeedClassifier

    fine = FineTunedNeedClassifier.build(_state(), CATS, np.full(3, 0.5), {"version": "t"}, veto=0.1)
    tfidf = NeedClassifier(categories=CATS, vocabulary={}, idf=np.zeros(0, np.float32), weights=np.zeros((0, 3), np.float32),
                           intercepts=np.array([-6.0, 6.0, -6.0], np.float32),
                           operating_points={"t": np.full(3, 0.5, np.float32)}, operating_point="t", meta={}, veto=0.1)
    sentences = ["my hair is falling out on this drug", "Hi <PERSON_1>, thanks!", "the copay went up again"]
    ruled = [{"side_effect_burden", "access_and_cost"}, {"side_effect_burden"}, set()]
    expected = ([["access_and_cost"], [], ["access_and_cost"]], [{"side_effect_burden"}, set(), set()])
    assert fine.assess(sentences, ruled) == tfidf.assess(sentences, ruled) == expected
    assert fine.predict(sentences) == tfidf.predict(sentences) == expected[0]
