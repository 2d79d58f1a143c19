"""The export's own members: every username and display name seen in the export.

Replies name other members ("thanks Jenny!", "@sunflower_jen82", "Jenny's advice"),
so each username, each full display name and each part of it is redacted wherever it
appears, in any case and with a possessive. Lookup is a set membership test per word,
so thousands of members cost no more than a handful.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, List, Optional

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

_WORD = re.compile(r"[^\W_][\w.'’-]*[^\W_]|[^\W_]", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$", re.IGNORECASE)
_SPLIT_NAME = re.compile(r"[\s,;/|()\[\]{}<>]+")
# Decorations people put in display names ("D.J. (Dee) Marsh*", "~Grace~", "Sunny ☀"): anything
# that is not a letter, digit, space or one of . - ' ’ _ ( ) is dropped before forms are derived.
_DECORATION = re.compile(r"[^\w\s.'’()\[\]{}-]", re.UNICODE)
_BRACKETED = re.compile(r"[(\[{]([^)\]}]*)[)\]}]")
# Parts of a username or a compound word: runs of letters (split again at camelCase) and of digits.
_RUNS = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

# Name parts that are also everyday words: redacted when written capitalised (except a few verbs
# at the start of a sentence: "Hope this helps") and, lower case, only in a name context
# ("thanks grace for", "hi hope", "grace's post"), so "I hope" and "grace period" survive.
COMMON_WORD_NAMES = frozenset(
    """
    hope grace faith joy may june april august will bill mark rose summer dawn sunny ray rich
    don guy art april sky skye amber crystal ruby jade pearl holly ivy iris lily daisy violet
    autumn winter storm max page sue pat chase hunter grant frank earl miles king lane
    brook brooke rob jack patience charity honor star angel sage river reed dale glen
    cliff drew gene penny robin heather ginger candy chip buck rusty sandy stormy melody
    """.split()
)
# Everyday-word names that often open a sentence as a verb ("Hope this helps", "Will you ask",
# "May I", "Mark my words"): kept there when the next word is one a verb takes.
_SENTENCE_VERBS = frozenset({"hope", "will", "may", "mark", "grant", "chase", "sue", "rob", "pat", "bill", "frank", "drew"})
_VERB_OBJECTS = frozenset(
    """this that these those you u ya yall i we it he she they everyone everybody all the your my our
    his her their so things someone somebody anyone anybody some no not to be do have get""".split()
)
# Name contexts: the word before ("thanks grace", "hi hope", "ask lyrica"), the word after
# ("grace said"), or a possessive followed by a person word ("lyrica's husband").
_BEFORE = frozenset(
    """thanks thank thx ty tysm thankyou hi hiya hey heya hello dear congrats congratulations welcome
    bye ask asked tell told agree cc hugs""".split()
)
_AFTER = frozenset(
    """said says wrote writes posted posts mentioned replied replies asked asks commented suggested
    shared explained here""".split()
)
_PERSON_NOUNS = frozenset(
    """husband wife partner mom mum mother dad father son daughter sister brother kids kid children
    family friend friends boyfriend girlfriend post posts comment comments reply replies advice tip tips
    story message thread question answer doctor""".split()
)
_TOO_SHORT = 2
# "Will" and "May" are the verb when a subject pronoun follows ("Will you ask", "May I add"), and
# "Will power" is willpower: then they are no member's name.
_VERB_NAMES = frozenset({"will", "may"})
_AS_VERB = re.compile(r"[ \t]+(?:i|you|he|she|it|we|they|this|that|there|power)\b", re.IGNORECASE)


def name_parts(text: str) -> list[str]:
    """A username or compound split into its parts: on ``_ - .``, apostrophes, digits and
    camelCase ("u_jenny_walsh82" -> u, jenny, walsh, 82; "MikeT1975" -> Mike, T, 1975)."""
    parts: list[str] = []
    for run in _RUNS.findall(text):
        parts.extend(p for p in _CAMEL.split(run) if p)
    return parts


def clean_display_name(name: str) -> str:
    """NFKC, then without decorations (``*``, ``~``, emoji, symbols): "D.J. (Dee) Marsh*" -> "D.J. (Dee) Marsh"."""
    name = unicodedata.normalize("NFKC", name)
    return re.sub(r"\s+", " ", _DECORATION.sub(" ", name)).strip()


def first_name_like(part: str) -> bool:
    """``part`` (lower-cased) is a first name: the Census, world or everyday-word name lists."""
    from deid.gazetteers import is_first_name

    return part in COMMON_WORD_NAMES or is_first_name(part)


def username_name_parts(username: str) -> list[str]:
    """The parts of a username that are plausibly names (lower-cased): a first name (the Census,
    world or everyday-word name lists), a listed surname right after one ("jenny_walsh82"), or any
    other word of 3+ letters that is no English word ("Sunny_Dayz" -> sunny, dayz; "The_Big_Tired"
    -> nothing; "MikeT1975" -> mike)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from deid.gazetteers import common_surnames, is_english_word, world_surnames

    kept: list[str] = []
    previous_first = False
    for part in (p.lower() for p in name_parts(username)):
        if not part.isalpha() or len(part) < _TOO_SHORT or part in STOP_WORDS:
            previous_first = False
            continue
        first = first_name_like(part)
        surname = previous_first and (part in common_surnames() or part in world_surnames())
        if first or surname or (len(part) >= 3 and not is_english_word(part)):
            kept.append(part)
        previous_first = first
    return kept


def name_forms(names: Iterable[Optional[str]]) -> set[str]:
    """Lower-cased forms to redact: whole names, usernames, each part of a display name (a
    bracketed nickname too), and the name-like parts of a username."""
    forms: set[str] = set()
    for name in names:
        if not name:
            continue
        name = unicodedata.normalize("NFKC", name).strip().lstrip("@")
        if name.lower().startswith("u/"):
            name = name[2:]
        if len(name) < _TOO_SHORT:
            continue
        forms.add(name.lower())
        cleaned = clean_display_name(name)
        for whole in (cleaned, _BRACKETED.sub(" ", cleaned)):
            whole = re.sub(r"\s+", " ", whole).strip(" .-'’_")
            if len(whole) >= _TOO_SHORT:
                forms.add(whole.lower())
        for part in _SPLIT_NAME.split(cleaned):
            part = part.strip(".-'’_")
            if len(part) >= _TOO_SHORT and not part.isdigit():
                forms.add(part.lower())
        if not re.search(r"\s", cleaned):  # a username: its name-like parts, and them together
            parts = username_name_parts(cleaned)
            forms.update(parts)
            if len(parts) > 1:
                forms.add(" ".join(parts))
    return forms

_PREV_WORDS = re.compile(r"(?:([A-Za-z']+)[ \t]+)?([A-Za-z']+)([ \t,]*)$")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z']+)")
_POSSESSIVE_AT = re.compile(r"(?:'s|’s|'|’)?", re.IGNORECASE)


def _next_word(text: str, end: int) -> Optional[str]:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else None


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 200):start].rstrip(" \t\"'“‘*_(#>-")
    return not before or before[-1] in ".!?\n:;"


def _name_context(text: str, start: int, end: int, possessive: bool, person_noun: bool) -> bool:
    """A word in a position where it names a person: after @, a greeting, thanks or "ask"; before
    "said/wrote/posted"; a possessive (before a person word when ``person_noun``); or a vocative
    ("great post, grace!", "Grace, you ...")."""
    if start and text[start - 1] == "@":
        return True
    if possessive:
        end += len(_POSSESSIVE_AT.match(text, end).group())
    after = _next_word(text, end)
    rest = text[end:end + 3]
    prev = _PREV_WORDS.search(text[max(0, start - 60):start])
    if prev:
        before, gap = prev.group(2).lower(), prev.group(3)
        thank_you = before == "you" and (prev.group(1) or "").lower() in {"thank", "thanks"}
        if (before in _BEFORE or thank_you) and after not in _VERB_OBJECTS and "," not in gap or (
            (before in _BEFORE or thank_you) and after is None
        ):
            return True
    if not possessive and after in _AFTER and not rest.startswith((",", ".")):
        return True
    if possessive:
        return not person_noun or after in _PERSON_NOUNS
    stripped = text[:start].rstrip(" \t")
    closes = re.match(r"[ \t]*(?:[.!?]|$)", text[end:]) is not None
    if stripped.endswith(",") and closes:
        # "great post, grace!" is a vocative; the last item of a list of terms ("tip, period, grace") is not
        clause = re.split(r"[,.!?;:\n]", stripped[:-1])[-1].split()
        if len(clause) >= 2 or (clause and clause[-1].lower() in _BEFORE):
            return True
    if rest.startswith(",") and _sentence_start(text, start) and (not person_noun or _next_word(text, end + 1) in _VERB_OBJECTS | _BEFORE):
        return True
    return False


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
        self._medical_cache: dict[str, bool] = {}
        super().__init__(supported_entities=[self.ENTITY], name="MemberNameRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def _medical(self, lower: str) -> bool:
        """A form that is also a drug or medical word ("lyrica"): redacted only in a name context."""
        if lower not in self._medical_cache:
            from deid.gazetteers import first_names, is_medical_word

            self._medical_cache[lower] = lower not in COMMON_WORD_NAMES and lower not in first_names() and is_medical_word(lower)
        return self._medical_cache[lower]

    def _form_hit(self, text: str, start: int, end: int, word: str, possessive: bool) -> bool:
        """``word`` (text[start:end], possessive stripped) is a member form: is it a name here?"""
        lower = word.lower()
        if not possessive and lower in _VERB_NAMES and _AS_VERB.match(text, end):
            return False  # "Will you ask", "May I add", "Will power" anywhere: the verb, not the member
        if lower in COMMON_WORD_NAMES:
            if word[:1].isupper():
                # "Hope this helps", "Will you ask": a verb opening a sentence, unless a name context says otherwise
                verb_opening = (
                    lower in _SENTENCE_VERBS and not possessive and _sentence_start(text, start)
                    and _next_word(text, end) in _VERB_OBJECTS and not text[end:end + 1] == ","
                )
                return not verb_opening
            return _name_context(text, start, end, possessive, person_noun=False)
        if self._medical(lower):
            return _name_context(text, start, end, possessive, person_noun=True)
        return True

    def _compound_hit(self, text: str, start: int, end: int, word: str, possessive: bool) -> bool:
        """A compound ("u_jenny_walsh82", "hope.rivera.77", "JennyWalsh82") holding a member form.

        A form that is a plain name is enough. An everyday-word name ("grace") counts when written
        capitalised, with a possessive, in a handle with digits ("grace82"), beside another member
        form, or in a name context; a drug name ("lyrica") only in a name context. So the topic
        labels' joined terms ("ozempic_helped_lyrica", "hope_this_helps") are no handle."""
        parts = name_parts(word)
        if len(parts) < 2:
            return False
        weak = False
        digits = any(p.isdigit() for p in parts)
        for i, part in enumerate(parts):
            lower = part.lower()
            if len(lower) < 3 or lower not in self.forms:
                continue
            if lower in COMMON_WORD_NAMES:
                after = parts[i + 1].lower() if i + 1 < len(parts) else ""
                if part[:1].isupper() or digits or after == "s":
                    return True
                weak = True
            elif self._medical(lower):
                weak = weak or _name_context(text, start, end, possessive, person_noun=True)
            else:
                return True
        return weak and _name_context(text, start, end, possessive, person_noun=False)

    def analyze(
        self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> List[RecognizerResult]:
        if not self.forms:
            return []
        results = []
        for match in _WORD.finditer(text):
            word = match.group()
            start, end = match.span()
            stripped = _POSSESSIVE.sub("", word)
            possessive = stripped != word
            if word.lower() in self.forms:
                hit = self._form_hit(text, start, end, word, False)
            elif possessive and stripped.lower() in self.forms:
                end = start + len(stripped)
                hit = self._form_hit(text, start, end, stripped, True)
            else:
                if possessive:
                    end = start + len(stripped)
                hit = self._compound_hit(text, start, end, stripped, possessive)
            if hit:
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
