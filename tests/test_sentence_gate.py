"""GatedMatcher (insights/sentence_gate.py): a Matcher's patterns run only on the sentences where
they can match, with the same in-sentence matches in the same order as one whole-doc Matcher."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest
from spacy.matcher import Matcher

from insights.nlp import load_extraction_pipeline
from insights.sentence_gate import GatedMatcher, anchor_of, word_tests
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def nlp():
    return load_extraction_pipeline()


@pytest.fixture(scope="module")
def gold_docs(nlp):
    """The needs/roles gold sentences, alone and joined five by five into posts (so that Matcher
    states run across sentence boundaries in the whole-doc Matcher)."""
    texts = [json.loads(line)["text"] for line in (REPO_ROOT / "data/gold/needs_roles.jsonl").read_text("utf-8").splitlines() if line.strip()]
    posts = [" ".join(texts[i : i + 5]) for i in range(0, len(texts), 5)]
    return list(nlp.pipe(texts + posts))


def plain_matcher(gated: GatedMatcher) -> Matcher:
    """One plain Matcher with the same keys, added in the same order."""
    plain = Matcher(gated.vocab)
    for key, patterns in gated.added:
        plain.add(key, patterns)
    return plain


def whole_doc_matches(gated: GatedMatcher, plain: Matcher, doc) -> dict[str, list]:
    """What ``plain`` finds inside sentences, per group."""
    sent_of = {t.i: i for i, s in enumerate(doc.sents) for t in s}
    out = defaultdict(list)
    for match_id, start, end in plain(doc):
        if sent_of[start] == sent_of[end - 1]:
            out[gated.group_of(doc.vocab.strings[match_id])].append((match_id, start, end))
    return out


def gated_matches(gated: GatedMatcher, doc) -> dict[str, list]:
    out = defaultdict(list)
    for match_id, start, end in gated(doc):
        out[gated.group_of(doc.vocab.strings[match_id])].append((match_id, start, end))
    return out


def test_required_word_tests_and_the_anchor():
    pattern = [{"LOWER": {"IN": ["i", "we"]}}, {"LEMMA": "be", "OP": "?"}, {"LOWER": "denied", "IS_ALPHA": True},
               {"OP": "*"}, {"TEXT": "PA", "OP": "+"}, {"LOWER": "no", "OP": "!"}, {"LOWER": {"REGEX": "^x"}}]
    # "?", "*" and "!" tokens are not required; TEXT is ORTH
    assert word_tests(pattern) == [("LOWER", "IN", ["i", "we"]), ("LOWER", "IN", ["denied"]), ("ORTH", "IN", ["PA"]), ("LOWER", "REGEX", "^x")]
    assert anchor_of(pattern) == ("LOWER", "IN", ["denied"])  # stop words ("i", "we") rarely rule a sentence out
    assert anchor_of([{"LOWER": {"REGEX": "^x"}}]) == ("LOWER", "REGEX", "^x")
    assert word_tests([{"LOWER": {"IN": [1, 2]}}, {"_": {"x": True}}, {"LIKE_NUM": True}]) == []  # only strings, only token text


def test_a_group_runs_only_where_all_word_tests_of_one_pattern_are_met(nlp):
    gated = GatedMatcher(nlp.vocab)
    gated.add("denied", [[{"LOWER": {"IN": ["claim", "it"]}}, {"LEMMA": "be"}, {"LOWER": "denied"}]])
    gated.add("auth", [[{"LOWER": "prior"}, {"LOWER": "auth"}]])
    gated.add("ending", [[{"LOWER": {"REGEX": "mab$"}}]])
    gated.add("number", [[{"LIKE_NUM": True}, {"LOWER": {"IN": ["mg", "ml"]}, "OP": "?"}]])  # no word test: every sentence
    doc = nlp("My claim was denied. Nothing about auth here. Prior auth again. It was fine on Humira (adalimumab).")
    live = [gated.live(s) for s in doc.sents]
    assert live == [["denied", "number"], ["number"], ["auth", "number"], ["ending", "number"]]
    assert [(doc.vocab.strings[k], doc[s:e].text) for k, s, e in gated(doc)] == [
        ("denied", "claim was denied"), ("auth", "Prior auth"), ("ending", "adalimumab")]
    third = list(doc.sents)[2]  # a span is one sentence; offsets stay the doc's
    assert [(doc.vocab.strings[k], doc[s:e].text) for k, s, e in gated(third)] == [("auth", "Prior auth")]


def unmet_need_matcher(nlp):
    from insights.unmet_needs import UnmetNeedMatcher

    gated = UnmetNeedMatcher(nlp=nlp).matcher
    assert len(gated.matchers) < len(gated.added)  # a category and its subcategories share a Matcher
    return gated


def speaker_role_matcher(nlp):
    from insights.speaker_role import SpeakerRoleMatcher

    return SpeakerRoleMatcher(nlp.vocab).matcher


@pytest.mark.parametrize("build", [unmet_need_matcher, speaker_role_matcher])
def test_gated_cues_same_matches_in_the_same_order_as_one_matcher(nlp, gold_docs, build):
    gated = build(nlp)
    plain, found = plain_matcher(gated), 0
    for doc in gold_docs:
        expected = whole_doc_matches(gated, plain, doc)
        assert gated_matches(gated, doc) == expected, doc.text
        found += sum(map(len, expected.values()))
    assert found > 300


def test_native_drug_name_accepts_exactly_what_the_getter_accepts(nlp):
    """The unmet-need rules test ``need_drug_name`` as IS_ALPHA + LOWER IN: same tokens as the getter."""
    from insights.unmet_needs import native_drug_name

    doc = nlp("Wegovy and metformin, LIPITOR, lipitor's, Met, asa, the statin, İbuprofen ibuprofen-induced "
              "sertraline2 on Dupixent; my garden, nothing, insulin glargine.")
    getter, native = Matcher(doc.vocab), Matcher(doc.vocab)
    getter.add("d", [[{"_": {"need_drug_name": True}}]])
    native.add("d", [[native_drug_name({"_": {"need_drug_name": True}})]])
    expected = getter(doc)
    assert native(doc) == expected
    assert {doc[s].lower_ for _, s, _ in expected} >= {"wegovy", "metformin", "lipitor", "dupixent", "insulin"}
    assert native_drug_name({"LOWER": "x"}) == {"LOWER": "x"}
    assert native_drug_name({"_": {"need_drug_name": True}, "OP": "?"})["OP"] == "?"


def test_symptom_body_patterns_same_matches_as_one_matcher(nlp, gold_docs, medical):
    """"<body part> <complaint>" patterns: no pattern takes sentence-final punctuation, so the whole-doc
    Matcher finds nothing across sentences and the gated one finds the very same list."""
    from spacy.tokens import Doc

    from insights.extraction.symptoms import SymptomRecognizer

    (symptoms,) = [r for r in medical.entities.recognizers if isinstance(r, SymptomRecognizer)]
    gated = symptoms.body
    plain = plain_matcher(gated)
    texts = [json.loads(line)["text"] for line in (REPO_ROOT / "data/gold/assertions.jsonl").read_text("utf-8").splitlines() if line.strip()]
    found = 0
    for doc in [*gold_docs, *nlp.pipe(texts)]:
        assert gated(doc) == plain(doc), doc.text
        found += len(plain(doc))
    assert found > 20
    # a doc without sentence boundaries (the misspelling rule's corrected copy) is one sentence
    words = ["my", "knees", "are", "so", "swollen", ".", "heart", "related", "problems"]
    bare = Doc(nlp.vocab, words=words)
    assert gated(bare) == plain(bare) and len(plain(bare)) == 2
