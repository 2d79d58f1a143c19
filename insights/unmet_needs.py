"""Unmet-need mentions: spaCy Matcher rules driven by the taxonomy in ``lexicons/unmet_needs.yaml``.

Works on any ``Doc`` from :func:`insights.nlp.load_extraction_pipeline` (tagger, lemmatizer,
senter), so a stage that parses each post once can run this and other doc-level extractors on
the same parse. Cues are data: ``phrases`` (matched on spaCy's ``NORM``, so "can't", "can’t" and
"cannot" are one cue), ``lemmas`` (one cue covers tenses and plurals), raw token ``patterns``, and
``together`` rules (cue groups that must all occur in one sentence); a category's ``unless`` cues
(v2.2) drop that category from a sentence that holds one (a solved problem: "my copay is now zero",
"back at work full time"). Phrases go to a hash-based ``PhraseMatcher``, the rest to a ``Matcher``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .extraction.resources import drug_lexicon
from .nlp import load_extraction_pipeline
from .sentence_gate import GatedMatcher

_SEP = "/"  # matcher key: "category" or "category/subcategory"
_GUARD = "__guard__"
_GROUP = "#"  # matcher key of one cue group of a ``together`` rule: "<key>#<rule>#<group>"
_UNLESS = "!"  # matcher key of a category's ``unless`` cues: "!<category>"
_CLAUSE = "~"  # v2.9: matcher key of a category's ``unless_clause`` cues: "~<category>"

# v2.4: a one-word name of the extractors' drug lexicon ("Wegovy", "capecitabine"), usable in cue
# patterns as ``{_: {need_drug_name: true}}`` (compiled to native checks: :func:`native_drug_name`)
if not Token.has_extension("need_drug_name"):
    Token.set_extension("need_drug_name", getter=lambda t: t.is_alpha and len(t) > 3 and t.lower_ in drug_lexicon().variant_to_canonical)


@lru_cache(maxsize=1)
def drug_name_words() -> list[str]:
    """What ``need_drug_name`` accepts by a token's lower case: the drug lexicon's alphabetic variants of 4+ letters."""
    return sorted(v for v in drug_lexicon().variant_to_canonical if v.isalpha() and len(v) > 3)


def native_drug_name(spec: dict) -> dict:
    """``{_: {need_drug_name: true}}`` as native checks, ``IS_ALPHA`` and ``LOWER IN`` :func:`drug_name_words`
    (same tokens: an alphabetic token's lower case is alphabetic and as long, and no variant holds
    the one letter whose lower case is longer, "İ"); the Matcher would call the getter on every token."""
    ext = spec.get("_")
    if not (isinstance(ext, dict) and ext.get("need_drug_name") is True and "LOWER" not in spec and "IS_ALPHA" not in spec):
        return spec
    rest = {k: v for k, v in spec.items() if k != "_"}
    if len(ext) > 1:
        rest["_"] = {k: v for k, v in ext.items() if k != "need_drug_name"}
    return {**rest, "IS_ALPHA": True, "LOWER": {"IN": drug_name_words()}}


@dataclass(frozen=True)
class Taxonomy:
    version: str
    categories: dict  # name -> {"description", "phrases", "lemmas", "patterns", "subcategories"}
    negation: dict  # {"window", "negators", "guards", "guard_patterns"}
    questions: dict  # {"category", "openers"}: information-seeking questions


@dataclass(frozen=True)
class NeedMention:
    doc_index: int
    category: str
    cue: str
    evidence: str  # the de-identified sentence the cue was found in
    sentence_index: int
    start_char: int  # offsets of the cue in the de-identified text
    end_char: int
    subcategory: str | None = None


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    raw = yaml.safe_load(resources.files("insights.lexicons").joinpath("unmet_needs.yaml").read_text("utf-8"))
    return Taxonomy(version=str(raw["version"]), categories=raw["categories"], negation=raw.get("negation") or {},
                    questions=raw.get("questions") or {})


def _group_of(key: str) -> str:
    """Keys whose matches compete in one sentence (a category and its subcategories) share a Matcher
    of :class:`~insights.sentence_gate.GatedMatcher`, so they keep their order; the rest stand alone."""
    return key if key.startswith((_UNLESS, _CLAUSE, _GUARD)) or _GROUP in key else key.partition(_SEP)[0]


def _cue_patterns(nlp: Language, spec: dict) -> list[list[dict]]:
    """Matcher token patterns for one (sub)category's lemma cues and raw patterns."""
    patterns = [[{"LEMMA": w} for w in cue.split()] for cue in spec.get("lemmas") or []]
    patterns += [[native_drug_name(t) for t in p] for p in spec.get("patterns") or []]
    return patterns


def _add_cues(matchers: tuple[GatedMatcher, PhraseMatcher], nlp: Language, key: str, spec: dict, together: dict) -> None:
    """Register a (sub)category's cues under ``key``: phrases in the hash-based PhraseMatcher (on
    NORM, cheap however many), lemmas and patterns in the Matcher. A ``together`` rule is a list of
    cue groups that must all occur in one sentence ("caring for my dad" + "exhausted")."""
    matcher, phrase_matcher = matchers
    patterns = _cue_patterns(nlp, spec)
    if patterns:
        matcher.add(key, patterns)
    if spec.get("phrases"):
        phrase_matcher.add(key, [nlp.make_doc(p) for p in spec["phrases"]])
    for r, rule in enumerate(spec.get("together") or []):
        group_keys = []
        for g, group in enumerate(rule):
            group_key = f"{key}{_GROUP}{r}{_GROUP}{g}"
            _add_cues(matchers, nlp, group_key, group, together)
            group_keys.append(group_key)
        together[key] = together.get(key, []) + [group_keys]


class UnmetNeedMatcher:
    """Rules, optionally OR a sentence classifier (:class:`insights.need_classifier.NeedClassifier`):
    a category the classifier gives a sentence and no rule found becomes a hit with cue
    ``"classifier"``, unless the sentence is guarded or a rule cue of that category in it was negated;
    a rule hit whose category the classifier scores below its ``veto`` (v2) is dropped. Without a
    classifier, ``veto`` (a TF-IDF-only resource, :func:`insights.need_classifier.load_veto`) only
    drops rule hits, scoring just the sentences that have one (the default pipeline, v2.4)."""

    CLASSIFIER_CUE = "classifier"

    def __init__(self, taxonomy: Taxonomy | None = None, nlp: Language | None = None, classifier=None, veto=None) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.classifier = classifier
        self.veto = veto  # v2.4: a TF-IDF-only NeedClassifier (``load_veto()``) that only drops rule hits it scores below its veto
        self.nlp = nlp or load_extraction_pipeline()
        self.matcher = GatedMatcher(self.nlp.vocab, group_of=_group_of)  # each sentence runs only the rules it can match
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        matchers = (self.matcher, self.phrase_matcher)
        self.together: dict[str, list[list[str]]] = {}  # key -> rules, each a list of group keys
        for category, spec in self.taxonomy.categories.items():
            _add_cues(matchers, self.nlp, category, spec, self.together)
            for sub, sub_spec in (spec.get("subcategories") or {}).items():
                _add_cues(matchers, self.nlp, f"{category}{_SEP}{sub}", sub_spec, self.together)
                if sub_spec.get("unless"):  # v2.10: a subcategory's ``unless`` cues keep the hit, without that subcategory
                    _add_cues(matchers, self.nlp, f"{_UNLESS}{category}{_SEP}{sub}", sub_spec["unless"], self.together)
            if spec.get("unless"):  # v2.9: ``unless`` may hold ``together`` rules too (all groups in one sentence)
                _add_cues(matchers, self.nlp, f"{_UNLESS}{category}", spec["unless"], self.together)
            if spec.get("unless_clause"):  # v2.9: past-or-resolved and benefit frames, vetoing up to a later "but"
                _add_cues(matchers, self.nlp, f"{_CLAUSE}{category}", spec["unless_clause"], {})
        # v2.10: per category, subcategories that win over the category's other subcategories whatever the cue's length
        # (a trial's distance over its schedule: "a seven hour drive each way every two weeks" is travel)
        self.prefer = {(c, s) for c, spec in self.taxonomy.categories.items() for s in spec.get("prefer") or []}
        neg = self.taxonomy.negation
        self.window = int(neg.get("window", 0))
        self.negators = {w.lower() for w in neg.get("negators") or []}
        # v2.9: an ``unless_clause`` cue does not reach a cue said after a later contrast word
        # ("the shortage seemed over, but now no pharmacy has it"): what follows "but" wins
        self.contrast = {w.lower() for w in neg.get("contrast") or []}
        # v2.9: advice to the reader (guide rule 1): the clause of a sentence that opens on an imperative
        # ("Ask your team …", "Get a referral …") or "If your/you …, ask …" states no need of the writer's
        advice = neg.get("advice") or {}
        self.advice_verbs = {w.lower() for w in advice.get("verbs") or []}
        self.advice_next = {w.lower() for w in advice.get("next") or []}
        _add_cues(matchers, self.nlp, _GUARD, {"phrases": neg.get("guards"), "patterns": neg.get("guard_patterns")}, {})
        self.question_category = self.taxonomy.questions.get("category")
        self.question_openers = {w.lower() for w in self.taxonomy.questions.get("openers") or []}
        self.question_not_when = [w.lower() for w in self.taxonomy.questions.get("not_when") or []]
        # v2.15: an opener after a short topic or vocative and a comma ("low iodine diet, is sea salt ok??"), not after a greeting
        after_topic = self.taxonomy.questions.get("after_topic") or {}
        self.question_after_topic = (int(after_topic.get("max_words") or 0), {w.lower() for w in after_topic.get("not_words") or []})
        # v2.9: a question about the addressee's own case ("your", "everyone else's") with no first person,
        # or a group question ("anyone", "everyone") about a social activity, seeks nothing the writer needs
        addressed = self.taxonomy.questions.get("addressed") or {}
        self.question_case_openers = [tuple(w.lower().split()) for w in addressed.get("case_openers") or []]
        # v2.10: what the addressee did, anywhere in the question ("what dose did you end up on?"), or a past "did … for you?"
        self.question_case_phrases = [w.lower() for w in addressed.get("case_phrases") or []]
        case_past = addressed.get("case_past") or {}
        self.question_case_past = ({w.lower() for w in case_past.get("words") or []}, str(case_past.get("ending") or "").lower())
        # v2.11: the addressee's own things or past ("where did you get yours?", "how long did the taper take you?"), anywhere
        self.question_owner_words = {w.lower() for w in addressed.get("owner_words") or []}
        past_you = addressed.get("past_you") or {}
        self.question_past_you = ({w.lower() for w in past_you.get("past") or []}, {w.lower() for w in past_you.get("you") or []})
        self.question_past_you_except = [tuple(w.lower().split()) for w in past_you.get("except_openings") or []]
        # v2.12: what the addressee is doing or where they are now ("are you taking it with dinner?", "are you in the UK?")
        self.question_now_you = {tuple(w.lower().split()) for w in addressed.get("now_you") or []}
        self.question_first_person = {w.lower() for w in addressed.get("first_person") or []}
        self.question_group_words = {w.lower() for w in addressed.get("group_words") or []}
        self.question_social_words = {w.lower() for w in addressed.get("social_words") or []}

    @staticmethod
    def _words(sent: Span) -> tuple[list[str], str, set[str]]:
        """A sentence's non-space tokens lower-cased in order, its text lower-cased and the set of its words, apostrophes
        straightened everywhere (v2.4: as written, "how's everyone's" was "how 's everyone 's"; v2.14: so an opening
        "what 's your" also matches "what’s your")."""
        words = [t.lower_.replace("\u2019", "'") for t in sent if not t.is_space]
        return words, sent.text.lower().replace("\u2019", "'"), set(words)

    def _question(self, sent: Span) -> int | None:
        """The position (among the sentence's non-space tokens) of the opener of an information-seeking question, or None.
        v2.15: the opener may follow a short topic or vocative and a comma ("low iodine diet, is sea salt ok??",
        "sjogrens people, what do you do for your eyes at night?"); the checks below then read the question part."""
        words, low, lowers = self._words(sent)
        if len(words) <= 2 or words[-1] != "?":
            return None
        start = 0
        if words[0] not in self.question_openers:
            max_words, not_words = self.question_after_topic
            comma = next((i for i, w in enumerate(words[:max_words + 1]) if w == ","), None)
            if comma is None or comma == 0 or words[comma + 1] not in self.question_openers or set(words[:comma]) & not_words:
                return None
            start = comma + 1
            words = words[start:]
            lowers = set(words)
        if len(words) <= 2 or any(phrase in low for phrase in self.question_not_when):
            return None
        if self._opens_with(words, self.question_case_openers) and not lowers & self.question_first_person:
            return None  # v2.9: about the addressee's own case ("did your hair …?")
        if self._addressed_case(words, low, lowers):
            return None
        return None if lowers & self.question_group_words and lowers & self.question_social_words else start

    @staticmethod
    def _opens_with(words: list[str], openings: list[tuple[str, ...]]) -> bool:
        """Whether the sentence's first words (as :meth:`_words` gives them) are one of ``openings`` (word tuples)."""
        return any(tuple(words[:len(o)]) == o for o in openings)

    def _addressed_case(self, words: list[str], low: str, lowers: set[str]) -> bool:
        """v2.10: a question about what the addressee did ("what dose did you end up on?", "have you tried X?") or a
        past "did … for you?", with no first-person word; v2.11: one naming the addressee's own things ("yours") or
        past ("did they tell you …?") anywhere, not put to a group."""
        if words[-1] != "?" or lowers & self.question_first_person:
            return False
        past_words, ending = self.question_case_past
        if ending and lowers & past_words and low.rstrip().endswith(ending):
            return True
        if lowers & self.question_owner_words:
            return True  # v2.11: "yours", "yourself": the addressee's own case
        past, you = self.question_past_you
        if (lowers & past and lowers & you and not lowers & self.question_group_words
                and not self._opens_with(words, self.question_past_you_except)):
            return True  # v2.11: what happened to the addressee ("did they tell you …?"), not a group poll ("did anyone …, did you …?")
        if self.question_now_you and not lowers & self.question_group_words and any(
                pair in self.question_now_you for pair in zip(words, words[1:])):
            return True  # v2.12: the addressee's present ("are you taking it with dinner?"), word by word
        return any(phrase in low for phrase in self.question_case_phrases)

    def _case_question(self, sent: Span) -> bool:
        """v2.10: :meth:`_addressed_case` on a sentence: its question-derived hits ("trial … ?") are dropped too."""
        words, low, lowers = self._words(sent)
        return len(words) > 2 and self._addressed_case(words, low, lowers)

    def _not_own(self, sent: Span) -> tuple[int, int] | None:
        """v2.9: the part of a sentence that is not the writer's own account: a reply's quoted line
        (``> "…"`` or ``> …`` up to the line's end: another poster's words) or an advice clause (an
        imperative opening up to the first comma: "Get a referral early, …"; "If your PA gets denied,
        ask …" up to the comma after the imperative). Token range ``[start, end)`` or None."""
        words = [t for t in sent if not t.is_space]
        if len(words) < 3:
            return None
        if words[0].text != ">":
            return self._advice(words, sent.end)
        start = words[0].i
        if words[1].text in {'"', "\u201c", "'", "\u2018"}:
            close = next((t.i for t in words[2:] if t.text in {'"', "\u201d", "'", "\u2019"}), None)
            return (start, close + 1) if close is not None else (start, sent.end)
        end = next((t.i for t in sent if t.is_space and "\n" in t.text), sent.end)
        return start, end

    def _advice(self, words: list[Token], sent_end: int) -> tuple[int, int] | None:
        def clause_end(k: int) -> int:
            return next((t.i for t in words[k:] if t.text in {",", ";"}), sent_end)
        first, second = words[0].lower_, words[1].lower_
        if first == "please":
            first, second, k = second, words[2].lower_, 1
        else:
            k = 0
        if first in self.advice_verbs and second in self.advice_next:
            return words[0].i, clause_end(k + 2)
        if first == "if" and second in {"your", "you"}:
            comma = next((j for j, t in enumerate(words) if t.text == ","), None)
            if comma is not None and comma + 1 < len(words) and words[comma + 1].lower_ in self.advice_verbs:
                return words[0].i, clause_end(comma + 2)
        return None

    def _vetoed(self, doc: Doc, spans: list[tuple[int, int]], end: int) -> bool:
        """v2.9: an ``unless_clause`` cue vetoes a hit unless a contrast word ("but") stands between
        the cue's end and the hit's end (the hit, or its last group, is said after the "but")."""
        return any(u_end >= end or not any(t.lower_ in self.contrast for t in doc[u_end:end]) for _, u_end in spans)

    def _negated(self, doc: Doc, sent: Span, start: int, end: int) -> bool:
        """A cue is negated when a negator stands within ``window`` tokens before it in its
        sentence ("no trouble with insurance", "zero side effects"); cues that carry their own
        negation ("can't afford", "not covered") are never negated this way."""
        if any(t.norm_ in self.negators for t in doc[start:end]):
            return False
        lo = max(sent.start, start - self.window)
        return any(t.norm_ in self.negators for t in doc[lo:start])

    def match_doc(self, doc: Doc, doc_index: int) -> list[NeedMention]:
        """One mention per category and sentence, in text order.

        The kept cue is the longest; a cue naming a subcategory beats a category-level cue.
        A sentence holding a guard phrase ("no problems", "so far so good") yields nothing.
        """
        sentences = list(doc.sents)
        sent_of_token = {}
        for i, sent in enumerate(sentences):
            for tok in sent:
                sent_of_token[tok.i] = i
        hits = []
        guarded = set()
        negated = set()  # (category, sentence) with a negated rule cue: the classifier may not add it
        unless = set()  # (category, sentence) holding one of the category's ``unless`` cues
        clause: dict[tuple[str, int], list[tuple[int, int]]] = {}  # v2.9: (category, sentence) -> ``unless_clause`` spans
        groups: dict[tuple[str, int], tuple[int, int]] = {}  # (group key, sentence) -> first span
        for match_id, start, end in [*self.matcher.sentence_matches(doc, sentences), *self.phrase_matcher(doc)]:
            key = self.nlp.vocab.strings[match_id]
            s_idx = sent_of_token[start]
            if sent_of_token[end - 1] != s_idx:  # a cue never spans sentences ("trial … {OP: *} … travel")
                continue
            if key == _GUARD:
                guarded.add(s_idx)
                continue
            if key.startswith(_UNLESS):
                if _GROUP in key:  # v2.9: a group of an ``unless`` together rule
                    groups.setdefault((key, s_idx), (start, end))
                else:
                    unless.add((key[len(_UNLESS):], s_idx))
                continue
            if key.startswith(_CLAUSE):
                clause.setdefault((key[len(_CLAUSE):], s_idx), []).append((start, end))
                continue
            if self._negated(doc, sentences[s_idx], start, end):
                negated.add((key.partition(_SEP)[0].partition(_GROUP)[0], s_idx))
                continue
            if _GROUP in key:
                groups.setdefault((key, s_idx), (start, end))
                continue
            hits.append((key, s_idx, start, end, None))
        if groups:
            for key, rules in self.together.items():
                for group_keys in rules:
                    for s_idx in {s for (k, s) in groups if k == group_keys[0]}:
                        spans = [groups.get((k, s_idx)) for k in group_keys]
                        if all(spans):
                            spans.sort()
                            if key.startswith(_UNLESS):
                                unless.add((key[len(_UNLESS):], s_idx))
                                continue
                            cue = " … ".join(doc[a:b].text.lower() for a, b in spans)
                            hits.append((key, s_idx, spans[0][0], spans[-1][1], cue))
        if self.question_category:
            for s_idx, sent in enumerate(sentences):
                start = self._question(sent)
                if start is not None:
                    first = [t for t in sent if not t.is_space][start]
                    hits.append((self.question_category, s_idx, first.i, first.i + 1, f"{first.lower_} …?"))
        quoted = {}  # v2.9: sentence -> its part that is not the writer's own (a quoted line, an advice clause)
        clause_vetoed = set()  # v2.9: (category, sentence) with a hit an ``unless_clause`` cue vetoed
        best: dict[tuple[str, int], tuple[int, int, str | None, str | None]] = {}
        for key, s_idx, start, end, cue in hits:
            if s_idx in guarded:
                continue
            category, _, sub = key.partition(_SEP)
            if (category, s_idx) in unless:
                continue
            if (category, s_idx) in clause and self._vetoed(doc, clause[(category, s_idx)], end):
                clause_vetoed.add((category, s_idx))  # the classifier may not add it back either
                continue
            if s_idx not in quoted:
                quoted[s_idx] = self._not_own(sentences[s_idx])
            if quoted[s_idx] and quoted[s_idx][0] <= start and end <= quoted[s_idx][1]:
                continue
            if ((category == self.question_category or doc[end - 1].text == "?") and self.question_case_phrases
                    and self._case_question(sentences[s_idx])):
                continue  # v2.10: an information hit or a question-derived one ("trial … ?") of a question about the addressee's case
            if sub and (key, s_idx) in unless:
                sub = ""  # v2.10: the subcategory's ``unless`` ("told it was IBS … before anyone looked": no delay)
            rank = (1 if sub else 0, (category, sub) in self.prefer, end - start)
            cur = best.get((category, s_idx))
            if cur is None or rank > (1 if cur[3] else 0, (category, cur[3]) in self.prefer, cur[1] - cur[0]):
                best[(category, s_idx)] = (start, end, cue, sub or None)
        if self.veto is not None and self.classifier is None and best:
            ruled_sents = sorted({s for (_, s) in best})
            dropped = self.veto.vetoed([sentences[i].text for i in ruled_sents], [{c for (c, s) in best if s == i} for i in ruled_sents])
            for s_idx, drop in zip(ruled_sents, dropped):
                for category in drop:
                    del best[(category, s_idx)]
        if self.classifier is not None:
            open_sents = [i for i in range(len(sentences)) if i not in guarded]
            ruled = [{c for (c, s) in best if s == i} for i in open_sents]
            predicted, vetoed = self.classifier.assess([sentences[i].text for i in open_sents], ruled)
            for s_idx, cats, drop in zip(open_sents, predicted, vetoed):
                for category in drop:  # a rule hit the classifier scores very low (v2 ``veto``)
                    del best[(category, s_idx)]
                sent = sentences[s_idx]
                for category in cats:
                    if (category, s_idx) not in best and (category, s_idx) not in negated | unless | clause_vetoed:
                        best[(category, s_idx)] = (sent.start, sent.end, self.CLASSIFIER_CUE, None)
        mentions = []
        for (category, s_idx), (start, end, cue, sub) in sorted(best.items(), key=lambda kv: (kv[1][0], kv[0][0])):
            span = doc[start:end]
            mentions.append(
                NeedMention(
                    doc_index=doc_index,
                    category=category,
                    cue=cue or span.text.lower(),
                    evidence=sentences[s_idx].text.strip(),
                    sentence_index=s_idx,
                    start_char=span.start_char,
                    end_char=span.end_char,
                    subcategory=sub,
                )
            )
        return mentions

    def extract(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[NeedMention]:
        for i, doc in enumerate(self.nlp.pipe(texts, batch_size=batch_size)):
            yield from self.match_doc(doc, i)
