"""Non-drug treatments as their own entity type: lexicon, case guard, no drug pairing, eval row."""
from __future__ import annotations

import json

import pytest

from insights.extraction.adverse_events import adverse_event_candidates
from pipelines.cli import main


def _therapies(medical, text):
    return [(m.text, m.canonical) for m in medical.entities(medical.nlp(text)) if m.entity_type == "therapy"]


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("Light therapy in winter lifts my mood.", "Light therapy", "phototherapy"),
        ("Narrowband UVB cleared my psoriasis.", "Narrowband UVB", "phototherapy"),
        ("CBT helped more than any pill.", "CBT", "cognitive behavioral therapy"),
        ("Six weeks of physio for my shoulder.", "physio", "physical therapy"),
        ("Acupuncture did nothing for me.", "Acupuncture", "acupuncture"),
        ("The low FODMAP diet calmed my gut.", "low FODMAP diet", "low fodmap diet"),
        ("Doing an elimination diet this month.", "elimination diet", "elimination diet"),
        ("He starts dialysis three times a week.", "dialysis", "dialysis"),
        ("Pelvic floor therapy changed everything.", "Pelvic floor therapy", "physical therapy"),
        ("They offered ECT after nothing else worked.", "ECT", "electroconvulsive therapy"),
    ],
)
def test_therapies(medical, text, surface, canonical):
    assert (surface, canonical) in _therapies(medical, text)


@pytest.mark.parametrize(
    "text",
    [
        "The ect and etc were typos.",  # a lower-case short abbreviation: not matched
        "My fasting blood sugar was 110.",  # a lab condition, not intermittent fasting
        "Her PT said to rest, then OT came by.",  # ambiguous abbreviations are left out
        "My sodium came back low.",  # a lab finding, not a low-sodium diet
        "The chemo and the infusion wiped me out.",  # drug-based therapies stay drugs
    ],
)
def test_not_therapies(medical, text):
    assert _therapies(medical, text) == []


def test_therapy_is_not_a_drug_and_gets_no_treatment_pairing(medical):
    result = medical(medical.nlp("Acupuncture and the Lipitor both gave me a rash."))
    types = {m.text: m.entity_type for m in result.mentions}
    assert types["Acupuncture"] == "therapy" and types["Lipitor"] == "drug"
    assert [(e.drug.text, e.effect.text) for e in result.experiences] == [("Lipitor", "rash")]
    doc = medical.nlp("Acupuncture gave me a rash.")
    assert adverse_event_candidates(doc, medical(doc).experiences, has_author=True) == []  # never a suspect drug


def test_eval_entities_reports_treatments_beside_drugs(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    record = {"id": 1, "text": "Lipitor, my CPAP and phototherapy all help.", "drugs": ["Lipitor", "CPAP", "phototherapy"]}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["eval", "entities", "--gold", str(gold), "--json"]) == 0
    terms = json.loads(capsys.readouterr().out)["terms"]
    assert terms["drugs"]["recall"] == pytest.approx(1 / 3, abs=1e-3)  # the drug figure counts drug mentions only
    assert terms["drugs+devices"]["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert terms["treatments"]["recall"] == 1.0


def test_therapy_forms_are_no_drug_device_condition_or_symptom_term():
    from insights.extraction.resources import (
        condition_lexicon,
        device_lexicon,
        drug_lexicon,
        phenotype_lexicon,
        therapy_lexicon,
    )

    hpo = phenotype_lexicon()
    others = drug_lexicon().variant_to_canonical.keys() | device_lexicon().keys() | condition_lexicon().keys() | hpo.term_to_id.keys() | hpo.lay_phrases.keys()
    assert len(therapy_lexicon()) > 100
    assert not therapy_lexicon().keys() & others
