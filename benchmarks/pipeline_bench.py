"""Rerunnable benchmark of the whole pipeline on the embedded sample (or your own sources).

    python benchmarks/pipeline_bench.py [--source PATH ...] [--repeat N]

Runs `patient-insights run` in a child process (as a user would), and reports wall time,
peak memory (max RSS of the child) and the per-stage timings the run manifest records.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

BIN = Path(sys.executable).parent


def run_once(sources: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cmd = [str(BIN / "patient-insights"), "run", "--out", str(out), "--demo-key"]
        for s in sources:
            cmd += ["--source", s]
        env = {**os.environ, "PREFECT_HOME": str(Path(tmp) / "prefect")}
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        run = out / (out / "LATEST").read_text().strip()
        manifest = pq.read_table(run / "run_manifest.parquet").to_pylist()[0]
        return {
            "wall_seconds": round(wall, 1),
            "peak_rss_mib": round(max(peak_kib, before) / 1024, 0),
            "input_records": manifest["input_records"],
            "published": manifest["published"],
            "stage_seconds": json.loads(manifest["timings"]),
            "posts_per_second_deid": round(manifest["published"] / json.loads(manifest["timings"])["deidentify"], 1),
            "topic_status": manifest["topic_status"],
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", action="append", default=[])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    runs = [run_once(args.source) for _ in range(args.repeat)]
    print(json.dumps({"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}, "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
