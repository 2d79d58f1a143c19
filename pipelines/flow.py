"""The Prefect flow: thin tasks that pass paths and ids, never post text.

Runs locally with no server (``patient-insights run``), from a notebook
(``patient_insights(...)``), or as the deployment declared in ``prefect.yaml``.
"""
from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from deid import DeidConfig
from deid.parallel import start_fork_server
from pipelines import versions
from pipelines.keys import resolve_run_key
from pipelines.sample import sample_sources
from pipelines.stages import work
from pipelines.stages.assemble import assemble_and_publish
from pipelines.stages.deidentify import deidentify
from pipelines.stages.extract import extract_insights
from pipelines.stages.ingest import SourceSpec, ingest
from pipelines.stages.topics import model_topics

# Results stay in memory: nothing a task returns is persisted, and none of it is text.
TASK_OPTIONS = dict(persist_result=False, cache_policy=NO_CACHE, retries=0)


@task(name="ingest", **TASK_OPTIONS)
def ingest_task(sources: list[dict], work_dir: str, run_id: str, max_body_chars: int) -> dict:
    summary = ingest([SourceSpec(**s) for s in sources], Path(work_dir), run_id, max_body_chars)
    logger = get_run_logger()
    logger.info("ingest: %s", summary["counts"])
    for source in summary["sources"]:
        if source.get("reason"):  # file-level outcome: base name, reason code, our own words
            logger.warning("ingest: %s: %s (%s): %s", source["file"], source["outcome"], source["reason"], source["detail"])
    return summary


@task(name="deidentify", **TASK_OPTIONS)
def deidentify_task(work_dir: str, run_id: str, demo_key: bool, key_secret_block: str | None, minilm_ner: bool = False,
                    strict_places: bool = False, redact_years: bool = False) -> dict:
    key, _ = resolve_run_key(demo_key, key_secret_block)
    # in a worker process that has never had a thread: this one has Prefect's (pipelines/stages/deid_worker.py)
    summary = deidentify(Path(work_dir), run_id, key, config=DeidConfig(minilm_ner=minilm_ner, keep_states_and_countries=not strict_places,
                                                                    keep_date_years=not redact_years),
                          worker_process=True)
    logger = get_run_logger()
    logger.info("deidentify: %s (worker process, single-threaded: %s)", summary["counts"], summary["worker_single_threaded"])
    if summary["worker_restarts"]:
        logger.warning("deidentify: the worker process died and was restarted %d time(s); rows that killed it twice are quarantined (deid_error)", summary["worker_restarts"])
    return summary


@task(name="topics", **TASK_OPTIONS)
def topics_task(work_dir: str, run_id: str, seed: int, topic_options: dict | None = None) -> dict:
    from insights.topics import TopicConfig

    o = topic_options or {}
    summary = model_topics(
        Path(work_dir), run_id, TopicConfig(seed=seed),
        model_dir=Path(o["topic_model_dir"]) if o.get("topic_model_dir") else None,
        refit=o.get("topic_refit", "auto"), max_age_days=o.get("topic_max_age_days", 30),
        cache_dir=Path(o["embedding_cache_dir"]) if o.get("embedding_cache_dir") else None,
        backend=o.get("embedding_backend", "minilm"), fit_sample_size=o.get("topic_fit_sample_size"),
    )
    get_run_logger().info("topics: %s (%s)", summary["status"], summary["message"])
    return summary


@task(name="extract", **TASK_OPTIONS)
def extract_task(work_dir: str, run_id: str, need_classifier: bool = False) -> dict:
    summary = extract_insights(Path(work_dir), run_id, need_classifier=need_classifier)
    get_run_logger().info("extract (medical entities, treatment, unmet needs, speaker roles): %d posts, rows %s", summary["posts"], summary["rows"])
    return summary


@task(name="publish", **TASK_OPTIONS)
def publish_task(work_dir: str, out_dir: str, run_id: str, started_at: datetime, ingest_summary: dict, topic_summary: dict, timings: dict, parameters: dict, key_origin: str) -> dict:
    summary = assemble_and_publish(Path(work_dir), Path(out_dir), run_id, started_at, ingest_summary, topic_summary, timings, parameters, versions.collect(), key_origin)
    get_run_logger().info("published run %s: %d published, %d filtered, %d quarantined", run_id, summary["published"], summary["filtered"], summary["quarantined"])
    return summary


def new_run_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


@flow(name="patient-insights", persist_result=False, log_prints=False)
def patient_insights(
    sources: list[str] | None = None,
    out_dir: str = "out",
    mapping: str | None = None,
    community: str | None = None,
    demo_key: bool = False,
    key_secret_block: str | None = None,
    topic_seed: int = 42,
    max_body_chars: int = 100_000,
    topic_model_dir: str | None = None,
    topic_refit: str = "auto",
    topic_max_age_days: float = 30,
    embedding_cache_dir: str | None = None,
    embedding_backend: str = "minilm",
    topic_fit_sample_size: int | None = None,
    need_classifier: bool = False,
    minilm_ner: bool = False,
    strict_places: bool = False,
    redact_years: bool = False,
) -> dict:
    """Ingest forum exports, de-identify, model topics and unmet needs, publish Parquet.

    ``sources``: export files (paths); none means the embedded sample in ``data/sample``.
    ``demo_key``: use the public demo pseudonymisation key (demos only).
    ``key_secret_block``: name of a Prefect Secret block holding the key; otherwise the
    ``PATIENT_INSIGHTS_PSEUDONYM_KEY`` environment variable is used.
    ``topic_model_dir``: topic-model store kept between runs (outside ``out_dir``); none: fit every run.
    ``topic_refit``: auto (refit when no model, older than ``topic_max_age_days``, or another
    embedding model / settings), always or never. ``embedding_cache_dir``: embeddings kept across
    runs. ``embedding_backend``: minilm or static. ``topic_fit_sample_size``: fit on that many
    posts and assign the rest by nearest centroid. See docs/topics.md. ``need_classifier``: add the
    unmet-need sentence classifier's hits to the rules' (off by default; docs/unmet_needs.md).
    ``minilm_ner``: also redact the names and places the MiniLM token classifier finds (off by
    default: about 5x the de-identification time; docs/deid_names.md). ``strict_places``: also redact US states and
    countries, which Safe Harbor allows to keep and the default keeps (docs/deid_places.md). ``redact_years``: a date
    tied to a person goes whole, year included (by default its four-digit year stays: "<DATE_TIME>, 2019").
    """
    logger = get_run_logger()
    started_at = datetime.now(UTC)
    run_id = new_run_id(started_at)
    _, key_origin = resolve_run_key(demo_key, key_secret_block)  # fail before reading anything
    specs = [SourceSpec.for_path(p, community, mapping) for p in sources] if sources else sample_sources()
    parameters = {
        "sources": [Path(s.path).name for s in specs],
        "mappings": [Path(s.mapping).name if s.mapping else None for s in specs],
        "community": community,
        "topic_seed": topic_seed,
        "max_body_chars": max_body_chars,
        "demo_key": demo_key,
        "topic_model_dir": topic_model_dir,
        "topic_refit": topic_refit,
        "topic_max_age_days": topic_max_age_days,
        "embedding_cache_dir": embedding_cache_dir,
        "embedding_backend": embedding_backend,
        "topic_fit_sample_size": topic_fit_sample_size,
        "need_classifier": need_classifier,
        "minilm_ner": minilm_ner,
        "strict_places": strict_places,
        "redact_years": redact_years,
        "key_secret_block": key_secret_block,
    }
    logger.info("run %s: %d source file(s), key from %s", run_id, len(specs), key_origin)
    start_fork_server()  # the deid task's worker comes from it: let it warm up during ingest
    work_dir = work.make_work_dir()
    try:
        ingest_summary = ingest_task([vars(s) for s in specs], str(work_dir), run_id, max_body_chars)
        deid_summary = deidentify_task(str(work_dir), run_id, demo_key, key_secret_block, minilm_ner, strict_places,
                                       redact_years)
        topic_options = {k: parameters[k] for k in ("topic_model_dir", "topic_refit", "topic_max_age_days", "embedding_cache_dir", "embedding_backend", "topic_fit_sample_size")}
        topic_summary = topics_task(str(work_dir), run_id, topic_seed, topic_options)
        extract_summary = extract_task(str(work_dir), run_id, need_classifier)
        timings = {
            "ingest": ingest_summary["seconds"],
            "deidentify": deid_summary["seconds"],
            "embed": topic_summary["embed_seconds"],
            "topics": topic_summary["seconds"] - topic_summary["embed_seconds"],
            "extract": extract_summary["seconds"],
        }
        return publish_task(str(work_dir), out_dir, run_id, started_at, ingest_summary, topic_summary, timings, parameters, key_origin)
    finally:
        work.remove_work_dir(work_dir)
