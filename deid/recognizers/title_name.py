"""Names after a courtesy title, in English and the languages forum members often write
("Mr. Tapio Lehtonen", "ms. Oyelaran", "Mrs Patel", "Frau Becker", "Sra. López", "Mme Dubois").
The title is the cue: no gazetteer, so unusual and foreign names are found. Clinicians'
titles ("Dr.", "Prof.") are in clinician_name.py."""
from ..gazetteers import (
    common_surnames,
    first_names,
    is_english_word,
    medical_words,
)
from .base import NOT_NAMES, Rule, RuleRecognizer

_TITLES = ["mr", "mrs", "ms", "mx", "miss", "mister", "missus", "sir", "dame", "madam", "madame", "mademoiselle", "frau", "herr", "fräulein", "señor", "señora", "señorita", "senhor", "senhora", "signor", "signora", "signorina", "sr", "sra", "srta", "sig", "mme", "mlle"]
# Capitalised or lower case, never all capitals: "MS" in a patient forum is multiple sclerosis.
_TITLE = r"(?P<title>(?:" + "|".join(f"[{t[0].upper()}{t[0]}]{t[1:]}" for t in _TITLES) + r")\b\.?|M\.)"
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž'’-]+"
_PARTICLE = r"(?:(?:van|von|de|da|del|della|der|di|du|la|le|ten|ter|bin|al)[ \t]+)"


class TitleNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule(
            "title_name",
            r"(?<![\w.])" + _TITLE + r"[ \t]+(?P<phi>" + _NAME_WORD + r"(?:[ \t]+(?:[A-Z]\.?[ \t]+)?" + _PARTICLE + r"?" + _NAME_WORD + r"){0,2})",
            0.8,
        ),
    )
    EXCLUDE = NOT_NAMES | frozenset({"president", "speaker", "chairman", "officer", "right", "wrong", "nice", "know"})

    def analyze(self, text, entities, nlp_artifacts=None):
        rule, rx = self._compiled[0]
        results = []
        for match in rx.finditer(text):
            words = match.group("phi").split()
            first = words[0].lower().removesuffix("'s").removesuffix("’s")
            if first in self.EXCLUDE or first in medical_words():
                continue
            if is_english_word(first) and not self._known(first, match.group("title")):
                continue
            end = match.end("phi") - (2 if words[-1].endswith(("'s", "’s")) else 0)  # "Mr. Smith's car"
            results.append(self._result(match.start("phi"), end, rule))
        return results

    @staticmethod
    def _known(word: str, title: str) -> bool:
        """An English word after the title is a name when a name list knows it ("Mr. Brown", not
        "Mr. Right"). After a bare "Ms", which also writes MS (multiple sclerosis), only a first
        name counts ("Ms Nurse" is not a name)."""
        if title.lower() == "ms":
            return word in first_names()
        return word in first_names() or word in common_surnames()
