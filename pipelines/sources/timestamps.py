"""Timestamp parsing: ISO 8601 (naive = UTC) or epoch seconds, always to aware UTC."""
from __future__ import annotations

import math
import re
from datetime import datetime, timezone

_NUMERIC = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class BadTimestamp(ValueError):
    """The value is present but is not a timestamp we can read."""


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_created_at(value: object, field: str, source_file: str, record: int) -> "datetime | Quarantined":
    """The record's creation time, or the quarantine marker saying why it has none."""
    from ..records import Quarantined

    if is_missing(value):
        return Quarantined(source_file, record, "missing_timestamp", f"record has no {field}")
    try:
        return parse_timestamp(value)
    except BadTimestamp as exc:
        return Quarantined(source_file, record, "bad_timestamp", f"{field} is unreadable: {exc}")


def parse_timestamp(value: object) -> datetime:
    """Parse epoch seconds (int, float, numeric string) or ISO 8601 text.

    Raises ``BadTimestamp`` (a ValueError, with a content-free message).
    """
    if isinstance(value, bool):
        raise BadTimestamp("a boolean is not a timestamp")
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    if isinstance(value, datetime):
        return _as_utc(value)
    if not isinstance(value, str):
        raise BadTimestamp("value is neither a number nor text")
    text = value.strip()
    if _NUMERIC.fullmatch(text):
        number = float(text) if any(c in text for c in ".eE") else int(text)
        return _from_epoch(number)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise BadTimestamp("not ISO 8601 and not epoch seconds") from None
    return _as_utc(parsed)


def _from_epoch(seconds: int | float) -> datetime:
    if isinstance(seconds, float) and not math.isfinite(seconds):
        raise BadTimestamp("epoch value is not finite")
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise BadTimestamp("epoch value is out of range") from None


def _as_utc(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        return dt.replace(tzinfo=timezone.utc)
    try:
        return dt.astimezone(timezone.utc)
    except OverflowError:
        raise BadTimestamp("timestamp is out of range") from None
