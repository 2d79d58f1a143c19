"""Speaker role on real posts: the gold is references only (no text) and well-formed, the
scoring is right on a tiny synthetic example, and the benchmark skips cleanly without the
shared research-licensed files. With them, every reference still matches its post's hash."""
from __future__ import annotations

import hashlib
import json
import re

import pytest

from benchmarks import roles_real_posts
from tests.conftest import REPO_ROOT, SHARED_EVAL

REFS = REPO_ROOT / "data" / "gold" / "roles_real_refs.jsonl"


def _refs() -> list[dict]:
    return [json.loads(line) for line in REFS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_score_on_a_tiny_example():
    pairs = [
        ("patient", "patient"), ("patient", "patient"), ("patient", "unknown"),
        ("caregiver", "caregiver"), ("caregiver", "patient"),
        ("unknown", "unknown"), ("unknown", "patient"),
    ]
    s = roles_real_posts.score(pairs)
    assert s["posts"] == 7
    assert s["accuracy"] == pytest.approx(4 / 7)
    pc = s["per_class"]
    assert pc["patient"] == {"precision": pytest.approx(2 / 4), "recall": pytest.approx(2 / 3), "tp": 2, "predicted": 4, "support": 3}
    assert pc["caregiver"]["precision"] == 1.0 and pc["caregiver"]["recall"] == 0.5
    assert pc["unknown"]["precision"] == 0.5 and pc["unknown"]["recall"] == 0.5
    # no clinician in gold or output: undefined, not zero
    assert pc["clinician"]["precision"] is None and pc["clinician"]["recall"] is None
    assert s["confusion"]["caregiver"]["patient"] == 1 and s["confusion"]["patient"]["unknown"] == 1
    assert sum(sum(row.values()) for row in s["confusion"].values()) == 7
    assert roles_real_posts.score([])["accuracy"] is None


def test_refs_well_formed_and_hold_no_text():
    refs = _refs()
    assert sum(r["set"] == "medred_dev" for r in refs) == 150
    assert sum(r["set"] == "cadec_dev" for r in refs) == 100
    for r in refs:
        assert set(r) <= {"set", "id", "sha256", "speaker_role", "notes"}, r.keys()
        assert re.fullmatch(r"medred-\d+-\d+|cadec-[A-Z0-9-]+\.\d+", r["id"])
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"])
        assert r["speaker_role"] in roles_real_posts.ROLES
        assert len(r.get("notes", "")) < 120 and '"' not in r.get("notes", "")
    assert len({(r["set"], r["id"]) for r in refs}) == len(refs)


def test_skips_cleanly_without_shared(tmp_path, capsys):
    assert roles_real_posts.main(["--shared", str(tmp_path)]) is None
    assert "skipped" in capsys.readouterr().out


@pytest.mark.skipif(not (SHARED_EVAL / "medical" / "medred_dev.jsonl").exists(), reason="shared eval data absent")
def test_refs_match_the_shared_posts():
    by_set: dict[str, dict[str, str]] = {}
    for name in roles_real_posts.SAMPLE:
        path = SHARED_EVAL / "medical" / f"{name}.jsonl"
        by_set[name] = {json.loads(line)["id"]: json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    for r in _refs():
        assert hashlib.sha256(by_set[r["set"]][r["id"]].encode("utf-8")).hexdigest() == r["sha256"], r["id"]
