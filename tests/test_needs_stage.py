"""The extract stage on a tiny de-identified posts file: needs, roles and medical tables valid,
every insight row carries the post's speaker role, and each post is parsed once."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.leakcheck import LeakChecker
from pipelines.stages import work
from insights.nlp import load_extraction_pipeline
from pipelines.stages.extract import extract_insights, work_file
from pipelines.tables import AUTHOR_ROLES, POSTS, UNMET_NEEDS

TEXTS = [
    "My husband was diagnosed in May. His oncologist never explained the side effects. We can't afford the copay.",
    "I was diagnosed last year and tamoxifen gives me hot flashes. The trial site is four hours away.",
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


def test_stage_writes_needs_and_roles(tmp_path, monkeypatch):
    write_posts(tmp_path / work.POSTS_DEID, TEXTS)
    nlp = load_extraction_pipeline()
    parsed = []
    real_pipe = nlp.pipe

    def counting_pipe(texts, **kwargs):
        for doc in real_pipe(texts, **kwargs):
            parsed.append(doc.text)
            yield doc

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    summary = extract_insights(tmp_path, "r", nlp=nlp)
    assert [t for t in parsed if t in TEXTS] == TEXTS  # one parse per post feeds every extractor (lexicons are tokenised too)
    needs = pq.read_table(tmp_path / work_file("unmet_needs"))
    roles = pq.read_table(tmp_path / work_file("author_roles"))
    mentions = pq.read_table(tmp_path / work_file("entity_mentions"))
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
    assert summary["rows"]["unmet_needs"] == needs.num_rows and summary["rows"]["author_roles"] == 3
    # the medical tables carry the same role per post
    role_of = dict(zip(roles.column("post_key").to_pylist(), roles.column("speaker_role").to_pylist()))
    assert mentions.num_rows > 0
    assert all(r["speaker_role"] == role_of[r["post_key"]] for r in mentions.to_pylist())
    # role cues are labels, never post text; nothing the leak check objects to
    assert all(" " not in c for cues in roles.column("cues").to_pylist() for c in cues)
    checker = LeakChecker(["author_0"])
    assert checker.check_table("author_roles", roles) == [] and checker.check_table("unmet_needs", needs) == []


def test_default_needs_extractor_is_rules_plus_the_tfidf_veto():
    from insights.need_classifier import load_classifier, load_veto
    from pipelines.stages.needs import NeedRows

    nlp = load_extraction_pipeline()
    default, full = NeedRows(nlp), NeedRows(nlp, classifier=True)
    assert default.matcher.classifier is None and default.matcher.veto is load_veto()
    assert default.matcher.veto.embedding_weights is None  # no MiniLM by default: within the speed budget
    assert full.matcher.classifier is load_classifier() and full.matcher.veto is None
