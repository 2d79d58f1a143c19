"""De-identification of patient-forum text (pure library: no Prefect, no file I/O)."""
from .engine import DEFAULT_ENTITIES, DeidConfig, Deidentifier, DeidResult, Redaction, placeholder
from .pseudonym import Pseudonymizer, MissingKeyError, resolve_key
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
