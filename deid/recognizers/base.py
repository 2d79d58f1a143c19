"""A Presidio recognizer driven by data: regex rules, context words, exclusions.

Each recognizer module in this package declares ``ENTITY``, ``RULES``,
``CONTEXT`` and ``EXCLUDE`` as class attributes and nothing else, following
Presidio's own one-recognizer-per-file layout. A rule reports the span of its
``phi`` named group (the whole match when the regex has none), so a rule can
use the words around an identifier as an anchor without redacting them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, List, Optional

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..spans import load_word_list


@dataclass(frozen=True)
class Rule:
    name: str
    regex: str
    score: float
    flags: int = 0  # case-sensitive unless a rule says otherwise
    # A cheap pattern every match of this rule contains: a text without it skips the rule.
    requires: Optional[str] = None


class RuleRecognizer(EntityRecognizer):
    ENTITY: ClassVar[str]
    RULES: ClassVar[tuple[Rule, ...]]
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    EXCLUDE: ClassVar[frozenset[str]] = frozenset()  # lower-cased values never reported
    # A cheap pattern that every text with a match contains (a digit, say): the engine skips
    # texts without it (deid/recognizers/prefilter.py). Only where every rule requires it.
    REQUIRES: ClassVar[Optional[str]] = None

    def __init__(self) -> None:
        self._compiled = [(rule, re.compile(rule.regex, rule.flags)) for rule in self.RULES]
        self._rule_requires = {rule.name: re.compile(rule.requires) for rule in self.RULES if rule.requires}
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language="en",
            context=list(self.CONTEXT),
        )

    def load(self) -> None:  # patterns are compiled in __init__
        pass

    def accept(self, value: str, rule: Rule) -> bool:
        """A further test of a match (a gazetteer look-up, say); every match passes by default."""
        return True

    def accept_match(self, match: re.Match, rule: Rule) -> bool:
        """A test of the whole match (the words around ``phi``); every match passes by default."""
        return True

    def analyze(
        self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> List[RecognizerResult]:
        results: list[RecognizerResult] = []
        present: dict = {}  # rules that share a required pattern search for it once
        for rule, rx in self._compiled:
            required = self._rule_requires.get(rule.name)
            if required is not None:
                if required not in present:
                    present[required] = required.search(text) is not None
                if not present[required]:
                    continue
            group = "phi" if "phi" in rx.groupindex else 0
            for match in rx.finditer(text):
                start, end = match.span(group)
                if start < 0 or end <= start:
                    continue
                value = match.group(group).strip()
                if value.lower().replace("’", "'") in self.EXCLUDE or not self.accept(value, rule):
                    continue
                if not self.accept_match(match, rule):
                    continue
                results.append(self._result(start, end, rule))
        return results

    def _result(self, start: int, end: int, rule: Rule) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=rule.score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self.name, original_score=rule.score, pattern_name=rule.name
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "rule": rule.name,
            },
        )


# Kinship, service and message words that a name rule or model takes for a person and that
# name nobody ("Thanks Grandma", "Venmo me"): resources/not_person_words.txt.
NOT_PERSON_WORDS = load_word_list("not_person_words.txt")

# Capitalised words that follow "my husband", "thanks", "Dr." and the like
# without being names. Shared by the name-context recognizers.
NOT_NAMES = frozenset(
    """
    i i'm i've i'd i'll and but or so is was has had have who what when where why how
    the a an this that these those it its he she they we you him her them us our your
    their my me all everyone everybody guys folks ladies friends again again. too also
    just not no yes ok okay god lord jesus bless hugs love sending prayers much lots
    today tomorrow yesterday tonight monday tuesday wednesday thursday friday saturday
    sunday for from with about after before at in on of to as if then there here now
    still even only ever never always
    """.split()
)


# A handle as written after a platform or payment brand, without its "@": 2-41 characters, not
# ending in "." or "-" (a sentence's full stop is no part of it).
HANDLE = r"[A-Za-z0-9][A-Za-z0-9_.-]{1,40}(?<![.-])"


def handle_shaped(value: str) -> bool:
    """Written like a handle rather than a word: an @, a digit, "_", "." or "-" inside, or a
    capital after a lower-case letter ("@name", "jane_doe", "jenny.k", "JaneDoe", "jane-88")."""
    bare = value.lstrip("@")
    return value.startswith("@") or bool(re.search(r"[\d_.-]", bare) or re.search(r"[a-z][A-Z]", bare))
