"""Issue-5 symptom recall by category (v3): condition abbreviations with context guards, lab
analytes reported low or high, finding nouns, symptom verbs and lay events. Real shared pipeline;
examples are our own words."""
from __future__ import annotations

import pytest
import yaml


@pytest.fixture(scope="module")
def extractor():
    from insights.extraction.entities import default_entity_extractor

    return default_entity_extractor()


def _mentions(extractor, text, entity_type):
    return [(m.text, m.canonical, m.code) for m in extractor(extractor.nlp(text)) if m.entity_type == entity_type]


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("My IC has been flaring since the spring.", "IC", "interstitial cystitis"),
        ("I'm a T1 for ten years now.", "T1", "type 1 diabetes"),
        ("Any tips for T2 folks on a budget?", "T2", "type 2 diabetes"),
        ("I am Type 1 and love baking.", "Type 1", "type 1 diabetes"),
        ("Diagnosed with Hashi's last year.", "Hashi's", "hypothyroidism"),
        ("GP is a hard diagnosis when every meal hurts.", "GP", "gastroparesis"),
        ("My GP symptoms got worse after dinner.", "GP", "gastroparesis"),
        ("I think I have MCAS.", "MCAS", "mast cell activation syndrome"),
        ("CRPS in my left foot.", "CRPS", "complex regional pain syndrome"),
        ("Two MIs before he turned sixty.", "MIs", "myocardial infarction"),
    ],
)
def test_condition_abbreviations(extractor, text, surface, canonical):
    assert (surface, canonical, "") in _mentions(extractor, text, "condition")


@pytest.mark.parametrize(
    "text",
    [
        "My GP said to wait a week.",  # the doctor
        "I saw the GP on Monday.",
        "GP wants bloods done next week.",  # no stomach or meal word in the post: a doctor
        "Finally GP agreed to refer me to a rheumatologist.",
        "The MRI showed new T2 lesions.",  # MRI sequence
        "Pain between T1 and T2 vertebrae.",
        "I see my ic nurse tomorrow.",  # lower case: no abbreviation
        "That is a type 1 error.",
    ],
)
def test_ambiguous_abbreviations_are_guarded(extractor, text):
    assert [m for m in _mentions(extractor, text, "condition") if m[1] in {"gastroparesis", "type 1 diabetes", "type 2 diabetes", "interstitial cystitis"}] == []


@pytest.mark.parametrize(
    "text, surface, hpo_id",
    [
        ("My doctor found low T3 on the last panel.", "low T3", "HP:0032210"),
        ("My free T4 was low again.", "free T4 was low", "HP:0033078"),
        ("They said I have high sodium.", "high sodium", "HP:0003228"),
        ("My ferritin levels were really low.", "ferritin levels were really low", "HP:0012343"),
        ("The ALT came back elevated.", "ALT came back elevated", "HP:0031964"),
        ("Low cortisol explains the fatigue.", "Low cortisol", "HP:0008163"),
        ("I have high TPO antibodies.", "high TPO antibodies", "HP:0025379"),
        ("He started to lose his balance.", "lose his balance", "HP:0002172"),
        ("She would lose consciousness for seconds.", "lose consciousness", "HP:0007185"),
        ("My sense of balance is permanently damaged.", "sense of balance is permanently damaged", "HP:0002172"),
    ],
)
def test_analytes_and_functions(extractor, text, surface, hpo_id):
    assert surface in [s for s, _, code in _mentions(extractor, text, "symptom") if code == hpo_id]


@pytest.mark.parametrize(
    "text, surface, hpo_id",
    [
        ("The scan showed a few lesions.", "lesions", "HP:0000118"),
        ("I found a lump in my breast.", "lump in my breast", "HP:0000118"),
        ("The 6mm stone finally passed.", "stone", "HP:0034368"),
        ("I was sent home for falling at work.", "falling", "HP:0002527"),
        ("Then everything started spinning.", "spinning", "HP:0002321"),
        ("I woke up gasping for breath.", "gasping for breath", "HP:0002094"),
        ("He stopped breathing in his sleep.", "stopped breathing", "HP:0002104"),
        ("I'm scared to lose teeth from the vomiting.", "lose teeth", "HP:0006480"),
        ("PEM hits me two days later.", "PEM", "HP:0030973"),
        ("Sometimes it skips a beat at rest.", "skips a beat", "HP:0006682"),
        ("I'm gluten intolerant.", "gluten intolerant", "HP:0012538"),
        ("Could it be adrenal issues?", "adrenal issues", "HP:0000118"),
        ("Any heart related problems in the family?", "heart related problems", "HP:0000118"),
        ("I have pelvic floor issues.", "pelvic floor issues", "HP:0000118"),
    ],
)
def test_findings_and_lay_events(extractor, text, surface, hpo_id):
    # a mention may run on over the body site after it ("stopped breathing in his sleep")
    assert any(s.startswith(surface) for s, _, code in _mentions(extractor, text, "symptom") if code == hpo_id)


@pytest.mark.parametrize(
    "text",
    [
        "I follow a low sodium diet.",  # food, not a lab value
        "Try high iron foods like spinach.",
        "I was falling asleep at my desk.",
        "Prices are falling behind the rates.",
        "She is falling in love with him.",
        "I go spinning twice a week.",  # exercise class
        "Spinning classes are fun.",
        "It's set in stone now.",
        "I lost a stone over the summer.",  # weight, no urinary context
        "We got a lump sum payment.",
        "I kept shaking my head at him.",
        "My car crashed into a fence.",
        "The immune system is complex.",
    ],
)
def test_not_symptoms_in_context(extractor, text):
    assert _mentions(extractor, text, "symptom") == []


def test_v3_codes_resolve():
    from insights.extraction.resources import (
        condition_abbreviations,
        condition_guards,
        condition_lexicon,
        phenotype_lexicon,
        symptom_guards,
    )
    from insights.extraction.symptom_grammar import grammar_vocabulary

    hpo = phenotype_lexicon()
    names = set(hpo.id_to_name)
    vocab = grammar_vocabulary()
    analyte_ids = {i for pair in vocab.analytes.values() for i in pair if i}
    assert analyte_ids and analyte_ids <= names
    assert all(vocab.analyte_cues[k] for k in ("down_before", "up_before", "down_after", "up_after"))
    # every guard guards a term the recognizers know
    assert set(condition_guards()) <= set(condition_abbreviations()) | set(condition_lexicon())
    assert set(symptom_guards()) <= set(hpo.lay_phrases)


@pytest.mark.parametrize("name", ["symptom_lay_phrases.yaml", "conditions.yaml"])
def test_lexicon_yaml_has_no_duplicate_keys(name):
    """A repeated key (two lists for one HPO id) silently drops the first list in YAML."""
    from importlib import resources

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(resources.files("insights.lexicons").joinpath(name).read_text("utf-8"), Loader=Strict)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I went from Tecfidera to Kesimpta after new lesions and I am stable now.", []),  # disease activity, no cue
        ("Ocrevus gave me lumps at the injection site.", [("ocrelizumab", "side_effect")]),  # a cue
        ("Mavenclad and low lymphocytes for months.", [("cladribine", "side_effect")]),  # a specific term
    ],
)
def test_vague_finding_needs_a_side_effect_cue(medical, text, expected):
    result = medical(medical.entities.nlp(text))
    assert [(e.drug.canonical, e.kind) for e in result.experiences] == expected
