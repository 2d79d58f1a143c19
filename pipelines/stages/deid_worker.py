"""The de-identification of the deid stage's rows, in this process or in a worker process that has
never had a second thread.

Why a worker: a process that has ever had a second thread keeps glibc's malloc on its locked
multi-thread path for good (``deid/threads.py``), about 15% slower de-identification here. The
Prefect flow's process has threads (the task runner's), and pyarrow starts its own on import, so
the stage keeps reading, leak checking and writing Parquet in its own process and sends only
bodies, titles and thread keys to a worker forked from ``deid.parallel``'s fork server (a fresh
interpreter that never starts a thread and holds a warmed ``Deidentifier``). This module imports
``deid`` only: never pyarrow, never Prefect. Texts travel through the worker's pipe, in memory,
one batch ahead; they are never a task parameter, a result Prefect keeps, or a log line, and a
failure is reported by its exception type only. The worker keeps one surrogate map per thread, so
``<PERSON_1>`` is the same person throughout a thread, exactly as in process.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from deid import DeidConfig, Deidentifier, DeidResult, SurrogateMap, parallel

Outcome = tuple["DeidResult | str", "DeidResult | str | None"]  # (body, title); a str is the error's type name


def _safe_batch(deider: Deidentifier, texts: list[str], maps: list[SurrogateMap]) -> Iterator[DeidResult | Exception]:
    """Batch de-identification; if a batch fails, retry its texts one by one so one bad post costs only itself."""
    try:
        yield from list(deider.deidentify_batch(texts, maps))
        return
    except Exception:  # noqa: BLE001, S110 - isolate the failing record below
        pass
    for text, surrogates in zip(texts, maps):
        try:
            yield deider.deidentify(text, surrogates)
        except Exception as exc:  # noqa: BLE001
            yield exc


def deidentify_rows(deider: Deidentifier, bodies: list[str], titles: list[str | None], maps: list[SurrogateMap]) -> list[Outcome]:
    """Bodies as one batch, then each title (none when its body failed), in the stage's order."""
    out: list[Outcome] = []
    for body, title, surrogates in zip(_safe_batch(deider, bodies, maps), titles, maps):
        if isinstance(body, Exception):
            out.append((type(body).__name__, None))
            continue
        try:
            out.append((body, deider.deidentify(title, surrogates) if title else None))
        except Exception as exc:  # noqa: BLE001 - the type only: messages may quote text
            out.append((body, type(exc).__name__))
    return out


class RowDeidentifier:
    """De-identifies batches of (thread key, body, title), one surrogate map per thread key."""

    def __init__(self, deider: Deidentifier) -> None:
        self.deider = deider
        self.maps: dict[tuple, SurrogateMap] = {}

    def __call__(self, keys: list[tuple], bodies: list[str], titles: list[str | None]) -> list[Outcome]:
        maps = [self.maps.setdefault(k, SurrogateMap()) for k in keys]
        return deidentify_rows(self.deider, bodies, titles, maps)


_rows: RowDeidentifier | None = None  # the worker process's own


def _init_worker(member_names: list[str], config: DeidConfig) -> None:
    global _rows
    parallel.prepare_worker(member_names, config)  # the fork server's warmed one, or one built from its loaded models
    _rows = RowDeidentifier(parallel.current_worker())


def run_in_worker(keys: list[tuple], bodies: list[str], titles: list[str | None]) -> list[Outcome]:
    assert _rows is not None
    return _rows(keys, bodies, titles)


def worker_is_single_threaded() -> bool | None:
    """glibc's note, read in the worker: True when it has never had a second thread."""
    from deid.threads import glibc_single_threaded

    return glibc_single_threaded()


Batch = tuple[list[tuple], list[str], list[str | None]]


def in_order(batches: Iterable[tuple[object, Batch]], submit: Callable[..., Future]) -> Iterator[tuple[object, list[Outcome]]]:
    """(tag, outcomes) per batch in input order, the next batch submitted before this one is
    waited for (so the worker de-identifies while the caller writes); two batches in memory at most."""
    pending: deque = deque()
    for tag, batch in batches:
        pending.append((tag, submit(*batch)))
        if len(pending) > 1:
            tag0, future = pending.popleft()
            yield tag0, future.result()
    while pending:
        tag0, future = pending.popleft()
        yield tag0, future.result()


def local_submit(rows: RowDeidentifier) -> Callable[..., Future]:
    def submit(*batch) -> Future:
        future: Future = Future()
        future.set_result(rows(*batch))
        return future

    return submit


def worker_pool(member_names: list[str], config: DeidConfig) -> ProcessPoolExecutor:
    """One worker process from ``deid.parallel``'s fork server (spawn where there is none)."""
    return ProcessPoolExecutor(1, mp_context=parallel.start_context(), initializer=_init_worker, initargs=(member_names, config))
