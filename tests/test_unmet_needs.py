from __future__ import annotations

import pytest

from insights.unmet_needs import UnmetNeedMatcher, load_taxonomy


@pytest.fixture(scope="module")
def matcher():
    return UnmetNeedMatcher()


@pytest.mark.parametrize(
    "text,category,cue",
    [
        ("Nobody told me the hot flashes would be this bad.", "information_gap", "nobody told me"),
        ("My insurance denied the claim again.", "access_and_cost", "denied the claim"),
        ("We can't afford the copay anymore.", "access_and_cost", "can't afford"),
        ("The trial site is hours away and I can't take time off work.", "trial_participation_barrier", "time off work"),
        ("I feel so alone with this.", "emotional_support", "feel so alone"),
        ("Looking after dad around the clock, no respite at all.", "caregiver_burden", "around the clock"),
        ("Still waiting for a referral, nobody called me back.", "care_coordination", "waiting for a referral"),
    ],
)
def test_category_and_cue(matcher, text, category, cue):
    hits = [m for m in matcher.extract([text]) if m.category == category]
    assert hits, f"no {category} in {text!r}"
    assert cue in {h.cue for h in hits}


def test_evidence_is_the_sentence_and_offsets_are_right(matcher):
    text = "Started letrozole in May. Nobody warned me about joint pain! Otherwise fine."
    hits = [m for m in matcher.extract([text]) if m.category == "information_gap"]
    assert len(hits) == 1
    assert hits[0].evidence == "Nobody warned me about joint pain!"
    assert hits[0].sentence_index == 1
    assert text[hits[0].start_char : hits[0].end_char].lower() == hits[0].cue


def test_no_need_in_neutral_text(matcher):
    assert list(matcher.extract(["Had a lovely walk with the dog today."])) == []


def test_taxonomy_is_versioned_data():
    tax = load_taxonomy()
    assert tax.version
    assert {"information_gap", "access_and_cost", "side_effect_burden", "emotional_support", "caregiver_burden",
            "trial_participation_barrier", "care_coordination"} <= set(tax.categories)
    for name, spec in tax.categories.items():
        assert spec["description"] and (spec.get("phrases") or spec.get("lemmas")), name
