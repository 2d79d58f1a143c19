from __future__ import annotations

import pytest

from deid.pseudonym import DEMO_KEY, KEY_ENV_VAR, MissingKeyError, Pseudonymizer, resolve_key


def test_pseudonyms_are_keyed_stable_and_namespaced():
    a, b = Pseudonymizer(b"k" * 32), Pseudonymizer(b"j" * 32)
    assert a.pseudonym("author", "sunflower_jen82") == a.pseudonym("author", "sunflower_jen82")
    assert a.pseudonym("author", "sunflower_jen82") != b.pseudonym("author", "sunflower_jen82")
    assert a.pseudonym("author", "x1") != a.pseudonym("post", "x1")
    assert "sunflower" not in a.pseudonym("author", "sunflower_jen82")
    assert a.pseudonym("author", None) is None


def test_key_from_environment(monkeypatch):
    monkeypatch.setenv(KEY_ENV_VAR, "a-very-secret-key-of-some-length")
    key, origin = resolve_key()
    assert key == b"a-very-secret-key-of-some-length" and origin == f"env:{KEY_ENV_VAR}"


def test_no_key_is_an_error_never_a_silent_demo(monkeypatch):
    monkeypatch.delenv(KEY_ENV_VAR, raising=False)
    with pytest.raises(MissingKeyError, match=KEY_ENV_VAR):
        resolve_key()
    key, origin = resolve_key(allow_demo=True)
    assert key == DEMO_KEY.encode() and origin == "demo"


def test_short_key_rejected_without_echoing_it(monkeypatch):
    monkeypatch.setenv(KEY_ENV_VAR, "short")
    with pytest.raises(MissingKeyError) as err:
        resolve_key()
    assert "short" not in str(err.value).replace("shorter", "")
