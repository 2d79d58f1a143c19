"""Context guards for ambiguous lexicon terms, as data (``guards`` in ``conditions.yaml`` and
``symptom_lay_phrases.yaml``): a term does not count when

- the word before it is in ``not_after`` ("my GP" is a doctor, "I go spinning"),
- the word after it is in ``not_before`` ("falling asleep", "T2 lesions", "lump sum"),
  unless that word is in ``unless_before`` ("my GP symptoms"),
- ``needs_nearby`` is given and no word of its sentence (surface or lemma, or a size such as
  "5mm") is in it ("stone" counts near "kidney", "pass" or "5mm", not in "lost a stone"),
- ``needs_in_post`` is given and no word of the whole post is in it ("GP" is gastroparesis in a
  post about the stomach, vomiting or meals, a doctor elsewhere).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

KEYS = ("not_after", "not_before", "unless_before", "needs_nearby", "needs_in_post")
SIZE = re.compile(r"^\d+(\.\d+)?(mm|cm)$")


def load_guards(data: dict | None) -> dict:
    """YAML ``guards`` -> term -> {key: frozenset of lower-cased words}."""
    return {str(term).lower(): {k: frozenset(str(w).lower() for w in (rules.get(k) or ())) for k in KEYS} for term, rules in (data or {}).items()}


def allows(doc: Doc, start: int, end: int, guard: dict) -> bool:
    """Whether the term at ``doc[start:end]`` counts under ``guard``."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    if after not in guard["unless_before"] and (before in guard["not_after"] or after in guard["not_before"]):
        return False
    for key, tokens in (("needs_nearby", doc[start].sent), ("needs_in_post", doc)):
        cues = guard[key]
        if cues and not any(t.lower_ in cues or t.lemma_ in cues or SIZE.match(t.lower_) for t in tokens if not start <= t.i < end):
            return False
    return True
