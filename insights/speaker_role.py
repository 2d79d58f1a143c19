"""Who is speaking: patient, caregiver, clinician or unknown, from first-person and relational cues.

Cues are data (``lexicons/speaker_roles.yaml``): spaCy Matcher token patterns, each with a
label, a role and a weight. Works on a ``Doc`` from :func:`insights.nlp.load_extraction_pipeline`
(or any pipeline with a lemmatizer and sentence boundaries). Patterns may test the token attribute
``{"_": {"role_health": true}}``: a word of the lexicon's ``HEALTH`` set (lower case or lemma) or a
one-word drug name of the extractors' drug lexicon ("my Stelara", "on sertraline").

The Matcher does not call that attribute's getter: it would read it for every token of every
sentence (about 0.2 ms a post). :func:`native_health_patterns` compiles each such token into two
native alternatives, ``LOWER IN`` (``HEALTH`` words and one-word drug names) and ``LEMMA IN``
(``HEALTH`` words), which the Matcher tests only where a pattern reaches the token, by hash. Same
matches: the getter's test is exactly "lower in either set or lemma in HEALTH". ``Token._.role_health``
stays defined for callers that read it.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from insights.extraction.resources import drug_lexicon
from insights.sentence_gate import GatedMatcher

ROLES = ("patient", "caregiver", "clinician", "unknown")


@dataclass(frozen=True)
class RoleResult:
    role: str  # one of ROLES
    confidence: float  # 0..1; 0 for unknown
    cues: tuple[str, ...]  # labels of the cues that matched (sorted, distinct), never text


@dataclass(frozen=True)
class RoleLexicon:
    version: str
    tie_order: tuple[str, ...]
    cues: tuple[dict, ...]  # {"label", "role", "weight", "patterns"} with sets expanded
    health_words: frozenset[str] = frozenset()  # the HEALTH set, lower-cased (the role_health attribute)


def _expand(obj, sets: dict):
    if isinstance(obj, str) and obj.startswith("$"):
        return list(sets[obj[1:]])
    if isinstance(obj, list):
        return [_expand(x, sets) for x in obj]
    if isinstance(obj, dict):
        return {k: _expand(v, sets) for k, v in obj.items()}
    return obj


@lru_cache(maxsize=1)
def load_role_lexicon() -> RoleLexicon:
    raw = yaml.safe_load(resources.files("insights.lexicons").joinpath("speaker_roles.yaml").read_text("utf-8"))
    sets = {k: [str(w) for w in v] for k, v in (raw.get("sets") or {}).items()}
    cues = tuple(_expand(c, sets) for c in raw["cues"])
    for c in cues:
        if c["role"] not in ROLES[:3]:
            raise ValueError(f"cue {c['label']}: unknown role {c['role']!r}")
    health = frozenset(w.lower() for w in sets.get("HEALTH", []))
    return RoleLexicon(version=str(raw["version"]), tie_order=tuple(raw["tie_order"]), cues=cues, health_words=health)


@lru_cache(maxsize=50_000)
def is_health_word(lower: str, lemma: str) -> bool:
    """A word of the HEALTH set, or a one-word name of the extractors' drug lexicon ("sertraline", "Stelara")."""
    words = load_role_lexicon().health_words
    return lower in words or lemma in words or lower in drug_lexicon().variant_to_canonical


if not Token.has_extension("role_health"):
    Token.set_extension("role_health", getter=lambda t: is_health_word(t.lower_, t.lemma_))
if not Token.has_extension("role_health_lower"):  # by lower case only: one native alternative, half the patterns
    Token.set_extension("role_health_lower", getter=lambda t: t.lower_ in health_lower_words())


@lru_cache(maxsize=1)
def health_lower_words() -> frozenset[str]:
    """What ``role_health`` accepts by a token's lower case: the ``HEALTH`` set and the drug
    lexicon's variants that can be one token (no whitespace: spaCy never puts any inside a token)."""
    drugs = (v for v in drug_lexicon().variant_to_canonical if not any(c.isspace() for c in v))
    return load_role_lexicon().health_words | frozenset(drugs)


def _is_health_spec(spec: dict, attr: str = "role_health") -> bool:
    ext = spec.get("_")
    return (
        isinstance(ext, dict) and ext.get(attr) is True and "LOWER" not in spec and "LEMMA" not in spec
        and spec.get("OP", "?") == "?"  # one token or none: splitting it into alternatives keeps the matches
    )


def native_health_patterns(pattern: list[dict], health_words: frozenset[str]) -> list[list[dict]]:
    """A Matcher pattern with each ``{"_": {"role_health": true}}`` token written as native
    alternatives (one pattern per combination): ``LOWER IN`` lower-case words, ``LEMMA IN`` ``HEALTH``.
    ``{"_": {"role_health_lower": true}}`` (cues v1.2.0) is the ``LOWER IN`` alternative alone."""
    lower, lemma = sorted(health_lower_words()), sorted(health_words)
    alternatives_of = {  # the attribute a token spec asks for -> the native alternatives it stands for
        "role_health_lower": [{"LOWER": {"IN": lower}}],
        "role_health": [{"LOWER": {"IN": lower}}, {"LEMMA": {"IN": lemma}}],
    }
    out: list[list[dict]] = [[]]
    for spec in pattern:
        attr = next((a for a in alternatives_of if _is_health_spec(spec, a)), None)
        if attr is None:
            alternatives = [spec]
        else:
            rest = {k: v for k, v in spec.items() if k != "_"}
            ext = {k: v for k, v in spec["_"].items() if k != attr}
            if ext:
                rest["_"] = ext
            alternatives = [{**rest, **alt} for alt in alternatives_of[attr]]
        out = [p + [a] for p in out for a in alternatives]
    return out


class SpeakerRoleMatcher:
    def __init__(self, vocab: Vocab, lexicon: RoleLexicon | None = None) -> None:
        self.lexicon = lexicon or load_role_lexicon()
        self.vocab = vocab
        self.matcher = GatedMatcher(vocab)  # a sentence runs only the cues it can match (insights/sentence_gate.py)
        self.cue_of = {}
        self.parts_of: dict[str, set[str]] = {}
        health = self.lexicon.health_words
        part_key: dict[str, str] = {}

        def native(patterns: list[list[dict]]) -> list[list[dict]]:
            return [q for p in patterns for q in native_health_patterns(p, health)]

        for cue in self.lexicon.cues:
            self.cue_of[cue["label"]] = cue
            if cue.get("patterns"):
                self.matcher.add(cue["label"], native(cue["patterns"]))
            # co-occurrence cue: fires when every part matches within one sentence. A part that
            # several cues share ("a health word", "first person") is added to the Matcher once.
            for part in cue.get("all_of") or []:
                canonical = json.dumps(part, sort_keys=True)
                if canonical not in part_key:
                    part_key[canonical] = f"part#{len(part_key)}"
                    self.matcher.add(part_key[canonical], native(part))
                self.parts_of.setdefault(cue["label"], set()).add(part_key[canonical])

    def _decide(self, labels: list[str]) -> RoleResult:
        """Each cue label counts once per scope: a post that says "my oncologist" ten times is
        not ten times more a patient."""
        distinct = sorted(set(labels))
        scores: dict[str, float] = defaultdict(float)
        for label in distinct:
            cue = self.cue_of[label]
            scores[cue["role"]] += float(cue["weight"])
        if not scores:
            return RoleResult("unknown", 0.0, ())
        order = {r: i for i, r in enumerate(self.lexicon.tie_order)}
        role = max(scores, key=lambda r: (scores[r], -order.get(r, 99)))
        top, total = scores[role], sum(scores.values())
        confidence = (top / total) * (1.0 - math.exp(-top / 2.0))
        return RoleResult(role, round(confidence, 3), tuple(distinct))

    def _labels(self, sent: Span) -> list[str]:
        keys = {self.vocab.strings[m] for m, _, _ in self.matcher.span_matches(sent)}
        labels = [k for k in keys if "#" not in k]
        labels += [label for label, parts in self.parts_of.items() if parts <= keys]
        return labels

    def infer_role(self, doc: Doc) -> RoleResult:
        """Role of a whole post: the cues of all its sentences together."""
        return self._decide([label for sent in doc.sents for label in self._labels(sent)])

    def infer_sentence_role(self, sent: Span) -> RoleResult:
        """Role from one sentence only (the gold set is labelled per sentence)."""
        return self._decide(self._labels(sent))


@lru_cache(maxsize=4)
def _matcher_for(vocab: Vocab) -> SpeakerRoleMatcher:
    return SpeakerRoleMatcher(vocab)


def infer_role(doc: Doc) -> RoleResult:
    """Speaker role of a post (a ``Doc`` from ``load_extraction_pipeline()``)."""
    return _matcher_for(doc.vocab).infer_role(doc)


def infer_sentence_role(sent: Span | Doc) -> RoleResult:
    """Speaker role judged from one sentence (``Span``, or a one-sentence ``Doc``)."""
    m = _matcher_for(sent.vocab)
    return m.infer_sentence_role(sent[:] if isinstance(sent, Doc) else sent)
