"""The embedded synthetic sample export (data/sample) and its PHI gold file."""
from __future__ import annotations

import csv
import html
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from pipelines.sample_data import (
    CSV_FILE, DISCOURSE_FILE, GOLD_FILE, LABELS, MAPPING_FILE, REDDIT_FILE, generate,
)

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
GENERATED = [DISCOURSE_FILE, REDDIT_FILE, CSV_FILE, MAPPING_FILE, GOLD_FILE]
DELETED = {"[deleted]", "[removed]"}


@pytest.fixture(scope="module")
def gold() -> dict:
    rows = [json.loads(line) for line in (SAMPLE / GOLD_FILE).read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows), "duplicate gold ids"
    return by_id


@pytest.fixture(scope="module")
def records() -> dict:
    """file name -> list of records (index 0 = record number 1)."""
    disc = json.loads((SAMPLE / DISCOURSE_FILE).read_text(encoding="utf-8"))
    red = [json.loads(line) for line in (SAMPLE / REDDIT_FILE).read_text(encoding="utf-8").splitlines()]
    with open(SAMPLE / CSV_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {DISCOURSE_FILE: disc, REDDIT_FILE: red, CSV_FILE: rows}


def test_regenerates_byte_identical(tmp_path):
    counts = generate(tmp_path)
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name
    assert counts[GOLD_FILE] == len((SAMPLE / GOLD_FILE).read_text(encoding="utf-8").splitlines())
    assert sum((SAMPLE / n).stat().st_size for n in GENERATED) < 3_000_000


def test_line_endings_and_mapping():
    for name in GENERATED:
        data = (SAMPLE / name).read_bytes()
        assert b"\r" not in data and data.endswith(b"\n"), name
    mapping = dict(
        line.split(": ") for line in (SAMPLE / MAPPING_FILE).read_text().splitlines() if line and not line.startswith("#")
    )
    assert mapping == {
        "post_id": "message_id", "thread_id": "thread", "parent_id": "reply_to", "community": "forum",
        "author": "member", "author_name": "display_name", "created_at": "posted_at", "title": "subject",
        "body": "message",
    }


def test_volume_communities_threads(records):
    disc, red, rows = records[DISCOURSE_FILE], records[REDDIT_FILE], records[CSV_FILE]
    assert len(disc) + len(red) + len(rows) >= 1500
    communities = {r["category_slug"] for r in disc} | {r["subreddit"] for r in red} | {r["forum"] for r in rows}
    assert len(communities) >= 4

    # Discourse: post numbers 1..n per topic, replies point at earlier posts, unique ids
    assert len({r["id"] for r in disc}) == len(disc)
    topics: dict = {}
    for r in disc:
        topics.setdefault(r["topic_id"], []).append(r)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", r["created_at"])
        assert r["topic_title"] and r["category_slug"] == "breast-cancer"
    for posts in topics.values():
        assert [p["post_number"] for p in posts] == list(range(1, len(posts) + 1))
        assert 2 <= len(posts) <= 12
        for p in posts:
            rt = p["reply_to_post_number"]
            assert rt is None or 1 <= rt < p["post_number"]

    # Reddit: comments belong to an earlier submission / comment
    seen: set = set()
    subs = Counter()
    for r in red:
        if "title" in r:
            subs[r["id"]] = 0
        else:
            assert r["link_id"] == "t3_" + r["link_id"][3:] and r["link_id"][3:] in subs
            assert r["parent_id"][3:] in seen and r["parent_id"][:3] in ("t3_", "t1_")
            subs[r["link_id"][3:]] += 1
        seen.add(r["id"])
    assert all(n >= 1 for n in subs.values())
    assert {r["subreddit"] for r in red} == {"diabetes_t2", "MultipleSclerosis"}
    deleted = sum(1 for r in red if r.get("body", r.get("selftext")) in DELETED)
    assert 0 < deleted < 0.03 * len(red)

    # CSV: subject on first post only, reply_to names an earlier message of the same thread
    by_id = {}
    for r in rows:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", r["posted_at"])
        if r["reply_to"]:
            parent = by_id[r["reply_to"]]
            assert parent["thread"] == r["thread"] and r["subject"] == ""
        else:
            assert r["subject"]
        by_id[r["message_id"]] = r
    assert sum(1 for r in rows if r["reply_to"]) > len(rows) / 2


def _discourse_text(cooked: str) -> str:
    body = re.sub(r"^<aside class=\"quote\".*?</aside>\n", "", cooked, flags=re.S)
    paras = re.findall(r"<p>(.*?)</p>", body, flags=re.S)
    return "\n\n".join(html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paras)


def _own_text(name: str, rec: dict) -> str | None:
    """The record's own body text as the gold should hold it (None when not publishable)."""
    if name == DISCOURSE_FILE:
        return _discourse_text(rec["cooked"])
    if name == CSV_FILE:
        return rec["message"]
    body = rec["body"] if "body" in rec else rec["selftext"]
    if body in DELETED:
        return None
    if body.startswith("> "):
        quote, _, body = body.partition("\n\n")
        assert "\n" not in quote
    return body


def test_gold_points_at_records(gold, records):
    expected = set()
    for name, recs in records.items():
        for n, rec in enumerate(recs, 1):
            own = _own_text(name, rec)
            gid = f"{name}#{n}"
            if own is None:
                assert gid not in gold
                continue
            expected.add(gid)
            assert gid in gold, gid
            text = gold[gid]["text"]
            assert text == own, gid
            if name == DISCOURSE_FILE:
                assert text in html.unescape(re.sub(r"<[^>]+>", "", rec["cooked"].replace("</p>\n<p>", "\n\n")))
            else:
                assert text in (rec.get("body") or rec.get("selftext") or rec.get("message"))
    assert expected == set(gold)


def test_gold_spans(gold):
    labels = Counter()
    with_phi = 0
    for gid, r in gold.items():
        assert set(r) == {"id", "text", "spans", "values"} and r["id"] == gid
        assert len(r["spans"]) == len(r["values"])
        prev_end = 0
        for span, value in zip(r["spans"], r["values"]):
            assert r["text"][span["start"]:span["end"]] == value, (gid, span, value)
            assert span["label"] in LABELS
            assert span["start"] >= prev_end, "overlapping spans"
            prev_end = span["end"]
            labels[span["label"]] += 1
        with_phi += bool(r["spans"])
    for label in LABELS:
        assert labels[label] >= 20, (label, labels[label])
    assert 0.33 <= with_phi / len(gold) <= 0.47


def test_no_phi_in_titles(records, gold):
    values = {v.lower() for r in gold.values() for v in r["values"] if len(v) > 3}
    titles = [r["topic_title"] for r in records[DISCOURSE_FILE]]
    titles += [r["title"] for r in records[REDDIT_FILE] if "title" in r]
    titles += [r["subject"] for r in records[CSV_FILE] if r["subject"]]
    for t in titles:
        words = set(re.findall(r"[\w.@/-]+", t.lower()))
        assert not (words & values), t
