"""The forum NER's synthetic training sentences (training/forum_ner/forum_templates.py): seeded,
names and places labelled, drugs and symptoms never inside an entity."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "training" / "forum_ner"


@pytest.fixture(scope="module")
def templates():
    sys.path.insert(0, str(HERE))
    try:
        spec = importlib.util.spec_from_file_location("forum_templates", HERE / "forum_templates.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(HERE))


def _pick(rng, places):
    return rng.choice(places)


def _sentences(module, seed, n=300):
    return list(module.ForumSentences(seed, ["springfield", "lagos", "new zealand"], _pick).generate(n))


def test_same_seed_same_sentences(templates):
    assert _sentences(templates, 3) == _sentences(templates, 3)
    assert _sentences(templates, 3) != _sentences(templates, 4)


def test_entities_are_names_or_places_and_drugs_stay_plain(templates):
    gen = templates.ForumSentences(5, ["springfield"], _pick)
    drugs = set(gen.drugs) | set(gen.patient_drugs)
    labelled = 0
    for text, spans in gen.generate(400):
        for start, end, label in spans:
            value = text[start:end].lower()
            assert label in {"PERSON", "LOCATION"}
            assert not set(value.split()) & drugs, value
            labelled += 1
    assert labelled > 100


@pytest.mark.parametrize("template", ["started {D} last week", "{D} made my {Y} so much worse", "thanks to {D} I can sleep again"])
def test_negative_templates_have_no_entity(templates, template):
    gen = templates.ForumSentences(1, ["springfield"], _pick)
    for _ in range(20):
        _text, spans = gen.sentence(template)
        assert spans == []


@pytest.mark.parametrize("template,label", [("my husband {F} has been on {D} for 3 years", "PERSON"), ("I live in {L} and can't find {D}", "LOCATION")])
def test_person_and_place_slots_are_labelled(templates, template, label):
    gen = templates.ForumSentences(2, ["springfield"], _pick)
    _text, spans = gen.sentence(template)
    assert [s[2] for s in spans] == [label]
