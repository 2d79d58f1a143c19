"""A real local Prefect server (SQLite): deploy from prefect.yaml, run it on a process worker,
and check the Parquet outputs appear and validate."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipelines.publish import latest_run
from pipelines.tables import TABLES

from .conftest import REPO_ROOT

BIN = Path(sys.executable).parent
PREFECT = str(BIN / "prefect")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("prefect server exited during start-up")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise TimeoutError("prefect server did not become healthy")


RUN_SCRIPT = """
import json, sys
from prefect.blocks.system import Secret
from prefect.client.orchestration import get_client
from prefect.deployments import run_deployment
import asyncio

Secret(value="a-test-key-that-is-long-enough-123").save("patient-insights-pseudonym-key", overwrite=True)
params = json.loads(sys.argv[1])
flow_run = run_deployment("patient-insights/weekly", parameters=params, timeout=540, poll_interval=2)

async def describe():
    async with get_client() as client:
        dep = await client.read_deployment_by_name("patient-insights/weekly")
        return {
            "state": flow_run.state.type.value,
            "schedules": [getattr(s.schedule, "cron", None) for s in dep.schedules],
            "parameters": dep.parameters,
            "run_parameters": flow_run.parameters,
        }

print("RESULT " + json.dumps(asyncio.run(describe())))
"""


@pytest.mark.slow
def test_deployment_runs_on_a_real_server(tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": api,
        "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{tmp_path / 'prefect.db'}",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(tmp_path / "results"),
        "PATIENT_INSIGHTS_HOME": str(REPO_ROOT),
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    env.pop("PATIENT_INSIGHTS_PSEUDONYM_KEY", None)  # the deployment must use its Secret block

    # a slice of the embedded sample, so the run is quick but still models topics
    source = tmp_path / "reddit_slice.ndjson"
    with open(REPO_ROOT / "data" / "sample" / "reddit_health.ndjson", encoding="utf-8") as fh:
        source.write_text("".join(line for _, line in zip(range(400), fh)), encoding="utf-8")
    out = tmp_path / "out"

    logs = tmp_path / "logs"
    logs.mkdir()
    procs: list[subprocess.Popen] = []
    try:
        server = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                  env=env, stdout=open(logs / "server.log", "w"), stderr=subprocess.STDOUT)
        procs.append(server)
        wait_healthy(api, server)

        def prefect(*args: str) -> None:
            subprocess.run([PREFECT, *args], env=env, cwd=REPO_ROOT, check=True, timeout=180,
                           stdout=open(logs / f"{args[0]}.log", "a"), stderr=subprocess.STDOUT)

        prefect("work-pool", "create", "patient-insights", "--type", "process")
        prefect("--no-prompt", "deploy", "--all")
        worker = subprocess.Popen([PREFECT, "worker", "start", "--pool", "patient-insights", "--limit", "1"],
                                  env=env, cwd=tmp_path, stdout=open(logs / "worker.log", "w"), stderr=subprocess.STDOUT)
        procs.append(worker)

        params = {"sources": [str(source)], "out_dir": str(out)}
        done = subprocess.run([sys.executable, "-c", RUN_SCRIPT, json.dumps(params)], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        result = json.loads(done.stdout.split("RESULT ", 1)[1])
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in reversed(procs):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()

    worker_log = (logs / "worker.log").read_text()
    assert result["state"] == "COMPLETED", worker_log[-3000:]
    assert result["schedules"] == ["0 6 * * 1"]
    assert result["parameters"]["key_secret_block"] == "patient-insights-pseudonym-key"
    assert result["run_parameters"]["sources"] == [str(source)]

    folder = latest_run(out)
    for name, schema in TABLES.items():
        assert pq.read_schema(folder / f"{name}.parquet").equals(schema, check_metadata=False), name
    manifest = pq.read_table(folder / "run_manifest.parquet").to_pylist()[0]
    assert manifest["reconciled"] and manifest["input_records"] == 400
    assert manifest["key_origin"] == "secret-block"
    assert manifest["published"] > 300
    assert pq.read_table(folder / "posts.parquet").num_rows == manifest["published"]
    # nothing from the run leaked into the worker's log either
    raw = source.read_text().splitlines()[0]
    assert json.loads(raw)["author"] not in worker_log
