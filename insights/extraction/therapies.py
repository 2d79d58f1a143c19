"""Non-drug treatments patients name (phototherapy, CBT, physical therapy, acupuncture, an
elimination or low-FODMAP diet, dialysis...), normalised by the own lexicon. Never paired with
effects or treatment events: those stay drug-only."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon_matcher import LexiconMatcher
from .mention import THERAPY, Mention
from .resources import therapy_lexicon


class TherapyRecognizer:
    name = THERAPY

    def __init__(self, nlp: Language) -> None:
        self.matcher = LexiconMatcher(nlp, therapy_lexicon())

    def __call__(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        out = []
        for term, start, end in self.matcher(doc):
            span = doc[start:end]
            if len(span.text) <= 3 and not span.text.isupper():  # "CBT", "ECT" in capitals only
                continue
            out.append(Mention(THERAPY, start, end, span.start_char, span.end_char, span.text, self.matcher.payload[term], "", sent_of[start]))
        return out
