"""Assertion rules added after the blind held-out set 2a (docs/labelling_guide_assertions.md).

Sentences written for these tests (not taken from any gold file); each checks one trigger list
or rule in ``insights/lexicons/assertion_triggers.yaml`` on a real spaCy parse.
"""
from __future__ import annotations

import pytest


def _status(medical, text, surface):
    found = {m.text: (m.assertion, m.assertion_cue) for m in medical.entities(medical.nlp(text))}
    assert surface in found, (text, found)
    return found[surface][0]


@pytest.mark.parametrize(
    "text, surface, status",
    [
        # standard NegEx triggers and apostrophe-less forum spellings (after held-out 2b)
        ("My scan came back negative for lupus.", "lupus", "negated"),
        ("Free from migraines for a month now!", "migraines", "negated"),
        ("i havent had a headache since april", "headache", "negated"),
        ("I finally got over the insomnia.", "insomnia", "negated"),
        ("ask your doctor about blood clots before starting the pill", "blood clots", "hypothetical"),
        # resolution verbs and idioms after the mention
        ("My heartburn has subsided since I cut out coffee.", "heartburn", "negated"),
        ("The nausea wore off by lunchtime.", "nausea", "negated"),
        ("those night sweats are a thing of the past", "night sweats", "negated"),
        ("the acne cleared in about six weeks", "acne", "negated"),
        # label-and-answer form, across the separator's sentence break
        ("Headaches: gone. Sleep: better.", "Headaches", "negated"),
        ("nausea? none since the second week", "nausea", "negated"),
        ("Nausea: still there, worse at night.", "Nausea", "experienced"),
        ("Headache? yes, every day.", "Headache", "experienced"),
        # reported question and answer
        ("the nurse asked if i had any dizziness and i said no", "dizziness", "negated"),
        ("He asked if I had depression.", "depression", "experienced"),
        # a negated claim before the mention cancels a negation after it
        ("I don't think the rash is gone yet.", "rash", "experienced"),
        ("I wouldn't say the insomnia has disappeared.", "insomnia", "experienced"),
        # a wish before a negation is a hypothesis
        ("hoping i don't get the hair loss this time", "hair loss", "hypothetical"),
        ("hopefully no nausea on the next cycle", "nausea", "hypothetical"),
        ("I hope the rash is gone by the wedding.", "rash", "hypothetical"),
        # label language after the mention
        ("Is weight gain a known side effect of this?", "weight gain", "hypothetical"),
        ("the insert lists insomnia as a common side effect", "insomnia", "hypothetical"),
        # kin without "my", longer "my ..." forms, possessive right before the mention
        ("Mom was diagnosed with diabetes last spring.", "diabetes", "family"),
        ("grandpa had asthma all his life", "asthma", "family"),
        ("my best friend gets migraines too", "migraines", "family"),
        ("his eczema is awful every winter", "eczema", "family"),
        ("I told her my nausea was worse.", "nausea", "experienced"),
        ("Mom of 3 here and the fatigue is brutal", "fatigue", "experienced"),
        # unchanged: plain negation and experience
        ("No rash this time around.", "rash", "negated"),
        ("The rash is back again.", "rash", "experienced"),
    ],
)
def test_assertion_rules(medical, text, surface, status):
    assert _status(medical, text, surface) == status


def test_eval_counts_mentions_not_found_apart(medical):
    from pipelines.evaluation.assertion_eval import evaluate

    records = [
        {"text": "No nausea so far.", "start": 3, "end": 9, "status": "negated"},
        {"text": "The weather was grim all week.", "start": 4, "end": 11, "status": "negated"},  # no mention there
    ]
    report = evaluate(records, medical.entities)
    assert (report["records"], report["mentions_found"], report["missed"]) == (2, 1, 1)
    negated = report["per_status"]["negated"]
    assert (negated["predicted"], negated["precision"], negated["recall"]) == (1, 1.0, 0.5)
