"""A name right after someone says it is a name: "my name is Rubija", "Name: Sieda Batukayev",
"last name? Boyle", "people call me Csanád", "we named her Luz". No gazetteer: the cue is enough,
so unusual and foreign names are found."""
import re

from .base import NOT_NAMES, Rule, RuleRecognizer

_CUE = (
    r"(?i:my\s+name\s+is|my\s+name['’]s|i\s+am\s+called|i['’]m\s+called|you\s+can\s+call\s+me|"
    r"(?:first|last|full|sur|maiden)\s*name(?:\s+is|\s*\?|\s*:)|^[ \t]*name\s*:)"
)
_NAME_WORD = r"[A-Za-zÀ-ÖØ-öø-ž][A-Za-zÀ-ÖØ-öø-ž'’-]+"
# Someone names a person: "people call me Csanád", "we named her Luz", "my son's name is Teo",
# "she goes by Bea". Names taken only when capitalised ("call me crazy", "call me back" are not).
_NAMING_CUE = (
    r"(?i:(?:people|everyone|everybody|they|friends|he|she)\s+calls?\s+me|\bcall\s+me|\bnamed\s+(?:him|her|them|my\s+\w+)|"
    r"\bgoes\s+by|\b(?:his|her|their)\s+name\s+is|"
    r"\b(?:son|daughter|husband|wife|partner|mom|mum|mother|dad|father|brother|sister|friend|baby|kid|boyfriend|girlfriend)['’]s\s+name\s+is)"
)
_CAP_NAME = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"


class SelfIntroductionRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule(
            "after_name_cue",
            _CUE + r"[ \t]*(?P<phi>" + _NAME_WORD + r"(?:[ \t]+(?:[A-Z]\.?[ \t]+)?" + _NAME_WORD + r"){0,2})",
            0.75,
            re.MULTILINE,
        ),
        Rule("after_naming_cue", _NAMING_CUE + r"[ \t]+(?P<phi>" + _CAP_NAME + r"(?:[ \t]+" + _CAP_NAME + r"){0,2})", 0.7),
    )
    EXCLUDE = NOT_NAMES | frozenset({"not", "unknown", "withheld", "private", "here", "above", "below"})

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        for result in super().analyze(text, entities, nlp_artifacts):
            end = None  # stop at the first word that is not part of a name ("My name is Jo and I ...")
            for word in re.finditer(r"\S+", text[result.start : result.end]):
                if word.group().lower().strip(".") in self.EXCLUDE:
                    break
                end = result.start + word.end()
            if end is not None:
                result.end = end
                results.append(result)
        return results
