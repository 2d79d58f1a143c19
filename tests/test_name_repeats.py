"""A name found once in a post is redacted wherever else the post writes it the same way; and
the small model's lone "ORG" guesses that are shaped like names become PERSON."""
from __future__ import annotations

import re

import pytest

from deid.name_repeats import repeat_names
from deid.spans import Span


def _repeats(text: str, name: str) -> list[str]:
    start = text.index(name)
    spans = [Span(start, start + len(name), "PERSON")]
    return [text[s.start : s.end] for s in repeat_names(spans, text)]


@pytest.mark.parametrize(
    "text,name,expected",
    [
        ("my name is Nkechi Okafor but everyone calls me Nkechi", "Nkechi Okafor", ["Nkechi"]),
        ("Thanks Nkechi! Nkechi's advice helped, ask Jerković too", "Nkechi", ["Nkechi"]),
        ("directed by Dilnoza Karimova and starring Karimova", "Dilnoza Karimova", ["Karimova"]),
        # written another way (case) or inside another word: not repeated
        ("Borna said hi; borna is also a word in my notes; Bornas", "Borna", []),
        # English, drug, all-capital and unlisted unnamelike words, and eponyms: never repeated
        ("Will Smith will come", "Will Smith", []),
        ("Rice Nkemelu eats rice and Rice", "Rice Nkemelu", []),
        ("Blautix told me to take Blautix", "Blautix", []),
        ("KATE said KATE", "KATE", []),
        ("Dr Bell said my Bell's palsy is better", "Bell", []),
        ("Lyrica gave me Lyrica fog", "Lyrica", []),
    ],
)
def test_repeat_names(text, name, expected):
    assert _repeats(text, name) == expected


def test_no_person_no_search():
    assert repeat_names([Span(0, 5, "LOCATION")], "Paris loves Paris") == []


@pytest.mark.parametrize(
    "text,hidden",
    [
        ("Is there a better example of unbridled creativity than early Vassiliev?", "Vassiliev"),
        ("my name is Nkechi Okafor but everyone calls me Nkechi", "Nkechi"),
    ],
)
def test_names_found_in_the_engine(deidentifier, text, hidden):
    assert not re.search(r"\b" + hidden + r"\b", deidentifier.deidentify(text).text)


@pytest.mark.parametrize(
    "text,kept",
    [
        ("My pump is from Medtronic and the sensor from Dexcom.", ["Medtronic", "Dexcom"]),
        ("Tamoxifen made me tired, Arimidex too", ["Tamoxifen", "Arimidex"]),
        ("I get my meds through Optum and Express Scripts.", ["Optum", "Express Scripts"]),
    ],
)
def test_organisations_and_drugs_stay(deidentifier, text, kept):
    result = deidentifier.deidentify(text).text
    for word in kept:
        assert word in result
