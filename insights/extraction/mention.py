"""The mention record every extractor returns, and helpers over the shared ``Doc``."""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

DRUG, SYMPTOM, CONDITION, DEVICE, THERAPY = "drug", "symptom", "condition", "device", "therapy"
EXPERIENCED, NEGATED, HYPOTHETICAL, FAMILY = "experienced", "negated", "hypothetical", "family"


@dataclass(frozen=True)
class Mention:
    entity_type: str  # drug / symptom / condition / device / therapy
    start: int  # token offsets in the doc
    end: int
    start_char: int
    end_char: int
    text: str  # surface form, from the (de-identified) text
    canonical: str  # normalised name: generic drug, HPO term name, condition, device, therapy
    code: str  # DrugBank id, HPO id, or "" when none
    sentence_index: int
    match: str = "exact"  # exact / lay / fuzzy
    assertion: str = EXPERIENCED
    assertion_cue: str = ""

    def with_assertion(self, assertion: str, cue: str) -> Mention:
        return replace(self, assertion=assertion, assertion_cue=cue)


def sentence_index_of(doc: Doc) -> list[int]:
    """Sentence number of every token (the shared pipeline runs ``senter``)."""
    index = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            index[t] = i
    return index


def resolve_overlaps(mentions: list[Mention], priority: dict[str, int]) -> list[Mention]:
    """Keep the longest mention where spans overlap (ties: lower priority number wins)."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), priority.get(m.entity_type, 9), m.start))
    taken = [False] * (max((m.end for m in mentions), default=0) + 1)
    kept = []
    for m in ordered:
        if any(taken[m.start : m.end]):
            continue
        for t in range(m.start, m.end):
            taken[t] = True
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)
