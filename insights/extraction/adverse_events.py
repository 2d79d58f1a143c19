"""Adverse-event candidates for pharmacovigilance triage: a review queue, not a report.

A post is a candidate when it names a suspect drug and an experienced (not negated, not
hypothetical, not a relative's) adverse effect linked to it (a side-effect or withdrawal
experience). Each candidate carries the four minimum criteria of a valid individual case
safety report as flags, so a safety team sees at a glance what a follow-up must establish:
- identifiable_patient: someone the effect happened to is described: first person ("I", "my")
  or a relation ("my husband") in the evidence, or a patient/caregiver speaker role;
- identifiable_reporter: the author can be reached through the community's own channel
  (the post has an author; deleted accounts cannot be followed up);
- suspect_drug: a named drug (not only a class like "statins") is linked to the effect;
- adverse_event: an experienced adverse effect is linked to that drug.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .mention import EXPERIENCED, SYMPTOM
from .treatment import Experience

FIRST_PERSON = {"i", "i'm", "im", "i've", "ive", "me", "my", "myself", "mine"}
RELATIONS = {"husband", "wife", "son", "daughter", "mom", "mum", "mother", "dad", "father", "partner",
             "child", "kid", "baby", "brother", "sister", "grandma", "grandmother", "grandpa", "grandfather",
             "boyfriend", "girlfriend", "fiance", "fiancee", "aunt", "uncle"}
ADVERSE_KINDS = ("side_effect", "withdrawal")


@dataclass(frozen=True)
class AdverseEventCandidate:
    suspect_drug: str  # canonical name
    drug_code: str
    adverse_effects: tuple[str, ...]  # canonical HPO names, in text order, distinct
    effect_codes: tuple[str, ...]
    kinds: tuple[str, ...]  # side_effect and/or withdrawal
    sentence_indexes: tuple[int, ...]
    identifiable_patient: bool
    identifiable_reporter: bool
    suspect_drug_named: bool
    adverse_event: bool


def _patient_in(doc: Doc, sentence_indexes: set[int]) -> bool:
    for i, sent in enumerate(doc.sents):
        near = i in sentence_indexes or i + 1 in sentence_indexes
        if near and any(t.lower_ in FIRST_PERSON or t.lower_ in RELATIONS for t in sent):
            return True
    return False


def adverse_event_candidates(doc: Doc, experiences: list[Experience], has_author: bool, speaker_role: str = "unknown") -> list[AdverseEventCandidate]:
    """One candidate per suspect drug in the post."""
    by_drug: dict[str, list[Experience]] = {}
    for x in experiences:
        if x.kind in ADVERSE_KINDS and x.effect is not None and x.effect.entity_type == SYMPTOM and x.effect.assertion == EXPERIENCED:
            by_drug.setdefault(x.drug.canonical, []).append(x)
    out = []
    for canonical, xs in by_drug.items():
        effects = list(dict.fromkeys((x.effect.canonical, x.effect.code) for x in xs))
        sentences = {x.sentence_index for x in xs}
        out.append(
            AdverseEventCandidate(
                suspect_drug=canonical,
                drug_code=xs[0].drug.code,
                adverse_effects=tuple(e[0] for e in effects),
                effect_codes=tuple(e[1] for e in effects),
                kinds=tuple(sorted({x.kind for x in xs})),
                sentence_indexes=tuple(sorted(sentences)),
                identifiable_patient=speaker_role in ("patient", "caregiver") or _patient_in(doc, sentences),
                identifiable_reporter=has_author,
                suspect_drug_named=xs[0].drug.match != "class",
                adverse_event=True,
            )
        )
    return out
