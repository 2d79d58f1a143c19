"""The needs/role gold file and ``patient-insights eval needs``."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from insights.speaker_role import ROLES
from insights.unmet_needs import load_taxonomy
from pipelines.cli import main
from pipelines.evaluation.needs_eval import GoldFormatError, load_gold, run

from .conftest import REPO_ROOT

GOLD = REPO_ROOT / "data" / "gold" / "needs_roles.jsonl"


def test_heldout_file_loads_and_does_not_overlap_the_gold():
    heldout = load_gold(GOLD.with_name("needs_roles_heldout.jsonl"), categories=set(load_taxonomy().categories))
    assert len(heldout) >= 90
    assert not {r["text"] for r in heldout} & {r["text"] for r in load_gold(GOLD)}


def test_second_heldout_file_is_fresh_and_well_formed():
    taxonomy = load_taxonomy().categories
    second = load_gold(GOLD.with_name("needs_roles_heldout2.jsonl"), categories=set(taxonomy))
    assert len(second) >= 120 and {r["source"] for r in second} == {"written-blind-2"}
    assert len({r["id"] for r in second}) == len(second)
    seen = {r["text"] for r in load_gold(GOLD)} | {r["text"] for r in load_gold(GOLD.with_name("needs_roles_heldout.jsonl"))}
    assert not {r["text"] for r in second} & seen
    assert 0.2 <= sum(not r["needs"] for r in second) / len(second) <= 0.4  # sentences with no need
    for r in second:
        for need in r["needs"]:
            assert need.get("subcategory") is None or need["subcategory"] in taxonomy[need["category"]]["subcategories"]


def test_fifth_heldout_file_is_fresh_blind_and_covers_every_category():
    taxonomy = load_taxonomy().categories
    fifth = load_gold(GOLD.with_name("needs_roles_heldout5.jsonl"), categories=set(taxonomy))
    assert len(fifth) >= 200 and {r["source"] for r in fifth} == {"written-blind-5"} and {r["split"] for r in fifth} == {"test"}
    assert len({r["id"] for r in fifth}) == len(fifth) and all(r["id"].startswith("nrh5-") for r in fifth)
    seen = {r["text"].lower() for name in ("needs_roles.jsonl", "needs_roles_heldout.jsonl", "needs_roles_heldout2.jsonl",
                                           "needs_roles_heldout3.jsonl", "needs_roles_heldout4.jsonl")
            for r in load_gold(GOLD.with_name(name))}
    assert not {r["text"].lower() for r in fifth} & seen
    assert sum(not r["needs"] for r in fifth) >= 50
    per_category = Counter(n["category"] for r in fifth for n in r["needs"])
    assert set(per_category) == set(taxonomy) and min(per_category.values()) >= 16
    subs = Counter(f"{n['category']}/{n['subcategory']}" for r in fifth for n in r["needs"] if n.get("subcategory"))
    assert all(subs[f"{c}/{sub}"] >= 2 for c, spec in taxonomy.items() for sub in spec.get("subcategories") or {})
    assert {r["speaker_role"] for r in fifth} == {"patient", "caregiver", "clinician", "unknown"}


def test_third_heldout_file_is_fresh_and_covers_every_category():
    taxonomy = load_taxonomy().categories
    third = load_gold(GOLD.with_name("needs_roles_heldout3.jsonl"), categories=set(taxonomy))
    assert len(third) >= 150 and {r["source"] for r in third} == {"written-blind-3"} and {r["split"] for r in third} == {"test"}
    assert len({r["id"] for r in third}) == len(third) and all(r["id"].startswith("nrh3-") for r in third)
    seen = {r["text"].lower() for name in ("needs_roles.jsonl", "needs_roles_heldout.jsonl", "needs_roles_heldout2.jsonl")
            for r in load_gold(GOLD.with_name(name))}
    assert not {r["text"].lower() for r in third} & seen
    assert sum(not r["needs"] for r in third) >= 35
    per_category = Counter(n["category"] for r in third for n in r["needs"])
    assert set(per_category) == set(taxonomy) and min(per_category.values()) >= 10
    for r in third:
        for need in r["needs"]:
            assert need.get("subcategory") is None or need["subcategory"] in taxonomy[need["category"]]["subcategories"]


def test_fourth_heldout_file_is_fresh_and_covers_every_category():
    taxonomy = load_taxonomy().categories
    fourth = load_gold(GOLD.with_name("needs_roles_heldout4.jsonl"), categories=set(taxonomy))
    assert len(fourth) >= 180 and {r["source"] for r in fourth} == {"written-blind-4"} and {r["split"] for r in fourth} == {"test"}
    assert len({r["id"] for r in fourth}) == len(fourth) and all(r["id"].startswith("nrh4-") for r in fourth)
    seen = {r["text"].lower() for name in ("needs_roles.jsonl", "needs_roles_heldout.jsonl", "needs_roles_heldout2.jsonl",
                                           "needs_roles_heldout3.jsonl") for r in load_gold(GOLD.with_name(name))}
    assert len({r["text"].lower() for r in fourth}) == len(fourth) and not {r["text"].lower() for r in fourth} & seen
    assert sum(not r["needs"] for r in fourth) >= 40
    per_category = Counter(n["category"] for r in fourth for n in r["needs"])
    assert set(per_category) == set(taxonomy) and min(per_category.values()) >= 14
    for r in fourth:
        for need in r["needs"]:
            assert need.get("subcategory") is None or need["subcategory"] in taxonomy[need["category"]]["subcategories"]


def test_gold_file_is_well_formed():
    taxonomy = load_taxonomy().categories
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 400
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)
    splits = Counter(r["split"] for r in records)
    assert set(splits) == {"dev", "test"} and abs(splits["dev"] - splits["test"]) <= 0.1 * len(records)
    for r in records:
        assert r["text"].strip() and r["speaker_role"] in ROLES, r["id"]
        assert r["source"].startswith(("sample:data/sample/", "written:")), r["id"]
        for need in r["needs"]:
            assert need["category"] in taxonomy, r["id"]
            if "subcategory" in need:
                assert need["subcategory"] in (taxonomy[need["category"]].get("subcategories") or {}), r["id"]
    # every category is present in both splits
    for split in ("dev", "test"):
        present = {n["category"] for r in records if r["split"] == split for n in r["needs"]}
        assert present == set(taxonomy), split


REAL_MIX_SETS = ["needs_roles_heldout14.jsonl", "needs_roles_heldout15.jsonl", "needs_roles_heldout16.jsonl", "needs_roles_heldout17.jsonl",
                 "needs_roles_heldout18.jsonl", "needs_roles_heldout19.jsonl", "needs_roles_heldout20.jsonl",
                 "needs_roles_heldout21.jsonl", "needs_roles_heldout22.jsonl", "needs_roles_heldout23.jsonl"]


@pytest.mark.parametrize("name", REAL_MIX_SETS)
def test_real_mix_blind_sets_are_well_formed_and_fresh(name):
    """HO14-HO23 were written to the real-post brief: 400 sentences, most without a need, every category present,
    labels the taxonomy knows, and no need sentence shared with any other gold file."""
    taxonomy = load_taxonomy().categories
    path = GOLD.with_name(name)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 400 and len({r["id"] for r in records}) == 400
    prefix = "nrh" + name.removeprefix("needs_roles_heldout").removesuffix(".jsonl") + "-"
    assert all(r["id"].startswith(prefix) and r["split"] == "test" and r["source"].startswith("written-blind-") for r in records)
    for r in records:
        assert r["text"].strip() and r["speaker_role"] in ROLES, r["id"]
        for need in r["needs"]:
            assert need["category"] in taxonomy, r["id"]
            if "subcategory" in need:
                assert need["subcategory"] in (taxonomy[need["category"]].get("subcategories") or {}), r["id"]
    assert 0.5 <= sum(not r["needs"] for r in records) / len(records) <= 0.7  # the real-post mix: most sentences state no need
    assert {n["category"] for r in records for n in r["needs"]} == set(taxonomy)
    others = {json.loads(line)["text"].lower() for other in GOLD.parent.glob("needs_roles*.jsonl") if other.name != name
              for line in other.read_text(encoding="utf-8").splitlines()}
    # a stock line ("welcome to the club …", "which hospital are you at?") may recur, more often as the sets grow, but
    # never one with a need
    shared = [r for r in records if r["text"].lower() in others]
    assert len(shared) <= 4 and not any(r["needs"] for r in shared), [r["id"] for r in shared]


TINY = [
    {"id": "a", "text": "Insurance denied the claim again.", "split": "test",
     "needs": [{"category": "access_and_cost", "subcategory": "insurance_denial"}], "speaker_role": "patient"},
    {"id": "b", "text": "Nobody told me about the hot flashes.", "split": "test",
     "needs": [{"category": "information_gap"}, {"category": "side_effect_burden"}], "speaker_role": "patient"},
    {"id": "c", "text": "The weather is lovely today.", "split": "test", "needs": [], "speaker_role": "unknown"},
    {"id": "d", "text": "We can't afford the copay for my husband's insulin.", "split": "dev",
     "needs": [{"category": "access_and_cost", "subcategory": "copay_cost"}], "speaker_role": "caregiver"},
    {"id": "e", "text": "As a nurse, I feel so alone on night shifts.", "split": "test", "needs": [], "speaker_role": "clinician"},
]


@pytest.fixture
def tiny_gold(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in TINY) + "\n", encoding="utf-8")
    return path


def test_known_answer_on_tiny_gold(tiny_gold):
    report = run(tiny_gold, split="test")
    assert report["sentences"] == 4
    per = report["needs"]["per_category"]
    assert (per["access_and_cost"]["tp"], per["access_and_cost"]["fp"], per["access_and_cost"]["fn"]) == (1, 0, 0)
    assert (per["information_gap"]["tp"], per["information_gap"]["fp"]) == (1, 0)
    # "hot flashes" without a burden cue is missed; "feel so alone" is a false positive
    assert (per["side_effect_burden"]["tp"], per["side_effect_burden"]["fn"], per["side_effect_burden"]["recall"]) == (0, 1, 0.0)
    assert (per["emotional_support"]["fp"], per["emotional_support"]["precision"]) == (1, 0.0)
    assert report["needs"]["micro"] == {"precision": 0.667, "recall": 0.667, "f1": 0.667, "tp": 2, "fp": 1, "fn": 1, "support": 3}
    assert report["needs"]["all_categories_meet_target"] is False
    assert report["needs"]["subcategories"]["access_and_cost/insurance_denial"]["recall"] == 1.0
    # "Insurance denied the claim again." has no speaker cue: a patient read as unknown
    assert report["speaker_role"]["accuracy"] == 0.75
    assert report["speaker_role"]["confusion"]["patient"] == {"patient": 1, "unknown": 1}
    assert report["speaker_role"]["per_class"]["patient"]["recall"] == 0.5
    assert report["speaker_role"]["per_class"]["clinician"]["support"] == 1


def test_another_rules_version_can_be_scored(tiny_gold):
    # v6: benchmarks/needs_leave_one_set_out.py --rules-from REV scores the rules that were blind for a set
    import dataclasses

    from insights.unmet_needs import load_taxonomy

    packaged = load_taxonomy()
    no_emotion = {c: ({"description": spec.get("description", "")} if c == "emotional_support" else spec)
                  for c, spec in packaged.categories.items()}
    report = run(tiny_gold, split="test", rules_only=True, taxonomy=dataclasses.replace(packaged, version="0.0.1-test", categories=no_emotion))
    assert report["taxonomy_version"] == "0.0.1-test"
    assert report["needs"]["per_category"]["emotional_support"]["fp"] == 0  # its cues are gone: the tiny gold's false positive too
    assert report["needs"]["per_category"]["access_and_cost"]["tp"] == 1  # the other categories are unchanged


def test_split_filter_and_bad_gold(tiny_gold, tmp_path):
    assert len(load_gold(tiny_gold)) == 5 and len(load_gold(tiny_gold, "dev")) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t", "needs": [{"category": "nope"}], "speaker_role": "patient"}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="line 1: unknown category"):
        run(bad)


def test_cli_json_and_table(tiny_gold, capsys):
    assert main(["eval", "needs", "--gold", str(tiny_gold), "--split", "test", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["split"] == "test" and report["taxonomy_version"] == load_taxonomy().version == "2.17.0"
    assert main(["eval", "needs", "--gold", str(tiny_gold)]) == 0
    table = capsys.readouterr().out
    assert "access_and_cost" in table and "accuracy" in table
    assert main(["eval", "needs", "--gold", str(tiny_gold.parent / "missing.jsonl")]) == 2


def test_rules_only_and_classifier_operating_points(tiny_gold, capsys):
    rules = run(tiny_gold, rules_only=True)
    default = run(tiny_gold)
    shipped = run(tiny_gold, classifier=True)
    balanced = run(tiny_gold, classifier=True, operating_point="balanced")
    assert rules["system"] == "rules" and default["system"] == "rules + TF-IDF veto 7.0.0"
    assert shipped["system"].endswith("(precise)") and balanced["system"].endswith("(balanced)")
    for label, s in rules["needs"]["per_category"].items():
        # the default veto only drops rule hits: never a false positive more, never a true positive more
        d = default["needs"]["per_category"][label]
        assert d["fp"] <= s["fp"] and d["tp"] <= s["tp"]
        # the MiniLM classifier adds hits: every rule true positive its veto keeps stays
        assert shipped["needs"]["per_category"][label]["tp"] >= s["tp"] - 1
    assert main(["eval", "needs", "--gold", str(tiny_gold), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["system"] == "rules + TF-IDF veto 7.0.0"
    assert main(["eval", "needs", "--gold", str(tiny_gold), "--rules-only", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["system"] == "rules"
    assert main(["eval", "needs", "--gold", str(tiny_gold), "--classifier", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["system"].endswith("(precise)")
