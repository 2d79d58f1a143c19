"""Stage 4: unmet-need mentions from the de-identified text."""
from __future__ import annotations

import time
from pathlib import Path

from insights.unmet_needs import UnmetNeedMatcher
from pipelines.parquet_io import RowWriter, iter_rows
from pipelines.tables import UNMET_NEEDS

from . import work


def extract_needs(work_dir: Path, run_id: str) -> dict:
    started = time.perf_counter()
    work_dir = Path(work_dir)
    matcher = UnmetNeedMatcher()
    version = matcher.taxonomy.version
    per_category: dict[str, int] = {}
    with RowWriter(work_dir / work.UNMET_NEEDS, UNMET_NEEDS) as out:
        for rows in iter_rows(work_dir / work.POSTS_DEID, columns=["post_key", "community", "period_month", "text_deid"]):
            for m in matcher.extract([r["text_deid"] for r in rows]):
                row = rows[m.doc_index]
                out.write(
                    {
                        "run_id": run_id,
                        "post_key": row["post_key"],
                        "community": row["community"],
                        "period_month": row["period_month"],
                        "category": m.category,
                        "cue": m.cue,
                        "evidence": m.evidence,
                        "sentence_index": m.sentence_index,
                        "taxonomy_version": version,
                    }
                )
                per_category[m.category] = per_category.get(m.category, 0) + 1
    return {"mentions": sum(per_category.values()), "per_category": per_category, "taxonomy_version": version, "seconds": time.perf_counter() - started}
