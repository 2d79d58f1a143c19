"""``eval needs-agreement``: a second labeller scored against the first, per category, with kappa."""
from __future__ import annotations

import json

import pytest

from pipelines.cli import main
from pipelines.evaluation.needs_agreement import consensus_mask, kappa, run
from pipelines.evaluation.needs_eval import GoldFormatError, load_gold
from pipelines.evaluation.needs_eval import score_categories as score

from .conftest import REPO_ROOT

FIRST = [
    {"id": "a", "text": "Insurance denied the claim again.", "split": "test",
     "needs": [{"category": "access_and_cost", "subcategory": "insurance_denial"}], "speaker_role": "patient"},
    {"id": "b", "text": "Nobody told me about the hot flashes.", "split": "test",
     "needs": [{"category": "information_gap"}, {"category": "side_effect_burden"}], "speaker_role": "patient"},
    {"id": "c", "text": "The weather is lovely today.", "split": "test", "needs": [], "speaker_role": "unknown"},
    {"id": "d", "text": "I'm so scared of the scan.", "split": "test", "needs": [{"category": "emotional_support"}], "speaker_role": "patient"},
]
# the second labeller: agrees on a, misses side_effect_burden on b, adds emotional_support on c, and reads d's role as unknown
SECOND = [
    {"id": "a", "needs": [{"category": "access_and_cost"}], "speaker_role": "patient"},
    {"id": "b", "needs": [{"category": "information_gap"}], "speaker_role": "patient"},
    {"id": "c", "needs": [{"category": "emotional_support"}], "speaker_role": "unknown"},
    {"id": "d", "needs": [{"category": "emotional_support"}], "speaker_role": "unknown"},
]


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path):
    return _write(tmp_path / "first.jsonl", FIRST), _write(tmp_path / "second.jsonl", list(reversed(SECOND)))  # order does not matter


def test_second_labeller_scored_as_a_system(pair):
    report = run(*pair)
    per = report["agreement"]["per_category"]
    assert (per["access_and_cost"]["tp"], per["access_and_cost"]["fp"], per["access_and_cost"]["fn"]) == (1, 0, 0)
    assert (per["side_effect_burden"]["tp"], per["side_effect_burden"]["fn"], per["side_effect_burden"]["recall"]) == (0, 1, 0.0)
    assert (per["emotional_support"]["tp"], per["emotional_support"]["fp"], per["emotional_support"]["precision"]) == (1, 1, 0.5)
    # emotional_support present in first [F, F, F, T], second [F, F, T, T]: observed 3/4, expected 3/4*1/2 + 1/4*1/2 = 1/2
    assert per["emotional_support"]["kappa"] == 0.5
    assert per["access_and_cost"]["kappa"] == 1.0 and per["caregiver_burden"]["kappa"] == 1.0  # nobody gave it
    assert report["agreement"]["micro"]["tp"] == 3 and report["agreement"]["micro"]["fn"] == 1
    assert report["agreement"]["any_need"] == {"both": 3, "first_only": 0, "second_only": 1, "kappa": 0.0}
    assert report["agreement"]["speaker_role"]["accuracy"] == 0.75


def test_kappa_and_consensus():
    assert kappa([1, 0, 1, 0], [1, 0, 1, 0]) == 1.0
    assert kappa([1, 0, 1, 0], [0, 1, 0, 1]) == -1.0
    assert kappa(["x"] * 3, ["x"] * 3) == 1.0
    first, second = [{"a"}, {"a", "b"}, set()], [{"a"}, {"a"}, {"b"}]
    mask = consensus_mask(first, second, ["a", "b"])
    assert mask == {"a": [0, 1, 2], "b": [0]}  # "b": only the first sentence, where neither gave it
    # on the consensus a system is scored only where the labellers agree: its "b" on sentences 1 and 2 does not count
    report = score(first, [{"a"}, {"b"}, {"b"}], ["a", "b"], mask)
    assert report["per_category"]["a"]["recall"] == 0.5
    assert (report["per_category"]["b"]["fp"], report["per_category"]["b"]["support"]) == (0, 0)
    assert score(first, [{"a"}, {"b"}, {"b"}], ["a", "b"])["per_category"]["b"]["fp"] == 1  # unmasked: sentence 2 is a false positive


def test_ids_must_match(pair, tmp_path):
    first, _ = pair
    short = _write(tmp_path / "short.jsonl", SECOND[:3])
    with pytest.raises(GoldFormatError, match="1 missing"):
        run(first, short)
    assert main(["eval", "needs-agreement", "--gold", str(first), "--second", str(short)]) == 2
    bad = _write(tmp_path / "bad.jsonl", [dict(SECOND[0], speaker_role="nurse")] + SECOND[1:])
    with pytest.raises(GoldFormatError, match="line 1: unknown speaker_role"):
        run(first, bad)


def test_cli_table_and_json(pair, capsys):
    assert main(["eval", "needs-agreement", "--gold", str(pair[0]), "--second", str(pair[1])]) == 0
    table = capsys.readouterr().out
    assert "kappa" in table and "speaker role: accuracy 0.750" in table
    assert main(["eval", "needs-agreement", "--gold", str(pair[0]), "--second", str(pair[1]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sentences"] == 4


@pytest.mark.parametrize("n", ["20", "21"])
def test_shipped_relabellings_cover_their_sets(n):
    gold = REPO_ROOT / "data" / "gold"
    report = run(gold / f"needs_roles_heldout{n}.jsonl", gold / f"needs_second_labels_heldout{n}.jsonl")
    assert report["sentences"] == len(load_gold(gold / f"needs_roles_heldout{n}.jsonl")) == 400
    # the relabellings hold labels only, never the sentences (the text lives once, in the set itself)
    assert all("text" not in json.loads(line) for line in (gold / f"needs_second_labels_heldout{n}.jsonl").read_text().splitlines())
