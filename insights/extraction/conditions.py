"""Conditions (diseases, disorders) patients name, normalised by the own lexicon."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .context_guard import allows
from .lexicon_matcher import LexiconMatcher
from .mention import CONDITION, Mention
from .resources import condition_abbreviations, condition_guards, condition_lexicon

ABBREVIATION_MAX_LEN = 4


class ConditionRecognizer:
    name = CONDITION

    def __init__(self, nlp: Language) -> None:
        from .symptom_spelling import known_words

        self.abbreviations = condition_abbreviations()
        self.matcher = LexiconMatcher(nlp, {**self.abbreviations, **condition_lexicon()})
        self.english = known_words(nlp)
        self.guards = condition_guards()

    def __call__(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        out = []
        for term, start, end in self.matcher(doc):
            span = doc[start:end]
            if not self._counts(span, term):
                continue
            out.append(Mention(CONDITION, start, end, span.start_char, span.end_char, span.text, self.matcher.payload[term], "", sent_of[start]))
        return out

    def _counts(self, span, term: str) -> bool:
        # short abbreviations (MS, RA, UC) only when written in capitals; a three-letter one
        # in lower case ("ibs", "cfs") only when it is no English word or name ("all", "gad");
        # the forum abbreviations of up to 4 characters ("IC", "MIs", "T1", "PGAD") always in capitals
        text = span.text
        if len(text) <= 3 and not text.isupper() and not (len(text) == 3 and text.isalpha() and text.lower() not in self.english):
            return False
        if term in self.abbreviations and len(text) <= ABBREVIATION_MAX_LEN and not text[:2].isupper():
            return False
        guard = self.guards.get(term)
        return guard is None or allows(span.doc, span.start, span.end, guard)
