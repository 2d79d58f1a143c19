"""The MedRed need samples (the two stratified samples of benchmarks/needs_real_posts.py, the additions sample of
benchmarks/needs_cheap_gated.py and the classifier v7 / v8.1 disagreement sample) are references only (no text) and well-formed; the benchmark skips cleanly without
../shared/eval; with it, every reference still points at the sentence it was labelled on (sha256 of the text)."""
from __future__ import annotations

import hashlib
import json
import re

import pytest

from benchmarks import needs_real_posts
from insights.unmet_needs import load_taxonomy
from tests.conftest import REPO_ROOT, SHARED_EVAL

REFS = REPO_ROOT / "data" / "gold" / "needs_medred_refs.jsonl"
ADDITIONS = REPO_ROOT / "data" / "gold" / "needs_medred_additions_refs.jsonl"
V8 = REPO_ROOT / "data" / "gold" / "needs_medred_classifier_v8_refs.jsonl"
REFS2 = REPO_ROOT / "data" / "gold" / "needs_medred_refs2.jsonl"  # the second stratified sample (seed 14, session 14)
STRATA = {REFS: {"fired", "other"}, REFS2: {"fired", "other"}, ADDITIONS: {"cheap_gated_added", "minilm_added", "rest"}, V8: {"v7_only", "v8_only"}}
KEYS = {"id", "start", "end", "sha256", "stratum", "stratum_size", "needs", "question_to_addressee"}


def _refs(path=REFS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("path", list(STRATA), ids=lambda p: p.stem)
def test_refs_well_formed_and_hold_no_text(path):
    refs = _refs(path)
    categories = set(load_taxonomy().categories)
    assert len(refs) >= 150
    sizes = {}
    for r in refs:
        assert set(r) == KEYS, r.keys()  # no "text" (or any other) field
        assert re.fullmatch(r"medred-\d+-\d+", r["id"])
        assert isinstance(r["start"], int) and isinstance(r["end"], int) and 0 <= r["start"] < r["end"]
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"])
        assert r["stratum"] in STRATA[path]
        assert sizes.setdefault(r["stratum"], r["stratum_size"]) == r["stratum_size"]
        assert isinstance(r["question_to_addressee"], bool)
        assert all(set(n) == {"category"} and n["category"] in categories for n in r["needs"])
        assert not (r["question_to_addressee"] and r["needs"])
    assert len({(r["id"], r["start"]) for r in refs}) == len(refs)
    n = {h: sum(r["stratum"] == h for r in refs) for h in sizes}
    assert all(n[h] <= sizes[h] for h in sizes) and set(sizes) == STRATA[path]


def test_benchmark_skips_without_posts(tmp_path, capsys):
    assert needs_real_posts.main(["--posts", str(tmp_path / "absent.jsonl")]) is None
    assert "skipped" in capsys.readouterr().out


@pytest.mark.skipif(not (SHARED_EVAL / "medical" / "medred_dev.jsonl").exists(), reason="needs ../shared/eval")
@pytest.mark.parametrize("path", list(STRATA), ids=lambda p: p.stem)
def test_refs_match_medred_text(path):
    posts = {}
    for line in (SHARED_EVAL / "medical" / "medred_dev.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        posts[rec["id"]] = rec["text"]
    for r in _refs(path):
        text = posts[r["id"]][r["start"]:r["end"]]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == r["sha256"]
        assert text == text.strip()


def test_disagreement_benchmark_counts_and_skips(tmp_path, capsys):
    from benchmarks import needs_classifier_disagreement as bench

    refs = [{"id": "medred-1-1", "start": 0, "end": 5, "stratum": "v7_only", "stratum_size": 40, "needs": [{"category": "information_gap"}]},
            {"id": "medred-1-1", "start": 6, "end": 9, "stratum": "v7_only", "stratum_size": 40, "needs": []},
            {"id": "medred-1-2", "start": 0, "end": 4, "stratum": "v8_only", "stratum_size": 10, "needs": [{"category": "caregiver_burden"}]}]
    shipped = {("medred-1-1", 0, 5): {"information_gap", "emotional_support"}, ("medred-1-1", 6, 9): {"trial_participation"},
               ("medred-1-2", 0, 4): set()}
    candidate = {("medred-1-1", 0, 5): {"emotional_support"}, ("medred-1-1", 6, 9): set(), ("medred-1-2", 0, 4): {"caregiver_burden"}}
    out = bench.compare(refs, shipped, candidate)
    assert out["v7_only"] == {"sampled": 2, "population": 40, "shipped_only": 2, "shipped_only_right": 1, "candidate_only": 0, "candidate_only_right": 0}
    assert out["v8_only"]["candidate_only"] == out["v8_only"]["candidate_only_right"] == 1
    assert bench.main(["--model", str(tmp_path / "m.npz"), "--posts", str(tmp_path / "absent.jsonl")]) is None
    assert "skipped" in capsys.readouterr().out
