"""De-identification in several processes, results in input order, memory bounded.

Each worker process holds its own ``Deidentifier`` (built once, in the worker); texts
travel in chunks. Consistent surrogates need every post of a thread in one process, so
this path uses typed placeholders (as ``patient-insights deid`` does).
"""
from __future__ import annotations

import multiprocessing as mp
from itertools import islice
from typing import Iterable, Iterator, Optional

from .engine import DeidConfig, Deidentifier, DeidResult

_worker: Optional[Deidentifier] = None


def _init(member_names: list[str], config: DeidConfig) -> None:
    global _worker
    _worker = Deidentifier(member_names=member_names, config=config)


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
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(processes, initializer=_init, initargs=(names, config)) as pool:
        # imap keeps order and only a few chunks in flight, so memory stays flat
        for results in pool.imap(_run, _chunks(texts, chunk_size)):
            yield from results
