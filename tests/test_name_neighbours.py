"""A name any recognizer found is completed by the words beside it (deid/name_neighbours.py):
a middle initial and the word across it, a first name that is also a word, the other names of a
list; never a medical word, an all-capital word, a stop word or an English word beside a seed
that is itself an English word."""
from __future__ import annotations

import pytest

from deid.name_neighbours import extend_names
from deid.spans import Span, resolve


def _completed(text: str, *seeds: str) -> list[str]:
    spans = []
    for seed in seeds:
        start = text.index(seed)
        spans.append(Span(start, start + len(seed), "PERSON"))
    spans = resolve(spans)
    return [text[s.start : s.end] for s in resolve(spans + extend_names(spans, text))]


@pytest.mark.parametrize(
    "text,seeds,expected",
    [
        # a middle initial: the word across it joins, capitalised even when English has it
        ("Account holder: Rose T Vandermeer", ["Vandermeer"], ["Rose T Vandermeer"]),
        ("Account holder: Rose T. Vandermeer", ["Vandermeer"], ["Rose T. Vandermeer"]),
        ("signed, Ingrid K Solberg", ["Ingrid"], ["Ingrid K Solberg"]),
        ("the Ásdís Þ Jónsdóttir case", ["Ásdís", "Jónsdóttir"], ["Ásdís Þ Jónsdóttir"]),
        # in lower case, a listed name across a letter other than "a" / "i"
        ("ask dolores r mcbride about it", ["dolores"], ["dolores r mcbride"]),
        # a first name that is also a word, one space before a found capitalised name
        ("she was called Ivy Zubrowski", ["Zubrowski"], ["Ivy Zubrowski"]),
        # lists: the other names, an English-word surname only beside a seed no dictionary knows
        ("the founders: Okonjo, Brennan and Cook.", ["Okonjo", "Brennan"], ["Okonjo", "Brennan", "Cook"]),
        ("Zubrowski and Baker were there", ["Zubrowski"], ["Zubrowski", "Baker"]),
        ("Zubrowski & Lindqvist", ["Zubrowski"], ["Zubrowski", "Lindqvist"]),
    ],
)
def test_completes_the_name(text, seeds, expected):
    assert _completed(text, *seeds) == expected


@pytest.mark.parametrize(
    "text,seeds",
    [
        # an English word beside a seed that is an English word too
        ("Capitalised words like Wisdom and Discipline", ["Discipline"]),
        ("Justice and Peace for all", ["Justice"]),
        # medical, all-capital, stop and chat words never join
        ("Zubrowski and Lisinopril", ["Zubrowski"]),
        ("Zubrowski and CVS", ["Zubrowski"]),
        ("Oh, and Pat", ["Pat"]),
        ("Nolan Pain Clinic", ["Nolan"]),
        # "a" or "i" in lower case is a word, not an initial; another case style is another thing
        ("tell mike a story", ["mike"]),
        ("I told Mike a story", ["Mike"]),
        ("Zubrowski and baker", ["Zubrowski"]),
        # a possessive ends a name
        ("Zubrowski's Kowalczyk", ["Zubrowski's"]),
    ],
)
def test_leaves_other_words(text, seeds):
    assert _completed(text, *seeds) == seeds


def test_nothing_without_a_person():
    text = "Okonjo and Brennan"
    assert extend_names([Span(0, 6, "LOCATION")], text) == []


def test_engine_completes_a_list_a_model_found(deidentifier):
    """spaCy and the title rule find "Dr. Zubrowski"; the other nurse of the list is redacted too."""
    result = deidentifier.deidentify("Our nurses were Dr. Zubrowski and Reed")
    assert "Zubrowski" not in result.text and "Reed" not in result.text
