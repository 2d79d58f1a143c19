"""Place cues as data (``deid/resources/place_cues.yaml``), read by ``well_known_place.py`` and
``city.py``: the words before a place name, as a regex alternation for one recognizer."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

RECOGNIZERS = ("well_known_place", "city")


@lru_cache(maxsize=1)
def _data() -> dict:
    data = yaml.safe_load(resources.files("deid.resources").joinpath("place_cues.yaml").read_text("utf-8"))
    data["cues"] = [c if isinstance(c, dict) else {"cue": c} for c in data["cues"]]  # a plain cue serves both
    for c in data["cues"]:
        if c.get("only") not in (None, *RECOGNIZERS):
            raise ValueError(f"place cue {c['cue']!r}: unknown recognizer {c['only']!r}")
    return data


def cues(recognizer: str) -> tuple[str, ...]:
    """The cues ``recognizer`` uses, in the resource's order (lower case, words one space apart)."""
    if recognizer not in RECOGNIZERS:
        raise ValueError(f"unknown recognizer {recognizer!r}")
    return tuple(str(c["cue"]).lower() for c in _data()["cues"] if c.get("only") in (None, recognizer))


def cue_alternation(recognizer: str) -> str:
    """``in|from|...|moved\\ to``: the cues as a regex alternation, in the resource's order."""
    return "|".join(re.escape(c) for c in cues(recognizer))


def weak_for_short_forms() -> frozenset[str]:
    """Cues that alone do not make a short form or state code a place ("switched to LA")."""
    return frozenset(str(w).lower() for w in _data()["weak_for_short_forms"])
