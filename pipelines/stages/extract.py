"""Stage 4b: parse each de-identified post ONCE and run every doc-level extractor on it.

Extractors are a list: each names the work tables it writes and turns one parsed post
(``Doc``) and its context into rows. The medical extractor writes four tables, the
unmet-need matcher one, the speaker-role classifier ``author_roles``. The speaker role
comes from ``role_of(doc)``, called once per post and shared by every extractor's rows.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

import pyarrow as pa
import pyarrow.parquet as pq
from spacy.language import Language
from spacy.tokens import Doc

from insights.extraction.adverse_events import adverse_event_candidates
from insights.extraction.analysis import MedicalExtractor
from insights.extraction.resources import lexicon_versions
from insights.nlp import load_extraction_pipeline
from pipelines.parquet_io import RowWriter, iter_rows
from pipelines.tables import (
    ADVERSE_EVENT_CANDIDATES,
    ENTITY_MENTIONS,
    RECORD_OUTCOMES,
    TREATMENT_EVENTS,
    TREATMENT_EXPERIENCES,
)

from . import work

POST_COLUMNS = ["post_key", "thread_key", "community", "period_month", "author_key", "text_deid"]


@dataclass(frozen=True)
class PostContext:
    post_key: str
    thread_key: str
    community: str
    period_month: str
    author_key: str | None
    source_file: str | None
    source_record: int | None
    speaker_role: str

    def base(self) -> dict:
        return {"post_key": self.post_key, "community": self.community, "period_month": self.period_month, "speaker_role": self.speaker_role}


class DocExtractor(Protocol):
    tables: dict[str, pa.Schema]  # published table name -> schema of the rows it yields

    def rows(self, doc: Doc, post: PostContext) -> dict[str, list[dict]]: ...


def unknown_role(doc: Doc) -> str:
    return "unknown"


class MedicalRows:
    """Entity mentions, treatment experiences and events, adverse-event candidates."""

    tables: ClassVar[dict[str, pa.Schema]] = {
        "entity_mentions": ENTITY_MENTIONS,
        "treatment_experiences": TREATMENT_EXPERIENCES,
        "treatment_events": TREATMENT_EVENTS,
        "adverse_event_candidates": ADVERSE_EVENT_CANDIDATES,
    }

    def __init__(self, nlp: Language) -> None:
        self.extractor = MedicalExtractor(nlp)
        self.version = lexicon_versions()

    def rows(self, doc: Doc, post: PostContext) -> dict[str, list[dict]]:
        a = self.extractor(doc)
        sents = [s.text.strip() for s in doc.sents]
        base, v = post.base(), {"lexicon_version": self.version}
        mentions = [
            {**base, "entity_type": m.entity_type, "mention": m.text, "canonical": m.canonical, "code": m.code or None, "match": m.match,
             "assertion": m.assertion, "assertion_cue": m.assertion_cue or None, "sentence_index": m.sentence_index,
             "start_char": m.start_char, "end_char": m.end_char, **v}
            for m in a.mentions
        ]
        experiences = [
            {**base, "drug": x.drug.canonical, "drug_code": x.drug.code or None, "kind": x.kind,
             "effect": x.effect.canonical if x.effect else None, "effect_code": (x.effect.code or None) if x.effect else None,
             "effect_assertion": x.effect.assertion if x.effect else None, "cue": x.cue, "same_sentence": x.same_sentence,
             "sentence_index": x.sentence_index, "evidence": sents[x.sentence_index], **v}
            for x in a.experiences
        ]
        events = [
            {**base, "drug": e.drug.canonical, "drug_code": e.drug.code or None, "event": e.event, "cue": e.cue,
             "to_drug": e.to_drug.canonical if e.to_drug else None, "reason": e.reason, "reason_cue": e.reason_cue or None,
             "sentence_index": e.sentence_index, "evidence": sents[e.sentence_index], **v}
            for e in a.events
        ]
        candidates = []
        for c in adverse_event_candidates(doc, a.experiences, post.author_key is not None, post.speaker_role):
            flags = (c.identifiable_patient, c.identifiable_reporter, c.suspect_drug_named, c.adverse_event)
            candidates.append(
                {**base, "thread_key": post.thread_key, "source_file": post.source_file, "source_record": post.source_record,
                 "suspect_drug": c.suspect_drug, "drug_code": c.drug_code or None, "adverse_effects": list(c.adverse_effects),
                 "effect_codes": list(c.effect_codes), "kinds": list(c.kinds), "identifiable_patient": flags[0],
                 "identifiable_reporter": flags[1], "has_suspect_drug": flags[2], "has_adverse_event": flags[3],
                 "minimum_criteria_met": all(flags), "evidence": [sents[i] for i in c.sentence_indexes],
                 "review_status": "unreviewed", **v}
            )
        return {"entity_mentions": mentions, "treatment_experiences": experiences, "treatment_events": events, "adverse_event_candidates": candidates}


def _source_refs(work_dir: Path) -> dict[str, tuple[str, int]]:
    path = work_dir / work.OUTCOMES_DEID
    if not path.exists():
        return {}
    t = pq.read_table(path, schema=RECORD_OUTCOMES, columns=["post_key", "source_file", "source_record"])
    return {k: (f, r) for k, f, r in zip(*(t.column(c).to_pylist() for c in ("post_key", "source_file", "source_record"))) if k}


def work_file(table: str) -> str:
    return f"extract_{table}.parquet"


def extract_insights(
    work_dir: Path,
    run_id: str,
    extractors: Iterable[DocExtractor] | None = None,
    role_of: Callable[[Doc], str] = unknown_role,  # with the default extractors: the speaker-role classifier
    nlp: Language | None = None,
    batch_size: int = 64,
    need_classifier: bool = False,
) -> dict:
    """Parse every de-identified post once (``nlp.pipe``) and write each extractor's tables.
    With no ``extractors``: medical entities and treatment, unmet needs (rules, plus the sentence
    classifier when ``need_classifier``) and speaker roles."""
    started = time.perf_counter()
    work_dir = Path(work_dir)
    nlp = nlp or load_extraction_pipeline()
    if extractors is None:
        from .needs import NeedRows, SpeakerRoles

        roles = SpeakerRoles(nlp)
        extractors, role_of = [MedicalRows(nlp), NeedRows(nlp, classifier=need_classifier), roles], roles
    refs = _source_refs(work_dir)
    writers = {name: RowWriter(work_dir / work_file(name), schema) for x in extractors for name, schema in x.tables.items()}
    posts = 0
    try:
        for rows in iter_rows(work_dir / work.POSTS_DEID, columns=POST_COLUMNS):
            for row, doc in zip(rows, nlp.pipe((r["text_deid"] for r in rows), batch_size=batch_size)):
                ref = refs.get(row["post_key"], (None, None))
                post = PostContext(row["post_key"], row["thread_key"], row["community"], row["period_month"], row["author_key"], ref[0], ref[1], role_of(doc))
                for x in extractors:
                    for name, table_rows in x.rows(doc, post).items():
                        for r in table_rows:
                            writers[name].write({"run_id": run_id, **r})
                posts += 1
    finally:
        for w in writers.values():
            w.close()
    return {"posts": posts, "rows": {name: w.count for name, w in writers.items()}, "seconds": time.perf_counter() - started}
