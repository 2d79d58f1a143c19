"""Published community values (pipelines/community.py and the deidentify stage): a value that names
someone becomes a keyed label, clean values stay readable. Every name here is invented."""
from __future__ import annotations

import json
import re

import pytest

from deid import Pseudonymizer
from pipelines.community import CommunityLabels, humanise, is_user_profile

MEMBERS = ["tessa_moran77", "Tessa Moran", "Deb Okafor", "Stormy_Daylo", "Faith Okoro"]
KEY = b"a-test-key-of-enough-length"


@pytest.mark.parametrize(
    "value",
    [
        "u_tessa_moran77",  # a Reddit user-profile subreddit
        "u_someone_else",  # any user profile, member or not
        "support-for-tessa-moran77",
        "TessaMoranFriends",
        "Deb Okafor memorial fund",
        "okafor.family",
        "stormy_daylo_corner",
        "faith_okoro_updates",
    ],
)
def test_values_that_name_someone_are_replaced(value):
    labels = CommunityLabels(MEMBERS, Pseudonymizer(KEY))
    shown = labels.add(value, deid_found=False)
    assert re.fullmatch(r"community-[0-9a-f]{8}", shown)
    assert labels.replaced == 1


@pytest.mark.parametrize(
    "value", ["diabetes_t2", "MultipleSclerosis", "breast-cancer", "type-1-support", "r/diabetes", "Caregivers Forum", "faith-and-healing", "stormy-nights-insomnia"]
)
def test_clean_values_stay_readable(value):
    labels = CommunityLabels(MEMBERS, Pseudonymizer(KEY))
    assert labels.add(value, deid_found=False) == value
    assert labels.replaced == 0


def test_what_the_deidentifier_finds_is_replaced_and_labels_are_stable_per_key():
    a = CommunityLabels(MEMBERS, Pseudonymizer(KEY))
    b = CommunityLabels([], Pseudonymizer(KEY))
    other = CommunityLabels([], Pseudonymizer(b"another-key-of-enough-length"))
    assert a.add("in-memory-of-ana", deid_found=True) == b.add("in-memory-of-ana", deid_found=True)
    assert other.add("in-memory-of-ana", deid_found=True) != a["in-memory-of-ana"]
    assert a.add("lupus", deid_found=False) == "lupus"


def test_helpers():
    assert humanise("support-for-tessa-moran77") == "support for tessa moran 77"
    assert CommunityLabels.deid_texts("in_memory_of_carol") == ["in memory of carol", "In Memory Of Carol"]
    assert is_user_profile("u_tessa") and is_user_profile("u/tessa") and not is_user_profile("ulcerative_colitis")


def test_flow_publishes_screened_communities_and_counts_them(prefect_harness, tmp_path):
    """A real flow run: community values naming a member, a user profile or a person the de-identifier
    finds are labelled in every table; clean ones are kept; the manifest counts the replaced values only."""
    import pyarrow.parquet as pq

    from pipelines.flow import patient_insights
    from pipelines.publish import latest_run

    communities = ["u_tessa_moran77", "support-for-tessa-moran77", "in-memory-of-carol-whitfield", "lupus"]
    export = tmp_path / "export.jsonl"
    posts = [{"id": f"p{i}", "thread_id": f"t{i}", "author": "tessa_moran77" if i == 0 else f"member_{i}", "author_name": "Tessa Moran" if i == 0 else None,
              "created_at": f"2024-03-{10 + i}T08:00:00Z", "community": communities[i % 4],
              "text": f"Day {i} on methotrexate, the fatigue is better and the rash is gone."}
             for i in range(8)]
    export.write_text("\n".join(json.dumps(p) for p in posts) + "\n", encoding="utf-8")
    summary = patient_insights(sources=[str(export)], out_dir=str(tmp_path / "out"), demo_key=True)
    assert summary["published"] == 8
    folder = latest_run(tmp_path / "out")
    shown = pq.read_table(folder / "posts.parquet").column("community").to_pylist()
    assert shown.count("lupus") == 2
    labels = {c for c in shown if c != "lupus"}
    assert len(labels) == 3 and all(re.fullmatch(r"community-[0-9a-f]{8}", c) for c in labels)
    manifest = pq.read_table(folder / "run_manifest.parquet").to_pylist()[0]
    assert manifest["communities_relabelled"] == 3
    for f in folder.glob("*.parquet"):
        blob = json.dumps(pq.read_table(f).to_pylist(), default=str).lower()
        assert "tessa" not in blob and "moran" not in blob and "whitfield" not in blob, f.name
