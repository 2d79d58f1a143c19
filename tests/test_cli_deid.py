"""`patient-insights deid`: the stable JSONL contract evaluations rely on."""
from __future__ import annotations

import json

import pytest

from pipelines.cli import main

from .conftest import SHARED_EVAL


def run_deid(tmp_path, lines: list[bytes], capsys=None, extra=()):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    assert main(["deid", "--input", str(src), "--output", str(dst), *extra]) == 0
    return [json.loads(line) for line in dst.read_text().splitlines()]


def test_format_and_offsets(tmp_path, capsys):
    records = [
        {"id": 1, "text": "Hi Sarah, call me at 555-867-5309.", "extra": "ignored"},
        {"id": "b", "text": "No identifiers, just joint pain."},
    ]
    out = run_deid(tmp_path, [json.dumps(r).encode() for r in records])
    assert [o["id"] for o in out] == [1, "b"]
    assert set(out[0]) == {"id", "text", "redactions"}
    assert out[0]["text"] == "Hi <PERSON>, call me at <PHONE_NUMBER>."
    original = records[0]["text"]
    assert [(original[r["start"]:r["end"]], r["entity_type"]) for r in out[0]["redactions"]] == [
        ("Sarah", "PERSON"), ("555-867-5309", "PHONE_NUMBER")]
    assert out[1] == {"id": "b", "text": records[1]["text"], "redactions": []}


def test_bad_lines_reported_by_number_without_content(tmp_path, capsys):
    lines = [b'{"id": 1, "text": "fine"}', b'{"id": 2, "text": "SECRETMARKER', b'\xff\xfe junk', b'{"id": 3}', b'[1, 2]',
             b'{"id": 4, "text": "also fine"}']
    out = run_deid(tmp_path, lines)
    assert [o["id"] for o in out] == [1, 4]
    err = capsys.readouterr().err
    for line_no in (2, 3, 4, 5):
        assert f"in.jsonl:{line_no}: skipped" in err
    assert "SECRETMARKER" not in err


def test_deeply_nested_line_is_skipped_and_the_rest_kept(tmp_path, capsys):
    lines = [
        json.dumps({"id": 1, "text": "Joint pain again today."}).encode(),
        b'{"id": 2, "text": "SECRETMARKER", "x": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
        json.dumps({"id": 3, "text": "Still tired."}).encode(),
    ]
    out = run_deid(tmp_path, lines)
    assert [o["id"] for o in out] == [1, 3]
    err = capsys.readouterr().err
    assert "in.jsonl:2: skipped: not valid JSON (nesting too deep)" in err and "SECRETMARKER" not in err


def test_members_file(tmp_path):
    members = tmp_path / "members.txt"
    members.write_text("sunflower_jen82\nJenny Walsh\n")
    out = run_deid(tmp_path, [json.dumps({"id": 1, "text": "ask jenny or sunflower_jen82"}).encode()], extra=["--members", str(members)])
    assert out[0]["text"] == "ask <PERSON> or <PERSON>"


@pytest.mark.skipif(not (SHARED_EVAL / "deid" / "wnut17_dev.jsonl").exists(), reason="shared eval data not present")
def test_runs_on_wnut17_dev(tmp_path):
    src = SHARED_EVAL / "deid" / "wnut17_dev.jsonl"
    dst = tmp_path / "out.jsonl"
    assert main(["deid", "--input", str(src), "--output", str(dst)]) == 0
    gold = [json.loads(line) for line in src.read_text().splitlines() if line.strip()]
    out = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [o["id"] for o in out] == [g["id"] for g in gold]
    redacted = 0
    for g, o in zip(gold, out):
        for r in o["redactions"]:
            assert 0 <= r["start"] < r["end"] <= len(g["text"])
            redacted += 1
    assert redacted > 100


def test_two_processes_give_the_same_output_in_order(tmp_path):
    records = [{"id": i, "text": f"Post {i}: thanks Sarah, call 555-867-{1000 + i}. Tamoxifen day {i}."} for i in range(150)]
    one = run_deid(tmp_path, [json.dumps(r).encode() for r in records])
    two_dir = tmp_path / "two"
    two_dir.mkdir()
    two = run_deid(two_dir, [json.dumps(r).encode() for r in records], extra=["--processes", "2"])
    assert two == one
    assert [o["id"] for o in two] == list(range(150))
    assert all("<PHONE_NUMBER>" in o["text"] and "Tamoxifen" in o["text"] for o in two)
