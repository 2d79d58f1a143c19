"""Symptoms and side effects, in clinical or lay words, normalised to an HPO term."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..sentence_gate import GatedMatcher
from .context_guard import allows
from .edits import wordnet_words
from .lexicon_matcher import LexiconMatcher
from .mention import SYMPTOM, Mention
from .resources import load_yaml, phenotype_lexicon, symptom_guards
from .symptom_grammar import SymptomGrammar
from .symptom_spelling import SymptomSpelling

# between a body part and its complaint: "my ankles have been getting really swollen"
LINKING = ["related", "-", "is", "are", "was", "were", "feel", "feels", "felt", "feeling", "get", "gets", "got", "getting", "became", "become", "becoming",
           "still", "been", "have", "has", "had", "'s", "'re", "now", "also", "often", "always", "sometimes", "started", "starting"]
GENERAL_COMPLAINT = "HP:0000118"  # "problems", "issues": the root term
DEGREE = ["so", "very", "really", "extremely", "badly", "constantly", "always", "quite", "a", "bit", "little", "lot", "more", "too", "increasingly", "slightly", "somewhat", "terribly", "horribly", "pretty"]


class SymptomRecognizer:
    name = SYMPTOM

    def __init__(self, nlp: Language) -> None:
        lex = phenotype_lexicon()
        self.lexicon = lex
        self.lay = {**ness_nouns(nlp, lex.lay_phrases), **lex.lay_phrases}
        terms = {**ic_adjectives(lex.term_to_id), **lex.term_to_id, **self.lay}
        self.lower = LexiconMatcher(nlp, terms, attr="LOWER")
        # all terms again on lemmas: "my hair is falling out" / "hair fell out", "itchy eyes";
        # not a one-word HPO term whose lemma is another, ordinary word ("cutting" -> "cut")
        lemma_of = nlp.get_pipe("pos_free_lemmatizer").lemma
        self.lemma = LexiconMatcher(nlp, {t: v for t, v in terms.items() if t in self.lay or not _inflected_word(lemma_of, t)}, attr="LEMMA")
        # "<body part> <complaint>" and "<complaint> in my <body part>"
        # one Matcher run per sentence that holds the words of a pattern (insights/sentence_gate.py): same
        # matches, since no pattern can take a sentence's last token (sentence-final punctuation)
        self.body = GatedMatcher(nlp.vocab, validate=False, group_of=lambda key: "body")
        self.nlp_strings = nlp.vocab.strings
        parts, words = [p for p in lex.body_parts if " " not in p], list(lex.complaints)
        # organ systems and glands with a general complaint word: "adrenal issues", "heart related problems"
        systems = [[{"LOWER": w} for w in s.split()] for s in load_yaml("symptom_lay_phrases.yaml").get("body_systems") or ()]
        general = [w for w, hpo_id in lex.complaints.items() if hpo_id == GENERAL_COMPLAINT]
        side = {"LOWER": {"IN": ["lower", "upper", "left", "right"]}, "OP": "?"}
        linking = {"LOWER": {"IN": LINKING}, "OP": "*"}
        degree = {"LOWER": {"IN": DEGREE}, "OP": "*"}
        self.body.add("PART_COMPLAINT", [[side, {"LOWER": {"IN": parts}}, linking, degree, {"LOWER": {"IN": words}}]])
        self.body.add("SYSTEM_COMPLAINT", [[*system, {"LOWER": {"IN": ["related", "-"]}, "OP": "*"}, {"LOWER": {"IN": general}}] for system in systems])
        self.body.add("BEFORE_PART", [[{"LOWER": {"IN": list(lex.complaints_before)}}, {"LOWER": {"IN": ["lower", "upper", "left", "right"]}, "OP": "?"}, {"LOWER": {"IN": parts}}]])
        self.body.add("COMPLAINT_IN_PART", [[{"LOWER": {"IN": words}}, {"LOWER": {"IN": ["in", "on", "of"]}}, {"LOWER": {"IN": ["my", "the", "both", "his", "her", "your", "their", "our"]}, "OP": "?"}, {"LOWER": {"IN": ["lower", "upper", "left", "right"]}, "OP": "?"}, {"LOWER": {"IN": parts}}]])
        self.grammar = SymptomGrammar(nlp)
        self.spelling = SymptomSpelling(nlp, terms, lex.body_parts, lex.complaints)
        self.vocab = nlp.vocab
        self.lemmatize = nlp.get_pipe("pos_free_lemmatizer")
        self.guards = symptom_guards()

    def __call__(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        found = self._match(doc)
        found.extend(self._misspelt(doc))
        if not found:
            return []
        words = [t.lower_ for t in doc]
        sents = {i: (s.start, s.end) for i, s in enumerate(doc.sents)}
        out = []
        for start, end, hpo_id, match in found:
            start, end = self.grammar.extend(words, start, end, *sents[sent_of[start]])
            span = doc[start:end]
            out.append(Mention(SYMPTOM, start, end, span.start_char, span.end_char, span.text, self.lexicon.id_to_name[hpo_id], hpo_id, sent_of[start], match=match))
        return out

    def _misspelt(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """Run-together words as they are; misspelt words by matching again on a corrected copy."""
        found, corrected = [], {}
        for t in doc:
            if self.spelling.unknown(t.lower_, t.lemma_):
                word, split_id = self.spelling.lookup(t.lower_)
                if split_id:
                    found.append((t.i, t.i + 1, split_id, "fuzzy"))
                elif word:
                    corrected[t.i] = word
        if corrected:
            fixed = self.lemmatize(Doc(self.vocab, words=[corrected.get(t.i, t.text) for t in doc], spaces=[bool(t.whitespace_) for t in doc]))
            found.extend((s, e, hpo_id, "fuzzy") for s, e, hpo_id, _ in self._match(fixed) if any(s <= i < e for i in corrected))
        return found

    def _guard_allows(self, doc: Doc, start: int, end: int, term: str) -> bool:
        """A guarded term in its context; a guarded one-word term only in its own spelling."""
        if end - start == 1 and " " not in term and doc[start].lower_ != term:
            return False
        return allows(doc, start, end, self.guards[term])

    def _match(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        found: list[tuple[int, int, str, str]] = []  # start, end, HPO id, match
        for matcher, kind in ((self.lower, "exact"), (self.lemma, "lay")):
            for term, start, end in matcher(doc):
                if matcher is self.lemma and not _participles_agree(term, doc[start:end]):
                    continue
                if term in self.guards and not self._guard_allows(doc, start, end, term):
                    continue
                found.append((start, end, matcher.payload[term], "lay" if term in self.lay else kind))
        for match_id, start, end in self.body(doc):
            span = doc[start:end]
            if self.nlp_strings[match_id] == "BEFORE_PART":
                hpo_id = self.lexicon.complaints_before[span[0].lower_]
            else:
                complaint = span[-1] if span[-1].lower_ in self.lexicon.complaints else span[0]
                hpo_id = self.lexicon.complaints[complaint.lower_]
            found.append((start, end, hpo_id, "pattern"))
        found.extend((start, end, hpo_id, "pattern") for start, end, hpo_id in self.grammar.matches(doc))
        return found


def _participles_agree(term: str, span) -> bool:
    """A term's "-ed" participle describes a state ("confused", "backed up", "depressed"); the same
    verb in another form does not ("it's confusing", "back up your files", "a depressing read")."""
    words = term.split()
    if len(words) != len(span):
        return True
    return all(not w.endswith("ed") or t.lower_.endswith("ed") for w, t in zip(words, span))


def _inflected_word(lemma_of, term: str) -> bool:
    """A one-word term whose lemma differs from it ("cutting" -> "cut", "falls" -> "fall")."""
    return term.isalpha() and lemma_of(term) != term


NOT_NESS = frozenset({"rash"})  # "rashness" is recklessness


def ness_nouns(nlp: Language, phrases: dict) -> dict:
    """The "-ness" noun of every one-word lay adjective: "moody" -> "moodiness", "lightheaded" ->
    "sleeplessness" (adjectives in the lemmatizer's WordNet index; not participles)."""
    adjectives = wordnet_words(nlp, ("adj",))
    out = {}
    for word, hpo_id in phrases.items():
        if word.isalpha() and word in adjectives and not word.endswith(("ness", "ing", "ed")) and word not in NOT_NESS:
            out[word[:-1] + "iness" if word.endswith("y") else word + "ness"] = hpo_id
    return out


def ic_adjectives(terms: dict) -> dict:
    """The "-ic" adjective of one-word HPO "-ia" terms: "hypoglycemia" -> "hypoglycemic",
    "agoraphobia" -> "agoraphobic", "mania" -> "manic" (a patient's "I was hypoglycemic")."""
    return {t[:-2] + "ic": v for t, v in terms.items() if t.isalpha() and t.endswith("ia") and len(t) >= 5}
