"""De-identification of patient-forum text (pure library: no Prefect, no file I/O)."""
from .threads import prefer_one_blas_thread

prefer_one_blas_thread()  # before numpy loads: see deid/threads.py

from .engine import (
    DEFAULT_ENTITIES,
    DeidConfig,
    Deidentifier,
    DeidResult,
    Redaction,
    placeholder,
)
from .pseudonym import MissingKeyError, Pseudonymizer, resolve_key
from .surrogates import RealisticSurrogateMap, SurrogateMap

__all__ = [
    "DEFAULT_ENTITIES",
    "DeidConfig",
    "Deidentifier",
    "DeidResult",
    "Redaction",
    "placeholder",
    "Pseudonymizer",
    "MissingKeyError",
    "resolve_key",
    "SurrogateMap",
    "RealisticSurrogateMap",
]
