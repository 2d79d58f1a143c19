"""Medical devices patients name (CPAP, CGM, insulin pump...), normalised by the own lexicon."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon_matcher import LexiconMatcher
from .mention import DEVICE, Mention
from .resources import device_lexicon


class DeviceRecognizer:
    name = DEVICE

    def __init__(self, nlp: Language) -> None:
        self.matcher = LexiconMatcher(nlp, device_lexicon())

    def __call__(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        out = []
        for term, start, end in self.matcher(doc):
            span = doc[start:end]
            # abbreviations of three letters or fewer ("IUD", "CGM") only when written in capitals
            if len(span.text) <= 3 and not span.text.isupper():
                continue
            out.append(Mention(DEVICE, start, end, span.start_char, span.end_char, span.text, self.matcher.payload[term], "", sent_of[start]))
        return out
