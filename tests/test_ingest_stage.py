"""The ingest stage on invented files: a bad source file is a file-level outcome, never the end of the run."""
from __future__ import annotations

import json

import pytest

from pipelines.cli import main
from pipelines.parquet_io import read_table
from pipelines.records import POST_SCHEMA
from pipelines.stages import work
from pipelines.stages.ingest import SourceSpec, ingest
from pipelines.tables import RECORD_OUTCOMES

SECRET = "SECRETMARKER"
TEXT = "I started metformin last month and the nausea is bad in the mornings, has anyone else had this happen"


def reddit_lines(n: int, prefix: str = "g") -> str:
    return "".join(
        json.dumps({"id": f"{prefix}{i}", "author": f"user{i}", "created_utc": 1700000000 + i, "subreddit": "diabetes",
                    "body": f"{TEXT} ({i})", "link_id": "t3_x", "parent_id": "t3_x"}) + "\n"
        for i in range(n)
    )


def run_ingest(tmp_path, files: list) -> dict:
    work_dir = tmp_path / "work"
    work_dir.mkdir()
    summary = ingest([SourceSpec(str(f)) for f in files], work_dir, "r1")
    summary["posts_table"] = read_table(work_dir / work.RAW_POSTS, POST_SCHEMA)
    summary["outcomes_table"] = read_table(work_dir / work.OUTCOMES_INGEST, RECORD_OUTCOMES)
    return summary


BAD_FILES = [
    ("junk.bin", b"\x00\x01\x02\xff\xfe\x00" + SECRET.encode() + b"\x00" * 50, "unknown_format"),
    ("junk_brace.json", b"{" + SECRET.encode() + b"\n{not json either\n", "unknown_format"),
    ("notes.txt", f"just some {SECRET} words\n".encode(), "unknown_format"),
    ("broken.zst", b"\x28\xb5\x2f\xfd" + SECRET.encode() * 20, "unreadable_source"),
    ("empty.ndjson", b"", "empty_source"),
    ("blank.ndjson", b"  \n\n ", "empty_source"),
]


@pytest.mark.parametrize("name,content,reason", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_source_file_is_a_file_level_outcome_and_the_run_goes_on(tmp_path, name, content, reason):
    good_before, good_after = tmp_path / "a.ndjson", tmp_path / "z.ndjson"
    good_before.write_text(reddit_lines(3, "a"))
    good_after.write_text(reddit_lines(2, "z"))
    bad = tmp_path / name
    bad.write_bytes(content)
    summary = run_ingest(tmp_path, [good_before, bad, good_after])
    assert summary["counts"]["input_records"] == 5 == summary["counts"]["posts"]
    assert summary["posts_table"].num_rows == 5
    assert summary["outcomes_table"].num_rows == 0
    entry = summary["sources"][1]
    assert (entry["file"], entry["records"], entry["reason"]) == (name, 0, reason)
    assert entry["outcome"] == ("read" if reason == "empty_source" else "skipped")
    assert summary["counts"]["skipped_sources"] == (0 if reason == "empty_source" else 1)
    assert [s["outcome"] for s in (summary["sources"][0], summary["sources"][2])] == ["read", "read"]
    text = json.dumps(summary["sources"])
    assert SECRET not in text and str(tmp_path) not in text  # base names only, never content


def test_missing_file_inside_a_run_is_unreadable_source(tmp_path):
    good = tmp_path / "a.ndjson"
    good.write_text(reddit_lines(2))
    summary = run_ingest(tmp_path, [tmp_path / "gone.ndjson", good])
    assert summary["counts"]["posts"] == 2
    assert (summary["sources"][0]["file"], summary["sources"][0]["reason"]) == ("gone.ndjson", "unreadable_source")


def test_mapping_naming_a_missing_csv_column_skips_the_file_naming_mapping_and_column(tmp_path):
    csv_path = tmp_path / "forum.csv"
    csv_path.write_text(f"message_id,member,posted_at,message\r\nm1,{SECRET},2022-01-01,{TEXT}\r\n")
    mapping = tmp_path / "forum.mapping.yaml"
    mapping.write_text("post_id: message_id\nauthor: member\ncreated_at: posted_time\nbody: message\n")
    good = tmp_path / "a.ndjson"
    good.write_text(reddit_lines(2))
    work_dir = tmp_path / "work"
    work_dir.mkdir()
    summary = ingest([SourceSpec.for_path(csv_path), SourceSpec(str(good))], work_dir, "r1")
    entry = summary["sources"][0]
    assert (entry["file"], entry["outcome"], entry["reason"], entry["records"]) == ("forum.csv", "skipped", "bad_mapping", 0)
    assert "forum.mapping.yaml" in entry["detail"] and "'posted_time'" in entry["detail"]
    assert SECRET not in entry["detail"] and str(tmp_path) not in entry["detail"]
    assert summary["counts"]["quarantined"] == 0 and summary["counts"]["posts"] == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file_with_bom_is_decoded(tmp_path, encoding):
    path = tmp_path / "u16.ndjson"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    path.write_bytes(bom + reddit_lines(3).encode(encoding))
    summary = run_ingest(tmp_path, [path])
    assert summary["counts"]["posts"] == 3
    assert summary["sources"][0]["format"] == "reddit"


def test_broken_utf16_is_quarantined_record_by_record(tmp_path):
    path = tmp_path / "u16.ndjson"
    lone_surrogate = '{"x": "'.encode("utf-16-le") + b"\x00\xd8" + '"}\n'.encode("utf-16-le")
    path.write_bytes(b"\xff\xfe" + reddit_lines(2, "a").encode("utf-16-le") + lone_surrogate
                     + reddit_lines(1, "b").encode("utf-16-le") + b"\x00")  # and an odd byte at the end
    summary = run_ingest(tmp_path, [path])
    assert summary["counts"]["posts"] == 3
    outcomes = summary["outcomes_table"].to_pylist()
    assert [(o["source_record"], o["reason"]) for o in outcomes] == [(3, "invalid_utf8"), (5, "invalid_utf8")]


def test_cli_run_fails_fast_on_a_missing_source(tmp_path, capsys):
    good = tmp_path / "a.ndjson"
    good.write_text(reddit_lines(1))
    missing = tmp_path / "gone.ndjson"
    assert main(["run", "--source", str(good), "--source", str(missing), "--source", str(tmp_path), "--demo-key",
                 "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"--source {missing}: no such file" in err
    assert f"--source {tmp_path}: not a regular file" in err
    assert not (tmp_path / "out").exists()
