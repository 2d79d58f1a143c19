"""Is this text English? The recognizers and the spaCy pipeline are English-only, so a
post in another language cannot be de-identified reliably and must not be published.

A cheap, offline check: the share of words that are common English function words
(about 40 % in ordinary English prose) against the share of function words of other
languages written in the Latin alphabet, and the share of letters outside the Latin script. Texts too short to
judge are given the benefit of the doubt.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

FUNCTION_WORDS = frozenset(
    """
    a about after again all also am an and any are as at be because been before being both but by
    can could did do does doing don't down during each few for from had has have having he her here
    hers him his how i i'm i've if in into is isn't it it's its just me more most my no nor not now of
    off on once only or other our out over own same she should so some such than that the their them
    then there these they this those through to too under until up very was wasn't we were what when
    where which while who why will with would you your yours anyone been got get feel know think
    """.split()
)
# The commonest function words of other languages written in the Latin alphabet (Spanish,
# Portuguese, French, Italian, German, Dutch, Polish, Swedish/Danish/Norwegian), minus any that are English words.
FOREIGN_FUNCTION_WORDS = frozenset(
    """
    el la los las del que y en un una por con para es al lo como más pero sus le ya este sí porque esta
    entre cuando muy sin sobre también hasta hay donde quien desde todo nos durante todos uno les ni
    yo otro mí qué él tengo estoy mi tu eso hace alguien sabe
    não uma os ao dos das em com seu sua ou quando muito já eu também só pelo pela até isso ela
    le les des est et une du dans qui pour pas sur au avec ce il je se ne sont mais ou comme été elle
    nous vous ils être avoir fait très aussi quelqu'un sait mois
    il di che non per una sono della gli con si ho mi ma anche ci questo io lei
    der die und den das nicht von zu mit sich des auf für ist im dem ein eine als auch es an
    werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war
    haben nur oder aber vor zur bis mehr durch man ich habe weiß jemand ob
    een het van dat niet zijn op te met voor er maar ook als bij nog wel geen jij ik heb
    nie się jest na że co jak ale tak za od po już mam ja czy
    och att det som en på är av för med till den har inte om ett jag var ikke og af til er
    """.split()
) - FUNCTION_WORDS
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageCheck:
    words: int
    english_share: float  # share of words that are English function words
    foreign_share: float  # share of words that are function words of other Latin-script languages
    non_latin_share: float  # share of letters outside the Latin script
    is_english: bool

    def reason(self) -> str:
        return (
            f"language check: {self.words} words, {self.english_share:.0%} English and "
            f"{self.foreign_share:.0%} other languages' function words, "
            f"{self.non_latin_share:.0%} non-Latin letters"
        )


def check_language(text: str, min_words: int = 12, min_foreign_share: float = 0.1, max_non_latin_share: float = 0.3) -> LanguageCheck:
    """Not English: mostly non-Latin letters, or (with enough words to judge) more function words
    of another language than of English. A list of drug names has neither and passes."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text or "")]
    letters = [c for w in words for c in w if c.isalpha()]
    non_latin = sum(1 for c in letters if not _is_latin(c)) / len(letters) if letters else 0.0
    share = sum(1 for w in words if w in FUNCTION_WORDS) / len(words) if words else 0.0
    foreign = sum(1 for w in words if w in FOREIGN_FUNCTION_WORDS) / len(words) if words else 0.0
    english = non_latin <= max_non_latin_share or len(letters) < 20
    if len(words) >= min_words and foreign >= min_foreign_share and foreign > share:
        english = False
    return LanguageCheck(len(words), share, foreign, non_latin, english)


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")
