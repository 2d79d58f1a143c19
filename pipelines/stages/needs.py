"""Stage 4: unmet-need mentions and speaker role, from one spaCy parse of each de-identified post."""
from __future__ import annotations

import time
from pathlib import Path

from insights.nlp import load_extraction_pipeline
from insights.speaker_role import SpeakerRoleMatcher
from insights.unmet_needs import UnmetNeedMatcher
from pipelines.parquet_io import RowWriter, iter_rows
from pipelines.tables import AUTHOR_ROLES, UNMET_NEEDS

from . import work

_COLUMNS = ["post_key", "author_key", "community", "period_month", "text_deid"]


def extract_needs(work_dir: Path, run_id: str) -> dict:
    started = time.perf_counter()
    work_dir = Path(work_dir)
    nlp = load_extraction_pipeline()
    matcher = UnmetNeedMatcher(nlp=nlp)
    roles = SpeakerRoleMatcher(nlp.vocab)
    version, role_version = matcher.taxonomy.version, roles.lexicon.version
    per_category: dict[str, int] = {}
    per_role: dict[str, int] = {}
    with RowWriter(work_dir / work.UNMET_NEEDS, UNMET_NEEDS) as needs_out, RowWriter(work_dir / work.AUTHOR_ROLES, AUTHOR_ROLES) as roles_out:
        for rows in iter_rows(work_dir / work.POSTS_DEID, columns=_COLUMNS):
            for i, doc in enumerate(nlp.pipe([r["text_deid"] for r in rows], batch_size=64)):
                row = rows[i]
                role = roles.infer_role(doc)
                per_role[role.role] = per_role.get(role.role, 0) + 1
                roles_out.write(
                    {
                        "run_id": run_id,
                        "post_key": row["post_key"],
                        "author_key": row["author_key"],
                        "community": row["community"],
                        "period_month": row["period_month"],
                        "speaker_role": role.role,
                        "confidence": role.confidence,
                        "cues": list(role.cues),
                        "lexicon_version": role_version,
                    }
                )
                for m in matcher.match_doc(doc, i):
                    needs_out.write(
                        {
                            "run_id": run_id,
                            "post_key": row["post_key"],
                            "community": row["community"],
                            "period_month": row["period_month"],
                            "category": m.category,
                            "subcategory": m.subcategory,
                            "cue": m.cue,
                            "evidence": m.evidence,
                            "sentence_index": m.sentence_index,
                            "speaker_role": role.role,
                            "taxonomy_version": version,
                        }
                    )
                    per_category[m.category] = per_category.get(m.category, 0) + 1
    return {
        "mentions": sum(per_category.values()),
        "per_category": per_category,
        "per_role": per_role,
        "taxonomy_version": version,
        "seconds": time.perf_counter() - started,
    }
