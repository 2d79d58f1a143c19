"""Obfuscated identifiers: normalised before analysis, offsets mapped back to the original."""
from __future__ import annotations

import pytest

from deid.normalize import normalize


def test_plain_text_takes_the_fast_path():
    assert normalize("Plain ASCII, curly ’quotes’ too.").origin is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Je\u200bnny", "Jenny"),
        ("ｊｅｎｎｙ＠ｇｍａｉｌ．ｃｏｍ", "jenny@gmail.com"),
        ("Pаtel", "Patel"),  # Cyrillic a
        ("𝐉𝐞𝐧𝐧𝐲", "Jenny"),  # mathematical bold
        ("ΠΟΛΕΜΙ∆ΙΑ", "ΠOΛEMIΔIA"),  # the increment sign written for a Greek Delta
    ],
)
def test_normalised_forms(text, expected):
    norm = normalize(text)
    assert norm.text == expected
    assert norm.to_original(0, len(norm.text)) == (0, len(text))


@pytest.mark.parametrize(
    "text,hidden",
    [
        ("Thanks Je\u200bnny for the tip", "Je\u200bnny"),
        ("mail me: ｊｅｎｎｙ.ｗａｌｓｈ@gmail.com", "ｊｅｎｎｙ.ｗａｌｓｈ@gmail.com"),
        ("Dr. Pаtel was kind", "Pаtel"),
        ("email jane dot doe at gmail dot com", "jane dot doe at gmail dot com"),
        ("call 5 5 5 8 6 7 5 3 0 9 after six", "5 5 5 8 6 7 5 3 0 9"),
        ("my number is five five five eight six seven five three oh nine", "five five five eight six seven five three oh nine"),
    ],
)
def test_obfuscated_identifiers_are_redacted_in_the_original(deidentifier, text, hidden):
    deider = deidentifier  # knows the member "Jenny Walsh"
    result = deider.deidentify(text)
    assert hidden not in result.text
    assert any(text[r.start : r.end] == hidden for r in result.redactions)
    batch = next(deider.deidentify_batch([text]))
    assert batch == result
