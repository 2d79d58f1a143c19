"""Medical devices patients name (CPAP, CGM, insulin pump...), normalised by the own lexicon."""
from __future__ import annotations

from spacy.language import Language

from .lexicon_matcher import KindRecognizer
from .mention import DEVICE
from .resources import device_lexicon


class DeviceRecognizer(KindRecognizer):
    name = DEVICE

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp, device_lexicon())
