"""Offline: importing ``pipelines`` turns Prefect's server telemetry off (an upload at run time),
unless the user chose otherwise. Checked in a fresh interpreter without conftest's setting."""
from __future__ import annotations

import os
import subprocess
import sys

CODE = "import pipelines.flow; from prefect.settings import get_current_settings as g; print(g().server.analytics_enabled)"


def _run(env_extra: dict) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_SERVER_ANALYTICS_ENABLED"}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]


def test_pipelines_turns_prefect_telemetry_off():
    assert _run({}) == "False"


def test_a_user_setting_wins():
    assert _run({"PREFECT_SERVER_ANALYTICS_ENABLED": "true"}) == "True"
