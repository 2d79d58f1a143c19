"""Tests for pipelines.sources: detection, adapters, streaming, bad input."""
from __future__ import annotations

import csv
import gzip
import io
import json
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

import pytest
import zstandard

from pipelines.records import Filtered, Quarantined
from pipelines.sources import (
    MappingError,
    SourceReadError,
    UnrecognisedSource,
    detect_format,
    load_mapping,
    read_source,
)
from pipelines.sources.text import html_to_text, markdown_to_text, strip_bbcode_quotes, strip_quoted_lines
from pipelines.sources.timestamps import BadTimestamp, parse_timestamp

SECRET = "SECRETMARKER"
UTC = timezone.utc


# --- helpers -----------------------------------------------------------------


def compress(data: bytes, how: str | None) -> bytes:
    if how == "zst":
        return zstandard.ZstdCompressor(level=3).compress(data)
    if how == "gz":
        return gzip.compress(data)
    return data


def write(path: Path, data: bytes | str, how: str | None = None) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(compress(data, how))
    return path


def jsonl(*objs) -> bytes:
    return b"".join((o if isinstance(o, bytes) else json.dumps(o).encode()) + b"\n" for o in objs)


def posts(items):
    return [i for i in items if isinstance(i, dict)]


def markers(items, kind=Quarantined):
    return [(i.source_record, i.reason) for i in items if isinstance(i, kind)]


def assert_no_secret(items):
    for item in items:
        if isinstance(item, (Quarantined, Filtered)):
            assert SECRET not in item.detail, item
            assert SECRET.lower() not in item.detail.lower(), item


SUBMISSION = {
    "id": "abc12", "author": "alice", "created_utc": 1600000000, "subreddit": "diabetes",
    "title": "Pump &amp; CGM", "selftext": "I started **Omnipod** today.\n\n&gt; someone said this\n\nWorks well.",
}
COMMENT = {
    "id": "c1", "author": "bob", "created_utc": "1600000100", "subreddit": "diabetes",
    "body": "&gt; Works well.\nAgreed, [mine too](http://x.example).", "link_id": "t3_abc12", "parent_id": "t3_abc12",
}
REPLY = {
    "id": "c2", "author": "[deleted]", "created_utc": 1600000200.5, "subreddit": "diabetes",
    "body": "Thanks!", "link_id": "t3_abc12", "parent_id": "t1_c1",
}

DISCOURSE_POSTS = [
    {"id": 101, "topic_id": 7, "post_number": 1, "reply_to_post_number": None, "username": "carer1",
     "name": "Carla", "created_at": "2021-05-01T10:00:00.000Z", "topic_title": "Night shifts",
     "category_slug": "caregivers", "cooked": "<p>Hello &amp; welcome<br>\nsecond line</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"},
    {"id": 102, "topic_id": 7, "post_number": 2, "reply_to_post_number": None, "username": "nurse2",
     "name": "Ned", "created_at": "2021-05-01T11:00:00+02:00", "topic_title": "Night shifts",
     "category_slug": "caregivers",
     "cooked": '<aside class="quote" data-post="1"><div class="title">carer1:</div><blockquote><p>Hello quoted</p></blockquote></aside>\n<p>My reply</p>'},
    {"id": 103, "topic_id": 7, "post_number": 3, "reply_to_post_number": 2, "username": "carer1", "name": "",
     "created_at": "2021-05-01T12:00:00Z", "category_slug": "caregivers",
     "raw": '[quote="nurse2, post:2, topic:7"]\nMy reply\n[/quote]\nThanks *a lot*'},
    {"id": 104, "topic_id": 7, "post_number": 4, "reply_to_post_number": 9, "username": "x", "name": None,
     "created_at": "2021-05-01T13:00:00Z", "cooked": "<blockquote><p>quoted</p></blockquote><p>Late</p>"},
    {"id": 105, "topic_id": 7, "post_number": 5, "username": "y", "created_at": "2021-05-01T14:00:00Z",
     "cooked": "<p>(post deleted by author)</p>", "user_deleted": True},
    {"id": 106, "topic_id": 7, "post_number": 6, "username": "y", "created_at": "2021-05-01T14:00:00Z",
     "cooked": "<p>gone</p>", "deleted_at": "2021-05-02T00:00:00Z"},
]


# --- detection -----------------------------------------------------------------

DETECT_CASES = [
    ("reddit.jsonl", jsonl(SUBMISSION, COMMENT), None, "reddit"),
    ("RC_2023-01.zst", jsonl(COMMENT, REPLY), "zst", "reddit"),
    ("reddit.jsonl.gz", jsonl(SUBMISSION), "gz", "reddit"),
    ("reddit_array.json", json.dumps([SUBMISSION]).encode(), None, "reddit"),
    ("posts.jsonl", jsonl(*DISCOURSE_POSTS), None, "discourse"),
    ("posts.json", json.dumps(DISCOURSE_POSTS, indent=2).encode(), None, "discourse"),
    ("topic.json", json.dumps({"post_stream": {"posts": DISCOURSE_POSTS}, "title": "t"}).encode(), None, "discourse"),
    ("pretty_topic.json", json.dumps({"title": "t", "post_stream": {"posts": DISCOURSE_POSTS}}, indent=1).encode(),
     None, "discourse"),
    ("generic.jsonl", jsonl({"id": 1, "text": "hi", "timestamp": 1600000000}), None, "jsonl"),
    ("generic.json", b' \n [{"id": 1, "text": "hi"}]', None, "json"),
    ("first_line_bad.jsonl", b"{not json\n" + jsonl(SUBMISSION), None, "reddit"),
    ("bom.jsonl", b"\xef\xbb\xbf" + jsonl(SUBMISSION), None, "reddit"),
    ("bom.json.gz", b"\xef\xbb\xbf" + json.dumps([SUBMISSION]).encode(), "gz", "reddit"),
    ("data.csv", b"id,text,timestamp\n1,hi,1600000000\n", None, "csv"),
    ("semicolon.txt", b"id;text;timestamp\r\n1;hi;1600000000\r\n", None, "csv"),
    ("bom.csv", b"\xef\xbb\xbfid,text\n1,hi\n", None, "csv"),
    ("lying_extension.json", b"id,text\n1,hi\n", None, "csv"),
    ("lying_extension.csv.zst", jsonl(SUBMISSION), "zst", "reddit"),
]


@pytest.mark.parametrize("name,content,how,expected", DETECT_CASES, ids=[c[0] for c in DETECT_CASES])
def test_detect_format(tmp_path, name, content, how, expected):
    assert detect_format(write(tmp_path / name, content, how)) == expected


UNRECOGNISED = [
    ("empty.jsonl", b""),
    ("blank.jsonl", b"  \n\n  "),
    ("notes.txt", f"just some {SECRET} words\nand more\n".encode()),
    ("junk.bin", b"\x00\x01\x02\xff\xfe" + SECRET.encode() + b"\x00" * 50),
    ("one_column.csv", f"{SECRET}\nvalue\n".encode()),
    ("pretty_object.json", f'{{\n  "posts": [{{"id": "{SECRET}"}}]\n}}\n'.encode()),
]


@pytest.mark.parametrize("name,content", UNRECOGNISED, ids=[c[0] for c in UNRECOGNISED])
def test_unrecognised_file_names_the_file_not_its_content(tmp_path, name, content):
    path = write(tmp_path / name, content)
    with pytest.raises(UnrecognisedSource) as err:
        detect_format(path)
    message = str(err.value)
    assert str(path) in message and "no adapter recognises this file" in message
    assert SECRET not in message
    with pytest.raises(UnrecognisedSource):
        read_source(path)  # raised at call time, before iteration
    assert isinstance(err.value, ValueError)


def test_missing_file_raises_naming_the_file(tmp_path):
    path = tmp_path / "nope.jsonl"
    with pytest.raises(SourceReadError) as err:
        read_source(path)
    assert str(path) in str(err.value)
    assert isinstance(err.value, OSError)


def test_corrupt_zstd_stream_raises_naming_the_file(tmp_path):
    path = write(tmp_path / "broken.zst", b"\x28\xb5\x2f\xfd" + SECRET.encode() * 20)
    with pytest.raises(SourceReadError) as err:
        detect_format(path)
    assert str(path) in str(err.value) and SECRET not in str(err.value)


# --- reddit -------------------------------------------------------------------


@pytest.mark.parametrize("how", [None, "gz", "zst"])
def test_reddit_submission_and_comments(tmp_path, how):
    path = write(tmp_path / f"r.{how or 'jsonl'}", jsonl(SUBMISSION, COMMENT, REPLY), how)
    sub, com, rep = list(read_source(path))
    assert sub == {
        "post_id": "abc12", "thread_id": "abc12", "parent_id": None, "community": "diabetes",
        "author": "alice", "author_name": None, "created_at": datetime(2020, 9, 13, 12, 26, 40, tzinfo=UTC),
        "title": "Pump & CGM", "body": "I started Omnipod today.\n\nWorks well.",
        "source_file": str(path), "source_record": 1, "source_format": "reddit",
    }
    assert (com["post_id"], com["thread_id"], com["parent_id"]) == ("c1", "abc12", "abc12")
    assert com["body"] == "Agreed, mine too."  # quoted line removed, link text kept, URL dropped
    assert com["title"] is None and com["created_at"] == datetime(2020, 9, 13, 12, 28, 20, tzinfo=UTC)
    assert (rep["parent_id"], rep["author"], rep["source_record"]) == ("c1", None, 3)
    assert rep["created_at"].microsecond == 500000


REDDIT_CASES = [
    # (record, expected: ("post", body, title) | ("filtered"|"quarantined", reason))
    ({**COMMENT, "body": "[deleted]"}, ("filtered", "deleted_by_source")),
    ({**COMMENT, "body": "[removed]"}, ("filtered", "deleted_by_source")),
    ({**SUBMISSION, "title": "", "selftext": "[deleted]"}, ("filtered", "deleted_by_source")),
    ({**SUBMISSION, "selftext": ""}, ("post", "", "Pump & CGM")),
    ({**SUBMISSION, "selftext": "[removed]"}, ("filtered", "deleted_by_source")),  # title not published either
    ({**COMMENT, "body": "Spoiler: &gt;!it works!&lt; yes"}, ("post", "Spoiler: it works yes", None)),
    ({**COMMENT, "body": "a  <b>literal</b>\r\n\r\n\r\n\r\nb"}, ("post", "a <b>literal</b>\n\nb", None)),
    ({k: v for k, v in COMMENT.items() if k != "id"} | {"body": SECRET}, ("quarantined", "missing_id")),
    ({k: v for k, v in COMMENT.items() if k != "created_utc"} | {"body": SECRET}, ("quarantined", "missing_timestamp")),
    ({**COMMENT, "created_utc": f"{SECRET}"}, ("quarantined", "bad_timestamp")),
    ({**COMMENT, "created_utc": 1e30}, ("quarantined", "bad_timestamp")),
    ({k: v for k, v in SUBMISSION.items() if k != "selftext"} | {"title": SECRET}, ("quarantined", "missing_text")),
]


@pytest.mark.parametrize("record,expected", REDDIT_CASES)
def test_reddit_cases(tmp_path, record, expected):
    path = write(tmp_path / "r.jsonl", jsonl(SUBMISSION, record))
    items = list(read_source(path, format="reddit"))
    assert len(items) == 2
    item = items[1]
    assert_no_secret(items)
    if expected[0] == "post":
        assert isinstance(item, dict) and (item["body"], item["title"]) == expected[1:]
    else:
        kind = Filtered if expected[0] == "filtered" else Quarantined
        assert isinstance(item, kind) and (item.source_record, item.reason) == (2, expected[1])


def test_reddit_community_argument_overrides_subreddit(tmp_path):
    path = write(tmp_path / "r.jsonl", jsonl(SUBMISSION))
    (post,) = read_source(path, community="t1d")
    assert post["community"] == "t1d"


# --- discourse ------------------------------------------------------------------


def check_discourse(items, path, community="caregivers"):
    assert markers(items, Filtered) == [(5, "deleted_by_source"), (6, "deleted_by_source")]
    p1, p2, p3, p4 = posts(items)
    assert p1["body"] == "Hello & welcome\nsecond line\n\none\ntwo"
    assert (p1["post_id"], p1["thread_id"], p1["parent_id"], p1["title"]) == ("101", "7", None, "Night shifts")
    assert (p1["author"], p1["author_name"], p1["community"]) == ("carer1", "Carla", community)
    assert p1["created_at"] == datetime(2021, 5, 1, 10, tzinfo=UTC)
    assert (p2["body"], p2["parent_id"], p2["title"]) == ("My reply", "101", None)
    assert p2["created_at"] == datetime(2021, 5, 1, 9, tzinfo=UTC)
    assert (p3["body"], p3["parent_id"], p3["author_name"]) == ("Thanks a lot", "102", None)
    assert (p4["body"], p4["parent_id"]) == ("Late", "7#9")
    assert all(p["source_format"] == "discourse" and p["source_file"] == str(path) for p in posts(items))
    assert [p["source_record"] for p in posts(items)] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "name,content",
    [
        ("posts.jsonl", jsonl(*DISCOURSE_POSTS)),
        ("posts.json", json.dumps(DISCOURSE_POSTS).encode()),
        ("topic.json", json.dumps({"post_stream": {"posts": DISCOURSE_POSTS, "stream": [1]}, "title": "x"}).encode()),
        ("pretty.json", json.dumps({"id": 7, "title": "x", "post_stream": {"posts": DISCOURSE_POSTS}}, indent=2).encode()),
    ],
)
def test_discourse_formats(tmp_path, name, content):
    path = write(tmp_path / name, content)
    check_discourse(list(read_source(path)), path)


def test_discourse_community_fallbacks(tmp_path):
    no_slug = [{k: v for k, v in p.items() if k != "category_slug"} for p in DISCOURSE_POSTS]
    path = write(tmp_path / "support-forum.jsonl.gz", jsonl(*no_slug), "gz")
    assert {p["community"] for p in posts(read_source(path))} == {"support-forum"}
    assert {p["community"] for p in posts(read_source(path, community="arg"))} == {"arg"}


def test_discourse_small_actions_and_whispers_are_filtered(tmp_path):
    base = {"topic_id": 1, "post_number": 2, "username": "u", "created_at": "2021-01-01T00:00:00Z", "cooked": ""}
    path = write(tmp_path / "d.jsonl", jsonl({**base, "id": 1, "post_type": 3}, {**base, "id": 2, "post_type": 4}))
    assert markers(read_source(path), Filtered) == [(1, "not_a_post"), (2, "not_public")]


# --- generic JSON / CSV with a mapping -----------------------------------------------

MAPPING = {
    "post_id": "message_id", "thread_id": "thread", "parent_id": "reply_to", "community": {"value": "caregivers"},
    "author": "member", "author_name": "display_name", "created_at": "posted_at", "title": "subject",
    "body": "message", "body_format": "html",
}
CSV_HEADER = ["message_id", "thread", "reply_to", "member", "display_name", "posted_at", "subject", "message"]
CSV_ROWS = [
    ["m1", "t1", "", "ann", "Ann A", "2022-03-01T09:30:00", "Respite care", "<p>Need &lt;help&gt;</p><p>please</p>"],
    ["m2", "t1", "m1", "ben", "", "1646130000", "", "Try the\nday centre"],
]


def csv_bytes(rows, header=CSV_HEADER, delimiter=",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        if isinstance(row, str):
            out.write(row)
        else:
            writer.writerow(row)
    return out.getvalue().encode()


@pytest.mark.parametrize("mapping_name", ["mapping.yaml", "mapping.json"])
def test_csv_with_mapping_file(tmp_path, mapping_name):
    mapping_path = tmp_path / mapping_name
    if mapping_name.endswith(".json"):
        mapping_path.write_text(json.dumps(MAPPING, indent="\t"))
    else:
        mapping_path.write_text(
            "post_id: message_id\nthread_id: thread\nparent_id: reply_to\ncommunity: {value: caregivers}\n"
            "author: member\nauthor_name: display_name\ncreated_at: posted_at\ntitle: subject\n"
            "body: message\nbody_format: html\n"
        )
    mapping = load_mapping(mapping_path)
    assert mapping == MAPPING
    path = write(tmp_path / "export.csv", csv_bytes(CSV_ROWS))
    first, second = read_source(path, mapping=mapping)
    assert first == {
        "post_id": "m1", "thread_id": "t1", "parent_id": None, "community": "caregivers", "author": "ann",
        "author_name": "Ann A", "created_at": datetime(2022, 3, 1, 9, 30, tzinfo=UTC), "title": "Respite care",
        "body": "Need <help>\n\nplease", "source_file": str(path), "source_record": 1, "source_format": "csv",
    }
    assert (second["parent_id"], second["author_name"], second["title"]) == ("m1", None, None)
    assert second["body"] == "Try the day centre"  # html: a newline in the source is a space
    assert second["created_at"] == datetime(2022, 3, 1, 10, 20, tzinfo=UTC)


def test_csv_bad_rows_are_quarantined_and_reading_continues(tmp_path):
    rows = [
        CSV_ROWS[0],
        f'm2,t1,,x,X,2022-01-01,{SECRET},extra,{SECRET}\r\n',  # too many fields
        ["m3", "t1", "", "x", "X", "2022-01-01", "", f"multi\nline {SECRET}"],
        ["m4", "t1", "", "x", "X", "", "", SECRET],
        ["", "t1", "", "x", "X", "2022-01-01", "", SECRET],
        ["m6", "t1", "", "x", "X", SECRET, "", SECRET],
        ["m7", "t1", "", "x", "X", "2022-01-01", "", ""],
    ]
    data = csv_bytes(rows).replace(b"Need", b"N\xffeed")  # row 1: invalid UTF-8
    path = write(tmp_path / "bad.csv", data)
    items = list(read_source(path, mapping=MAPPING))
    assert markers(items) == [
        (1, "invalid_utf8"), (2, "unparsable_record"), (4, "missing_timestamp"), (5, "missing_id"),
        (6, "bad_timestamp"), (7, "missing_text"),
    ]
    assert [(p["post_id"], p["source_record"]) for p in posts(items)] == [("m3", 3)]
    assert_no_secret(items)


def test_csv_unbalanced_quote_that_swallows_rows_is_quarantined(tmp_path):
    rows = [
        CSV_ROWS[0],
        f'm2,t1,m1,{SECRET}a,X,2022-01-01,,"opened quote {SECRET} never closed\r\n',  # lines 3-6
        f"m3,t1,m1,{SECRET}b,Y,2022-01-02,,a reply by {SECRET}b\r\n",
        f"m4,t1,m1,{SECRET}c,Z,2022-01-03,,another reply\r\n",
        f'm5,t1,m1,w,W,2022-01-04,,"closing quote here",\r\n'.replace('",', '"'),
        ["m6", "t1", "", "x", "X", "2022-01-05", "", "a multi-line post\nwith, a few, commas\n1,2,3,4,5,6,7"],
    ]
    path = write(tmp_path / "merged.csv", csv_bytes(rows))
    items = list(read_source(path, mapping=MAPPING))
    assert markers(items) == [(2, "suspect_merged_rows")]
    (marker,) = [i for i in items if isinstance(i, Quarantined)]
    assert "lines 3-6" in marker.detail and "3 line(s)" in marker.detail
    assert [(p["post_id"], p["source_record"]) for p in posts(items)] == [("m1", 1), ("m6", 3)]
    assert_no_secret(items)


def test_csv_mapping_naming_a_missing_column_is_a_file_level_error(tmp_path):
    path = write(tmp_path / "export.csv", csv_bytes(CSV_ROWS))
    mapping = {**MAPPING, "created_at": "posted_time", "body": "message_text"}
    with pytest.raises(MappingError) as err:
        read_source(path, mapping=mapping)  # at call time, before any row is read
    message = str(err.value)
    assert str(path) in message and "'posted_time', 'message_text'" in message
    assert "ann" not in message and "Respite" not in message


@pytest.mark.parametrize("container", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("how", [None, "gz", "zst"])
def test_generic_containers_without_mapping_use_aliases(tmp_path, container, how):
    records = [
        {"id": 1, "thread": "t", "user": "u1", "timestamp": "2020-01-01T00:00:00Z", "title": "T", "text": "hello"},
        {"id": "2", "topic_id": "t", "username": "u2", "date": "1577836800", "content": "world"},
        {"post_id": "3", "author": "u3", "created_at": "2020-01-01 01:00:00+01:00", "message": "again"},
    ]
    if container == "jsonl":
        data = jsonl(*records)
    elif container == "json":
        data = json.dumps(records).encode()
    else:
        keys = ["id", "thread", "user", "timestamp", "title", "text"]
        data = csv_bytes([[str(r.get(k, "")) for k in keys] for r in records[:1]], header=keys)
        records = records[:1]
    path = write(tmp_path / f"forum-a.{container}", data, how)
    items = list(read_source(path))
    assert [p["post_id"] for p in items] == [str(r.get("id", r.get("post_id"))) for r in records]
    for p in items:
        assert p["thread_id"] == ("t" if p["post_id"] != "3" else "3")
        assert p["created_at"] == datetime(2020, 1, 1, tzinfo=UTC)
        assert p["community"] == "forum-a" and p["source_format"] == container
    assert items[0]["author"] == "u1" and items[0]["body"] == "hello" and items[0]["title"] == "T"


def test_mapping_dotted_paths_and_community_argument(tmp_path):
    record = {"msg": {"id": 9, "user": {"login": "zed"}}, "at": 1600000000, "txt": "# Title\n\n**hi** there"}
    path = write(tmp_path / "n.jsonl", jsonl(record))
    mapping = {"post_id": "msg.id", "author": "msg.user.login", "created_at": "at", "body": "txt", "body_format": "markdown"}
    (post,) = read_source(path, mapping=mapping, community="c")
    assert (post["post_id"], post["author"], post["body"], post["community"]) == ("9", "zed", "Title\n\nhi there", "c")


@pytest.mark.parametrize(
    "mapping",
    [{"body": 3}, {"nonsense": "x"}, {"body_format": "rtf"}, {"community": {"val": "x"}}, ["post_id"]],
)
def test_bad_mapping_is_rejected(tmp_path, mapping):
    path = write(tmp_path / "a.jsonl", jsonl({"id": 1}))
    with pytest.raises(MappingError):
        read_source(path, mapping=mapping)


def test_unknown_format_argument(tmp_path):
    with pytest.raises(ValueError):
        read_source(write(tmp_path / "a.jsonl", jsonl({"id": 1})), format="xml")


# --- bad input in JSON Lines / JSON arrays -----------------------------------------------

GOOD = {"id": "g", "text": "fine", "timestamp": 1600000000}
BAD_LINES = [
    (b'{"id": "x", "text": "' + SECRET.encode() + b'", "timestamp": 1600000000', "unparsable_record"),
    (b'{"id": "x", "text": "' + SECRET.encode() + b'\xff\xfe", "timestamp": 1}', "invalid_utf8"),
    (b'["' + SECRET.encode() + b'"]', "not_an_object"),
    (b'"' + SECRET.encode() + b'"', "not_an_object"),
    (json.dumps({"text": SECRET, "timestamp": 1600000000}).encode(), "missing_id"),
    (json.dumps({"id": SECRET, "text": "x"}).encode(), "missing_timestamp"),
    (json.dumps({"id": "x", "text": "x", "timestamp": SECRET}).encode(), "bad_timestamp"),
    (json.dumps({"id": "x", "timestamp": 1600000000, "note": SECRET}).encode(), "missing_text"),
    (json.dumps({"id": "x", "text": None, "title": "", "timestamp": 1600000000, "n": SECRET}).encode(), "missing_text"),
    (b'{"id": "x", "text": "a\\' + SECRET.encode() + b'", "timestamp": 1}', "unparsable_record"),
]


@pytest.mark.parametrize("line,reason", BAD_LINES)
def test_bad_jsonl_line_in_the_middle(tmp_path, line, reason):
    data = jsonl({**GOOD, "id": "1"}, {**GOOD, "id": "2"}) + b"\n" + line + b"\n" + jsonl({**GOOD, "id": "5"})
    path = write(tmp_path / "a.jsonl.zst", data, "zst")
    items = list(read_source(path))
    assert markers(items) == [(4, reason)]  # line 3 is blank: skipped but counted
    assert [(p["post_id"], p["source_record"]) for p in posts(items)] == [("1", 1), ("2", 2), ("5", 5)]
    assert_no_secret(items)


def test_jsonl_detail_is_our_own_words(tmp_path):
    path = write(tmp_path / "a.jsonl", jsonl(GOOD) + b'{"id": 1, "text": "hi" "x": 2}\n')
    (_, bad) = read_source(path)
    assert bad.detail == "line is not valid JSON: expecting ',' delimiter at column 24"


def test_lone_surrogate_is_replaced(tmp_path):
    path = write(tmp_path / "a.jsonl", b'{"id": 1, "text": "smile \\ud83d", "timestamp": 1600000000}\n')
    (post,) = read_source(path)
    assert post["body"] == "smile \ufffd"
    post["body"].encode("utf-8")


@pytest.mark.parametrize(
    "element,reason",
    [
        (b'{"id": "x", "text": ' + SECRET.encode() + b', "timestamp": 1}', "unparsable_record"),
        (b'{"id": "x", "text": "' + SECRET.encode() + b'\xff", "timestamp": 1}', "invalid_utf8"),
        (b'{"id": "x", "text": "\\"' + SECRET.encode() + b' [{", timestamp: 1}', "unparsable_record"),
        (b'"' + SECRET.encode() + b'"', "not_an_object"),
    ],
)
@pytest.mark.parametrize("how", [None, "gz"])
def test_bad_json_array_element_does_not_lose_the_rest(tmp_path, element, reason, how):
    good = [json.dumps({**GOOD, "id": str(i)}).encode() for i in (1, 2, 4, 5)]
    data = b"[\n" + b",\n".join(good[:2] + [element] + good[2:]) + b"\n]\n"
    path = write(tmp_path / "a.json", data, how)
    items = list(read_source(path))
    assert markers(items) == [(3, reason)]
    assert [(p["post_id"], p["source_record"]) for p in posts(items)] == [("1", 1), ("2", 2), ("4", 4), ("5", 5)]
    assert_no_secret(items)


@pytest.mark.parametrize("prefix_wrap", ["array", "topic"])
def test_too_deep_array_element_is_quarantined_and_the_next_is_read(tmp_path, monkeypatch, prefix_wrap):
    monkeypatch.setattr("pipelines.sources.readers.MAX_JSON_DEPTH", 5)
    deep = {"id": 2, "text": SECRET}
    for _ in range(6):  # 1 (the element) + 6 levels > 5
        deep = {"x": [deep]}
    ok = {"id": 1, "text": "hi", "timestamp": 1600000000, "nested": [[[{"a": 1}]]]}  # 5 levels: fine
    elements = [ok, deep, {**ok, "id": 3}]
    data = json.dumps(elements if prefix_wrap == "array" else {"post_stream": {"posts": elements}, "title": "t"})
    path = write(tmp_path / "deep.json", data)
    from pipelines.sources.readers import iter_json_array

    items = list(iter_json_array(path, str(path), "item" if prefix_wrap == "array" else "post_stream.posts.item"))
    assert [i[0] if isinstance(i, tuple) else (i.source_record, i.reason) for i in items] == [
        1, (2, "unparsable_record"), 3,
    ]
    assert items[0][1] == ok
    assert "nesting too deep (more than 5 levels)" in items[1].detail
    assert_no_secret(items)


def test_truncated_json_array(tmp_path):
    data = json.dumps([GOOD, {**GOOD, "id": "h", "text": SECRET * 3}]).encode()[:-20]
    items = list(read_source(write(tmp_path / "a.json", data)))
    assert markers(items) == [(2, "unparsable_record")] and len(posts(items)) == 1
    assert_no_secret(items)


def test_malformed_discourse_topic_stops_with_a_quarantine(tmp_path):
    data = json.dumps({"post_stream": {"posts": DISCOURSE_POSTS[:2]}}).encode()
    data = data.replace(b'"id": 102', b'"id": ' + SECRET.encode())
    items = list(read_source(write(tmp_path / "topic.json", data)))
    assert len(posts(items)) == 1 and markers(items) == [(2, "unparsable_record")]
    assert_no_secret(items)


# --- streaming --------------------------------------------------------------------


def test_large_jsonl_is_streamed_not_loaded(tmp_path):
    path = tmp_path / "big.jsonl"
    body = "word " * 200
    with open(path, "wb") as fh:
        for i in range(20_000):
            fh.write(json.dumps({"id": i, "text": body, "timestamp": 1600000000 + i}).encode() + b"\n")
    assert path.stat().st_size > 20_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_source(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < 5_000_000, peak


# --- text helpers and timestamps ------------------------------------------------------

HTML_CASES = [
    ("<p>a</p><p>b</p>", "a\n\nb"),
    ("<p>a<br>b<br/>c</p>", "a\nb\nc"),
    ("<ol><li>x</li><li>y</li></ol><ul><li>w</li></ul><p>z</p>", "1. x\n2. y\n\nw\n\nz"),
    ("<p>caf&eacute; &amp; &lt;tea&gt;&nbsp;time</p>", "café & <tea>\xa0time"),
    ('<aside class="quote"><blockquote>q</blockquote></aside><p>mine</p>', "mine"),
    ('<aside class="onebox"><h3>Preview</h3></aside><p>link below</p>', "link below"),
    ("<blockquote><p>q</p></blockquote>after", "after"),
    ("<p>  lots   of \n space </p>", "lots of space"),
    ("plain text only", "plain text only"),
    ('<p>hi <img class="emoji" alt=":wave:" src="w.png"> <img src="photo.png"></p>', "hi :wave:"),
    ("<pre><code>line1\nline2</code></pre>", "line1\nline2"),
]


@pytest.mark.parametrize("html,text", HTML_CASES)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


MD_CASES = [
    ("**bold** and _it_", "bold and it"),
    ("line one\nline two", "line one\nline two"),
    ("para\n\n\n\nnext", "para\n\nnext"),
    ("* a\n* b", "a\nb"),
    ("2020. What a year\n2021) next", "2020. What a year\n\n2021) next"),
    ("1. first\n2. second", "1. first\n2. second"),
    ("[text](http://example.com/x)", "text"),
    ("> quoted\n\nmine", "mine"),
    ("# Heading\nbody", "Heading\n\nbody"),
    ("`code` and ~~struck~~", "code and struck"),
    ("I take <5mg & feel <3", "I take <5mg & feel <3"),
]


@pytest.mark.parametrize("md,text", MD_CASES)
def test_markdown_to_text(md, text):
    assert markdown_to_text(md) == text


def test_strip_quoted_lines_and_bbcode():
    assert strip_quoted_lines("> a\n  >b\nmine\nx > y") == "mine\nx > y"
    assert strip_bbcode_quotes('[quote="a, post:1, topic:2"]\nq [quote]inner[/quote]\n[/quote]\nmine') == "mine"
    assert strip_bbcode_quotes("no quotes [quote] unclosed") == "no quotes [quote] unclosed"


TIMESTAMPS = [
    (1600000000, datetime(2020, 9, 13, 12, 26, 40, tzinfo=UTC)),
    (1600000000.25, datetime(2020, 9, 13, 12, 26, 40, 250000, tzinfo=UTC)),
    ("1600000000", datetime(2020, 9, 13, 12, 26, 40, tzinfo=UTC)),
    (" 1600000000.5 ", datetime(2020, 9, 13, 12, 26, 40, 500000, tzinfo=UTC)),
    ("2021-05-01T10:00:00Z", datetime(2021, 5, 1, 10, tzinfo=UTC)),
    ("2021-05-01T10:00:00.123+02:00", datetime(2021, 5, 1, 8, 0, 0, 123000, tzinfo=UTC)),
    ("2021-05-01 10:00:00", datetime(2021, 5, 1, 10, tzinfo=UTC)),
    ("2021-05-01", datetime(2021, 5, 1, tzinfo=UTC)),
]


@pytest.mark.parametrize("value,expected", TIMESTAMPS)
def test_parse_timestamp(value, expected):
    parsed = parse_timestamp(value)
    assert parsed == expected and parsed.tzinfo is timezone.utc


@pytest.mark.parametrize("value", ["yesterday", "2021-13-01", True, [1], float("nan"), 10**20, "1e300"])
def test_parse_timestamp_rejects(value):
    with pytest.raises(BadTimestamp):
        parse_timestamp(value)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64])
def test_array_splitter_across_chunk_boundaries(monkeypatch, chunk):
    from pipelines.sources import jsonscan

    monkeypatch.setattr(jsonscan, "CHUNK", chunk)
    data = b' [ {"a": "x\\\\", "b": "q\\"]},["}, [1, {"c": [2]}], {bad, "s"} , "str,]"\n] trailing'
    parts = [(raw.strip(), complete) for raw, complete in jsonscan.iter_array_elements(io.BytesIO(data))]
    assert parts == [
        (b'{"a": "x\\\\", "b": "q\\"]},["}', True), (b'[1, {"c": [2]}]', True), (b'{bad, "s"}', True),
        (b'"str,]"', True),
    ]
    cut = list(jsonscan.iter_array_elements(io.BytesIO(b'[{"a": 1}, {"b": "unterminated')))
    assert cut == [(b'{"a": 1}', True), (b' {"b": "unterminated', False)]


@pytest.mark.parametrize("container", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("how", ["gz", "zst"])
def test_truncated_compressed_file_keeps_what_was_readable(tmp_path, container, how):
    rows = [{"id": str(i), "text": f"post number {i} " * 5, "timestamp": 1600000000 + i} for i in range(4000)]
    if container == "jsonl":
        data = jsonl(*rows)
    elif container == "json":
        data = json.dumps(rows).encode()
    else:
        data = csv_bytes([[r["id"], r["text"], r["timestamp"]] for r in rows], header=["id", "text", "timestamp"])
    packed = compress(data, how)
    path = tmp_path / f"cut.{container}.{how}"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    items = list(read_source(path))
    good = posts(items)
    assert 1000 < len(good) < 4000
    assert [p["source_record"] for p in good] == list(range(1, len(good) + 1))
    if how == "gz" or container != "csv":  # a zstd cut can end exactly inside a CSV field
        assert markers(items)[-1] == (len(good) + 1, "unparsable_record")
