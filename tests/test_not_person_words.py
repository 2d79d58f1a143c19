"""Kinship, service and message words are no person (deid/resources/not_person_words.txt): a span
of only such words from a name model or a name rule is kept, a leading one is trimmed off a
name, names beside them are still redacted, and the export's own members are redacted even when
they carry such a word. Every name and sentence here is invented."""
from __future__ import annotations

import pytest

from deid import Deidentifier
from deid.gazetteers import first_names
from deid.recognizers.base import NOT_PERSON_WORDS


@pytest.fixture(scope="module")
def deid():
    return Deidentifier(member_names=["sunflower_jen82", "Ros Tully"])


@pytest.mark.parametrize(
    "text",
    [
        "Venmo me the money for the copay.",
        "I paid with PayPal last month.",
        "Zelle is easier than Venmo.",
        "My GoFundMe raised enough for the scans.",
        "I asked Siri to remind me about my metformin.",
        "Email me if you want the pdf.",
        "Grandma says the new meds help.",
        "Grandma's pills are in the blue box.",
        "Thanks Grandma!",
        "Hi Mom!",
        "Thanks Dad, love you",
        "Love,\nMom",
        "Mom and Dad drove me to the infusion.",
        "Hey Hubby, grab the refill.",
        "Granny was diagnosed in 2019.",
    ],
)
def test_kept(deid, text):
    result = deid.deidentify(text)
    assert result.text == text, result.text


@pytest.mark.parametrize(
    "text,kept,redacted",
    [
        ("Grandpa Joe fell again.", "Grandpa", "Joe"),
        ("Uncle Bob drove me to chemo.", "Uncle", "Bob"),
        ("Aunt Mary's house is close to the clinic.", "Aunt", "Mary"),
        ("Grandma Rose takes Eliquis now.", "Grandma", "Rose"),
        ("my hubby Dave sat with me", "hubby", "Dave"),
        ("Text Jenny about the dose.", "Text", "Jenny"),
    ],
)
def test_the_name_beside_is_redacted(deid, text, kept, redacted):
    out = deid.deidentify(text).text
    assert kept in out and redacted not in out, out


@pytest.mark.parametrize(
    "text,name",
    [
        # first names that are also kinship or assistant words stay redacted
        ("Alexa reminds me to take my pills.", "Alexa"),
        ("Nana takes Eliquis.", "Nana"),
        # the export's own members beside a listed word
        ("Grandma Ros said the same thing.", "Ros"),
        ("Thanks Tully!", "Tully"),
    ],
)
def test_still_redacted(deid, text, name):
    assert name not in deid.deidentify(text).text


def test_a_member_named_with_a_listed_word_is_redacted_where_it_names_them():
    deid = Deidentifier(member_names=["Venmo_Vic", "Granny"])
    assert deid.deidentify("Venmo_Vic said the pharmacy had it.").text == "<PERSON> said the pharmacy had it."
    assert "Granny" not in deid.deidentify("Thanks Granny, that helped!").text


def test_no_listed_word_is_a_packaged_first_name():
    assert not NOT_PERSON_WORDS & first_names()
