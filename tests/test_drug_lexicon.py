"""Drug lexicon: named supplements (not classes), FDA UNII brands -> generic, misspellings,
ordinary words that are also brand names, and the shipped lexicon files being well-formed."""
from __future__ import annotations

import re
from importlib import resources

import pytest

from insights.extraction.entities import default_entity_extractor
from insights.extraction.resources import (
    UNII_BRANDS,
    drug_lexicon,
    load_yaml,
    own_drug_names,
    unii_brands,
)


@pytest.fixture(scope="module")
def extractor():
    return default_entity_extractor()


def _drugs(extractor, text):
    return [(m.text, m.canonical, m.match) for m in extractor(extractor.nlp(text)) if m.entity_type == "drug"]


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("I added CoQ10 last month.", "CoQ10", "coenzyme q10"),
        ("Started co-q10 with it.", "co-q10", "coenzyme q10"),
        ("Taking ubiquinol now.", "ubiquinol", "coenzyme q10"),
        ("Fish oil every morning.", "Fish oil", "fish oil"),
        ("I take omega 3 too.", "omega 3", "omega-3 fatty acids"),
        ("Lots of vitamin C when I'm sick.", "vitamin C", "ascorbic acid"),
        ("Niacin made me flush.", "Niacin", "niacin"),
        ("Tried red yeast rice instead.", "red yeast rice", "red yeast rice"),
        ("Magnesium glycinate helps my cramps.", "Magnesium glycinate", "magnesium"),
        ("Glucosamine for my knees.", "Glucosamine", "glucosamine"),
        ("He's on testosterone injections.", "testosterone injections", "testosterone"),
        ("A B12 shot every month.", "B12 shot", "cyanocobalamin"),
        ("Melatonin helps me sleep.", "Melatonin", "melatonin"),
        ("I take Lantus at night.", "Lantus", "insulin"),
        ("My insulin pen broke.", "insulin pen", "insulin"),
        ("Got a cortisone shot in my knee.", "cortisone shot", "cortisone"),
    ],
)
def test_named_supplements_are_named_not_classes(extractor, text, surface, canonical):
    assert _drugs(extractor, text) == [(surface, canonical, "exact")]


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("Lots of vitamins and supplements.", "vitamins", "vitamin"),
        ("Probiotics did nothing.", "Probiotics", "supplement"),
        ("Statins wrecked my legs.", "Statins", "statin"),
        ("Electrolytes after the run.", "Electrolytes", "mineral supplement"),
    ],
)
def test_true_classes_stay_classes(extractor, text, surface, canonical):
    assert (surface, canonical, "class") in _drugs(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "My vitamin D levels were low.",
        "Low testosterone levels run in the family.",
        "Insulin resistance is the problem.",
        "B12 deficiency was ruled out.",
        "Potassium rich foods help.",
    ],
)
def test_the_bodys_own_substance_is_not_a_product(extractor, text):
    assert _drugs(extractor, text) == []


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("Baycol was withdrawn.", "Baycol", "cerivastatin"),
        ("The doctor gave me Cataflam.", "Cataflam", "diclofenac"),
        ("Keflex for the infection.", "Keflex", "cephalexin"),
        ("I was on Vioxx back then.", "Vioxx", "rofecoxib"),
        ("Augmentin upset my stomach.", "Augmentin", "amoxicillin/clavulanic acid"),
        ("Dad started Leqembi infusions.", "Leqembi", "lecanemab"),
    ],
)
def test_unii_brand_to_generic(extractor, text, surface, canonical):
    assert (surface, canonical, "exact") in _drugs(extractor, text)


# Brand names in the UNII list that are ordinary words, names or places.
BRAND_WORDS = ["justice", "success", "revolution", "advocate", "legend", "choice", "balance", "impact", "sonata", "wisdom", "amanda", "camden", "android", "equal", "versed"]


@pytest.mark.parametrize("word", BRAND_WORDS)
def test_ordinary_words_that_are_brands_are_not_in_the_lexicon(word):
    assert word not in unii_brands()
    assert word not in drug_lexicon().variant_to_canonical


@pytest.mark.parametrize(
    "text",
    [
        "Justice was done, a real success and a revolution for us.",
        "Amanda moved to Camden with her Android phone.",
        "It takes wisdom and balance; the impact was equal.",
        "I'm well versed in this; the choice is a legend.",
        "Unfortunatly my experiance was definately bad.",
        "Take 2 caps at night; I was hypoglycemic on a diabetic diet.",
        "He sits all day watching Kendrick videos; the store sells generics, pecans and cashews.",
    ],
)
def test_ordinary_words_are_not_drugs(extractor, text):
    assert _drugs(extractor, text) == []


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("I was on sinivastatin for a year.", "sinivastatin", "simvastatin"),  # two edits, long word
        ("Tried esitalapram first.", "esitalapram", "escitalopram"),  # two edits
        ("Switched to rosuvastatn.", "rosuvastatn", "rosuvastatin"),  # one edit
    ],
)
def test_misspellings(extractor, text, surface, canonical):
    assert _drugs(extractor, text) == [(surface, canonical, "fuzzy")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I could not take Lipitor(side effects).", ["Lipitor"]),
        ("also on metformin,&lisinopril.", ["metformin", "lisinopril"]),
        ("it was the prednisone/\nthen", ["prednisone"]),
    ],
)
def test_words_glued_by_punctuation(extractor, text, expected):
    assert [m[0] for m in _drugs(extractor, text)] == expected


def test_unii_lexicon_file_is_well_formed():
    text = resources.files("insights.lexicons").joinpath(UNII_BRANDS).read_text("utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("public domain" in line for line in header) and any("build_unii_brands" in line for line in header)
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) > 3000
    assert all(len(r) == 2 for r in rows)
    brands = [b for b, _ in rows]
    assert len(brands) == len(set(brands)) and brands == sorted(brands)
    brand_re = re.compile(r"^[a-z][a-z'\-]{3,}(?: [a-z][a-z'\-]*){0,2}$")
    assert all(brand_re.match(b) and c == c.lower() and c.strip() for b, c in rows)
    # every brand maps onto a generic the drug lexicon knows as a canonical name
    canonicals = set(drug_lexicon().variant_to_canonical.values())
    for part in {p for _, c in rows for p in c.split("/")}:
        assert part in canonicals, part


def test_supplement_lexicon_is_well_formed():
    data = load_yaml("drug_supplements.yaml")
    lay_names, supplements, classes = own_drug_names()
    assert supplements and not set(supplements) & set(classes)
    owner: dict[str, str] = {}
    for source in (lay_names, supplements, classes):
        for canonical, variants in source.items():
            assert canonical == canonical.lower()
            for v in [canonical, *variants]:
                v = str(v).lower()
                assert owner.setdefault(v, canonical) == canonical, f"{v} under {owner[v]} and {canonical}"
    assert {"levels", "deficiency"} <= set(data["analyte_words"])
    lexicon = drug_lexicon()
    assert lexicon.supplements == frozenset(supplements)
    assert "coenzyme q10" not in lexicon.classes and "statin" in lexicon.classes


def _builder():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "training" / "lexicons" / "build_unii_brands.py"
    spec = importlib.util.spec_from_file_location("build_unii_brands", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "display, canonical",
    [
        ("ATORVASTATIN CALCIUM TRIHYDRATE", "atorvastatin"),
        ("CERIVASTATIN SODIUM", "cerivastatin"),
        ("DICLOFENAC POTASSIUM", "diclofenac"),
        ("ESTRADIOL", "estradiol"),  # known from the own supplement list
        ("METALAXYL-M", None),  # a fungicide: no DrugBank/MedlinePlus entry
        ("PIGMENT RED 179", None),
    ],
)
def test_unii_ingredient_resolution(display, canonical):
    builder = _builder()
    assert builder.resolve(display, builder.known_medicines()) == canonical


def test_unii_build_filters(tmp_path):
    pytest.importorskip("wordfreq")  # optional extra 'lexicons'
    builder = _builder()
    rows = [
        ("BAYCOL", "bn", "CERIVASTATIN SODIUM"),
        ("JUSTICE", "bn", "SPINOSAD"),  # an ordinary word
        ("AMANDA", "bn", "TRAMADOL HYDROCHLORIDE"),  # a first name
        ("RIDOMIX", "bn", "METALAXYL-M"),  # a fungicide
        ("SIT 8185", "bn", "IBUPROFEN"),  # digits
        ("LIPITOR", "bn", "ATORVASTATIN CALCIUM"),  # the dictionary has it already
        ("ZORVEX COMPONENT AMLODIPINE BESYLATE", "bn", "AMLODIPINE BESYLATE"),
        ("ZORVEX COMPONENT ATORVASTATIN CALCIUM", "bn", "ATORVASTATIN CALCIUM"),
        ("CERIVASTATIN SODIUM", "of", "CERIVASTATIN SODIUM"),  # not a brand row
        # a combination product whose ingredient rows are typed "cn" (component name) as well as "bn"
        ("KARBOLEVA COMPONENT CARBIDOPA", "cn", "CARBIDOPA"),
        ("KARBOLEVA COMPONENT LEVODOPA", "bn", "LEVODOPA"),
        ("CARBIDOPA MONOHYDRATE", "cn", "CARBIDOPA"),  # a "cn" row of one ingredient: not a brand
        ("NORVELTA COMPONENT ETHINYL ESTRADIOL", "cn", "ETHINYL ESTRADIOL"),  # "ethinylestradiol"
        ("NORVELTA COMPONENT LEVONORGESTREL", "bn", "LEVONORGESTREL"),
    ]
    unii = tmp_path / "UNII_Names.txt"
    unii.write_text("Name\tTYPE\tUNII\tDisplay Name\n" + "".join(f"{n}\t{t}\tX\t{d}\n" for n, t, d in rows), encoding="utf-8")
    brands, _stats = builder.build(unii)
    assert brands == {
        "baycol": "cerivastatin",
        "zorvex": "amlodipine/atorvastatin",
        "karboleva": "carbidopa/levodopa",
        "norvelta": "ethinylestradiol/levonorgestrel",
    }


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("Movicol every morning.", "Movicol", "macrogol"),  # was read as a misspelling of meloxicam
        ("Gravol for the nausea.", "Gravol", "dimenhydrinate"),
        ("Buscopan for the spasms.", "Buscopan", "hyoscine butylbromide"),
    ],
)
def test_non_us_brands(extractor, text, surface, canonical):
    assert (surface, canonical, "exact") in _drugs(extractor, text)


@pytest.mark.parametrize(
    "text, surface, canonical, match",
    [
        ("Lemsip when I had the flu.", "Lemsip", "acetaminophen/phenylephrine", "exact"),  # UK OTC
        ("Nurofen Plus for the toothache.", "Nurofen Plus", "ibuprofen/codeine", "exact"),  # UK/AU combination
        ("The GP gave me Seroxat.", "Seroxat", "paroxetine", "exact"),  # UK brand of a US generic
        ("Pedialyte got her through the bug.", "Pedialyte", "oral rehydration salts", "exact"),
        ("Lactaid before any dairy.", "Lactaid", "lactase", "exact"),  # digestive enzyme
        ("Uristat took the burning away.", "Uristat", "phenazopyridine", "exact"),  # urinary OTC
        ("Nicotinell patches got me off cigarettes.", "Nicotinell", "nicotine", "exact"),
        ("Culturelle every day.", "Culturelle", "lactobacillus rhamnosus gg", "exact"),  # probiotic product
        ("Stilnox knocks me out.", "Stilnox", "zolpidem", "exact"),  # Australian brand
        ("I tried magic mushrooms once.", "magic mushrooms", "psilocybin", "exact"),
        ("Some say LSD helped their cluster headaches.", "LSD", "lysergic acid diethylamide", "exact"),
        ("My allergy meds make me drowsy.", "allergy meds", "antihistamine", "class"),
        ("Blood pressure meds made me dizzy.", "Blood pressure meds", "antihypertensive", "class"),
        ("Two puffs of my rescue inhaler.", "rescue inhaler", "inhaler", "class"),
    ],
)
def test_otc_non_us_and_lay_class_names(extractor, text, surface, canonical, match):
    assert (surface, canonical, match) in _drugs(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nicotine cravings are the worst part.",  # the substance smoked, not a product taken
        "She tucks the blanket in; an abortive attempt.",
        "Got my sea legs back after a deep heat wave.",
        "Align the edges, then drip drop the glaze.",
        "Rennie and Yasmin met in the Ural mountains.",
    ],
)
def test_otc_list_leaves_ordinary_words_alone(extractor, text):
    assert _drugs(extractor, text) == []


def test_otc_brands_fill_gaps_only():
    from insights.extraction.resources import dictionary_drug_variants, otc_brands

    lexicon, dictionary = drug_lexicon().variant_to_canonical, dictionary_drug_variants()
    own = {v for _c, forms in [*own_drug_names()[0].items(), *own_drug_names()[1].items()] for v in [_c, *forms]}
    for brand, canonical in otc_brands().items():
        if brand in own:
            continue
        if brand in dictionary:
            assert lexicon[brand] == dictionary[brand], brand
        elif brand in unii_brands():
            assert lexicon[brand] == unii_brands()[brand], brand
        elif brand not in lexicon:
            assert brand in {str(w).lower() for w in load_yaml("drug_lay_names.yaml")["exclude"]}, brand
        else:
            assert lexicon[brand] == canonical, brand


@pytest.mark.parametrize(
    "display, stripped",
    [("PACRITINIB CITRATE", "pacritinib"), ("ASPERGILLUS NIGER .ALPHA.-GALACTOSIDASE", "aspergillus niger alpha-galactosidase"), ("MENTHOL, UNSPECIFIED FORM", "menthol")],
)
def test_unii_stripped_name(display, stripped):
    assert _builder().stripped_name(display) == stripped


def test_unii_pharmacopoeia_tags(tmp_path):
    rows = [
        ("PACRITINIB [INN]", "cn", "P1", "PACRITINIB"),
        ("PACRITINIB CITRATE", "of", "P2", "PACRITINIB CITRATE"),  # the salt: known through its stripped name
        ("LAURETH-3 [INCI]", "cn", "L1", "LAURETH-3"),  # a cosmetics ingredient: no medicine tag
        ("INDOXACARB [ISO]", "cn", "I1", "INDOXACARB"),  # a pesticide
    ]
    unii = tmp_path / "UNII_Names.txt"
    unii.write_text("Name\tTYPE\tUNII\tDisplay Name\n" + "".join(f"{n}\t{t}\t{u}\t{d}\n" for n, t, u, d in rows), encoding="utf-8")
    assert _builder().pharma_ingredients(unii) == frozenset({"pacritinib"})  # the citrate matches it once stripped


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("Humria shots every two weeks.", "Humria", "adalimumab"),  # two letters swapped in a 6-letter brand
        ("Started Xnaax last night.", "Xnaax", "alprazolam"),  # 5 letters: too short for the one-edit rule
        ("Cialsi worked fine.", "Cialsi", "tadalafil"),  # the swap wins over a deletion neighbour
    ],
)
def test_short_name_transpositions(extractor, text, surface, canonical):
    assert _drugs(extractor, text) == [(surface, canonical, "fuzzy")]


@pytest.mark.parametrize(
    "text",
    [
        "The Mueseum was closed, the tarin was late, I felt clam and slient.",
        "I wnet to the stroe and baught braed with Lycia.",
        "Form the line, then untie the knot.",
    ],
)
def test_transpositions_of_ordinary_words_are_not_drugs(extractor, text):
    assert _drugs(extractor, text) == []


def test_unii_build_wide_keeps_brands_of_tagged_ingredients(tmp_path):
    pytest.importorskip("wordfreq")  # optional extra 'lexicons'
    rows = [
        ("ZELVORA", "bn", "P1", "ZORBATINIB CITRATE"),  # an ingredient the dictionary lacks (made up)
        ("ZORBATINIB [INN]", "cn", "P0", "ZORBATINIB"),
        ("KORVIXAN", "bn", "L1", "LAURETH-3"),  # a cosmetics ingredient: no medicine tag
        ("BAYCOL", "bn", "C1", "CERIVASTATIN SODIUM"),
    ]
    unii = tmp_path / "UNII_Names.txt"
    unii.write_text("Name\tTYPE\tUNII\tDisplay Name\n" + "".join(f"{n}\t{t}\t{u}\t{d}\n" for n, t, u, d in rows), encoding="utf-8")
    builder = _builder()
    assert builder.build(unii)[0] == {"baycol": "cerivastatin"}  # the shipped (narrow) list
    assert builder.build(unii, wide=True)[0] == {"baycol": "cerivastatin", "zelvora": "zorbatinib"}
