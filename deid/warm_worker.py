"""Imported once by the fork server of :mod:`deid.parallel`: builds and warms the default worker.

Every worker the server forks starts with this warmed ``Deidentifier`` (spaCy pipelines, word
lists, name model and compiled patterns already loaded), so a pool does not pay each worker's
start-up (about 4 s) again.
"""
from .engine import DeidConfig
from .parallel import prepare_worker

prepare_worker([], DeidConfig())
