from __future__ import annotations

import pytest

from insights.nlp import load_extraction_pipeline
from insights.speaker_role import (
    ROLES,
    infer_role,
    infer_sentence_role,
    load_role_lexicon,
)


@pytest.fixture(scope="module")
def nlp():
    return load_extraction_pipeline()


# Sentences written for these tests (not copied from the gold set).
@pytest.mark.parametrize(
    "text,role",
    [
        ("I was diagnosed with RA in 2019.", "patient"),
        ("My oncologist told me to keep going.", "patient"),
        ("Since I started the shots my sugar is better.", "patient"),
        ("My husband was diagnosed with Parkinson's last year.", "caregiver"),
        ("My mom's chemo got pushed back again.", "caregiver"),
        ("Caring for my father has taken over my life.", "caregiver"),
        ("As a nurse, I see this every week.", "clinician"),
        ("Pharmacist here, that combination is fine.", "clinician"),
        ("I'm an oncology nurse and my dad was just diagnosed.", "caregiver"),  # family beats profession
        ("My wife drives me to every infusion.", "patient"),  # family mentioned, speaker is the patient
        ("Drink lots of water the day before.", "unknown"),
        ("Thanks for sharing.", "unknown"),
    ],
)
def test_sentence_role(nlp, text, role):
    result = infer_sentence_role(nlp(text))
    assert result.role == role, result


def test_post_role_combines_sentences_and_reports_cue_labels_not_text(nlp):
    doc = nlp("Hi all. My daughter has type 1. Her endo wants to switch pumps and we are nervous.")
    result = infer_role(doc)
    assert result.role == "caregiver"
    assert 0 < result.confidence <= 1
    labels = {c["label"] for c in load_role_lexicon().cues}
    assert result.cues and set(result.cues) <= labels


def test_unknown_has_zero_confidence_and_no_cues(nlp):
    result = infer_role(nlp("Sending hugs. The weather is lovely."))
    assert (result.role, result.confidence, result.cues) == ("unknown", 0.0, ())


def test_lexicon_is_data():
    lex = load_role_lexicon()
    assert lex.version and set(lex.tie_order) == set(ROLES[:3])
    assert {c["role"] for c in lex.cues} == {"patient", "caregiver", "clinician"}
