"""`eval entities` and `eval assertions`: metric code, the CLI on a small own gold, the shared sets."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from pipelines.cli import main
from pipelines.evaluation.entities_eval import span_counts, summarize_spans, term_counts
from tests.conftest import REPO_ROOT, SHARED_EVAL


def test_span_counts_strict_and_overlap():
    gold = {"Drug": [(0, 7), (20, 28)], "ADR+Symptom": [(30, 40)]}
    ours = {"Drug": [(0, 7), (21, 25), (50, 55)], "ADR+Symptom": [(30, 35)]}
    c = span_counts(gold, ours)
    drug = summarize_spans(c["Drug"])
    assert drug["strict"] == {"precision": round(1 / 3, 4), "recall": 0.5, "f1": 0.4}
    assert drug["overlap"]["precision"] == round(2 / 3, 4) and drug["overlap"]["recall"] == 1.0
    assert c["ADR+Symptom"]["strict_tp"] == 0 and c["ADR+Symptom"]["overlap_gold_hit"] == 1


def test_term_counts_by_distinct_term():
    text = "Took Lipitor, then lipitor again, and aspirin."
    c = term_counts(text, ["Lipitor", "aspirin", "metformin"], [(5, 12), (38, 45), (0, 4)])
    assert c == Counter(gold_terms=3, gold_terms_in_text=2, gold_terms_not_in_text=1, gold_terms_found=2,
                        predicted_terms=3, predicted_terms_correct=2)


def test_cli_eval_entities_on_a_small_gold(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": 1, "text": "Lipitor gave me muscle pain.", "spans": [{"start": 0, "end": 7, "label": "Drug"}, {"start": 16, "end": 27, "label": "ADR"}]},
        {"id": 2, "text": "No nausea on Zoloft.", "drugs": ["Zoloft"], "symptoms": ["nausea"]},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert main(["eval", "entities", "--gold", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["spans"]["Drug"]["strict"]["f1"] == 1.0
    assert report["spans"]["ADR+Symptom"]["overlap"]["recall"] == 1.0
    assert report["terms"]["drugs"]["recall"] == 1.0 and report["terms"]["symptoms"]["recall"] == 1.0  # negated counts too
    assert "Lipitor" not in json.dumps(report)  # figures only, never gold text


def test_cli_eval_entities_rejects_a_bad_gold(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": 3}\n', encoding="utf-8")
    assert main(["eval", "entities", "--gold", str(bad)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_negated_mentions_marked_with_precision_090_on_own_gold(capsys):
    assert main(["eval", "assertions", "--gold", str(REPO_ROOT / "data" / "gold" / "assertions.jsonl"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["records"] >= 150
    assert report["per_status"]["negated"]["precision"] >= 0.90
    assert report["per_status"]["hypothetical"]["precision"] >= 0.85


MEDICAL = SHARED_EVAL / "medical"


@pytest.mark.skipif(not (MEDICAL / "cadec_dev.jsonl").exists(), reason="shared evaluation data not present")
def test_cadec_dev_floors():
    from pipelines.evaluation.entities_eval import run

    report = run(MEDICAL / "cadec_dev.jsonl")
    assert report["spans"]["Drug"]["overlap"]["f1"] >= 0.89
    adr = report["spans"]["ADR+Symptom"]["overlap"]
    assert adr["precision"] >= 0.85 and adr["recall"] >= 0.66


@pytest.mark.skipif(not (MEDICAL / "medred_dev.jsonl").exists(), reason="shared evaluation data not present")
def test_medred_dev_floors():
    from pipelines.evaluation.entities_eval import run

    report = run(MEDICAL / "medred_dev.jsonl")
    assert report["terms"]["drugs"]["recall"] >= 0.72
    assert report["terms"]["symptoms"]["recall"] >= 0.55
