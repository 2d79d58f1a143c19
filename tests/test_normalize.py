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
        ("Ro\u034fsa", "Rosa"),  # combining grapheme joiner
        ("Ka\u200eren", "Karen"),  # left-to-right mark
        ("Ka\u200fr\u2066e\u2069n", "Karen"),  # right-to-left mark, an isolate and its end
        ("O\u202edi\u202cn", "Odin"),  # bidi override and pop
        ("Pe\u2060t\u2063e", "Pete"),  # word joiner, invisible separator
        ("M\u3164a\u115fr\u1160\uffa0a", "Mara"),  # Hangul fillers
        ("Li\ufe0fs\U000e0101a", "Lisa"),  # variation selectors
        ("Ta\U000e0067ra", "Tara"),  # a tag character
        ("Ol\u00adga", "Olga"),  # soft hyphen
        ("Oakl-\nand", "Oakland"),  # a word hyphenated at a line break
        ("Oakl- \n  and", "Oakland"),  # spaces around the break
        ("Oakl-\r\nand", "Oakland"),
        ("Oakl\u2010\nand", "Oakland"),  # the Unicode hyphen
        ("Oakl\u00ad\nand", "Oakland"),  # a soft hyphen at the break
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


@pytest.mark.parametrize(
    "text",
    [
        "a follow-up visit",  # a hyphen inside a line
        "Side effects:\n- nausea\n- fatigue",  # list dashes at line starts
        "dose -\nthen more",  # a dash after a space is no hyphenated word
        "dose 5-\n10 mg",  # digits are no word halves
        "rule\n---\nnext",  # a horizontal rule
        "line one\nline two",
    ],
)
def test_hyphens_and_breaks_that_stay(text):
    assert normalize(text).text == text


def test_emoji_sequences_keep_their_pictures_and_offsets():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl
    text = f"{family} and \u2764\ufe0f Karen"
    norm = normalize(text)
    assert norm.text == "\U0001f468\U0001f469\U0001f467 and \u2764 Karen"
    start = norm.text.index("Karen")
    assert text[slice(*norm.to_original(start, start + 5))] == "Karen"


@pytest.mark.parametrize(
    "text,hidden",
    [
        ("Thanks Je\u200eny for the rides", "Je\u200eny"),
        ("Ho\u034fpe Adams drove me", "Ho\u034fpe Adams"),
        ("ride with Jenny Wal-\nsh today", "Jenny Wal-\nsh"),
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467 Jenny Walsh says hi", "Jenny Walsh"),
    ],
)
def test_invisible_characters_and_broken_words_are_redacted_in_the_original(deidentifier, text, hidden):
    result = deidentifier.deidentify(text)
    assert hidden not in result.text
    assert any(hidden in text[r.start : r.end] for r in result.redactions)
    assert "\U0001f468\u200d\U0001f469" not in text or "\U0001f468\u200d\U0001f469" in result.text
