"""De-identification in several processes, results in input order, memory bounded.

Each worker process holds its own ``Deidentifier``; texts travel in chunks. Where processes
fork (Linux), the workers inherit one built and warmed in the parent (word lists, name model and
spaCy pipelines loaded once, kept for the next call with the same names and configuration), so a
run does not pay each worker's start-up (about 3 s) again; elsewhere each worker builds its own. Consistent surrogates need every post of a thread in one process, so
this path uses typed placeholders (as ``patient-insights deid`` does).
"""
from __future__ import annotations

import multiprocessing as mp
from itertools import islice
from typing import Iterable, Iterator, Optional

from .engine import DeidConfig, Deidentifier, DeidResult

_worker: Optional[Deidentifier] = None
_worker_key: Optional[tuple] = None


def _init(member_names: list[str], config: DeidConfig) -> None:
    global _worker, _worker_key
    key = (tuple(member_names), config)
    if _worker is None or _worker_key != key:  # not inherited from the parent
        _worker, _worker_key = Deidentifier(member_names=member_names, config=config), key


def _warm_in_parent(member_names: list[str], config: DeidConfig) -> None:
    """Build and warm the worker's ``Deidentifier`` here, for forked workers to inherit."""
    _init(member_names, config)
    assert _worker is not None
    _worker.deidentify("Warm-up: Jane Doe, 12 Main Street, Springfield.")  # loads the lazy word lists


def _run(texts: list[str]) -> list[DeidResult]:
    assert _worker is not None
    return list(_worker.deidentify_batch(texts))


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(texts)
    while chunk := list(islice(it, size)):
        yield chunk


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
    fork = "fork" in mp.get_all_start_methods()
    if fork:
        _warm_in_parent(names, config)
    ctx = mp.get_context("fork" if fork else "spawn")
    with ctx.Pool(processes, initializer=_init, initargs=(names, config)) as pool:
        # imap keeps order and only a few chunks in flight, so memory stays flat
        for results in pool.imap(_run, _chunks(texts, chunk_size)):
            yield from results
