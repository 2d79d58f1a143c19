"""Exceptions raised by the source readers, and safe wording for parse errors.

Messages name the file and describe the problem in our own words; they never
quote the file's content (parser messages from json/ijson/csv can embed
snippets of input, so they are reduced to a known error kind here).
"""
from __future__ import annotations

import json


class UnrecognisedSource(ValueError):
    """No adapter recognises the file. The message names the file, never its content."""


class EmptySource(UnrecognisedSource):
    """The file holds nothing but whitespace: zero records, not an error of any record."""


class SourceReadError(OSError):
    """The file cannot be opened, or its (compressed) stream cannot be read."""


# Messages of the json module that carry no input text (everything after a
# ':' is dropped first: the pure-Python scanner appends the offending escape).
_JSON_ERROR_KINDS = {
    "Expecting value": "expecting a value",
    "Expecting property name enclosed in double quotes": "expecting a property name",
    "Expecting ':' delimiter": "expecting ':' delimiter",
    "Expecting ',' delimiter": "expecting ',' delimiter",
    "Unterminated string starting at": "unterminated string",
    "Invalid control character at": "invalid control character",
    "Invalid control character": "invalid control character",
    "Invalid \\escape": "invalid escape",
    "Invalid \\uXXXX escape": "invalid \\u escape",
    "Extra data": "extra data after the value",
    "Illegal trailing comma before end of object": "trailing comma",
    "Illegal trailing comma before end of array": "trailing comma",
}


def json_error_kind(exc: ValueError) -> str:
    """A content-free description of a ``json.loads`` failure."""
    if isinstance(exc, json.JSONDecodeError):
        kind = _JSON_ERROR_KINDS.get(exc.msg.split(":", 1)[0].strip(), "malformed JSON")
        return f"{kind} at column {exc.colno}" if exc.lineno == 1 else (
            f"{kind} at line {exc.lineno}, column {exc.colno}"
        )
    if isinstance(exc, RecursionError):
        return "nesting too deep"
    return "malformed JSON"


def json_type_name(value: object) -> str:
    """JSON name of a decoded value's type (for 'not_an_object' details)."""
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        return "a number"
    if value is None:
        return "null"
    return "a non-object value"
