"""The unmet-need sentence classifier (insights.need_classifier) and rules OR classifier."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import time
from importlib import resources

import numpy as np
import pytest

from insights.need_classifier import NeedClassifier, features, load_classifier
from insights.unmet_needs import UnmetNeedMatcher, load_taxonomy

from .conftest import REPO_ROOT

TRAINING_GOLD = [REPO_ROOT / "data" / "gold" / name for name in (
    "needs_roles.jsonl", "needs_roles_heldout.jsonl", "needs_roles_heldout2.jsonl", "needs_roles_heldout3.jsonl", "needs_roles_heldout4.jsonl",
    "needs_roles_heldout5.jsonl", "needs_roles_heldout6.jsonl",
    "needs_roles_heldout7.jsonl",  # v5: HO7 (v4's blind set) is training data
    "needs_roles_heldout8.jsonl", "needs_roles_heldout9.jsonl",  # v6: HO8 and HO9 too
    "needs_roles_heldout10.jsonl", "needs_roles_heldout11.jsonl")]  # v7: HO10 and HO11 too; held-out 12 is v7's blind set
VETO_GOLD = TRAINING_GOLD  # the default pipeline's TF-IDF veto stays v7 (fourteenth round: the v9 veto failed its criterion)
CLASSIFIER_GOLD = TRAINING_GOLD + [REPO_ROOT / "data" / "gold" / f"needs_roles_heldout{i}.jsonl" for i in range(12, 18)]  # v9: HO12-HO17


def _training_script():
    spec = importlib.util.spec_from_file_location("train_need_classifier", REPO_ROOT / "training" / "needs" / "train_need_classifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rules():
    return UnmetNeedMatcher()


@pytest.fixture(scope="module")
def combined(rules):
    return UnmetNeedMatcher(nlp=rules.nlp, classifier=load_classifier())


def categories(matcher, text):
    return {m.category for m in matcher.extract([text])}


def test_packaged_model_is_small_and_trained_on_our_gold_only():
    clf = load_classifier()
    assert clf.categories == tuple(load_taxonomy().categories)
    assert clf.weights.shape == (len(clf.vocabulary), len(clf.categories)) and clf.idf.shape == (len(clf.vocabulary),)
    assert resources.files("insights.lexicons").joinpath("need_classifier.npz").read_bytes().__len__() < 3_000_000
    assert set(clf.operating_points) == {"balanced", "precise"} and clf.operating_point == "precise"
    # the training files are ours, and the shipped weights were trained on their current content
    assert clf.meta["training_files"] == {f"data/gold/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in CLASSIFIER_GOLD}
    assert not any(f"heldout{i}." in k for k in clf.meta["training_files"] for i in (18, 19))  # v9's blind sets
    assert clf.version == "9.0.0"
    # v2+: a MiniLM block of weights, and a veto
    assert clf.embedding_weights.shape == (384, len(clf.categories)) and 0 < clf.veto < min(clf.thresholds)


@pytest.mark.slow  # about 2-4 min on 2 cores: embeds 5,446 sentences (v9) and fits 9 models
def test_training_script_reproduces_the_shipped_weights():
    train = _training_script()
    shipped = load_classifier()
    data, meta = train.train(cross_validate=False, thresholds=shipped.operating_points, add=train.CLASSIFIER_ADDED)
    assert train.same_model(NeedClassifier.from_bytes(data), shipped)
    assert meta["training_files"] == shipped.meta["training_files"]


def test_scores_match_scikit_learn_tfidf_plus_minilm():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from insights.embeddings import embed

    clf = load_classifier()
    texts = ["The copay went up to $400 again!", "Nobody told me anything.", "", "zzzz qqqq"]
    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, vocabulary=sorted(clf.vocabulary, key=clf.vocabulary.get))
    vectorizer.fit(["x"])
    vectorizer.idf_ = clf.idf.astype(np.float64)
    vectors = np.zeros((len(texts), 384))
    vectors[:2] = embed(texts[:2])  # sentences under MIN_TOKENS tokens are not embedded
    scores = vectorizer.transform(texts) @ clf.weights.astype(np.float64) + vectors @ clf.embedding_weights + clf.intercepts
    assert np.allclose(clf.probabilities(texts), 1 / (1 + np.exp(-scores)), atol=1e-4)
    assert clf.probabilities([]).shape == (0, len(clf.categories))


# Written for this test (not in any gold file): paraphrases the rules (v2.3.0 to v2.8.0) miss.
@pytest.mark.parametrize(
    "text,category",
    [
        ("Why is it so hard to get a straight answer about what the blood test numbers mean", "information_gap"),
        ("I've been trying to get someone to explain my pathology report for a month.", "information_gap"),
        ("The tablets leave me so queasy that I spend half the day lying on the sofa.", "side_effect_burden"),  # v2.7 rules find "curled up in bed"
        ("Getting my mother in and out of the bath every night has left my shoulders wrecked.", "caregiver_burden"),
        ("Our son's behaviour since the brain injury means one of us has to be awake with him all night.", "caregiver_burden"),
        ("The two hospitals can't share my scans so I keep repeating them.", "care_coordination"),
        ("My kidney doctor and my heart doctor keep giving me orders that cancel each other out.", "care_coordination"),
        ("For years everyone assumed it was nerves, but it was my thyroid.", "diagnosis_journey"),  # v2.5 rules find "told me it was … the whole time"; v2.15 "thought it was just"
        ("I can't keep a job because of the flares.", "daily_life_and_work"),
        ("I had to hand in my notice because I couldn't manage the commute any more.", "daily_life_and_work"),
    ],
)
def test_classifier_finds_paraphrases_the_rules_miss(rules, combined, text, category):
    assert category not in categories(rules, text)
    assert category in load_classifier().predict([text])[0]
    found = [m for m in combined.extract([text]) if m.category == category]
    assert len(found) == 1 and found[0].cue == "classifier" and found[0].subcategory is None
    assert found[0].evidence == text and (found[0].start_char, found[0].end_char) == (0, len(text))


def test_shortage_paraphrase_is_ranked_access_but_left_to_the_rules_below_the_threshold():
    # v2-v5 found this one (written for this test); v6 ranks access_and_cost first but scores it just under
    # its precise threshold (0.77 < 0.80): a near miss that no rule covers either (docs/unmet_needs.md, v6)
    clf = load_classifier()
    text = "The pharmacy said the patches won't be back in stock until spring."
    p = dict(zip(clf.categories, clf.probabilities([text])[0]))
    assert max(p, key=p.get) == "access_and_cost" and 0.5 < p["access_and_cost"]


@pytest.mark.parametrize(
    "text",
    [
        "We went to the beach on Saturday and had a lovely time.",
        "Thanks so much for sharing your story.",
        "Good luck with your appointment tomorrow!",
        "The weather has been nice this week.",
        "My doctor explained everything clearly.",
        "I've been on this dose for a year with no side effects at all.",
        "Lovely photos of the garden, thanks for posting.",
        "We're meeting for coffee after the support group on Thursday.",
        "Happy birthday to your little one!",
    ],
)
def test_no_need_sentences_get_nothing(combined, text):
    assert load_classifier().predict([text]) == [[]]
    assert categories(combined, text) == set()


def _toy_classifier(word: str, category: str, veto: float = 0.0) -> NeedClassifier:
    """A real NeedClassifier whose only feature is one word, strongly tied to one category."""
    cats = tuple(load_taxonomy().categories)
    weights = np.zeros((1, len(cats)), dtype=np.float32)
    weights[0, cats.index(category)] = 10.0
    return NeedClassifier(categories=cats, vocabulary={f"w:{word}": 0}, idf=np.ones(1, dtype=np.float32), weights=weights,
                          intercepts=np.full(len(cats), -3.0, dtype=np.float32),
                          operating_points={"toy": np.full(len(cats), 0.5, dtype=np.float32)}, operating_point="toy", meta={},
                          veto=veto)


def test_classifier_hits_respect_the_rules_negation_guard(rules):
    matcher = UnmetNeedMatcher(nlp=rules.nlp, classifier=_toy_classifier("insurance", "access_and_cost"))
    assert categories(matcher, "Fighting with the insurance people again this week.") == {"access_and_cost"}
    # a guard phrase silences the sentence for the classifier too
    assert categories(matcher, "No trouble with insurance at all.") == set()
    # a negated rule cue of the same category blocks the classifier's hit in that sentence
    matcher = UnmetNeedMatcher(nlp=rules.nlp, classifier=_toy_classifier("dose", "side_effect_burden"))
    assert categories(matcher, "The new dose is wrecking me.") == {"side_effect_burden"}
    assert "side_effect_burden" not in categories(matcher, "Zero side effects on the new dose.")


def test_classifier_does_not_add_back_a_category_an_unless_clause_vetoed(rules):
    """v2.9: a resolved frame ("the shortage seems to be over") keeps its category out for the classifier too."""
    matcher = UnmetNeedMatcher(nlp=rules.nlp, classifier=_toy_classifier("shortage", "access_and_cost"))
    assert categories(matcher, "There is a shortage at my chemist again.") == {"access_and_cost"}
    assert "access_and_cost" not in categories(matcher, "The patch shortage seems to be over, my chemist had plenty.")


def test_veto_drops_a_rule_hit_the_classifier_scores_very_low(rules):
    text = "My insurance denied the claim again."
    assert "access_and_cost" in categories(rules, text)
    # the toy scores every category 0.047 unless its word is in the sentence
    assert "access_and_cost" in categories(UnmetNeedMatcher(nlp=rules.nlp, classifier=_toy_classifier("zebra", "access_and_cost")), text)
    assert "access_and_cost" not in categories(UnmetNeedMatcher(nlp=rules.nlp, classifier=_toy_classifier("zebra", "access_and_cost", 0.1)), text)
    assert "access_and_cost" in categories(UnmetNeedMatcher(nlp=rules.nlp, classifier=_toy_classifier("insurance", "access_and_cost", 0.1)), text)
    # short sentences are never vetoed (nor given classifier hits)
    short = "Insurance denied it."
    assert "access_and_cost" in categories(UnmetNeedMatcher(nlp=rules.nlp, classifier=_toy_classifier("zebra", "access_and_cost", 0.1)), short)


def test_shipped_veto_corrects_a_rule_false_positive(rules, combined):
    # written for this test: a diagnosis journey the rules read as care coordination
    text = "Spent five years bouncing between doctors before the word fibromyalgia came up."
    assert categories(rules, text) == {"care_coordination"}
    assert categories(combined, text) == {"diagnosis_journey"}


def test_rule_hit_keeps_its_cue_and_subcategory(combined):
    found = {m.category: m for m in combined.extract(["My insurance denied the claim again."])}
    assert found["access_and_cost"].subcategory == "insurance_denial" and found["access_and_cost"].cue != "classifier"


def test_speed_sanity():
    clf = load_classifier()
    texts = [json.loads(line)["text"] for line in TRAINING_GOLD[0].read_text(encoding="utf-8").splitlines()][:128]
    clf.probabilities(texts[:10])
    start = time.perf_counter()
    clf._tfidf_scores(texts)
    assert (time.perf_counter() - start) / len(texts) < 0.001  # the TF-IDF part: about 0.04 ms a sentence
    start = time.perf_counter()
    clf.probabilities(texts)
    # with the MiniLM block: about 4 ms a sentence on 2 CPU cores (docs/unmet_needs.md), hence off by default
    assert (time.perf_counter() - start) / len(texts) < 0.05


@pytest.mark.parametrize("text", ["Hi <PERSON_1>,", "Hugs, <PERSON_3>", "<PERSON_2>", "xx <PERSON_1>", "Thanks, <PERSON_12>!"])
def test_placeholders_and_sign_offs_get_nothing(combined, text):
    # de-identified text carries placeholders the training sentences never had: they are not features
    assert "person" not in " ".join(features(text)).lower()
    assert load_classifier().predict([text]) == [[]]
    assert categories(combined, text) == set()


def test_published_needs_use_the_classifier_only_when_asked():
    from types import SimpleNamespace

    from insights.nlp import load_extraction_pipeline
    from pipelines.stages.needs import NeedRows

    nlp = load_extraction_pipeline()
    doc = nlp("I can't keep a job because of the flares.")
    post = SimpleNamespace(base=lambda: {"post_key": "p", "community": "c", "period_month": "2026-01", "speaker_role": "patient"})
    default = NeedRows(nlp).rows(doc, post)["unmet_needs"]
    asked = NeedRows(nlp, classifier=True).rows(doc, post)["unmet_needs"]
    assert not any(r["cue"] == "classifier" for r in default)
    assert any(r["cue"] == "classifier" and r["category"] == "daily_life_and_work" for r in asked)


# v4: the default pipeline's TF-IDF-only veto (insights/lexicons/need_veto.npz)
def test_packaged_veto_is_tfidf_only_never_predicts_and_is_trained_on_our_gold():
    from insights.need_classifier import load_veto

    veto = load_veto()
    assert veto.embedding_weights is None and veto.version == "7.0.0" and veto.veto == pytest.approx(0.05)  # v5: 0.05 (v4: 0.10)
    assert all((t > 1).all() for t in veto.operating_points.values())  # it never adds a hit
    assert veto.meta["training_files"] == {f"data/gold/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in VETO_GOLD}
    assert veto.predict(["The copay went up to $400 again and I can't afford it."]) == [[]]


def test_veto_only_drops_rule_hits_and_scores_only_sentences_with_one(rules):
    from insights.need_classifier import load_veto

    veto = load_veto()
    scored = []

    class Counting:  # the packaged veto, recording which sentences it is asked to score
        def vetoed(self, sentences, rule_categories):
            scored.extend(sentences)
            return veto.vetoed(sentences, rule_categories)

    matcher = UnmetNeedMatcher(nlp=rules.nlp, veto=Counting())
    texts = ["The weather was lovely today and we walked the dog. My insurance denied the claim again.",
             "Worried sick about the biopsy on Friday.", "Lunch was nice.", "I can't afford my inhaler anymore."]
    for text in texts:
        with_veto, alone = categories(matcher, text), categories(rules, text)
        assert with_veto <= alone  # never adds
    assert "The weather was lovely today and we walked the dog." not in scored and "Lunch was nice." not in scored
    assert "My insurance denied the claim again." in scored
    # a rule hit the veto scores below its threshold (0.05) is dropped (the probability decides, not a list)
    text = "My insurance denied the claim again."
    p = dict(zip(veto.categories, veto.probabilities([text])[0]))
    assert ("access_and_cost" in categories(matcher, text)) == (p["access_and_cost"] >= veto.veto)


@pytest.mark.slow  # about 20-70 s on 2 cores: TF-IDF and 9 logistic regressions, no cross-validation
def test_training_script_reproduces_the_shipped_veto():
    from insights.need_classifier import load_veto

    train = _training_script()
    data, _ = train.train_veto()
    assert train.same_model(NeedClassifier.from_bytes(data), load_veto())
