"""Source adapters: read forum exports (Reddit dumps, Discourse, generic
JSON Lines / JSON / CSV) as a stream of canonical ``Post`` records, with
``Quarantined`` / ``Filtered`` markers for records that are not published.

See docs/sources.md.
"""
from .detect import detect_format
from .errors import EmptySource, SourceReadError, UnrecognisedSource
from .mapping import MappingError, load_mapping
from .read import read_source

__all__ = [
    "EmptySource",
    "MappingError",
    "SourceReadError",
    "UnrecognisedSource",
    "detect_format",
    "load_mapping",
    "read_source",
]
