"""One BLAS thread per process for de-identification, unless the user chose otherwise.

The NER pass is a small CNN run on many short texts. On two cores, numpy's OpenBLAS with its
default two threads made it slower, not faster (MedRed posts, one process: 123 docs/s with two
threads, 147 with one; Presidio's default pipeline 73 -> 84), and with ``deid --processes 2``
every process would start threads of its own. OpenBLAS reads ``OPENBLAS_NUM_THREADS`` only when
it is loaded, and changing the count later (threadpoolctl) did not give the gain, so the
variable is set on import, before numpy is loaded: a value the user set is kept, and nothing is
changed when numpy is already imported (set ``OPENBLAS_NUM_THREADS=1`` yourself in a notebook
that imported numpy first).
"""
from __future__ import annotations

import os
import sys

VARIABLE = "OPENBLAS_NUM_THREADS"


def prefer_one_blas_thread() -> bool:
    """Set ``OPENBLAS_NUM_THREADS=1`` if unset and numpy is not loaded yet; True if it did."""
    if VARIABLE in os.environ or "numpy" in sys.modules:
        return False
    os.environ[VARIABLE] = "1"
    return True


def glibc_single_threaded() -> bool | None:
    """glibc's own note (``__libc_single_threaded``) of whether this process has never had a second
    thread; None where the C library is not glibc. Read only: once a process has had one, glibc's
    malloc stays on its locked path (about 15% slower de-identification here), and a child forked
    from it inherits that (see ``deid/parallel.py``)."""
    import ctypes

    try:
        return ctypes.c_char.in_dll(ctypes.CDLL(None), "__libc_single_threaded").value != b"\x00"
    except (OSError, ValueError, AttributeError):
        return None
