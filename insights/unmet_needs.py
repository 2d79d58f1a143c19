"""Unmet-need mentions: spaCy Matcher rules driven by the taxonomy in ``lexicons/``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator, Optional

import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .nlp import load_extraction_pipeline


@dataclass(frozen=True)
class Taxonomy:
    version: str
    categories: dict  # name -> {"description", "phrases", "lemmas"}


@dataclass(frozen=True)
class NeedMention:
    doc_index: int
    category: str
    cue: str
    evidence: str  # the de-identified sentence the cue was found in
    sentence_index: int
    start_char: int  # offsets of the cue in the de-identified text
    end_char: int


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    raw = yaml.safe_load(resources.files("insights.lexicons").joinpath("unmet_needs.yaml").read_text("utf-8"))
    return Taxonomy(version=str(raw["version"]), categories=raw["categories"])


class UnmetNeedMatcher:
    def __init__(self, taxonomy: Optional[Taxonomy] = None, nlp: Optional[Language] = None) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.nlp = nlp or load_extraction_pipeline()
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        tokenizer = self.nlp.tokenizer
        for category, spec in self.taxonomy.categories.items():
            patterns = [[{"LOWER": t.lower_} for t in tokenizer(p)] for p in spec.get("phrases", [])]
            patterns += [[{"LEMMA": w} for w in cue.split()] for cue in spec.get("lemmas", [])]
            self.matcher.add(category, patterns)

    def match_doc(self, doc: Doc, doc_index: int) -> list[NeedMention]:
        """One mention per category and sentence (the longest cue), in text order."""
        best: dict[tuple[str, int], tuple[int, int]] = {}
        sentences = list(doc.sents)
        sent_of_token = {}
        for i, sent in enumerate(sentences):
            for tok in sent:
                sent_of_token[tok.i] = i
        for match_id, start, end in self.matcher(doc):
            category = self.nlp.vocab.strings[match_id]
            key = (category, sent_of_token[start])
            if key not in best or (end - start) > (best[key][1] - best[key][0]):
                best[key] = (start, end)
        mentions = []
        for (category, s_idx), (start, end) in sorted(best.items(), key=lambda kv: (kv[1][0], kv[0][0])):
            span = doc[start:end]
            mentions.append(
                NeedMention(
                    doc_index=doc_index,
                    category=category,
                    cue=span.text.lower(),
                    evidence=sentences[s_idx].text.strip(),
                    sentence_index=s_idx,
                    start_char=span.start_char,
                    end_char=span.end_char,
                )
            )
        return mentions

    def extract(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[NeedMention]:
        for i, doc in enumerate(self.nlp.pipe(texts, batch_size=batch_size)):
            yield from self.match_doc(doc, i)
