"""Conditions (diseases, disorders) patients name, normalised by the own lexicon."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon_matcher import LexiconMatcher
from .mention import CONDITION, Mention
from .resources import condition_lexicon


class ConditionRecognizer:
    name = CONDITION

    def __init__(self, nlp: Language) -> None:
        from .symptom_spelling import known_words

        self.matcher = LexiconMatcher(nlp, condition_lexicon())
        self.english = known_words(nlp)

    def __call__(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        out = []
        for term, start, end in self.matcher(doc):
            span = doc[start:end]
            # short abbreviations (MS, RA, UC) only when written in capitals; a three-letter one
            # in lower case ("ibs", "cfs") only when it is no English word or name ("all", "gad")
            text = span.text
            if len(text) <= 3 and not text.isupper() and not (len(text) == 3 and text.isalpha() and text.lower() not in self.english):
                continue
            out.append(Mention(CONDITION, start, end, span.start_char, span.end_char, span.text, self.matcher.payload[term], "", sent_of[start]))
        return out
