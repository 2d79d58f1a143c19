"""One BLAS thread unless the user chose otherwise; forked workers inherit a warmed Deidentifier."""
from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="workers inherit only where processes fork")
def test_forked_workers_use_the_parents_warmed_deidentifier():
    from deid import parallel

    texts = [f"Thanks Sarah Jones, call 555-867-{1000 + i}." for i in range(6)]
    first = [r.text for r in parallel.deidentify_parallel(texts, processes=2, chunk_size=2)]
    built = parallel._worker
    assert built is not None  # built and warmed in this (parent) process
    again = [r.text for r in parallel.deidentify_parallel(texts, processes=2, chunk_size=2)]
    assert parallel._worker is built  # reused, not rebuilt, for the same names and configuration
    assert first == again
    assert all("<PERSON>" in t and "<PHONE_NUMBER>" in t for t in again)
    list(parallel.deidentify_parallel(texts[:1], processes=2, member_names=["rosebud"]))
    assert parallel._worker is not built  # other member names: a new one
