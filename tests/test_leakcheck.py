"""The publish-time leak check (pipelines/leakcheck.py): member names inside compounds and behind
invisible or look-alike characters, and ordinary text left alone. Every name here is invented."""
from __future__ import annotations

import pyarrow as pa
import pytest

from pipelines.leakcheck import LeakChecker, normalise

CHECKER = LeakChecker(["tessa_moran77", "Tessa Moran", "Lorna Vasquez", "K.T. (Kit) Fenwick*", "Stormy_Daylo", "Faith Okoro", "gabapentin"])


@pytest.mark.parametrize(
    "text",
    [
        "u_tessa_moran77",
        "support-for-tessa-moran77",
        "TessaMoran77 wrote this",
        "find me at lorna.vasquez.51",
        "Fenwick's sister",
        "Stormy's tip about the pump",
        "thanks faith for the tip",
        "Te\u200bssa said so",  # zero-width space
        "Lo\u034frna said so",  # combining grapheme joiner
        "Vasq\u00aduez family",  # soft hyphen
        "\uff34\uff45\uff53\uff53\uff41 helped",  # full-width letters
        "T\u0435ssa helped",  # Cyrillic e
        "Mor\u200ean's post",  # left-to-right mark
    ],
)
def test_member_names_are_flagged(text):
    assert "MEMBER_NAME" in CHECKER.kinds_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "type-1-support",
        "diabetes_t2",
        "I hope this helps, the grace period is long",
        "I have faith the new dose works",
        "a stormy week, but the pump helped",
        "I started gabapentin 300 mg",
        "covid-19 booster and A1c of 6.1",
        "caf\u00e9 visits helped",
        "<PERSON_1> said the same",
    ],
)
def test_ordinary_text_is_not_flagged(text):
    assert CHECKER.kinds_in(text) == []


def test_normalise_drops_invisible_characters_and_folds_look_alikes():
    assert normalise("Te\u200bs\u034fsa\u00ad") == "Tessa"
    assert normalise("\uff34\u0435ssa") == "Tessa"
    assert normalise("plain ascii") == "plain ascii"


def test_a_table_with_a_member_in_its_community_column_is_flagged_by_row_and_kind_only():
    table = pa.table({"community": ["diabetes_t2", "u_tessa_moran77", "support-for-tessa-moran77"]})
    findings = CHECKER.check_table("posts", table)
    assert [(f.row, f.kind) for f in findings] == [(1, "MEMBER_NAME"), (2, "MEMBER_NAME")]
    assert all("tessa" not in str(f).lower() for f in findings)
