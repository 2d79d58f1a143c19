"""ConText-style assertion of each mention: experienced, negated, hypothetical or family.

Own implementation of the NegEx/ConText idea (Chapman et al.): trigger phrases (data, in
``lexicons/assertion_triggers.yaml``) scope forward ("pre") or backward ("post") over at
most ``window`` tokens of their sentence, and a terminator ("but", "however", ...) ends the
scope. Precedence: negated > hypothetical > family > experienced.

Besides the scoped triggers: "near" triggers act only right before the mention ("her
depression"); a label-and-answer form ("Fatigue: gone.", "dizziness? none") negates across the
separator; a negated claim before the mention ("I can't say the nausea is gone") cancels a
negation after it; a wish right before a negation ("hoping I don't get ...") leaves only the
hypothesis. All the word lists are data in the YAML.
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
        self.near_window = int(raw.get("near_window", 2))
        self.answer_window = int(raw.get("answer_window", 2))
        self.answer_separators = {str(w) for w in raw.get("answer_separators", [])}
        self.near_blockers = {str(w).lower() for w in raw.get("near_blockers", [])}
        terms = {}
        for status in STATUSES:
            for direction in ("pre", "post", "near"):
                for phrase in raw[status].get(direction, []):
                    terms.setdefault(str(phrase).lower(), []).append((status, direction))
        for phrase in raw.get("terminators", []):
            terms.setdefault(str(phrase).lower(), []).append(("terminate", "both"))
        for phrase in raw.get("pseudo", []):
            terms.setdefault(str(phrase).lower(), []).append(("pseudo", "both"))
        for key in ("answer_negation", "negated_claim", "wish_before_negation"):
            for phrase in raw.get(key, []):
                terms.setdefault(str(phrase).lower(), []).append((key, "both"))
        self.double_negation = {str(w).lower() for w in raw.get("double_negation", [])}
        self.matcher = LexiconMatcher(nlp, terms)

    def __call__(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        if not mentions:
            return mentions
        triggers: list[tuple[int, int, str, str, str]] = []  # start, end, status, direction, text
        terminator_at: set[int] = set()
        pseudo_at: set[int] = set()
        wish_end: set[int] = set()
        answers: dict[int, str] = {}  # answer start -> text
        claims: list[tuple[int, int]] = []
        for term, start, end in self.matcher(doc):
            for status, direction in self.matcher.payload[term]:
                if status == "terminate":
                    terminator_at.update(range(start, end))
                elif status == "pseudo":
                    pseudo_at.update(range(start, end))
                elif status == "answer_negation":
                    answers.setdefault(start, doc[start:end].text.lower())
                elif status == "negated_claim":  # also a pseudo-trigger: "would" in "wouldn't say"
                    claims.append((start, end))
                    pseudo_at.update(range(start, end))
                elif status == "wish_before_negation":
                    wish_end.add(end)
                else:
                    triggers.append((start, end, status, direction, doc[start:end].text.lower()))
        triggers = [
            t for t in triggers
            if not any(i in pseudo_at for i in range(t[0], t[1]))
            and not (t[3] == "post" and any(tok.lower_ in self.double_negation for tok in doc[max(0, t[0] - 3) : t[0]]))
            and not (t[2] == NEGATED and t[3] == "pre" and any(t[0] - 2 <= e <= t[0] for e in wish_end))
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
                if status == NEGATED and direction == "post" and (
                    any(lo <= s and e <= m.start for s, e in claims)  # "I can't say the nausea is gone"
                    or any(lo < e <= m.start and m.start - e <= self.window for e in wish_end)  # "I hope it's gone"
                ):
                    continue
                if direction == "near" and end <= m.start and m.start - end <= self.near_window:
                    gap = range(end, m.start)
                    if any(doc[t].lower_ in self.near_blockers for t in gap):
                        continue
                elif direction == "pre" and end <= m.start and m.start - end <= self.window:
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
            if NEGATED not in found:
                answer = self._answer(doc, m, answers)
                if answer:
                    found[NEGATED] = answer
            status = next((s for s in STATUSES if s in found), EXPERIENCED)
            out.append(m.with_assertion(status, found.get(status, "")))
        return out

    def _answer(self, doc: Doc, m: Mention, answers: dict[int, str]) -> str:
        """Negation answer after a label separator ("Fatigue: gone", "dizziness? none at all")."""
        i = m.end
        if i >= len(doc) or doc[i].text not in self.answer_separators:
            return ""
        while i < len(doc) and doc[i].text in self.answer_separators:
            i += 1
        for j in range(i, min(i + self.answer_window, len(doc))):
            if j in answers:
                return answers[j]
        return ""
