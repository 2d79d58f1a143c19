"""Stage 2: de-identify titles and bodies, pseudonymise ids, quarantine what still leaks.

Raw text goes no further than this stage: everything it writes for later stages
holds de-identified text and keyed pseudonyms only.
"""
from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path
from typing import Iterator

from deid import DeidConfig, Deidentifier, DeidResult, Pseudonymizer, SurrogateMap
from pipelines.leakcheck import LeakChecker
from pipelines.parquet_io import RowWriter, iter_rows
from pipelines.tables import POSTS, RECORD_OUTCOMES

from . import work


def _safe_batch(deider: Deidentifier, texts: list[str], maps: list[SurrogateMap]) -> Iterator[DeidResult | Exception]:
    """Batch de-identification; if a batch fails, retry its texts one by one so one bad post costs only itself."""
    try:
        yield from list(deider.deidentify_batch(texts, maps))
        return
    except Exception:  # noqa: BLE001 - isolate the failing record below
        pass
    for text, surrogates in zip(texts, maps):
        try:
            yield deider.deidentify(text, surrogates)
        except Exception as exc:  # noqa: BLE001
            yield exc


def deidentify(work_dir: Path, run_id: str, key: bytes, config: DeidConfig = DeidConfig(), batch_size: int = 256) -> dict:
    started = time.perf_counter()
    work_dir = Path(work_dir)
    members = json.loads((work_dir / work.MEMBERS).read_text(encoding="utf-8"))
    deider = Deidentifier(member_names=members, config=config)
    checker = LeakChecker(members)
    pseudo = Pseudonymizer(key)
    counts = {"published": 0, "quarantined": 0, "redactions": 0}
    # One surrogate map per thread: the same person is <PERSON_1> in every post of a thread.
    thread_maps: dict[tuple[str, str], SurrogateMap] = {}
    with RowWriter(work_dir / work.POSTS_DEID, POSTS) as posts, RowWriter(work_dir / work.OUTCOMES_DEID, RECORD_OUTCOMES) as outcomes:
        for rows in iter_rows(work_dir / work.RAW_POSTS, batch_size=batch_size):
            maps = [thread_maps.setdefault((r["community"], r["thread_id"]), SurrogateMap()) for r in rows]
            bodies = _safe_batch(deider, [r["body"] or "" for r in rows], maps)
            for row, body, surrogates in zip(rows, bodies, maps):
                outcome = {
                    "run_id": run_id,
                    "source_file": row["source_file"],
                    "source_record": row["source_record"],
                    "source_format": row["source_format"],
                }
                title = None
                try:
                    if isinstance(body, Exception):
                        raise body
                    title = deider.deidentify(row["title"], surrogates) if row["title"] else None
                except Exception as exc:  # noqa: BLE001 - the type only: messages may quote text
                    counts["quarantined"] += 1
                    outcomes.write({**outcome, "outcome": "quarantined", "reason": "deid_error", "detail": f"de-identification failed ({type(exc).__name__})", "post_key": None})
                    continue
                residual = sorted(set(checker.kinds_in(body.text) + checker.kinds_in(title.text if title else None)))
                if residual:
                    counts["quarantined"] += 1
                    outcomes.write({**outcome, "outcome": "quarantined", "reason": "residual_identifier", "detail": "identifier kinds left after de-identification: " + ", ".join(residual), "post_key": None})
                    continue
                community = row["community"]
                post_key = pseudo.pseudonym("post", f"{community}/{row['post_id']}")
                redactions = list(body.redactions) + list(title.redactions if title else [])
                created = row["created_at"]
                posts.write(
                    {
                        "run_id": run_id,
                        "post_key": post_key,
                        "thread_key": pseudo.pseudonym("thread", f"{community}/{row['thread_id']}"),
                        "parent_key": pseudo.pseudonym("post", f"{community}/{row['parent_id']}") if row["parent_id"] else None,
                        "community": community,
                        "author_key": pseudo.pseudonym("author", row["author"]) if row["author"] else None,
                        "period_week": (created - timedelta(days=created.weekday())).date(),
                        "period_month": created.strftime("%Y-%m"),
                        "title_deid": title.text if title else None,
                        "text_deid": body.text,
                        "n_redactions": len(redactions),
                        "redaction_types": sorted({r.entity_type for r in redactions}),
                        "char_count": len(body.text),
                        "source_format": row["source_format"],
                    }
                )
                counts["published"] += 1
                counts["redactions"] += len(redactions)
                outcomes.write({**outcome, "outcome": "published", "reason": None, "detail": None, "post_key": post_key})
    return {"counts": counts, "seconds": time.perf_counter() - started}
