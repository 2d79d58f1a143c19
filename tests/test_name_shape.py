"""The name-shape model: names from outside the lists score above the threshold, English,
drug and symptom words below it."""
from __future__ import annotations

import pytest

from deid.name_shape import NAME_SHAPE_THRESHOLD, name_likeness


@pytest.mark.parametrize("word", ["Muslija", "Sedej", "Kadiev", "Hahli"])
def test_names_from_outside_the_lists_look_like_names(word):
    assert name_likeness(word) >= NAME_SHAPE_THRESHOLD


@pytest.mark.parametrize("word", ["Trulicity", "Entresto", "Dupixent", "Ozempic", "Eliquis", "Melatonin", "Instagram", "hospital", "headache", "nausea"])
def test_drugs_apps_and_english_words_do_not(word):
    assert name_likeness(word) < NAME_SHAPE_THRESHOLD


def test_case_does_not_matter():
    assert name_likeness("Muslija") == name_likeness("muslija")
