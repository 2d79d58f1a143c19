"""Names in a list ("They had 6: Efimiya, Mary, Ariana, Isabel, Teresa and Jodi", "our founders:
Eklund, Michael and Hodge"): when most items of a capitalised list are known first names or
surnames, and at least one is a first name, every item is taken as a name."""
import re

from ..gazetteers import cities, common_surnames, first_names, medical_words
from ..spans import load_word_list
from .base import Rule, RuleRecognizer

_ITEM = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
# At most 30 items before the "and": an unbounded list made a comma-separated run of names with no
# "and" cost time quadratic in its length (every start rescanned the rest of the run).
_LIST = re.compile(r"\b" + _ITEM + r"(?:,\s+" + _ITEM + r"){1,30},?\s+(?:and|&|or)\s+" + _ITEM + r"\b")


class NameListRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (Rule("name_list", _LIST.pattern, 0.6),)

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        for match in _LIST.finditer(text):
            items = [(m.start(), m.end()) for m in re.finditer(_ITEM, match.group(0))]
            words = [match.group(0)[s:e].lower() for s, e in items]
            places = load_word_list("safe_harbor_places.txt")
            if any(w in medical_words() or w in places for w in words):
                continue
            first = sum(w in first_names() for w in words)
            known = sum(w in first_names() or (w in common_surnames() and w not in cities()) for w in words)
            if first >= 1 and known * 3 >= len(words) * 2:
                results += [self._result(match.start() + s, match.start() + e, self.RULES[0]) for s, e in items]
        return results
