"""Presidio's spaCy NER recognizer, with the small model's typical mistakes on patient text
filtered out before Presidio merges results (so a rule's hit on the same words survives).

Dropped: a lone lower-case word ("scan" as a place) unless the name or city gazetteer knows it,
spans made only of drug names or symptom/condition words ("Tamoxifen", "Muscle Pain" as a
person), misspelt drugs included ("Liptior"), a drug name with everyday words that are no names
("Started Mounjaro"), spans made only of greetings, sign-offs and titles ("Warmly" as a place),
and the name in an eponymous condition or sign ("Bell's palsy", "Wilson's disease", "Baker's
cyst"). Only the model's guesses are dropped this way: a name found by a context rule ("thanks
Allegra", "my wife Grace") or in the member list is always redacted."""
from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from ..forum_ner import SPANS_KEY
from .base import NOT_NAMES, NOT_PERSON_WORDS
from ..gazetteers import common_surnames, first_names, is_english_word, looks_like_drug, medical_terms, medical_words, place_names
from ..name_shape import name_likeness
from .known_name import NEXT_TO_NAMES, before_eponym_head, unknown_word


DOSE_WORDS = frozenset(
    "mg mcg µg ug ml g iu units unit tablet tablets tab tabs pill pills capsule capsules cream gel patch "
    "spray drops injection er xr sr xl cr dr odt hcl".split()
)


ARTICLES = frozenset({"the", "a", "an", "my", "his", "her", "their", "our", "your", "some", "this", "that"})


def plausible_entity(value: str, entity_type: str) -> bool:
    stripped = value.strip()
    if entity_type == "PERSON" and names_nobody(span_words(stripped)):  # "Grandma", "Venmo", "Email"
        return False
    if stripped.islower() and " " not in stripped:
        # a lone lower-case guess stands only when a gazetteer backs it ("toronto", "australia", "john")
        known = place_names() if entity_type == "LOCATION" else first_names()
        if entity_type == "PERSON" and stripped not in known:
            # or, for a person, when the word is in no dictionary and no drug or symptom list: the
            # news-trained model rarely calls a lower-case word a person ("obama", "messi")
            return _in_no_list(stripped)
        return stripped in known and stripped not in medical_terms()
    if stripped.lower() in medical_terms():
        return False
    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w+'’-]+", stripped.lower())]
    # doses and forms do not make a drug name a person ("Reglan 10", "Voltaren Gel", "tricor 145 Mg")
    if words and all(w in DOSE_WORDS for w in words):
        return False
    words = [w for w in words if not (w.isdigit() or len(w) == 1 or w in DOSE_WORDS or w in ARTICLES)] or words
    if words and all(w in NEXT_TO_NAMES for w in words):  # "Warmly", "Regards", "Dear"
        return False
    vocabulary = medical_words()
    if words and all(w in vocabulary or looks_like_drug(w) or _medical_compound(w, vocabulary) for w in words):
        return False
    # a drug with only everyday words beside it, none a name: "Started Mounjaro" (not "Bubble Boy")
    drugs = [w for w in words if w in medical_terms() or looks_like_drug(w)]
    return not (drugs and all(w in drugs or _everyday_word(w) for w in words))


def _medical_compound(word: str, vocabulary: frozenset[str]) -> bool:
    """"guillain-barre": a hyphenated word whose parts are all medical words."""
    parts = [p for p in word.split("-") if p]
    return len(parts) > 1 and all(p in vocabulary for p in parts)


def names_nobody(words: list[str]) -> bool:
    """Only kinship, service and message words (``resources/not_person_words.txt``)."""
    return bool(words) and all(w in NOT_PERSON_WORDS for w in words)


_LEADING_WORD = re.compile(r"([\w'’-]+)\s+(?=\S)")


def trim_person(text: str, result: RecognizerResult) -> RecognizerResult:
    """A PERSON span's leading kinship or service words are no part of the name: "Grandpa Joe"
    becomes "Joe" (a span of such words alone is dropped by ``plausible_entity``)."""
    if result.entity_type != "PERSON":
        return result
    start = result.start
    while (m := _LEADING_WORD.match(text, start, result.end)) and names_nobody(span_words(m.group(1))):
        start = m.end()
    if start != result.start:
        result.start = start
    return result


def _everyday_word(word: str) -> bool:
    return is_english_word(word) and word not in first_names() and word not in common_surnames()


def _in_no_list(word: str) -> bool:
    return (
        len(word) >= 3 and word.isalpha() and not is_english_word(word) and word not in medical_terms()
        and word not in medical_words() and not looks_like_drug(word)
    )


FORUM_NER_SCORE = 0.6


def forum_ner_results(recognizer: SpacyRecognizer, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts]) -> List[RecognizerResult]:
    """The forum model's PERSON / LOCATION guesses (``doc.spans["forum_ner"]``), when it ran,
    reported under ``recognizer``'s id (Presidio groups results by recognizer id)."""
    doc = getattr(nlp_artifacts, "tokens", None)
    if doc is None or not hasattr(doc, "spans") or SPANS_KEY not in doc.spans:
        return []
    spans = [(_trim_start(span), span.end, span.label_) for span in doc.spans[SPANS_KEY]]
    spans = [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), label) for start, end, label in spans if start < end]
    return [
        RecognizerResult(label, start_char, end_char, FORUM_NER_SCORE,
                         recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id, "model": SPANS_KEY})
        for start_char, end_char, label in spans
        if label in entities and plausible_forum_entity(text, start_char, end_char, label)
    ]


_LEADING_NOT_NAME = NOT_NAMES | frozenset({"hi", "hey", "hello", "dear", "thanks", "thank", "thx", "ty", "welcome", "hugs", "love", "congrats", "@"})


def _trim_start(span) -> int:
    """Greetings and function words the forum model sometimes takes into a name ("Hi Sarah")."""
    start = span.start
    while start < span.end and span.doc[start].lower_ in _LEADING_NOT_NAME:
        start += 1
    return start


_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“(]\s*|^\s*)\Z")


def _known(word: str, label: str) -> bool:
    """In the gazetteer for the label: cities for places, first names or surnames for people."""
    if label == "LOCATION":
        return word in place_names()
    return word in first_names() or word in common_surnames()


def span_words(value: str) -> list[str]:
    """A span's words, lower-cased, a possessive "'s" dropped ("Jenny's" -> "jenny")."""
    return [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", value.lower())]


def plausible_forum_entity(text: str, start: int, end: int, label: str) -> bool:
    """Stricter checks for the forum model, which is trained on less text than the main model:
    a lower-case span needs a gazetteer word (a first name, or a city); a single capitalised
    word at the start of a sentence ("However", "Lean") needs one too."""
    value = text[start:end].strip()
    words = span_words(value)
    if value.islower():
        return (value in place_names() if label == "LOCATION" else any(w in first_names() for w in words)) and value not in medical_terms()
    if len(words) == 1 and _SENTENCE_START.search(text[max(0, start - 3) : start]) and not _known(words[0], label):
        return False
    return plausible_entity(value, label)


ORG_NAME_SCORE = 0.5
ORG_NAME_SHAPE = 0.0  # name_likeness above which a lone unknown "ORG" is taken as a person


def org_names(recognizer: SpacyRecognizer, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts]) -> List[RecognizerResult]:
    """A single capitalised word the small model calls ORG ("Vassiliev", "Ogasahara") that no
    list knows (no English, drug, symptom or place word) and that is shaped like a name
    (``deid/name_shape.py``): the small model tags unfamiliar names ORG. ORG itself stays
    unredacted (drug brands and makers are tagged ORG)."""
    doc = getattr(nlp_artifacts, "tokens", None)
    if doc is None or "PERSON" not in entities:
        return []
    results = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) != 1 or not _lone_name(ent.text):
            continue
        results.append(RecognizerResult("PERSON", ent.start_char, ent.end_char, ORG_NAME_SCORE,
                                        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id, "model": "org_name"}))
    return results


def _lone_name(word: str) -> bool:
    if len(word) < 4 or not word.isalpha() or not word[:1].isupper() or not word[1:].islower():
        return False
    key = word.lower()
    return unknown_word(key) and not looks_like_drug(key) and name_likeness(key) > ORG_NAME_SHAPE


class ForumSpacyRecognizer(SpacyRecognizer):
    def analyze(self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None) -> List[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts) + forum_ner_results(self, text, entities, nlp_artifacts)
        results += org_names(self, text, entities, nlp_artifacts)
        results = [trim_person(text, r) for r in results]
        return [
            r for r in results
            if r.entity_type not in {"PERSON", "LOCATION", "NRP"}
            or (plausible_entity(text[r.start : r.end], r.entity_type) and not before_eponym_head(text, r.end))
        ]
