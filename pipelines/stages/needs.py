"""Unmet-need mentions and speaker role as extractors of the single-parse extract stage.

``SpeakerRoles`` is both the stage's ``role_of`` (the role every insight row carries) and
the extractor of ``author_roles``; the role is computed once per post.
"""
from __future__ import annotations

from typing import ClassVar

import pyarrow as pa
from spacy.language import Language
from spacy.tokens import Doc

from insights.need_classifier import load_classifier, load_veto
from insights.speaker_role import SpeakerRoleMatcher
from insights.unmet_needs import UnmetNeedMatcher
from pipelines.tables import AUTHOR_ROLES, UNMET_NEEDS


class NeedRows:
    tables: ClassVar[dict[str, pa.Schema]] = {"unmet_needs": UNMET_NEEDS}

    def __init__(self, nlp: Language, classifier: bool = False) -> None:
        # Default (v2.4; v6 veto): rules + the TF-IDF-only veto, which only drops rule hits it scores below 0.05 (v4: 0.10).
        # classifier=True: rules OR the MiniLM sentence classifier (cue "classifier"), with its own
        # veto. Off by default: on real posts most of its extra hits are not needs, and it embeds every
        # sentence (docs/unmet_needs.md).
        self.matcher = UnmetNeedMatcher(nlp=nlp, classifier=load_classifier() if classifier else None,
                                        veto=None if classifier else load_veto())
        self.version = self.matcher.taxonomy.version

    def rows(self, doc: Doc, post) -> dict[str, list[dict]]:
        return {
            "unmet_needs": [
                {**post.base(), "category": m.category, "subcategory": m.subcategory, "cue": m.cue, "evidence": m.evidence,
                 "sentence_index": m.sentence_index, "taxonomy_version": self.version}
                for m in self.matcher.match_doc(doc, 0)
            ]
        }


class SpeakerRoles:
    tables: ClassVar[dict[str, pa.Schema]] = {"author_roles": AUTHOR_ROLES}

    def __init__(self, nlp: Language) -> None:
        self.matcher = SpeakerRoleMatcher(nlp.vocab)
        self.version = self.matcher.lexicon.version
        self._last: tuple[Doc | None, object] = (None, None)

    def _result(self, doc: Doc):
        if self._last[0] is not doc:
            self._last = (doc, self.matcher.infer_role(doc))
        return self._last[1]

    def __call__(self, doc: Doc) -> str:
        return self._result(doc).role

    def rows(self, doc: Doc, post) -> dict[str, list[dict]]:
        role = self._result(doc)
        return {
            "author_roles": [
                {"post_key": post.post_key, "author_key": post.author_key, "community": post.community, "period_month": post.period_month,
                 "speaker_role": role.role, "confidence": role.confidence, "cues": list(role.cues), "lexicon_version": self.version}
            ]
        }
