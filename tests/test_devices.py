"""Medical devices as their own entity type: lexicon, case guard, no drug pairing, eval row."""
from __future__ import annotations

import json

import pytest

from pipelines.cli import main


def _devices(medical, text):
    return [(m.text, m.canonical) for m in medical.entities(medical.nlp(text)) if m.entity_type == "device"]


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("My Dexcom fell off again last night.", "Dexcom", "continuous glucose monitor"),
        ("Switched to the Omnipod in March.", "Omnipod", "insulin pump"),
        ("My CGM reads 20 points high.", "CGM", "continuous glucose monitor"),
        ("Can't sleep without my cpap machine now.", "cpap machine", "cpap"),
        ("The nasal pillows leak all night.", "nasal pillows", "nasal pillows"),
        ("They put a ureteral stent in after the surgery.", "ureteral stent", "stent"),
        ("Got my copper IUD out last week.", "copper IUD", "intrauterine device"),
        ("The TENS unit helps my back more than pills.", "TENS unit", "tens unit"),
        ("My hearing aids whistle when I hug someone.", "hearing aids", "hearing aid"),
        ("I use a nebuliser twice a day.", "nebuliser", "nebulizer"),
    ],
)
def test_devices(medical, text, surface, canonical):
    assert (surface, canonical) in _devices(medical, text)


@pytest.mark.parametrize(
    "text",
    [
        "The cgm figures were in the report.",  # lower-case short abbreviation: not matched
        "She used a spacer between the tiles.",  # a bare "spacer" is not taken as an inhaler spacer
        "I can't breathe right after climbing stairs.",  # not the nasal strip brand
        "Foley was the name of my old teacher.",  # a surname, not a catheter
    ],
)
def test_not_devices(medical, text):
    assert _devices(medical, text) == []


def test_device_is_not_a_drug_and_gets_no_treatment_pairing(medical):
    result = medical(medical.nlp("My Dexcom and the Lipitor both gave me a rash."))
    types = {m.text: m.entity_type for m in result.mentions}
    assert types["Dexcom"] == "device" and types["Lipitor"] == "drug"
    assert [(e.drug.text, e.effect.text) for e in result.experiences] == [("Lipitor", "rash")]


def test_drug_keeps_priority_over_a_device_word(medical):
    # "Mirena" is a drug-device the drug lexicon names: it stays a drug
    doc = medical.nlp("I had Mirena put in last year.")
    assert [(m.text, m.entity_type) for m in medical.entities(doc) if m.text == "Mirena"] == [("Mirena", "drug")]


def test_eval_entities_reports_drugs_with_devices_beside_drugs(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": 1, "text": "Lipitor and my CPAP both help.", "drugs": ["Lipitor", "CPAP"]}) + "\n", encoding="utf-8")
    assert main(["eval", "entities", "--gold", str(gold), "--json"]) == 0
    terms = json.loads(capsys.readouterr().out)["terms"]
    assert terms["drugs"]["recall"] == 0.5  # the drug figure counts drug mentions only
    assert terms["drugs+devices"]["recall"] == 1.0
