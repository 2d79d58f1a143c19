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

If the worker process dies (killed for memory, a crash in native code), :class:`WorkerRows` starts a
fresh one from the fork server and nothing is lost: the batch is sent once more whole, and if that
worker dies too, row by row, each row that kills a worker coming back as ``WORKER_DIED`` (the stage
quarantines it with that reason). The caller's process never runs a text that killed a worker. A
fresh worker starts with fresh surrogate maps, so after a death a thread's placeholders may be
numbered anew (never a leak: placeholders name no one).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from deid import DeidConfig, Deidentifier, DeidResult, SurrogateMap, parallel

WORKER_DIED = "WorkerProcessDied"  # the outcome of a row whose de-identification killed the worker twice
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


class _Pending:
    """A batch in flight in one worker pool; ``result()`` recovers if that worker died."""

    def __init__(self, owner: "WorkerRows", pool: ProcessPoolExecutor, batch: Batch, future: Future) -> None:
        self.owner, self.pool, self.batch, self.future = owner, pool, batch, future

    def result(self) -> list[Outcome]:
        try:
            return self.future.result()
        except BrokenProcessPool:
            return self.owner.recover(self.pool, self.batch)


class WorkerRows:
    """``submit(keys, bodies, titles)`` to one worker process, restarted from the fork server when it
    dies (see the module's docstring); ``restarts`` counts the fresh workers started."""

    def __init__(self, member_names: list[str], config: DeidConfig) -> None:
        self._args = (member_names, config)
        self._pool = worker_pool(member_names, config)
        self.restarts = 0

    @staticmethod
    def _fn() -> Callable:
        return run_in_worker  # read at call time: a test may put a crashing one in its place

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        if self._pool is broken:  # once per death, however many batches were in flight
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = worker_pool(*self._args)
            self.restarts += 1

    def submit(self, *batch) -> _Pending:
        pool = self._pool
        try:
            future = pool.submit(self._fn(), *batch)
        except BrokenProcessPool:
            self._restart(pool)
            pool = self._pool
            future = pool.submit(self._fn(), *batch)
        return _Pending(self, pool, batch, future)

    def _call(self, batch: Batch) -> list[Outcome]:
        pool = self._pool
        try:
            return pool.submit(self._fn(), *batch).result()
        except BrokenProcessPool:
            self._restart(pool)
            raise

    def recover(self, broken: ProcessPoolExecutor, batch: Batch) -> list[Outcome]:
        """The batch whose worker died: once more whole in a fresh worker, then row by row."""
        self._restart(broken)
        try:
            return self._call(batch)
        except BrokenProcessPool:
            pass
        out: list[Outcome] = []
        for key, body, title in zip(*batch):
            try:
                out.extend(self._call(([key], [body], [title])))
            except BrokenProcessPool:
                out.append((WORKER_DIED, None))
        return out

    def single_threaded(self) -> bool | None:
        return self._pool.submit(worker_is_single_threaded).result()

    def shutdown(self) -> None:
        self._pool.shutdown()
