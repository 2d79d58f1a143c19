"""A drug name as patients misspell it is kept as content, but only a single edit away: a name
two edits from some drug in the 107k-variant dictionary ("Natasza", "Flurina") is no misspelling."""
from __future__ import annotations

import re

import pytest

from deid.gazetteers import looks_like_drug


@pytest.mark.parametrize(
    "word",
    [
        "Zocar",  # a letter changed (Zocor)
        "Liptior",  # two letters swapped (Lipitor)
        "Simvistatin",  # a letter changed (simvastatin)
        "ginko",  # a letter dropped (ginkgo)
        "seroquell",  # a letter added (Seroquel)
        "Tamoxifen",  # the drug itself
    ],
)
def test_misspelt_drugs(word):
    assert looks_like_drug(word)


@pytest.mark.parametrize(
    "word",
    [
        "Merima",  # two edits from a drug variant: a letter dropped in one place, one added in another
        "Flurina",
        "Helma",
        "Marylin",
        "Jennifer",  # a listed first name
        "Tab",  # too short
        "warm",
    ],
)
def test_not_misspelt_drugs(word):
    assert not looks_like_drug(word)


@pytest.mark.parametrize(
    "text,hidden",
    [
        # "Merima" is two edits from a drug variant and in no name list: the verb or the first
        # mention is the cue, and the drug guard no longer vetoes it
        ("Merima spent a year at the clinic before moving.", "Merima"),
        ("my name is merima okoye but everyone calls me merima", "merima"),
    ],
)
def test_names_two_edits_from_a_drug_are_redacted(deidentifier, text, hidden):
    assert not re.search(r"\b" + hidden + r"\b", deidentifier.deidentify(text).text)


@pytest.mark.parametrize(
    "text,kept",
    [
        ("I take Liptior and ginko every morning.", ["Liptior", "ginko"]),
        ("Zocar gave me muscle pain, so I switched.", ["Zocar"]),
    ],
)
def test_misspelt_drugs_stay(deidentifier, text, kept):
    result = deidentifier.deidentify(text).text
    for word in kept:
        assert word in result
