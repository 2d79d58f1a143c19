"""A worker function for tests/test_deid_worker.py: it kills its worker process, as the kernel's OOM
killer or a crash in native code would, when a body holds the marker; else it de-identifies.
A module of its own so the worker that imports it imports nothing else (no pytest, no pyarrow)."""
from __future__ import annotations

import os

from pipelines.stages.deid_worker import run_in_worker

MARKER = "KILL-THE-WORKER"


def crash_on_marker(keys, bodies, titles):
    if any(MARKER in b for b in bodies):
        os._exit(9)
    return run_in_worker(keys, bodies, titles)
