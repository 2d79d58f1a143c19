"""Stage 4 on a tiny de-identified posts file: both tables valid, one parse feeds both."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.leakcheck import LeakChecker
from pipelines.stages import work
from pipelines.stages.needs import extract_needs
from pipelines.tables import AUTHOR_ROLES, POSTS, UNMET_NEEDS

TEXTS = [
    "My husband was diagnosed in May. His oncologist never explained the side effects. We can't afford the copay.",
    "I was diagnosed last year. The trial site is four hours away.",
    "Sending hugs to everyone.",
]


def write_posts(path, texts):
    rows = []
    for i, text in enumerate(texts):
        row = {f.name: None for f in POSTS}
        row.update(run_id="r", post_key=f"post_{i}", thread_key="thread_0", community="forum", author_key=f"author_{i}",
                   period_week=None, period_month="2024-05", text_deid=text, n_redactions=0, redaction_types=[],
                   char_count=len(text), source_format="jsonl")
        rows.append(row)
    schema = pa.schema([f.with_nullable(True) for f in POSTS])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


def test_stage_writes_needs_and_roles(tmp_path):
    write_posts(tmp_path / work.POSTS_DEID, TEXTS)
    summary = extract_needs(tmp_path, "r")
    needs = pq.read_table(tmp_path / work.UNMET_NEEDS)
    roles = pq.read_table(tmp_path / work.AUTHOR_ROLES)
    assert needs.schema.equals(UNMET_NEEDS, check_metadata=False)
    assert roles.schema.equals(AUTHOR_ROLES, check_metadata=False)
    assert roles.column("post_key").to_pylist() == ["post_0", "post_1", "post_2"]
    assert roles.column("speaker_role").to_pylist() == ["caregiver", "patient", "unknown"]
    assert roles.column("author_key").to_pylist() == ["author_0", "author_1", "author_2"]
    got = {(r["post_key"], r["category"], r["subcategory"], r["speaker_role"]) for r in needs.to_pylist()}
    assert ("post_0", "information_gap", None, "caregiver") in got
    assert ("post_0", "access_and_cost", "copay_cost", "caregiver") in got
    assert ("post_1", "trial_participation", "barrier_travel", "patient") in got
    assert not any(k == "post_2" for k, *_ in got)
    assert summary["per_role"] == {"caregiver": 1, "patient": 1, "unknown": 1}
    assert summary["mentions"] == needs.num_rows
    # role cues are labels, never post text; nothing the leak check objects to
    assert all(" " not in c for cues in roles.column("cues").to_pylist() for c in cues)
    checker = LeakChecker(["author_0"])
    assert checker.check_table("author_roles", roles) == [] and checker.check_table("unmet_needs", needs) == []
