"""Keyed pseudonyms for authors, posts and threads (HMAC-SHA256).

The same key always gives the same pseudonym, so tables from different runs join;
without the key nobody can go from a pseudonym back to a username, nor test a guess.
"""
from __future__ import annotations

import hashlib
import hmac
import os
from typing import Optional

KEY_ENV_VAR = "PATIENT_INSIGHTS_PSEUDONYM_KEY"
# Public on purpose: it protects nothing, and is only used behind an explicit demo flag.
DEMO_KEY = "patient-insights-demo-key-not-secret"
MIN_KEY_LENGTH = 16


class MissingKeyError(RuntimeError):
    pass


def resolve_key(explicit: Optional[str] = None, *, allow_demo: bool = False) -> tuple[bytes, str]:
    """Return (key, origin). Order: explicit value, environment variable, demo key if allowed."""
    if explicit:
        key, origin = explicit, "explicit"
    elif os.environ.get(KEY_ENV_VAR):
        key, origin = os.environ[KEY_ENV_VAR], f"env:{KEY_ENV_VAR}"
    elif allow_demo:
        key, origin = DEMO_KEY, "demo"
    else:
        raise MissingKeyError(
            f"No pseudonymisation key: set {KEY_ENV_VAR}, name a Prefect Secret block, "
            "or pass the explicit demo flag (--demo-key) for a demo run."
        )
    if len(key) < MIN_KEY_LENGTH:
        raise MissingKeyError(f"The pseudonymisation key ({origin}) is shorter than {MIN_KEY_LENGTH} characters.")
    return key.encode("utf-8"), origin


class Pseudonymizer:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def pseudonym(self, kind: str, value: Optional[str], length: int = 16) -> Optional[str]:
        """``kind`` namespaces values (an author and a post with the same id differ)."""
        if value is None:
            return None
        digest = hmac.new(self._key, f"{kind}\x1f{value}".encode("utf-8"), hashlib.sha256).hexdigest()
        return f"{kind}_{digest[:length]}"
