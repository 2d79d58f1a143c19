"""Place cues are one data resource (deid/resources/place_cues.yaml) read by both place recognizers."""
from __future__ import annotations

import pytest

from deid.recognizers.city import CityRecognizer
from deid.recognizers.place_cues import cue_alternation, cues, weak_for_short_forms
from deid.recognizers.well_known_place import WellKnownPlaceRecognizer


def _found(recognizer, text: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, ["LOCATION"])]


def test_one_list_for_both_recognizers():
    assert cues("city") == cues("well_known_place")
    assert {"in", "moved to", "outside of", "visiting", "at", "close to"} <= set(cues("city"))
    assert cues("city").index("outside of") < cues("city").index("outside")  # longer cue tried first
    assert weak_for_short_forms() == {"to", "into", "around", "near", "at"}
    assert r"moved\ to" in cue_alternation("city")
    with pytest.raises(ValueError):
        cues("postcode")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("We are visiting Asheville next week.", ["Asheville"]),
        ("The clinic is just outside of Akron.", ["Akron"]),
        ("I drive from Boise every month.", ["Boise"]),
        ("Felt fine in the morning.", []),
    ],
)
def test_city_after_cue(text, expected):
    assert _found(CityRecognizer(), text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("we moved to LA last year", ["LA"]),
        ("i was born in australia", ["australia"]),
        ("my endo switched me to LA insulin", []),  # "to" alone is no cue for a short form
        ("my appointment at the VA went fine", []),  # nor is "at"
    ],
)
def test_well_known_place_after_cue(text, expected):
    assert _found(WellKnownPlaceRecognizer(), text) == expected
