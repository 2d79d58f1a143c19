"""The drug dictionary file is unpickled once per process, shared by deid and insights, and read
without importing its package (whose import unpickles it again and builds indexes we never use)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_deid_and_insights_share_one_copy():
    from deid.gazetteers import drug_ner_dictionary, medical_terms
    from insights.extraction.resources import drug_dictionary

    assert drug_dictionary() is drug_ner_dictionary()
    data = drug_ner_dictionary()
    assert {"drug_variant_to_canonical", "drug_canonical_to_data"} <= set(data)
    assert set(data["drug_variant_to_canonical"]) <= medical_terms()  # deid adds its guard list
    assert "tamoxifen" in medical_terms()


def test_loading_does_not_import_the_package():
    code = (
        "import sys; from deid.gazetteers import drug_ner_dictionary; "
        "from insights.extraction.resources import drug_lexicon; "
        "assert len(drug_ner_dictionary()['drug_variant_to_canonical']) > 100000; "
        "assert drug_lexicon().variant_to_canonical['tamoxifen'] == 'tamoxifen'; "
        "print('drug_named_entity_recognition' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "False"
