"""Stage 2: de-identify titles and bodies, pseudonymise ids, quarantine what still leaks.

Raw text goes no further than this stage: everything it writes for later stages
holds de-identified text and keyed pseudonyms only.
"""
from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

from deid import DeidConfig, Deidentifier, Pseudonymizer
from pipelines.community import CommunityLabels
from pipelines.leakcheck import LeakChecker
from pipelines.parquet_io import RowWriter, iter_rows
from pipelines.tables import POSTS, RECORD_OUTCOMES

from . import work
from .deid_worker import RowDeidentifier, WorkerRows, in_order, local_submit


def deidentify(work_dir: Path, run_id: str, key: bytes, config: DeidConfig = DeidConfig(), batch_size: int = 256, worker_process: bool = False) -> dict:
    """``worker_process``: de-identify in a worker process that has never had a second thread
    (``deid_worker.py``; the Prefect flow does, its own process has threads); same output."""
    started = time.perf_counter()
    work_dir = Path(work_dir)
    members = json.loads((work_dir / work.MEMBERS).read_text(encoding="utf-8"))
    checker = LeakChecker(members)
    pseudo = Pseudonymizer(key)
    counts = {"published": 0, "quarantined": 0, "redactions": 0}
    # One surrogate map per thread: the same person is <PERSON_1> in every post of a thread.
    batches = (
        (rows, ([(r["community"], r["thread_id"]) for r in rows], [r["body"] or "" for r in rows], [r["title"] for r in rows]))
        for rows in iter_rows(work_dir / work.RAW_POSTS, batch_size=batch_size)
    )
    pool = WorkerRows(members, config) if worker_process else None
    if pool:
        submit = pool.submit
    else:
        submit = local_submit(RowDeidentifier(Deidentifier(member_names=members, config=config)))
    try:
        communities = _screen_communities(work_dir, members, pseudo, submit)
        with RowWriter(work_dir / work.POSTS_DEID, POSTS) as posts, RowWriter(work_dir / work.OUTCOMES_DEID, RECORD_OUTCOMES) as outcomes:
            for rows, results in in_order(batches, submit):
                _write_batch(rows, results, run_id, checker, pseudo, counts, posts, outcomes, communities)
        # glibc's note, read in the worker after its work (None: de-identified in this process)
        single_threaded = pool.single_threaded() if pool else None
    finally:
        if pool:
            pool.shutdown()
    counts["communities_replaced"] = communities.replaced
    (work_dir / work.COMMUNITIES).write_text(json.dumps({"communities": len(communities.published), "replaced": communities.replaced}), encoding="utf-8")
    return {"counts": counts, "seconds": time.perf_counter() - started, "worker_single_threaded": single_threaded,
            "worker_restarts": pool.restarts if pool else 0}


def _screen_communities(work_dir: Path, members: list, pseudo: Pseudonymizer, submit) -> CommunityLabels:
    """Every distinct community value, screened once (``pipelines/community.py``): the de-identifier
    reads each one's words in the same worker as the posts, under its own surrogate map."""
    labels = CommunityLabels(members, pseudo)
    values = sorted({r["community"] for rows in iter_rows(work_dir / work.RAW_POSTS, columns=["community"]) for r in rows})
    texts = [t for v in values for t in CommunityLabels.deid_texts(v)]
    keys = [("community", i) for i in range(len(texts))]
    results = submit(keys, texts, [None] * len(texts)).result() if texts else []
    per_value = len(texts) // len(values) if values else 0
    for i, value in enumerate(values):
        found = any(isinstance(body, str) or body.redactions for body, _ in results[i * per_value:(i + 1) * per_value])
        labels.add(value, found)
    return labels


def _write_batch(rows: list[dict], results: list, run_id: str, checker: LeakChecker, pseudo: Pseudonymizer, counts: dict, posts: RowWriter, outcomes: RowWriter,
                 communities: CommunityLabels) -> None:
    for row, (body, title) in zip(rows, results):
        outcome = {
            "run_id": run_id,
            "source_file": row["source_file"],
            "source_record": row["source_record"],
            "source_format": row["source_format"],
        }
        failed = body if isinstance(body, str) else title if isinstance(title, str) else None
        if failed:  # the exception's type name only: messages may quote text
            counts["quarantined"] += 1
            outcomes.write({**outcome, "outcome": "quarantined", "reason": "deid_error", "detail": f"de-identification failed ({failed})", "post_key": None})
            continue
        residual = sorted(set(checker.kinds_in(body.text) + checker.kinds_in(title.text if title else None)))
        if residual:
            counts["quarantined"] += 1
            outcomes.write({**outcome, "outcome": "quarantined", "reason": "residual_identifier", "detail": "identifier kinds left after de-identification: " + ", ".join(residual), "post_key": None})
            continue
        community = row["community"]  # the source's own value keys the post; the screened one is published
        post_key = pseudo.pseudonym("post", f"{community}/{row['post_id']}")
        redactions = list(body.redactions) + list(title.redactions if title else [])
        created = row["created_at"]
        posts.write(
            {
                "run_id": run_id,
                "post_key": post_key,
                "thread_key": pseudo.pseudonym("thread", f"{community}/{row['thread_id']}"),
                "parent_key": pseudo.pseudonym("post", f"{community}/{row['parent_id']}") if row["parent_id"] else None,
                "community": communities[community],
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
