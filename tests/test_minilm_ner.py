"""The experimental MiniLM NER recognizer (deid/minilm_ner.py): off by default, its guard, its
span assembly, and (when the head is packaged) that it finds a name the default engine would miss."""
from __future__ import annotations

import pytest
import torch

from deid import DeidConfig
from deid.minilm_ner import LABELS, head_path, spans_from_probs
from deid.recognizers.minilm_ner import medical_span, passes_guard


def test_off_by_default():
    assert DeidConfig().minilm_ner is False


def test_adjacent_words_of_one_label_form_one_span():
    text = "met Anna Lisa in Oslo"
    words = [(0, 3), (4, 8), (9, 13), (14, 16), (17, 21)]
    probs = torch.tensor([[0.99, 0.005, 0.005], [0.05, 0.9, 0.05], [0.1, 0.85, 0.05], [0.95, 0.03, 0.02], [0.1, 0.1, 0.8]])
    assert [(text[s:e], label) for s, e, label, _ in spans_from_probs(words, probs, 0.5, text)] == [("Anna Lisa", "PERSON"), ("Oslo", "LOCATION")]
    assert spans_from_probs(words, probs, 0.95, text) == []
    assert LABELS[0] == "O"


@pytest.mark.parametrize(
    "text,start,end,label,guard,expected",
    [
        ("put me on Tamoxifen today", 10, 19, "PERSON", "medical", False),  # a drug
        ("symptoms of Parkison's disease", 12, 20, "PERSON", "medical", False),  # eponym head after it
        ("my husband Okonkwo came", 11, 18, "PERSON", "medical", True),
        ("we love trump here", 8, 13, "PERSON", "cased", True),  # lower case, a listed surname
        ("my skin has erithema", 12, 20, "PERSON", "cased", False),  # lower case, no list knows it
        ("moved to ireland last year", 9, 16, "LOCATION", "cased", True),
        ("put me on Tamoxifen today", 10, 19, "PERSON", "none", True),
    ],
)
def test_guard(text, start, end, label, guard, expected):
    assert passes_guard(text, start, end, label, guard) is expected


def test_medical_span():
    assert medical_span("Lipitor")
    assert not medical_span("Nkechi Okafor")


def test_head_is_packaged():
    assert head_path().is_file()


def test_recognizer_adds_names():
    from deid.recognizers.minilm_ner import MiniLmNerRecognizer

    results = MiniLmNerRecognizer().analyze("lol me and Dreymond watched the game in Portland last night", ["PERSON", "LOCATION"])
    found = {("lol me and Dreymond watched the game in Portland last night"[r.start : r.end], r.entity_type) for r in results}
    assert ("Dreymond", "PERSON") in found


def test_opt_in_engine_redacts_a_name_the_default_keeps():
    """End to end through the real engine: a bare name with no cue that no list or spaCy model takes."""
    from deid import Deidentifier

    text = "I told Boone the results came back fine"
    assert "Boone" in Deidentifier(config=DeidConfig()).deidentify(text).text
    redacted = Deidentifier(config=DeidConfig(minilm_ner=True)).deidentify(text).text
    assert "Boone" not in redacted and "<PERSON" in redacted and "results came back fine" in redacted


def test_flow_parameter_turns_it_on_for_a_run(prefect_harness, tmp_path):
    """A real flow run with ``minilm_ner=True`` (CLI ``--minilm-ner``): the published text loses the bare name the
    default keeps, and the run's parameters record the choice."""
    import json

    import pyarrow.parquet as pq

    from pipelines.flow import patient_insights
    from pipelines.publish import latest_run

    export = tmp_path / "export.jsonl"
    posts = [{"id": f"p{i}", "thread_id": f"t{i // 3}", "author": f"member_{i % 4}", "created_at": f"2024-03-{10 + i}T08:00:00Z",
              "community": "lupus", "text": f"Day {i} on the new dose. I told Boone the results came back fine."} for i in range(12)]
    export.write_text("\n".join(json.dumps(p) for p in posts) + "\n", encoding="utf-8")
    summary = patient_insights(sources=[str(export)], out_dir=str(tmp_path / "out"), demo_key=True, minilm_ner=True)
    assert summary["published"] == 12
    folder = latest_run(tmp_path / "out")
    texts = [r["text_deid"] for r in pq.read_table(folder / "posts.parquet").to_pylist()]
    assert len(texts) == 12 and all("Boone" not in t and "results came back fine" in t for t in texts)
    manifest = pq.read_table(folder / "run_manifest.parquet").to_pylist()[0]
    assert json.loads(manifest["parameters"])["minilm_ner"] is True
