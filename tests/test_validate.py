"""Tests for pipelines.validate: format-independent record checks."""
from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta, timezone

import pytest

from pipelines.records import Filtered, Quarantined
from pipelines.sources import read_source
from pipelines.validate import validate

SECRET = "SECRETMARKER"
UTC = timezone.utc
NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)


def post(post_id="p1", *, community="c", body="hello there", title=None, created_at=None, record=1):
    return {
        "post_id": post_id, "thread_id": post_id, "parent_id": None, "community": community,
        "author": "a", "author_name": None, "created_at": created_at or datetime(2020, 1, 1, tzinfo=UTC),
        "title": title, "body": body, "source_file": "f.jsonl", "source_record": record, "source_format": "jsonl",
    }


def run(*items, **kwargs):
    kwargs.setdefault("now", NOW)
    return list(validate(items, **kwargs))


def reasons(items):
    return [(i.source_record, i.reason) for i in items if isinstance(i, Quarantined)]


def test_good_posts_and_markers_pass_unchanged():
    q = Quarantined("f", 1, "unparsable_record", "x")
    f = Filtered("f", 2, "deleted_by_source", "y")
    p = post(record=3)
    out = run(q, f, p)
    assert out[0] is q and out[1] is f and out[2] is p


def test_duplicate_id_keeps_the_first_per_community():
    out = run(
        post("1", record=1), post("1", record=2, body="again"), post("1", community="other", record=3),
        post("2", record=4), post("1", record=5),
    )
    assert reasons(out) == [(2, "duplicate_id"), (5, "duplicate_id")]
    assert [p["source_record"] for p in out if isinstance(p, dict)] == [1, 3, 4]


def test_an_invalid_first_copy_does_not_block_a_valid_later_one():
    out = run(post("1", body="", record=1), post("1", record=2))
    assert reasons(out) == [(1, "missing_text")]


@pytest.mark.parametrize(
    "created_at,ok",
    [
        (datetime(1970, 1, 1, tzinfo=UTC), False),
        (datetime(2999, 1, 1, tzinfo=UTC), False),
        (datetime(1994, 12, 31, 23, 59, tzinfo=UTC), False),
        (datetime(1995, 1, 1, tzinfo=UTC), True),
        (NOW + timedelta(hours=23), True),
        (NOW + timedelta(days=1, minutes=1), False),
        (datetime(2020, 1, 1), True),  # naive is read as UTC
    ],
)
def test_absurd_timestamp(created_at, ok):
    out = run(post(created_at=created_at))
    assert reasons(out) == ([] if ok else [(1, "absurd_timestamp")])


def test_min_year_and_default_now():
    assert reasons(run(post(created_at=datetime(2001, 1, 1, tzinfo=UTC)), min_year=2005)) == [(1, "absurd_timestamp")]
    future = datetime.now(UTC) + timedelta(days=3)
    assert reasons(list(validate([post(created_at=future)]))) == [(1, "absurd_timestamp")]
    naive_now = NOW.replace(tzinfo=None)
    assert reasons(run(post(created_at=NOW), now=naive_now)) == []


def test_oversized_post():
    big = (SECRET + " ") * (5_000_000 // (len(SECRET) + 1))
    out = run(post(body=big))
    assert reasons(out) == [(1, "oversized")]
    assert SECRET not in out[0].detail
    assert reasons(run(post(body="x" * 11), max_body_chars=10)) == [(1, "oversized")]
    assert reasons(run(post(body="x" * 10), max_body_chars=10)) == []


@pytest.mark.parametrize(
    "body,title,reason",
    [
        ("", None, "missing_text"),
        ("  \n\t ", "   ", "missing_text"),
        ("", "A title only", None),
        ("\x00" * 40, None, "binary_content"),
        ("\x00\x01\x02\x1b" * 10 + SECRET, None, "binary_content"),
        ("text " * 20 + "\x07" * 15, None, "binary_content"),
        ("text " * 20 + "\x07" * 5, None, None),  # under 10 %
        ("tabs\tand\nnewlines\r\n" * 10, None, None),
        ("caf\u00e9 \u200b zero-width and emoji \U0001f600", None, None),
        ("Empecé a tomar tamoxifeno el mes pasado y los sofocos son horribles, ¿alguien sabe si mejora con el tiempo?", None, "not_english"),
        ("Ich habe letzten Monat mit Tamoxifen angefangen und die Hitzewallungen sind schrecklich, weiß jemand ob es besser wird?", None, "not_english"),
        ("Я начала принимать тамоксифен в прошлом месяце, приливы ужасные, кто-нибудь знает, станет ли лучше?", None, "not_english"),
        ("先月タモキシフェンを始めましたが、ほてりがひどいです。良くなるか知っている人はいますか？", None, "not_english"),
        ("Tamoxifen 20mg, Letrozole, Anastrozole, Exemestane, Zoladex monthly, Herceptin q3w, Perjeta, Kadcyla, Enhertu", None, None),
        ("My oncologist said la vida es dura but the scans look good and I am so relieved today", None, None),
        ("gracias!", None, None),  # too short to judge
    ],
)
def test_text_checks(body, title, reason):
    out = run(post(body=body, title=title))
    assert reasons(out) == ([] if reason is None else [(1, reason)])


def test_details_never_contain_record_content():
    items = [
        post(SECRET, body=SECRET, record=1), post(SECRET, body=SECRET, record=2),
        post("x", body=SECRET * 20_000, record=3), post("y", body="\x00" * 50 + SECRET, record=4),
        post("z", body=SECRET, created_at=datetime(1970, 1, 1, tzinfo=UTC), record=5),
        post("w", body=" ", title=" ", record=6),
    ]
    out = run(*items, max_body_chars=100_000)
    assert reasons(out) == [(2, "duplicate_id"), (3, "oversized"), (4, "binary_content"),
                            (5, "absurd_timestamp"), (6, "missing_text")]
    assert all(SECRET not in q.detail for q in out if isinstance(q, Quarantined))


def test_validate_is_lazy():
    endless = (post(str(i), record=i) for i in itertools.count(1))
    first = list(itertools.islice(validate(endless, now=NOW), 3))
    assert [p["post_id"] for p in first] == ["1", "2", "3"]


def test_end_to_end_with_read_source(tmp_path):
    rows = [
        {"id": "1", "text": "first", "timestamp": 1600000000},
        {"id": "1", "text": SECRET, "timestamp": 1600000001},
        {"id": "2", "text": SECRET, "timestamp": 0},
        {"id": "3", "text": SECRET, "timestamp": "2999-01-01T00:00:00Z"},
        {"id": "4", "text": "\u0000" * 30, "timestamp": 1600000000},
        {"id": "5", "text": "x" * 200_000, "timestamp": 1600000000},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken " + SECRET + "\n")
    out = list(validate(read_source(path), now=NOW))
    assert reasons(out) == [
        (2, "duplicate_id"), (3, "absurd_timestamp"), (4, "absurd_timestamp"), (5, "binary_content"),
        (6, "oversized"), (7, "unparsable_record"),
    ]
    assert [p["post_id"] for p in out if isinstance(p, dict)] == ["1"]
    assert all(SECRET not in q.detail for q in out if isinstance(q, Quarantined))
