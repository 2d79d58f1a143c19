"""The export's own members: every username and display name seen in the export.

Replies name other members ("thanks Jenny!", "@sunflower_jen82", "Jenny's advice"),
so each username, each full display name and each part of it is redacted wherever it
appears, in any case and with a possessive. Lookup is a set membership test per word,
so thousands of members cost no more than a handful.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

_WORD = re.compile(r"[^\W_][\w.'’-]*[^\W_]|[^\W_]", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$", re.IGNORECASE)
_SPLIT_NAME = re.compile(r"[\s,;/|()]+")

# Name parts that are also everyday words: redacted only when written capitalised,
# so "I hope" survives while "Hope said" does not.
COMMON_WORD_NAMES = frozenset(
    """
    hope grace faith joy may june april august will bill mark rose summer dawn sunny ray rich
    don guy art april sky skye amber crystal ruby jade pearl holly ivy iris lily daisy violet
    autumn winter storm max page sue pat chase hunter grant frank earl miles king lane
    brook brooke rob jack patience charity honor star angel sage river reed dale glen
    cliff drew gene penny robin heather ginger candy chip buck rusty sandy stormy melody
    """.split()
)
_TOO_SHORT = 2
# "Will" and "May" are the verb when a subject pronoun follows ("Will you ask", "May I add"), and
# "Will power" is willpower: then they are no member's name.
_VERB_NAMES = frozenset({"will", "may"})
_AS_VERB = re.compile(r"[ \t]+(?:i|you|he|she|it|we|they|this|that|there|power)\b", re.IGNORECASE)


def name_forms(names: Iterable[Optional[str]]) -> set[str]:
    """Lower-cased forms to redact: whole names, usernames and each part of a display name."""
    forms: set[str] = set()
    for name in names:
        if not name:
            continue
        name = name.strip().lstrip("@")
        if name.lower().startswith("u/"):
            name = name[2:]
        if len(name) < _TOO_SHORT:
            continue
        forms.add(name.lower())
        for part in _SPLIT_NAME.split(name):
            part = part.strip(".-'’")
            if len(part) >= _TOO_SHORT and not part.isdigit():
                forms.add(part.lower())
    return forms


class MemberNameRecognizer(EntityRecognizer):
    ENTITY = "PERSON"

    def __init__(self, names: Iterable[Optional[str]] = ()) -> None:
        self.forms = name_forms(names)
        self._multiword = sorted((f for f in self.forms if not _WORD.fullmatch(f)), key=len, reverse=True)
        self._multi_rx = (
            re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(f) for f in self._multiword) + r")(?:'s|’s)?(?!\w)", re.IGNORECASE)
            if self._multiword
            else None
        )
        super().__init__(supported_entities=[self.ENTITY], name="MemberNameRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def _hit(self, word: str) -> bool:
        lower = word.lower()
        if lower not in self.forms:
            return False
        if lower in COMMON_WORD_NAMES:
            return word[:1].isupper()
        return True

    def analyze(
        self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> List[RecognizerResult]:
        if not self.forms:
            return []
        results = []
        for match in _WORD.finditer(text):
            word = match.group()
            start, end = match.span()
            if word.lower() in _VERB_NAMES and _AS_VERB.match(text, end):
                continue
            if not self._hit(word):
                stripped = _POSSESSIVE.sub("", word)
                if stripped == word or not self._hit(stripped):
                    continue
                end = start + len(stripped)
            results.append(self._result(start, end))
        if self._multi_rx is not None:
            results.extend(self._result(*m.span()) for m in self._multi_rx.finditer(text))
        return results

    def _result(self, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(
            self.ENTITY,
            start,
            end,
            0.95,
            analysis_explanation=AnalysisExplanation(recognizer=self.name, original_score=0.95),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
