"""De-identification in several processes, results in input order, memory bounded.

Each worker process holds its own ``Deidentifier``; texts travel in chunks. Workers start from
multiprocessing's fork server where there is one (Linux, macOS), else by spawn. The fork server
imports :mod:`deid.warm_worker` once, which builds and warms the default ``Deidentifier``
(spaCy pipelines, word lists, name model, compiled patterns), so workers forked from it start
warm instead of paying about 4 s each; a worker asked for other member names or another
configuration builds its own (the loaded models and lists are shared, so that is quick).

Why not plain fork from the caller: a process that has ever run a second thread (a Prefect flow,
a Jupyter kernel, or just an earlier ``multiprocessing.Pool``, whose handler threads stay behind
in glibc's bookkeeping) makes glibc's malloc take its locked multi-thread path for good, and
forked children inherit that: on MedRed each such worker ran about 20% slower (126 against 158
posts/s alone). The fork server never starts a thread, so its children keep the fast path; and
forking a multi-threaded process is unsafe anyway (Python 3.12 warns about it).

As with spawn, a script that calls this must guard its top level with
``if __name__ == "__main__":``. Consistent surrogates need every post of a thread in one
process, so this path uses typed placeholders (as ``patient-insights deid`` does).
"""
from __future__ import annotations

import multiprocessing as mp
import os
from itertools import islice
from typing import Iterable, Iterator, Optional

from .engine import DeidConfig, Deidentifier, DeidResult

PRELOAD = "deid.warm_worker"  # imported once by the fork server: the warmed default worker
_worker: Optional[Deidentifier] = None
_worker_key: Optional[tuple] = None
_inherited = False  # True in a worker that reused the fork server's warmed de-identifier


def prepare_worker(member_names: list[str], config: DeidConfig) -> None:
    """Give this process a warmed ``Deidentifier`` for these names and configuration, reusing the
    one it already has (inherited from the fork server) when they match."""
    global _worker, _worker_key, _inherited
    key = (tuple(member_names), config)
    _inherited = _worker is not None and _worker_key == key
    if not _inherited:
        _worker, _worker_key = Deidentifier(member_names=member_names, config=config), key
        _worker.warm_up()


def current_worker() -> Deidentifier:
    """This process's ``Deidentifier`` from :func:`prepare_worker`."""
    assert _worker is not None, "prepare_worker() first"
    return _worker


def worker_state() -> dict:
    """What this worker started with (for tests and diagnostics)."""
    return {"pid": os.getpid(), "inherited": _inherited, "has_worker": _worker is not None}


def _run(texts: list[str]) -> list[DeidResult]:
    assert _worker is not None
    return list(_worker.deidentify_batch(texts))


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(texts)
    while chunk := list(islice(it, size)):
        yield chunk


def start_context():
    """The fork server (preloading the warmed worker) where there is one, else spawn."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([PRELOAD])  # no effect once this process's fork server is running
    return ctx


def start_fork_server() -> bool:
    """Start the fork server now: it imports and warms the default de-identifier while the caller
    goes on (ingest, say), so a pool started later finds it ready. False where there is none."""
    ctx = start_context()
    if ctx.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return True


def deidentify_parallel(
    texts: Iterable[str],
    processes: int = 2,
    member_names: Iterable[Optional[str]] = (),
    config: DeidConfig = DeidConfig(),
    chunk_size: int = 64,
) -> Iterator[DeidResult]:
    names = [n for n in member_names if n]
    if processes <= 1:
        yield from Deidentifier(member_names=names, config=config).deidentify_batch(texts)
        return
    with start_context().Pool(processes, initializer=prepare_worker, initargs=(names, config)) as pool:
        # imap keeps order and only a few chunks in flight, so memory stays flat
        for results in pool.imap(_run, _chunks(texts, chunk_size)):
            yield from results
