"""Lay symptom grammar, spelling and vocabularies (issue 5) on the real shared pipeline."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def extractor():
    from insights.extraction.entities import default_entity_extractor

    return default_entity_extractor()


def _found(extractor, text, entity_type="symptom"):
    return [(m.text, m.code, m.match) for m in extractor(extractor.nlp(text)) if m.entity_type == entity_type]


@pytest.mark.parametrize(
    "text, surface, hpo_id, match",
    [
        # a complaint keeps the body sites listed with it, and its intensity word
        ("Awful spasms in my neck, back and thighs.", "Awful spasms in my neck, back and thighs", "HP:0003394", "lay"),
        ("I have back and hip pain.", "back and hip pain", "HP:0002829", "lay"),
        ("Tingling sensation in my toes and lips.", "Tingling sensation in my toes and lips", "HP:0003401", "lay"),
        ("Sore joints: fingers, ankles, hips.", "Sore joints: fingers, ankles, hips", "HP:0002829", "lay"),
        ("Pain in hip and knees and feet.", "Pain in hip and knees and feet", "HP:0012531", "lay"),
        ("My ankles and wrists have been getting really swollen and tender.", "My ankles and wrists have been getting really swollen and tender", "HP:0000969", "pattern"),
        ("Numbness in my forearms since May.", "Numbness in my forearms", "HP:0003401", "lay"),
        # body functions, reduced or raised
        ("Loss of strength since I started.", "Loss of strength", "HP:0001324", "lay"),
        ("My memory is shot.", "memory is shot", "HP:0002354", "pattern"),
        ("Poor concentration at work.", "Poor concentration", "HP:0001289", "lay"),
        ("Increased appetite since January.", "Increased appetite", "HP:0002591", "lay"),
        ("Lost my balance twice.", "Lost my balance", "HP:0002172", "pattern"),
        ("My heart rate went up.", "heart rate went up", "HP:0001649", "pattern"),
        # inabilities, verb on its lemma
        ("I can barely walk.", "barely walk", "HP:0001288", "lay"),
        ("Trouble swallowing pills.", "Trouble swallowing", "HP:0002015", "pattern"),
        ("Unable to climb stairs.", "Unable to climb", "HP:0003551", "pattern"),
        ("Lost the ability to concentrate.", "Lost the ability to concentrate", "HP:0031987", "pattern"),
        # misspelt (one edit, unambiguous) and run-together words
        ("Dizzyness every morning.", "Dizzyness", "HP:0002321", "fuzzy"),
        ("Bad palpatations at night.", "Bad palpatations", "HP:0001962", "fuzzy"),
        ("Hairloss is the worst.", "Hairloss", "HP:0001596", "fuzzy"),
        ("Armpain all day.", "Armpain", "HP:0012531", "fuzzy"),
        # -ness nouns of lay adjectives; lay adjectives of states
        ("Sleeplessness and moodiness.", "Sleeplessness", "HP:0100785", "lay"),
        ("Sleeplessness and moodiness.", "moodiness", "HP:0000737", "lay"),
        ("He got aggressive.", "aggressive", "HP:0000718", "lay"),
        ("I became paranoid.", "paranoid", "HP:0011999", "lay"),
        ("Steroids made me feel wired and awful.", "feel wired", "HP:0000711", "lay"),  # not "wire" on its own
        ("I got agoraphobic after that.", "agoraphobic", "HP:0000756", "exact"),  # "-ic" of an HPO "-ia" term
        # cramps are muscle cramps unless the sentence says stomach or period; bloating is HPO's abdominal distention
        ("I get cramps in my feet at night.", "cramps in my feet", "HP:0003394", "lay"),
        ("I had cramps all day.", "cramps", "HP:0003394", "lay"),
        ("Stomach cramps again.", "Stomach cramps", "HP:0032155", "lay"),
        ("My period cramps are worse on it.", "period cramps", "HP:0100607", "lay"),
        ("So bloated after meals.", "bloated", "HP:0003270", "lay"),
    ],
)
def test_lay_symptoms(extractor, text, surface, hpo_id, match):
    assert (surface, hpo_id, match) in _found(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "I cut back on coffee in order to sleep better.",  # "cut", "order": ordinary words
        "The insurance paperwork is so confusing.",  # "confused" is the state, "confusing" is not
        "Back up your records before the portal closes.",  # "backed up" is constipation, "back up" is not
        "That was a depressing article.",
        "She falls asleep early.",
        "It lowered my cholesterol and I have more energy.",  # a benefit, not a raised function
        "I can't stand the taste of it.",  # dislike, not an inability
        "Hope the wind dies down.",
        "I wound the clock.",  # lemma "wind"
        "The electrician wired the house.",
        "The rashness of that decision.",
        "We spotted a deer.",
        "My medication was expensive.",
    ],
)
def test_not_symptoms(extractor, text):
    assert _found(extractor, text) == []


@pytest.mark.parametrize(
    "text, surface, canonical",
    [("I have IBS and cfs.", "cfs", "chronic fatigue syndrome"),
     ("Diagnosed with lyme disease.", "lyme disease", "lyme disease"),
     ("My meniere's flares.", "meniere's", "meniere's disease")],
)
def test_more_conditions(extractor, text, surface, canonical):
    found = [(m.text, m.canonical) for m in extractor(extractor.nlp(text)) if m.entity_type == "condition"]
    assert (surface, canonical) in found


@pytest.mark.parametrize("text", ["I read all the reviews.", "Add a note.", "I was a gad about town."])
def test_lower_case_english_words_are_no_abbreviations(extractor, text):
    assert [m for m in extractor(extractor.nlp(text)) if m.entity_type == "condition"] == []


def test_grammar_codes_resolve():
    from insights.extraction.resources import phenotype_lexicon
    from insights.extraction.symptom_grammar import grammar_vocabulary

    names = phenotype_lexicon().id_to_name
    vocab = grammar_vocabulary()
    ids = {i for pair in vocab.functions.values() for i in pair if i} | set(vocab.ability_verbs.values())
    assert ids and ids <= set(names)
    assert set(phenotype_lexicon().complaints_before.values()) <= set(names)


def test_misspelling_is_not_corrected_when_ambiguous(extractor):
    spelling = next(r for r in extractor.recognizers if r.name == "symptom").spelling
    assert spelling.lookup("confussion")[0] is None  # confusion / confession / concussion
    assert spelling.lookup("nausia")[0] == "nausea"
    assert not spelling.unknown("nausea", "nausea")  # a known word is never corrected
