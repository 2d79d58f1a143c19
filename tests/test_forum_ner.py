"""The packaged forum NER model: runs in the same pass, leaves the main model's entities alone,
and adds names the main model misses, filtered by the same content guards."""
from __future__ import annotations

import pytest

from deid import DeidConfig, Deidentifier
from deid.forum_ner import SPANS_KEY, model_path
from deid.nlp import load_pipeline
from deid.recognizers.spacy_ner import plausible_forum_entity


def test_model_is_packaged_and_offline():
    assert (model_path() / "meta.json").is_file()
    assert set(load_pipeline().get_pipe("forum_ner").ner.labels) == {"PERSON", "LOCATION"}


def test_component_keeps_main_entities_and_adds_its_own_spans():
    with_forum = load_pipeline(forum_ner=True)
    without = load_pipeline(forum_ner=False)
    text = "Yesterday Barack Obama visited Chicago and then me and jenny went to brooklyn"
    a, b = with_forum(text), without(text)
    assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    assert SPANS_KEY in a.spans and SPANS_KEY not in b.spans
    batch = list(with_forum.pipe([text, text]))
    assert [[(s.text, s.label_) for s in d.spans[SPANS_KEY]] for d in batch] == [[(s.text, s.label_) for s in a.spans[SPANS_KEY]]] * 2


@pytest.mark.parametrize(
    "text,start,end,label,expected",
    [
        ("However it hurts", 0, 7, "PERSON", False),  # sentence-initial common word
        ("I saw Karpman today", 6, 13, "PERSON", True),
        ("my belly button hurts", 3, 15, "PERSON", False),  # lower case, no first name
        ("met jenny smith there", 4, 15, "PERSON", True),
        ("living with Parkinson now", 12, 21, "LOCATION", False),  # disease eponym
        ("on Tamoxifen since May", 3, 12, "PERSON", False),  # a drug
        ("the one in australia was better", 11, 20, "LOCATION", True),  # lower-case country: the place lists know it
        ("the one in toronto was better", 11, 18, "LOCATION", True),
        ("the one in scan was better", 11, 15, "LOCATION", False),  # lower case, no place list knows it
    ],
)
def test_forum_model_guesses_are_filtered(text, start, end, label, expected):
    assert plausible_forum_entity(text, start, end, label) is expected


def test_forum_model_adds_recall_on_informal_names():
    text = "met Tyrion Lannister and jenny at the game"
    assert "jenny" in Deidentifier(config=DeidConfig(forum_ner=False)).deidentify(text).text
    assert "jenny" not in Deidentifier().deidentify(text).text


@pytest.mark.parametrize(
    "value,label,expected",
    [
        ("obama", "PERSON", True),  # lower case, in no dictionary, drug or symptom list
        ("john", "PERSON", True),  # a listed first name
        ("scan", "PERSON", False),  # an English word
        ("metformin", "PERSON", False),  # a drug
        ("liptior", "PERSON", False),  # a misspelt drug
        ("australia", "LOCATION", True),  # a country: the place lists know it (kept unless places are strict)
        ("toronto", "LOCATION", True),
        ("kerfuffle", "LOCATION", False),
    ],
)
def test_lower_case_model_guesses_need_a_list_or_an_unknown_word(value, label, expected):
    from deid.recognizers.spacy_ner import plausible_entity

    assert plausible_entity(value, label) is expected


@pytest.mark.parametrize(
    "value,label,expected",
    [
        ("Started Mounjaro", "PERSON", False),  # a verb and a drug
        ("Guillain-Barre", "PERSON", False),  # each part of the hyphenated word is medical
        ("Mary-Kate", "PERSON", True),
        ("-", "PERSON", True),  # no parts: not a medical compound (other filters judge it)
        ("Took Humira", "PERSON", False),
        ("Tried Gabapentin", "PERSON", False),
        ("Warmly", "LOCATION", False),  # a sign-off
        ("Regards", "PERSON", False),
        ("Dear", "PERSON", False),
        ("Grace Metformin", "PERSON", True),  # a first name beside the drug
        ("Ruth Ozempic", "PERSON", True),
        ("Mounjaro Okonkwo", "PERSON", True),  # a surname no dictionary holds
        ("Dear Okonkwo", "PERSON", True),  # the greeting is not all there is
        ("Started Okonkwo", "PERSON", True),  # no drug in it
        ("Bubble Boy", "PERSON", True),  # a symptom word is no drug: a nickname stays a name
        ("Springfield", "LOCATION", True),
    ],
)
def test_capitalised_model_guesses_of_drugs_and_sign_offs_are_dropped(value, label, expected):
    from deid.recognizers.spacy_ner import plausible_entity

    assert plausible_entity(value, label) is expected
