"""Unbroken runs of MAX_TOKEN_CHARS+ non-space characters are redacted whole and not analysed
(deid/long_tokens.py), and the name, address and list walks stay linear on long runs of
name-like words: counted in calls, not timed. Every name and value here is invented."""
from __future__ import annotations

import base64

import pytest

import deid.name_neighbours as name_neighbours
import deid.recognizers.address_block as address_block
from deid.long_tokens import LONG_TOKEN, MAX_TOKEN_CHARS, blank_long_tokens
from deid.recognizers.known_name import KnownNameRecognizer
from deid.recognizers.name_list import NameListRecognizer
from deid.spans import Span


@pytest.mark.parametrize(
    "text,expected",
    [
        ("a" * (MAX_TOKEN_CHARS - 1), []),
        ("a" * MAX_TOKEN_CHARS, [(0, MAX_TOKEN_CHARS, LONG_TOKEN)]),
        ("see " + "a." * 200 + " ok", [(4, 404, LONG_TOKEN)]),
        ("x " + "https://example.org/" + "q" * 300, [(2, 322, "URL")]),
        ("(www.example.org/" + "p" * 300 + ")", [(0, 318, "URL")]),
        ("[PM](http://example.org/?m=" + "p" * 300 + ")***", [(0, 331, "URL")]),
        ("short words only, " * 40, []),
        ("A" * 300 + "\n" + "B" * 300, [(0, 300, LONG_TOKEN), (301, 601, LONG_TOKEN)]),
        ("", []),
    ],
)
def test_blank_long_tokens(text, expected):
    blanked, spans = blank_long_tokens(text)
    assert [(s.start, s.end, s.entity_type) for s in spans] == expected
    assert len(blanked) == len(text)
    for s in spans:
        assert blanked[s.start:s.end].strip() == ""
    kept = [i for i in range(len(text)) if not any(s.start <= i < s.end for s in spans)]
    assert all(blanked[i] == text[i] for i in kept)


def test_a_pasted_image_is_one_placeholder_and_the_identifiers_beside_it_go(deidentifier):
    blob = base64.b64encode(bytes(range(256)) * 8).decode()
    text = f"Call Jenny at 555-123-4567. My scan: ![img](data:image/png;base64,{blob}) email jenny.doe@example.com"
    out = deidentifier.deidentify(text).text
    assert out.count("<LONG_TOKEN>") == 1 and blob[:40] not in out
    for value in ("Jenny", "555-123-4567", "jenny.doe@example.com"):
        assert value not in out


def test_a_long_link_is_a_url(deidentifier):
    text = "Directions: https://maps.example.com/place/" + "x1" * 200 + " see you there"
    assert deidentifier.deidentify(text).text == "Directions: <URL> see you there"


def test_a_long_token_across_the_window_cut_is_redacted_whole():
    from deid import DeidConfig, Deidentifier

    deid = Deidentifier(config=DeidConfig(chunk_chars=2_000, chunk_overlap=200))
    text = "Hi Jenny Walsh here. " + "a." * 3_000 + " Thanks Jenny Walsh"
    out = deid.deidentify(text).text
    assert "a.a." not in out and "Walsh" not in out and out.startswith("Hi <PERSON>")


class Counter:
    def __init__(self, fn):
        self.fn, self.calls = fn, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)


def _calls(monkeypatch, owner, name, run, sizes=(200, 800)):
    counts = []
    for n in sizes:
        counter = Counter(getattr(owner, name))
        monkeypatch.setattr(owner, name, counter)
        run(n)
        monkeypatch.undo()
        counts.append(counter.calls)
    return counts


def test_known_name_walk_is_linear(monkeypatch):
    recognizer = KnownNameRecognizer()
    small, large = _calls(monkeypatch, recognizer, "_joins", lambda n: recognizer.analyze("Jenny " * n, ["PERSON"]))
    assert small > 0 and large <= 5 * small  # 4x the words: 4x the calls (it was 16x)


def test_name_neighbour_walk_is_linear(monkeypatch):
    def run(n):
        text = "Jenny " * n
        name_neighbours.extend_names([Span(i * 6, i * 6 + 5, "PERSON") for i in range(n)], text)

    small, large = _calls(monkeypatch, name_neighbours, "_joins", run)
    assert small > 0 and large <= 5 * small


def test_address_tail_scan_is_linear(monkeypatch):
    from deid.recognizers.street_address import StreetAddressRecognizer

    recognizer = StreetAddressRecognizer()
    small, large = _calls(monkeypatch, address_block, "_classify", lambda n: recognizer.analyze("12 Main Street " * n, ["STREET_ADDRESS"]))
    assert small > 0 and large <= 5 * small


def test_name_list_still_finds_a_long_list_and_nothing_without_and():
    names = ["Efimiya", "Mary", "Ariana", "Isabel", "Teresa", "Jodi", "Lucia", "Petra"] * 5
    recognizer = NameListRecognizer()
    text = "They came: " + ", ".join(names[:-1]) + " and " + names[-1] + "."
    found = recognizer.analyze(text, ["PERSON"])
    assert len(found) >= 31 and text[found[-1].start:found[-1].end] == names[-1]
    assert recognizer.analyze(", ".join(names * 20) + ".", ["PERSON"]) == []
