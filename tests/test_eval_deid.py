"""`patient-insights eval deid`: hand-computed token metrics, and one CLI run (no ../shared needed)."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from pipelines.cli import main
from pipelines.evaluation.deid_eval import (
    GoldFormatError,
    GoldRecord,
    GoldSpan,
    _covered,
    all_gold_spans,
    doc_counts,
    f_beta,
    load_gold,
    summarize,
    term_spans,
    tokenize,
)


def spans_at(text: str, *pieces: tuple[str, str]) -> list[GoldSpan]:
    out = []
    for piece, label in pieces:
        start = text.index(piece)
        out.append(GoldSpan(start, start + len(piece), label))
    return out


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def test_tokens_are_words_and_single_punctuation():
    text = "sunflower_jen82's e-mail!!"
    assert [(text[t.start:t.end], t.punct) for t in tokenize(text)] == [
        ("sunflower", False), ("jen82", False), ("'", True), ("s", False),
        ("e", False), ("-", True), ("mail", False), ("!", True), ("!", True)]


def test_covered_handles_unsorted_nested_and_empty_intervals():
    tokens = tokenize("a bb ccc dd e")  # a 0-1, bb 2-4, ccc 5-8, dd 9-11, e 12-13
    assert _covered(tokens, [(10, 11), (5, 6), (5, 8), (3, 3)]) == [False, False, True, True, False]
    assert _covered(tokens, []) == [False] * 5


TEXT = "Call Anna Lee at 555-1234, she loves Advil."
GOLD = spans_at(TEXT, ("Anna Lee", "PERSON"), ("555-1234", "PHONE_NUMBER"), ("Advil", "PRODUCT"))
REDACTIONS = [(6, 8), at(TEXT, "555-1234"), at(TEXT, "she"), at(TEXT, "Advil")]  # (6, 8): inside "Anna"


def test_token_overlap_counts():
    c = doc_counts(TEXT, GOLD, REDACTIONS)
    # 12 tokens; PHI: Anna Lee 555 - 1234; redacted: Anna 555 - 1234 she Advil
    assert c["tokens"] == 12
    assert (c["phi"], c["phi_redacted"], c["redacted"]) == (5, 4, 6)
    # plain: Call at she loves (the comma and full stop are punctuation)
    assert (c["plain"], c["plain_redacted"]) == (4, 1)
    assert (c["content"], c["content_redacted"]) == (1, 1)
    assert (c["label:PERSON"], c["label_redacted:PERSON"]) == (2, 1)
    assert (c["label:PHONE_NUMBER"], c["label_redacted:PHONE_NUMBER"]) == (3, 3)
    assert (c["phi_spans"], c["phi_spans_redacted"]) == (2, 1)


def test_summary_figures_and_f2():
    s = summarize(doc_counts(TEXT, GOLD, REDACTIONS))
    assert s["recall"] == pytest.approx(4 / 5)
    assert s["precision"] == pytest.approx(4 / 6)
    assert s["f2"] == pytest.approx(10 / 13)  # 5PR / (4P + R) with P = 2/3, R = 4/5
    assert s["span_recall"] == pytest.approx(1 / 2)
    assert s["plain_redacted"] == pytest.approx(1 / 4)
    assert s["content_redacted"] == 1.0
    assert s["recall_by_label"] == {"PERSON": {"tokens": 2, "share": 0.5}, "PHONE_NUMBER": {"tokens": 3, "share": 1.0}}
    assert s["redacted_by_label"] == {"PRODUCT": {"tokens": 1, "share": 1.0}}
    assert s["medical_destroyed"] is None and s["drug_destroyed"] is None


def test_counts_add_up_over_documents():
    second = "Email bob@x.org now"
    c = doc_counts(TEXT, GOLD, REDACTIONS) + doc_counts(second, spans_at(second, ("bob@x.org", "EMAIL_ADDRESS")), [])
    s = summarize(c)
    # bob @ x . org: 5 PHI tokens, none redacted; Email, now: 2 plain tokens
    assert s["recall"] == pytest.approx(4 / 10)
    assert s["recall_by_label"]["EMAIL_ADDRESS"] == {"tokens": 5, "share": 0.0}
    assert s["plain_redacted"] == pytest.approx(1 / 6)
    assert s["span_recall"] == pytest.approx(1 / 3)


def test_partial_token_overlap_and_multi_label_token():
    text = "Lee's clinic"
    gold = [GoldSpan(0, 3, "PERSON"), GoldSpan(0, 12, "ORGANIZATION")]
    c = doc_counts(text, gold, [(1, 2)])
    # Lee: PERSON + ORGANIZATION, counted as PHI (not content); ' s clinic: content only
    assert (c["phi"], c["phi_redacted"]) == (1, 1)
    assert (c["content"], c["content_redacted"]) == (3, 0)
    assert (c["label:ORGANIZATION"], c["label_redacted:ORGANIZATION"]) == (4, 1)
    assert c["plain"] == 0


def test_medical_term_lists_are_word_bounded_and_case_insensitive():
    text = "Took Metformin and got bad nausea; metformin-er helped. Nauseated."
    assert [text[s.start:s.end] for s in term_spans(text, ["metformin", " ", "metformin"], "Drug")] == ["Metformin", "metformin"]
    assert [text[s.start:s.end] for s in term_spans(text, ["nausea"], "Symptom")] == ["nausea"]  # not "Nauseated"
    record = GoldRecord("m1", text, (), drugs=("metformin",), symptoms=("nausea",))
    c = doc_counts(text, all_gold_spans(record), [at(text, "Metformin")])
    assert (c["medical"], c["medical_redacted"], c["drug"], c["drug_redacted"]) == (3, 1, 2, 1)
    # plain: Took and got bad er helped Nauseated
    assert (c["plain"], c["plain_redacted"]) == (7, 0)
    s = summarize(c)
    assert s["medical_destroyed"] == pytest.approx(1 / 3)
    assert s["drug_destroyed"] == pytest.approx(1 / 2)


def test_no_phi_spans_gives_null_recall_and_precision():
    text = "Arthrotec gave me stomach pain."
    gold = spans_at(text, ("Arthrotec", "Drug"), ("stomach pain", "ADR"))
    s = summarize(doc_counts(text, gold, [at(text, "Arthrotec")]))
    assert s["recall"] is None and s["precision"] is None and s["f2"] is None and s["span_recall"] is None
    assert s["medical_destroyed"] == pytest.approx(1 / 3)
    assert s["drug_destroyed"] == 1.0
    assert s["redacted_by_label"] == {"ADR": {"tokens": 2, "share": 0.0}, "Drug": {"tokens": 1, "share": 1.0}}
    assert summarize(Counter())["plain_redacted"] is None


def test_precision_null_when_nothing_redacted_and_f_beta_edges():
    s = summarize(doc_counts("Hi Ann", [GoldSpan(3, 6, "PERSON")], []))
    assert s["recall"] == 0.0 and s["precision"] is None
    assert f_beta(0.0, 0.0) == 0.0
    assert f_beta(1.0, 0.0) == 0.0
    assert f_beta(0.5, 1.0) == pytest.approx(5 * 0.5 / (4 * 0.5 + 1))


def test_load_gold_reports_bad_lines_by_number(tmp_path):
    good = {"id": 1, "text": "abc", "spans": [{"start": 0, "end": 3, "label": "PERSON"}], "drugs": ["x", 3]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(good) + "\n")
    records = load_gold(path)
    assert len(records) == 2 and records[0].drugs == ("x",)
    assert len(load_gold(path, limit=1)) == 1
    path.write_text(json.dumps(good) + "\n" + '{"id": 2, "text": "SECRET", "spans": [{"start": 0, "end": 99, "label": "X"}]}\n')
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:2: span offsets") as exc:
        load_gold(path)
    assert "SECRET" not in str(exc.value)
    path.write_text('{"id": 3}\n')
    with pytest.raises(GoldFormatError, match=r":1: not a gold record"):
        load_gold(path)


def test_cli_json_ours_and_baseline(tmp_path, capsys):
    records = [
        {"id": "a", "text": "My cell is 555-867-5309, call me after work.", "spans": [{"start": 11, "end": 23, "label": "PHONE_NUMBER"}]},
        {"id": "b", "text": "No identifiers here, just joint pain.", "spans": []},
        {"id": "c", "text": "Metformin upset my stomach.", "spans": [], "drugs": ["metformin"], "symptoms": ["upset"]},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert main(["eval", "deid", "--gold", str(gold), "--json", "--baseline"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"gold", "docs", "systems"} <= set(report)
    assert report["docs"] == 3
    assert set(report["systems"]) == {"ours", "presidio_default"}
    keys = {"recall", "precision", "f2", "span_recall", "plain_redacted", "content_redacted", "medical_destroyed",
            "drug_destroyed", "recall_by_label", "redacted_by_label", "counts", "redactions", "speed"}
    for figures in report["systems"].values():
        assert keys <= set(figures)
        assert {"seconds", "docs_per_s", "chars_per_s"} <= set(figures["speed"])
        assert figures["counts"]["phi"] == 5 and figures["counts"]["drug"] == 1  # 555 - 867 - 5309
    ours = report["systems"]["ours"]
    assert ours["recall"] == 1.0
    assert ours["recall_by_label"]["PHONE_NUMBER"] == {"tokens": 5, "share": 1.0}


def test_cli_table_and_bad_gold(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 1, "text": "Hi", "spans": [{"start": 0, "end": 5, "label": "PERSON"}]}\n')
    assert main(["eval", "deid", "--gold", str(gold)]) == 2
    assert "span offsets" in capsys.readouterr().err


def test_table_has_one_column_per_system():
    from pipelines.evaluation.deid_eval import format_table

    figures = summarize(doc_counts(TEXT, GOLD, REDACTIONS))
    figures.update(redactions=4, speed={"seconds": 0.5, "docs_per_s": 2.0, "chars_per_s": 86.0})
    table = format_table({"gold": "g.jsonl", "docs": 1, "systems": {"ours": figures, "presidio_default": figures}})
    lines = table.splitlines()
    assert lines[1].split() == ["ours", "presidio-default"]
    assert any(line.split()[:3] == ["PHI", "recall", "(tokens)"] and line.split()[3:] == ["0.800", "0.800"] for line in lines)
    assert any("recall PERSON (2 tok)" in line and line.split()[-2:] == ["0.500", "0.500"] for line in lines)
    assert any(line.startswith("medical tokens destroyed") and line.split()[-2:] == ["-", "-"] for line in lines)


def test_presidio_baseline_runs_the_stock_pipeline_without_our_components():
    """The baseline is Presidio's default configuration: en_core_web_sm's own components and
    nothing of ours (the forum NER model once slipped in through load_pipeline's default and
    slowed the baseline in every throughput comparison)."""
    import spacy

    from deid.baseline import presidio_default
    from deid.nlp import SPACY_MODEL

    nlp = presidio_default().analyzer.nlp_engine.nlp["en"]
    assert nlp.pipe_names == spacy.load(SPACY_MODEL).pipe_names
    assert "forum_ner" not in nlp.pipe_names


def test_a_dates_year_is_not_phi():
    """Safe Harbor keeps years: the year inside a gold date counts as plain, so keeping it is no miss
    and redacting it is over-redaction; the day and month stay PHI."""
    text = "Diagnosed on March 14, 2019 at 40."
    gold = spans_at(text, ("March 14, 2019", "DATE_TIME"))
    kept = doc_counts(text, gold, [at(text, "March 14")])
    assert (kept["phi"], kept["phi_redacted"], kept["phi_spans"], kept["phi_spans_redacted"]) == (2, 2, 1, 1)
    assert (kept["plain"], kept["plain_redacted"]) == (5, 0)  # Diagnosed on 2019 at 40
    whole = doc_counts(text, gold, [at(text, "March 14, 2019")])
    assert (whole["phi_redacted"], whole["plain_redacted"]) == (2, 1)
    alone = doc_counts("Diagnosed in 2019.", spans_at("Diagnosed in 2019.", ("2019", "DATE_TIME")), [])
    assert (alone["phi"], alone["phi_spans"], alone["plain"]) == (0, 0, 3)
