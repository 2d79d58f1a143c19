"""Shared fixtures. Prefect state and results go to a temporary folder, never ~/.prefect."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_PREFECT_TMP = Path(tempfile.mkdtemp(prefix="patient-insights-tests-prefect-"))
os.environ["PREFECT_HOME"] = str(_PREFECT_TMP / "home")
os.environ["PREFECT_RESULTS_LOCAL_STORAGE_PATH"] = str(_PREFECT_TMP / "results")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_UI_ENABLED"] = "false"
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("PATIENT_INSIGHTS_PSEUDONYM_KEY", None)

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO_ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def deidentifier():
    from deid import Deidentifier

    return Deidentifier(member_names=["sunflower_jen82", "Jenny Walsh", "mikeT_1975", "Hope Adams", "jen.w"])


@pytest.fixture(scope="session")
def medical():
    """One extraction layer (spaCy pipeline, lexicons, matchers) for every test that needs it."""
    from insights.extraction.analysis import MedicalExtractor

    return MedicalExtractor()


@pytest.fixture(scope="session")
def prefect_results_dir() -> Path:
    return Path(os.environ["PREFECT_RESULTS_LOCAL_STORAGE_PATH"])
