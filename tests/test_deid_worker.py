"""The deid stage in a worker process that has never had a thread (what the flow runs) writes
exactly what the stage writes in process: same texts, placeholders per thread, outcomes."""
from __future__ import annotations

import json
import shutil
import threading
from concurrent.futures import Future

import pyarrow.parquet as pq
import pytest

from pipelines.stages import work
from pipelines.stages.deid_worker import in_order
from pipelines.stages.deidentify import deidentify
from pipelines.stages.ingest import SourceSpec, ingest


def _post(i: int) -> dict:
    return {
        "id": f"p{i}",
        "thread_id": f"t{i // 4}",
        "author": f"member_{i % 3}",
        "created_at": f"2024-0{1 + i % 9}-1{i % 9}T08:00:00Z",
        "community": "ms",
        "title": f"Week {i} on Ocrevus" if i % 4 == 0 else None,
        "text": f"Thanks member_{(i + 1) % 3}! My husband Mike drove me to the infusion at 12 Main Street, "
                f"Springfield, IL 62704; call 555-867-53{i % 10}9 if you need a lift. Dr. Patel said the fatigue is normal.",
    }


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    root = tmp_path_factory.mktemp("deidworker")
    export = root / "export.jsonl"
    export.write_text("\n".join(json.dumps(_post(i)) for i in range(40)) + "\n", encoding="utf-8")
    src = root / "src"
    src.mkdir()
    ingest([SourceSpec.for_path(export)], src, "r1")
    return root, src


def _run(root, src, name: str, **options) -> tuple[dict, list, list]:
    d = root / name
    shutil.copytree(src, d)
    summary = deidentify(d, "r1", b"k" * 32, batch_size=16, **options)
    return summary, pq.read_table(d / work.POSTS_DEID).to_pylist(), pq.read_table(d / work.OUTCOMES_DEID).to_pylist()


def test_worker_process_writes_what_the_stage_writes_in_process(ingested):
    root, src = ingested
    threading.Thread(target=lambda: None).start()  # this process has had a thread, as the flow's has
    local, local_posts, local_outcomes = _run(root, src, "local")
    worker, worker_posts, worker_outcomes = _run(root, src, "worker", worker_process=True)
    assert local["counts"] == worker["counts"] and local["counts"]["published"] == 40
    assert worker_posts == local_posts and worker_outcomes == local_outcomes
    assert any("<PERSON_" in r["text_deid"] for r in local_posts) and not any("Mike" in r["text_deid"] for r in local_posts)
    assert local["worker_single_threaded"] is None
    # glibc's own note, read in the worker after its work (None where the C library is not glibc)
    assert worker["worker_single_threaded"] in (True, None) and worker["worker_single_threaded"] is not False


def test_in_order_keeps_order_with_one_batch_ahead():
    submitted: list[int] = []

    def submit(x: int) -> Future:
        submitted.append(x)
        f: Future = Future()
        f.set_result(x * 10)
        return f

    seen = []
    for tag, result in in_order(((i, (i,)) for i in range(5)), submit):
        seen.append((tag, result, len(submitted)))
    assert [(t, r) for t, r, _ in seen] == [(i, i * 10) for i in range(5)]
    assert [n for _, _, n in seen] == [2, 3, 4, 5, 5]  # the next batch is submitted before one is waited for


def test_a_worker_that_dies_loses_nothing(ingested, tmp_path, monkeypatch):
    """Post 20 kills any worker that de-identifies it: the stage restarts the worker, retries, and
    quarantines that post alone; every other post is published, de-identified, and the counts reconcile."""
    import pyarrow as pa

    from pipelines.stages import deid_worker
    from tests import crashing_worker

    root, src = ingested
    d = tmp_path / "dies"
    shutil.copytree(src, d)
    raw = pq.read_table(d / work.RAW_POSTS).to_pylist()
    victim = next(i for i, r in enumerate(raw) if r["post_id"] == "p20")
    raw[victim]["body"] = crashing_worker.MARKER + " " + raw[victim]["body"]
    pq.write_table(pa.Table.from_pylist(raw, schema=pq.read_schema(d / work.RAW_POSTS)), d / work.RAW_POSTS)
    monkeypatch.setattr(deid_worker, "run_in_worker", crashing_worker.crash_on_marker)

    summary = deidentify(d, "r1", b"k" * 32, batch_size=16, worker_process=True)
    posts = pq.read_table(d / work.POSTS_DEID).to_pylist()
    outcomes = pq.read_table(d / work.OUTCOMES_DEID).to_pylist()
    assert summary["counts"]["published"] == 39 and summary["counts"]["quarantined"] == 1
    assert summary["worker_restarts"] >= 2  # the batch whole, then the post alone
    assert len(outcomes) == 40 and len({o["source_record"] for o in outcomes}) == 40
    (bad,) = [o for o in outcomes if o["outcome"] == "quarantined"]
    assert bad["source_record"] == raw[victim]["source_record"]
    assert bad["reason"] == "deid_error" and bad["detail"] == f"de-identification failed ({deid_worker.WORKER_DIED})"
    assert len(posts) == 39 and not any("Mike" in p["text_deid"] or "867" in p["text_deid"] for p in posts)
