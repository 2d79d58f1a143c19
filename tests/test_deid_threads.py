"""One BLAS thread unless the user chose otherwise; workers start warm from the fork server and
keep glibc's single-thread malloc path even when the caller has threads."""
from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deid.threads import glibc_single_threaded

REPO = Path(__file__).resolve().parents[1]

PROBE = "import os, sys; import deid; import numpy; print(os.environ.get('OPENBLAS_NUM_THREADS'))"


def _probe(code: str, env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if env_value is not None:
        env["OPENBLAS_NUM_THREADS"] = env_value
    env["PYTHONPATH"] = str(REPO)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=REPO)
    return out.stdout.strip().splitlines()[-1]


def test_importing_deid_first_sets_one_blas_thread():
    assert _probe(PROBE, None) == "1"


def test_a_value_the_user_set_is_kept():
    assert _probe(PROBE, "2") == "2"


def test_nothing_changes_when_numpy_was_loaded_first():
    assert _probe("import numpy; " + PROBE, None) == "None"


WORKER_FLAG = """
import threading
from deid import parallel
from deid.engine import DeidConfig
from deid.threads import glibc_single_threaded

if __name__ == "__main__":
    threading.Thread(target=lambda: None).start()  # this process is now multi-threaded for glibc
    with parallel.start_context().Pool(1, initializer=parallel.prepare_worker, initargs=([], DeidConfig())) as pool:
        print(glibc_single_threaded(), pool.apply(glibc_single_threaded))
"""


@pytest.mark.skipif("forkserver" not in mp.get_all_start_methods(), reason="workers start warm only from a fork server")
def test_workers_start_warm_from_the_fork_server():
    from deid import parallel
    from deid.engine import DeidConfig

    texts = [f"Thanks Sarah Jones, call 555-867-{1000 + i}." for i in range(6)]
    out = [r.text for r in parallel.deidentify_parallel(texts, processes=2, chunk_size=2)]
    assert all("<PERSON>" in t and "<PHONE_NUMBER>" in t for t in out)
    assert parallel._worker is None  # nothing was built in this (calling) process
    ctx = parallel.start_context()
    with ctx.Pool(1, initializer=parallel.prepare_worker, initargs=([], DeidConfig())) as pool:
        assert pool.apply(parallel.worker_state)["inherited"] is True
    with ctx.Pool(1, initializer=parallel.prepare_worker, initargs=(["rosebud"], DeidConfig())) as pool:
        state = pool.apply(parallel.worker_state)
    assert state["inherited"] is False and state["has_worker"]  # other member names: its own
    [out] = parallel.deidentify_parallel(["thanks rosebud for this"], processes=2, member_names=["rosebud"])
    assert "rosebud" not in out.text and out.redactions


@pytest.mark.skipif(glibc_single_threaded() is None or "forkserver" not in mp.get_all_start_methods(), reason="glibc on Linux")
def test_workers_keep_mallocs_single_thread_path_when_the_caller_has_threads(tmp_path):
    script = tmp_path / "flag.py"
    script.write_text(WORKER_FLAG, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, check=True, cwd=REPO)
    parent, worker = out.stdout.strip().splitlines()[-1].split()
    assert parent == "False"  # the caller has had a second thread
    assert worker == "True"  # its worker has not: glibc's fast single-thread path
