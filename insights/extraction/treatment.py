"""Treatment experiences (drug-effect pairs) and treatment events (start, stop, switch, skip
doses) with the stated reason, by cue rules; the cues are data (``lexicons/treatment_cues.yaml``).

A pair links a drug and an effect in the same sentence, or a drug in the sentence just
before an effect sentence that carries a cue of its own. Kinds, in precedence order:
withdrawal > lack_of_effect > benefit > side_effect.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon_matcher import LexiconMatcher
from .mention import CONDITION, DRUG, EXPERIENCED, FAMILY, NEGATED, SYMPTOM, Mention
from .resources import load_yaml

EXPERIENCE_KINDS = ("withdrawal", "lack_of_effect", "benefit", "side_effect")
EVENT_KINDS = ("switch", "stop", "skip_doses", "start")
REASONS = ("lack_of_effect", "side_effects", "cost", "convenience", "doctors_advice")
INDICATION_WORDS = {"for", "treat", "treating", "treats", "against"}
# Plans, wishes and questions are not events ("thinking about quitting X", "should I stop X?").
INTENT_WORDS = {"thinking", "think", "considering", "consider", "want", "wants", "wanted", "might", "should",
                "would", "if", "whether", "afraid", "scared", "hope", "hoping", "plan", "planning", "may", "could"}
MAX_CUE_DISTANCE = 8  # tokens between the event cue and its drug
# "I stopped it": an event sentence without a drug refers back to the previous sentence's drug
ANAPHORS = {"it", "them", "this", "that", "these", "those", "med", "meds", "medication", "drug", "pill", "pills", "shot", "shots"}
# the HPO root: "<part> problems", lesions, lumps (no specific term): a side effect only with a cue
VAGUE_FINDING = "HP:0000118"


@dataclass(frozen=True)
class Experience:
    drug: Mention
    effect: Mention | None  # the symptom or condition; None for "it works" without a target
    kind: str
    cue: str  # the cue phrase, or "co-occurrence" for a side effect without one
    sentence_index: int  # sentence of the effect (or of the cue)
    same_sentence: bool


@dataclass(frozen=True)
class TreatmentEvent:
    drug: Mention
    event: str
    cue: str
    reason: str
    reason_cue: str
    to_drug: Mention | None  # the new drug of a switch
    sentence_index: int


class TreatmentExtractor:
    def __init__(self, nlp: Language) -> None:
        raw = load_yaml("treatment_cues.yaml")
        self.experience = self._matcher(nlp, raw["experience"])
        self.event = self._matcher(nlp, raw["event"])
        self.reason = self._matcher(nlp, raw["reason"])

    @staticmethod
    def _matcher(nlp: Language, groups: dict) -> LexiconMatcher:
        terms: dict[str, list[str]] = {}
        for kind, phrases in groups.items():
            for p in phrases:
                terms.setdefault(str(p).lower(), []).append(kind)
        return LexiconMatcher(nlp, terms)

    def _cues(self, matcher: LexiconMatcher, doc: Doc, sent_of: list[int], taken: set[int]) -> dict[int, list[tuple[str, str, int, int]]]:
        """sentence -> [(kind, cue text, start, end)], skipping cues inside entity mentions."""
        out: dict[int, list] = {}
        for term, start, end in matcher(doc):
            if any(t in taken for t in range(start, end)):
                continue
            for kind in matcher.payload[term]:
                out.setdefault(sent_of[start], []).append((kind, doc[start:end].text.lower(), start, end))
        return out

    def __call__(self, doc: Doc, mentions: list[Mention], sent_of: list[int]) -> tuple[list[Experience], list[TreatmentEvent]]:
        taken = {t for m in mentions for t in range(m.start, m.end)}
        by_sent: dict[int, dict[str, list[Mention]]] = {}
        for m in mentions:
            by_sent.setdefault(m.sentence_index, {}).setdefault(m.entity_type, []).append(m)
        exp_cues = self._cues(self.experience, doc, sent_of, taken)
        experiences = []
        for s, group in sorted(by_sent.items()):
            effects = [m for m in group.get(SYMPTOM, []) + group.get(CONDITION, []) if m.assertion != FAMILY]
            drugs = [d for d in group.get(DRUG, []) if d.assertion != NEGATED]
            cues = exp_cues.get(s, [])
            same = bool(drugs)
            if not drugs and cues and effects:
                drugs = [d for d in by_sent.get(s - 1, {}).get(DRUG, []) if d.assertion != NEGATED]
            if not drugs:
                continue
            experiences.extend(self._pairs(doc, drugs, effects, cues, s, same))
        events = self._events(doc, by_sent, sent_of, taken)
        return experiences, events

    def _pairs(self, doc: Doc, drugs: list[Mention], effects: list[Mention], cues: list, s: int, same: bool) -> list[Experience]:
        kinds = {k: c for k, c, _, _ in sorted(cues, key=lambda c: c[2])}
        cue_at = {k: start for k, _, start, _ in sorted(cues, key=lambda c: c[2])}
        drug = drugs[0] if len(drugs) == 1 else None
        out = []
        for kind in ("withdrawal", "lack_of_effect", "benefit"):
            if kind in kinds and not (kind == "benefit" and "side_effect" in kinds):
                d = drug or min(drugs, key=lambda m: abs(m.start - cue_at[kind]))
                for e in effects or [None]:
                    out.append(Experience(d, e, kind, kinds[kind], s, same))
                return out
        for e in effects:
            if e.entity_type != SYMPTOM or e.assertion != EXPERIENCED or _is_indication(doc, e):
                continue
            if "side_effect" not in kinds and (not same or e.code == VAGUE_FINDING):
                continue  # a vague finding ("new lesions", "stomach issues") needs a side-effect cue
            out.append(Experience(drug or _nearest(drugs, e), e, "side_effect", kinds.get("side_effect", "co-occurrence"), s, same))
        return out

    def _events(self, doc: Doc, by_sent: dict, sent_of: list[int], taken: set[int]) -> list[TreatmentEvent]:
        ev_cues = self._cues(self.event, doc, sent_of, taken)
        reason_cues = self._cues(self.reason, doc, sent_of, taken)
        out = []
        for s, cues in sorted(ev_cues.items()):
            drugs = list(by_sent.get(s, {}).get(DRUG, []))
            if not drugs and any(t.lower_ in ANAPHORS for t in doc[cues[0][2] : cues[0][3] + 3]):
                drugs = list(by_sent.get(s - 1, {}).get(DRUG, []))[-1:]
            if not drugs:
                continue
            cue_by_kind: dict[str, tuple] = {}
            for kind, text, start, end in cues:
                cue_by_kind.setdefault(kind, (text, start, end))
            kind = next(k for k in EVENT_KINDS if k in cue_by_kind)
            text, start, end = cue_by_kind[kind]
            if any(t.lower_ in INTENT_WORDS for t in doc[max(0, start - 4) : start]):
                continue
            after = [d for d in drugs if d.start >= end]
            before = [d for d in drugs if d.end <= start]
            to_drug = None
            if kind == "switch" and len(drugs) >= 2:
                drug, to_drug = (before[-1], after[0]) if before and after else (drugs[0], drugs[1])
            elif kind in ("start", "switch"):
                drug = after[0] if after else drugs[-1]
            else:
                drug = before[-1] if before and not after else (after[0] if after else drugs[0])
            if min(abs(drug.start - end), abs(start - drug.end)) > MAX_CUE_DISTANCE:
                continue
            reason, reason_cue = self._reason(by_sent.get(s, {}), reason_cues.get(s, []) + reason_cues.get(s + 1, []), kind)
            out.append(TreatmentEvent(drug, kind, text, reason, reason_cue, to_drug, s))
        return out

    @staticmethod
    def _reason(group: dict, cues: list, kind: str) -> tuple[str, str]:
        found = {k: c for k, c, _, _ in cues}
        for reason in REASONS:
            if reason in found:
                return reason, found[reason]
        if kind in ("stop", "switch", "skip_doses"):
            experienced = [m for m in group.get(SYMPTOM, []) if m.assertion == EXPERIENCED]
            if experienced:
                return "side_effects", experienced[0].text.lower()
        return "unknown", ""


def _nearest(drugs: list[Mention], effect: Mention | None) -> Mention:
    if effect is None:
        return drugs[0]
    return min(drugs, key=lambda d: abs(d.start - effect.start))


def _is_indication(doc: Doc, effect: Mention) -> bool:
    """"(taking X) for my back pain": the effect is what the drug treats, not a side effect."""
    window = doc[max(0, effect.start - 3) : effect.start]
    return any(t.lower_ in INDICATION_WORDS for t in window)
