"""ConText-style assertion of each mention: experienced, negated, hypothetical or family.

Own implementation of the NegEx/ConText idea (Chapman et al.): trigger phrases (data, in
``lexicons/assertion_triggers.yaml``) scope forward ("pre") or backward ("post") over at
most ``window`` tokens of their sentence, and a terminator ("but", "however", ...) ends the
scope. Precedence: negated > hypothetical > family > experienced.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon_matcher import LexiconMatcher
from .mention import EXPERIENCED, FAMILY, HYPOTHETICAL, NEGATED, Mention
from .resources import load_yaml

STATUSES = (NEGATED, HYPOTHETICAL, FAMILY)


class AssertionClassifier:
    def __init__(self, nlp: Language) -> None:
        raw = load_yaml("assertion_triggers.yaml")
        self.window = int(raw.get("window", 6))
        terms = {}
        for status in STATUSES:
            for direction in ("pre", "post"):
                for phrase in raw[status].get(direction, []):
                    terms.setdefault(str(phrase).lower(), []).append((status, direction))
        for phrase in raw.get("terminators", []):
            terms.setdefault(str(phrase).lower(), []).append(("terminate", "both"))
        for phrase in raw.get("pseudo", []):
            terms.setdefault(str(phrase).lower(), []).append(("pseudo", "both"))
        self.double_negation = {str(w).lower() for w in raw.get("double_negation", [])}
        self.matcher = LexiconMatcher(nlp, terms)

    def __call__(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        if not mentions:
            return mentions
        triggers: list[tuple[int, int, str, str, str]] = []  # start, end, status, direction, text
        terminator_at: set[int] = set()
        pseudo_at: set[int] = set()
        for term, start, end in self.matcher(doc):
            for status, direction in self.matcher.payload[term]:
                if status == "terminate":
                    terminator_at.update(range(start, end))
                elif status == "pseudo":
                    pseudo_at.update(range(start, end))
                else:
                    triggers.append((start, end, status, direction, doc[start:end].text.lower()))
        triggers = [
            t for t in triggers
            if not any(i in pseudo_at for i in range(t[0], t[1]))
            and not (t[3] == "post" and any(tok.lower_ in self.double_negation for tok in doc[max(0, t[0] - 3) : t[0]]))
        ]
        sent_start = {}
        sent_end = {}
        for sent in doc.sents:
            for t in range(sent.start, sent.end):
                sent_start[t], sent_end[t] = sent.start, sent.end
        out = []
        for m in mentions:
            found: dict[str, str] = {}
            lo, hi = sent_start[m.start], sent_end[m.start]
            for start, end, status, direction, text in triggers:
                if status in found or start < lo or end > hi:
                    continue
                if direction == "pre" and end <= m.start and m.start - end <= self.window:
                    gap = range(end, m.start)
                elif direction == "post" and start >= m.end and start - m.end <= self.window:
                    gap = range(m.end, start)
                else:
                    continue
                if any(t in terminator_at for t in gap):
                    continue
                # a trigger word that is itself part of a term ("no" in "no appetite") was
                # excluded above by the span test; the trigger must not be inside another mention
                found[status] = text
            status = next((s for s in STATUSES if s in found), EXPERIENCED)
            out.append(m.with_assertion(status, found.get(status, "")))
        return out
