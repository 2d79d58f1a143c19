"""Medical extraction components on real spaCy parses (one shared extractor per module)."""
from __future__ import annotations

import pytest

from insights.extraction.adverse_events import adverse_event_candidates


def _mentions(medical, text, entity_type=None):
    doc = medical.nlp(text)
    return [m for m in medical.entities(doc) if entity_type is None or m.entity_type == entity_type]


@pytest.mark.parametrize(
    "text, surface, canonical, match",
    [
        ("I take Lipitor every night.", "Lipitor", "atorvastatin", "exact"),
        ("Atorvastatin 20mg made no difference.", "Atorvastatin", "atorvastatin", "exact"),
        ("Been on Zoloft for a year.", "Zoloft", "sertraline", "exact"),
        ("I took two tylenol.", "tylenol", "acetaminophen", "exact"),
        ("The paracetamol helps a bit.", "paracetamol", "acetaminophen", "exact"),
        ("My doc put me on liptior.", "liptior", "atorvastatin", "fuzzy"),
        ("Started metformn last week.", "metformn", "metformin", "fuzzy"),
        ("Ozempic shots are pricey.", "Ozempic", "semaglutide", "exact"),
        ("I've been on humira for years.", "humira", "adalimumab", "exact"),
        ("Statins wrecked my legs.", "Statins", "statin", "class"),
        ("Ran out of my benzos.", "benzos", "benzodiazepine", "class"),
    ],
)
def test_drug_normalisation(medical, text, surface, canonical, match):
    drugs = _mentions(medical, text, "drug")
    assert [(m.text, m.canonical, m.match) for m in drugs] == [(surface, canonical, match)]


@pytest.mark.parametrize(
    "text",
    ["My mom said the weather is nice today.", "Hope everyone has a calm weekend.", "I read the approach in a forum."],
)
def test_ordinary_words_are_not_drugs(medical, text):
    assert _mentions(medical, text, "drug") == []


@pytest.mark.parametrize(
    "text, surface, canonical, hpo_id",
    [
        ("Since then I can't sleep at all.", "can't sleep", "Insomnia", "HP:0100785"),
        ("My hair is falling out in clumps.", "hair is falling out", "Alopecia", "HP:0001596"),
        ("I have been throwing up every morning.", "throwing up", "Vomiting", "HP:0002013"),
        ("Constant headaches lately.", "Constant headaches", "Headache", "HP:0002315"),
        ("I feel exhausted all day.", "exhausted", "Fatigue", "HP:0012378"),
        ("Bad pain in my knees after walking.", "Bad pain in my knees", "Pain", "HP:0012531"),
        ("I got terrible muscle cramps.", "terrible muscle cramps", "Muscle spasm", "HP:0003394"),
        ("Nausea was the worst part.", "Nausea", "Nausea", "HP:0002018"),
    ],
)
def test_symptoms_lay_to_canonical(medical, text, surface, canonical, hpo_id):
    found = [(m.text, m.canonical, m.code) for m in _mentions(medical, text, "symptom")]
    assert (surface, canonical, hpo_id) in found


@pytest.mark.parametrize(
    "text, surface, canonical",
    [("Diagnosed with rheumatoid arthritis in May.", "rheumatoid arthritis", "rheumatoid arthritis"),
     ("My MS is stable.", "MS", "multiple sclerosis"),
     ("I have type 2 diabetes.", "type 2 diabetes", "type 2 diabetes")],
)
def test_conditions(medical, text, surface, canonical):
    assert (surface, canonical) in [(m.text, m.canonical) for m in _mentions(medical, text, "condition")]


def test_lower_case_abbreviation_is_not_a_condition(medical):
    assert _mentions(medical, "I ms-typed that, sorry ms.", "condition") == []


@pytest.mark.parametrize(
    "text, surface, assertion",
    [
        ("No nausea so far.", "nausea", "negated"),
        ("I haven't had any headaches on it.", "headaches", "negated"),
        ("Without dizziness this time.", "dizziness", "negated"),
        ("The rash is gone.", "rash", "negated"),
        ("I'm worried about hair loss.", "hair loss", "hypothetical"),
        ("It might cause weight gain.", "weight gain", "hypothetical"),
        ("Does it cause insomnia for anyone?", "insomnia", "hypothetical"),
        ("My mother has migraines.", "migraines", "family"),
        ("I get migraines every week.", "migraines", "experienced"),
        ("No energy at all these days.", "No energy", "experienced"),
        ("Not much nausea, but the headaches are bad.", "headaches", "experienced"),
        ("No nausea, but the headaches are bad.", "nausea", "negated"),
    ],
)
def test_assertion(medical, text, surface, assertion):
    found = {m.text: m.assertion for m in _mentions(medical, text)}
    assert found[surface] == assertion


@pytest.mark.parametrize(
    "text, drug, effect, kind",
    [
        ("Lipitor gave me terrible muscle aches.", "atorvastatin", "Myalgia", "side_effect"),
        ("Since starting Zoloft I can't sleep.", "sertraline", "Insomnia", "side_effect"),
        ("Tylenol didn't help my headache at all.", "acetaminophen", "Headache", "lack_of_effect"),
        ("Methotrexate really helped my joint pain.", "methotrexate", "Arthralgia", "benefit"),
        ("Coming off Effexor the brain zaps were awful.", "venlafaxine", "Paresthesia", "withdrawal"),
        ("I take Advil. It made me dizzy.", "ibuprofen", "Vertigo", "side_effect"),
    ],
)
def test_treatment_experiences(medical, text, drug, effect, kind):
    a = medical(medical.nlp(text))
    assert (drug, effect, kind) in [(x.drug.canonical, x.effect.canonical if x.effect else None, x.kind) for x in a.experiences]


def test_indication_is_not_a_side_effect(medical):
    a = medical(medical.nlp("I take ibuprofen for my back pain."))
    assert [x for x in a.experiences if x.kind == "side_effect"] == []


@pytest.mark.parametrize(
    "text, drug, event, reason, to_drug",
    [
        ("I started Humira last month.", "adalimumab", "start", "unknown", None),
        ("I stopped Lipitor because of the side effects.", "atorvastatin", "stop", "side_effects", None),
        ("I quit Ozempic, I can't afford it.", "semaglutide", "stop", "cost", None),
        ("My neurologist switched me from Zoloft to Lexapro.", "sertraline", "switch", "doctors_advice", "escitalopram"),
        ("I skip doses of my insulin to make it last because of the cost.", "insulin", "skip_doses", "cost", None),
        ("Stopped taking metformin since it didn't work.", "metformin", "stop", "lack_of_effect", None),
        ("Switched to Rinvoq pills because injections were a hassle.", "upadacitinib", "switch", "convenience", None),
        ("I stopped Lyrica, the dizziness was unbearable.", "pregabalin", "stop", "side_effects", None),
    ],
)
def test_treatment_events(medical, text, drug, event, reason, to_drug):
    a = medical(medical.nlp(text))
    got = [(e.drug.canonical, e.event, e.reason, e.to_drug.canonical if e.to_drug else None) for e in a.events]
    assert got == [(drug, event, reason, to_drug)]


@pytest.mark.parametrize(
    "text",
    ["I'm thinking about quitting Verzenio altogether.", "Should I stop Lipitor before the surgery?",
     "My copay for Humira went up a lot when the new plan year that my employer chose last spring started."],
)
def test_plans_and_distant_cues_are_not_events(medical, text):
    assert medical(medical.nlp(text)).events == []


@pytest.mark.parametrize(
    "text, has_author, expected",
    [
        # (suspect drug, identifiable_patient, identifiable_reporter, named drug) or None
        ("Lipitor gave me awful muscle pain.", True, ("atorvastatin", True, True, True)),
        ("Lipitor gave me awful muscle pain.", False, ("atorvastatin", True, False, True)),
        ("Lipitor causes muscle pain in some people.", True, ("atorvastatin", False, True, True)),
        ("Statins gave me muscle pain.", True, ("statin", True, True, False)),
        ("No muscle pain on Lipitor so far.", True, None),
        ("I'm scared Lipitor might cause muscle pain.", True, None),
        ("My mom has muscle pain.", True, None),
    ],
)
def test_adverse_event_candidates(medical, text, has_author, expected):
    doc = medical.nlp(text)
    a = medical(doc)
    cands = adverse_event_candidates(doc, a.experiences, has_author)
    if expected is None:
        assert cands == []
    else:
        assert [(c.suspect_drug, c.identifiable_patient, c.identifiable_reporter, c.suspect_drug_named) for c in cands] == [expected]
        assert cands[0].adverse_event


def test_lexicon_codes_resolve():
    from insights.extraction.resources import drug_lexicon, phenotype_lexicon

    hpo = phenotype_lexicon()
    assert set(hpo.lay_phrases.values()) <= set(hpo.id_to_name)
    assert set(hpo.complaints.values()) <= set(hpo.id_to_name)
    drugs = drug_lexicon()
    assert all(isinstance(k, str) and k == k.lower() for k in drugs.variant_to_canonical)
    assert "false" not in drugs.variant_to_canonical  # YAML booleans never become terms
