"""I/O and orchestration: source adapters, Parquet contracts and writers, Prefect flows and tasks.

Offline: Prefect's server sends anonymous usage telemetry by default (a network call at run time,
which fails loudly where there is no network). Unless the user has set it, it is turned off here,
before anything in this package imports Prefect or starts a temporary server.
"""
import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
