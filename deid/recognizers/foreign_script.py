"""A name written in another script inside an English post: "originally from ΚΑΤΩ ΠΟΛΕΜΙΔΙΑ",
"my friend Дмитрий Соколов", "we met at 北京饭店". The name and place lists, the street
rules and the English NER models only know Latin letters, and ``deid/normalize.py`` folds only
the Greek and Cyrillic letters that look Latin, so such a run would pass untouched.

A run of 1-4 words of 3+ letters, each with a letter of a script other than Latin (Greek,
Cyrillic, Armenian, Georgian, Hebrew, Arabic, Indic, Thai, CJK, Hangul...), is taken when the
post is otherwise written in Latin letters (at most 4 such words, or 30% of its words: a post
written in that script is left to the language check). A run with a house number after it
("Οδός Ερμού 12") is a street: the number and the written address block after it
(``address_block.scan_block``) are taken with it, as one ``STREET_ADDRESS``. Scientific
Greek stays: single letters ("α"), micro units ("μg", "μmol") and letters joined to a hyphen or a digit ("β-blocker",
"TNF-α", "IL-1β", "Δ9-THC") are never part of a run.
"""
import re

from .address_block import counts_something, scan_block
from .base import Rule, RuleRecognizer

# Letters outside Latin: Greek and Coptic up to the CJK and Hangul blocks.
_FOREIGN = "\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u0e00-\u0e7f\u10a0-\u10ff\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# A word: 3+ letters, one or more of them foreign (Greek and Cyrillic letters that look Latin
# are already folded to Latin: "KATΩ", "Coкoлob"), not a micro unit ("μmol", "μg").
_WORD = r"(?<![\w\-])(?!μ[a-zA-Z]{0,3}(?![\w\-]))(?=[^\W\d_]*[" + _FOREIGN + r"])[^\W\d_]{3,}(?![\w\-])"
_RUN = _WORD + r"(?:[ \t]+" + _WORD + r"){0,3}"
_FOREIGN_WORD = re.compile(_WORD)
_ANY_WORD = re.compile(r"[^\W\d_]{2,}")


class ForeignScriptRecognizer(RuleRecognizer):
    ENTITY = "LOCATION"
    REQUIRES = "[" + _FOREIGN + "]"
    RULES = (Rule("foreign_script_run", _RUN, 0.5),)

    def __init__(self) -> None:
        super().__init__()
        self.supported_entities = [self.ENTITY, "STREET_ADDRESS"]

    def analyze(self, text, entities, nlp_artifacts=None):
        foreign = len(_FOREIGN_WORD.findall(text))
        if not foreign or (foreign > 4 and foreign > 0.3 * len(_ANY_WORD.findall(text))):  # a post in that script
            return []
        results = super().analyze(text, entities, nlp_artifacts)
        for result in results:
            number = _HOUSE_AFTER.match(text, result.end)
            if number and not counts_something(text, number.end(), len(text)):
                result.entity_type = "STREET_ADDRESS"
                result.end = scan_block(text, number.end()).end
                before = _HOUSE_BEFORE.search(text, max(0, result.start - 8), result.start)
                result.start = before.start() if before else result.start
        return results


# A house number after the street's name ("Ερμού 12", "Лeнинa, 5") or before it ("12 Οδός Ερμού").
_HOUSE_AFTER = re.compile(r",?[ \t]+\d{1,5}[A-Za-z]?\b(?![.,/:]\d)")
_HOUSE_BEFORE = re.compile(r"(?<![\w.,/:])\d{1,5}[A-Za-z]?[ \t]+\Z")
