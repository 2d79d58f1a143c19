"""The ``patient-insights`` command."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _unreadable_inputs(args: argparse.Namespace) -> list[str]:
    """Problems with the --source / --mapping paths, found before Prefect starts."""
    import os

    problems = []
    for option, paths in (("--source", args.source or []), ("--mapping", [args.mapping] if args.mapping else [])):
        for p in paths:
            path = Path(p)
            if not path.exists():
                problems.append(f"{option} {p}: no such file")
            elif not path.is_file():
                problems.append(f"{option} {p}: not a regular file")
            elif not os.access(path, os.R_OK):
                problems.append(f"{option} {p}: not readable (permission denied)")
    return problems


def _cmd_run(args: argparse.Namespace) -> int:
    problems = _unreadable_inputs(args)
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    from deid.parallel import start_fork_server
    from deid.pseudonym import MissingKeyError
    from pipelines.flow import patient_insights

    start_fork_server()  # the deid task's worker: it warms up while Prefect starts (pipelines/stages/deid_worker.py)
    try:
        summary = patient_insights(
            sources=args.source or None,
            out_dir=args.out,
            mapping=args.mapping,
            community=args.community,
            demo_key=args.demo_key,
            key_secret_block=args.key_secret_block,
            topic_seed=args.seed,
            max_body_chars=args.max_body_chars,
            topic_model_dir=args.topic_model_dir,
            topic_refit=args.topic_refit,
            topic_max_age_days=args.topic_max_age_days,
            embedding_cache_dir=args.embedding_cache_dir or None,
            embedding_backend=args.embedding_backend,
            topic_fit_sample_size=args.topic_fit_sample_size,
            need_classifier=args.need_classifier,
            minilm_ner=args.minilm_ner,
            strict_places=args.strict_places,
            redact_years=args.redact_years,
        )
    except MissingKeyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(summary, indent=2))
    return 0


def _cmd_deid(args: argparse.Namespace) -> int:
    from pipelines.deid_jsonl import run

    summary = run(Path(args.input), Path(args.output), Path(args.members) if args.members else None, processes=args.processes)
    print(f"{summary['written']} records de-identified -> {args.output}", file=sys.stderr)
    return 0


def _evaluate(module: str, args: argparse.Namespace, **options) -> int:
    """Run ``pipelines.evaluation.<module>.run(gold, **options)``; print a table, or JSON with --json.
    A malformed gold file or a missing one is an error message and exit status 2, never a traceback."""
    import importlib

    evaluation = importlib.import_module(f"pipelines.evaluation.{module}")
    try:
        report = evaluation.run(Path(args.gold), **options)
    except (evaluation.GoldFormatError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, indent=2) if args.json else evaluation.format_table(report))
    return 0


def _cmd_eval_deid(args: argparse.Namespace) -> int:
    options = {"minilm_ner": True, "minilm_threshold": args.minilm_threshold} if args.minilm_ner else {}
    if args.redact_years:
        options["keep_date_years"] = False
    return _evaluate("deid_eval", args, baseline=args.baseline, strict_places=args.strict_places, limit=args.limit, **options)


def _cmd_eval_needs(args: argparse.Namespace) -> int:
    return _evaluate("needs_eval", args, split=args.split, errors=args.errors, classifier=args.classifier,
                     operating_point=args.operating_point, rules_only=args.rules_only)


def _cmd_eval_needs_agreement(args: argparse.Namespace) -> int:
    return _evaluate("needs_agreement", args, second=Path(args.second))


def _cmd_eval_topics(args: argparse.Namespace) -> int:
    return _evaluate(
        "topics_eval", args, label_field=args.label, text_field=args.text_field, backend=args.backend,
        cache_dir=Path(args.cache_dir) if args.cache_dir else None, defaults=not args.no_defaults, holdout=args.holdout,
    )


def _cmd_eval_entities(args: argparse.Namespace) -> int:
    return _evaluate("entities_eval", args, limit=args.limit)


def _cmd_eval_assertions(args: argparse.Namespace) -> int:
    return _evaluate("assertion_eval", args)


def _cmd_build_fast_embedder(args: argparse.Namespace) -> int:
    from pipelines.embedders import build_fast_embedder

    path = build_fast_embedder(Path(args.cache_dir), force=args.force)
    print(f"static embedder at {path}", file=sys.stderr)
    return 0


def _cmd_docs(args: argparse.Namespace) -> int:
    from pipelines.tables import data_dictionary_markdown

    Path(args.output).write_text(data_dictionary_markdown() + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _cmd_make_sample(args: argparse.Namespace) -> int:
    from pipelines.sample_data import generate

    print(json.dumps(generate(Path(args.out), seed=args.seed), indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="patient-insights", description="De-identified insight tables from patient-community exports.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the whole pipeline (embedded sample when no --source)")
    run.add_argument("--source", action="append", metavar="PATH", help="export file; repeat for several (default: the embedded sample)")
    run.add_argument("--out", default="out", help="folder the run's tables are published in (default: out)")
    run.add_argument("--mapping", help="column-mapping file for CSV/JSON sources (default: <stem>.mapping.yaml beside each source)")
    run.add_argument("--community", help="community name for sources that carry none")
    run.add_argument("--demo-key", action="store_true", help="use the PUBLIC demo pseudonymisation key (demos only)")
    run.add_argument("--key-secret-block", help="Prefect Secret block holding the pseudonymisation key")
    run.add_argument("--seed", type=int, default=42, help="topic-model seed (default 42)")
    run.add_argument("--max-body-chars", type=int, default=100_000, help="longer posts are quarantined (default 100000)")
    run.add_argument("--topic-model-dir", help="topic-model store kept between runs, outside --out (default: none, fit every run)")
    run.add_argument("--topic-refit", default="auto", choices=["auto", "always", "never"], help="refit the saved topic model (default auto)")
    run.add_argument("--topic-max-age-days", type=float, default=30, help="auto refits a saved model older than this (default 30)")
    run.add_argument("--embedding-cache-dir", default=".patient-insights-cache", help="embeddings kept across runs ('' to disable)")
    run.add_argument("--need-classifier", action="store_true", help="add the unmet-need sentence classifier's hits to the rules' (docs/unmet_needs.md)")
    run.add_argument("--minilm-ner", action="store_true", help="also redact names and places the MiniLM token classifier finds (about 5x the de-identification time; docs/deid_names.md)")
    run.add_argument("--strict-places", action="store_true", help="also redact US states and countries (kept by default, as Safe Harbor allows; docs/deid_places.md)")
    run.add_argument("--redact-years", action="store_true", help="redact a date's year too (by default a date keeps its four-digit year, as Safe Harbor allows)")
    run.add_argument("--embedding-backend", default="minilm", choices=["minilm", "static"], help="sentence encoder (default minilm)")
    run.add_argument("--topic-fit-sample-size", type=int, help="fit topics on this many posts, assign the rest by nearest centroid")
    run.set_defaults(func=_cmd_run)

    deid = sub.add_parser("deid", help="de-identify a JSONL file of {id, text} records")
    deid.add_argument("--input", required=True)
    deid.add_argument("--output", required=True)
    deid.add_argument("--members", help="file of member usernames / display names, one a line, to redact wherever they appear")
    deid.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    deid.set_defaults(func=_cmd_deid)

    evaluate = sub.add_parser("eval", help="evaluate against labelled gold files")
    eval_sub = evaluate.add_subparsers(dest="eval_command", required=True)
    eval_deid = eval_sub.add_parser("deid", help="token-level de-identification figures on a gold JSONL file (docs/deid_evaluation.md)")
    eval_deid.add_argument("--gold", required=True, help='JSONL of {"id", "text", "spans": [{"start", "end", "label"}]}')
    eval_deid.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    eval_deid.add_argument("--baseline", action="store_true", help="also run Presidio's default configuration on the same texts")
    eval_deid.add_argument("--strict-places", action="store_true", help="redact US states and countries too (keep_states_and_countries=False)")
    eval_deid.add_argument("--redact-years", action="store_true", help="redact a date's year too (keep_date_years=False)")
    eval_deid.add_argument("--minilm-ner", action="store_true", help="experimental: add the MiniLM token classifier (deid/minilm_ner.py) as a recognizer")
    eval_deid.add_argument("--minilm-threshold", type=float, default=None, help="its probability threshold (default: the one stored with the head)")
    eval_deid.add_argument("--limit", type=int, help="evaluate the first N records only")
    eval_deid.set_defaults(func=_cmd_eval_deid)

    eval_needs = eval_sub.add_parser("needs", help="unmet-need categories and speaker role on a gold JSONL file (docs/unmet_needs.md)")
    eval_needs.add_argument("--gold", default="data/gold/needs_roles.jsonl", help="JSONL of {id, text, split, needs, speaker_role}")
    eval_needs.add_argument("--split", choices=["dev", "test"], help="evaluate one split only (default: all)")
    eval_needs.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    eval_needs.add_argument("--errors", action="store_true", help="also list the sentences that were not labelled as in the gold")
    eval_needs.add_argument("--classifier", action="store_true", help="score rules OR the need classifier (what run --need-classifier publishes); default: rules + the TF-IDF veto, as published by default")
    eval_needs.add_argument("--rules-only", action="store_true", help="score the rules alone (no TF-IDF veto)")
    eval_needs.add_argument("--operating-point", default="precise", choices=["precise", "balanced"],
                            help="need classifier thresholds (with --classifier): precise (CV precision >= 0.85, used by run --need-classifier) or balanced (best CV F1)")
    eval_needs.set_defaults(func=_cmd_eval_needs)

    eval_agree = eval_sub.add_parser("needs-agreement", help="how far a second labeller of a needs gold file agrees with the first, per category (docs/unmet_needs.md)")
    eval_agree.add_argument("--gold", required=True, help="the first labeller's JSONL of {id, text, needs, speaker_role}")
    eval_agree.add_argument("--second", required=True, help="the second labeller's JSONL of {id, needs, speaker_role}, same ids")
    eval_agree.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    eval_agree.set_defaults(func=_cmd_eval_needs_agreement)

    eval_ent = eval_sub.add_parser("entities", help="drug / symptom / condition figures on a gold JSONL file (docs/extraction.md)")
    eval_ent.add_argument("--gold", required=True, help='JSONL of {"text", "spans": [...]} and/or "drugs" / "symptoms" term lists')
    eval_ent.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    eval_ent.add_argument("--limit", type=int, help="evaluate the first N records only")
    eval_ent.set_defaults(func=_cmd_eval_entities)

    eval_as = eval_sub.add_parser("assertions", help="negated / hypothetical / family figures on an assertion gold file (docs/labelling_guide_assertions.md)")
    eval_as.add_argument("--gold", default="data/gold/assertions.jsonl")
    eval_as.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    eval_as.set_defaults(func=_cmd_eval_assertions)

    eval_topics = eval_sub.add_parser("topics", help="topic quality on a labelled JSONL/Parquet corpus, beside BERTopic's defaults (docs/topics.md)")
    eval_topics.add_argument("--gold", required=True, help="JSONL of objects (or a Parquet table) with a text field and a label field")
    eval_topics.add_argument("--label", default="community", help="label field to compare topics with (default community)")
    eval_topics.add_argument("--text-field", default="text", help="text field (default text; text_deid for a published posts table)")
    eval_topics.add_argument("--backend", default="minilm", help="embedding backend: minilm or static (default minilm)")
    eval_topics.add_argument("--cache-dir", default=".patient-insights-cache", help="embedding cache ('' to disable)")
    eval_topics.add_argument("--holdout", type=float, default=0.0, help="also fit on the rest and score this fraction of held-out posts assigned by the fitted model")
    eval_topics.add_argument("--no-defaults", action="store_true", help="skip the BERTopic-defaults baseline")
    eval_topics.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    eval_topics.set_defaults(func=_cmd_eval_topics)

    fast = sub.add_parser("build-fast-embedder", help="distil the static (fast) embedding backend from the packaged MiniLM, offline")
    fast.add_argument("--cache-dir", default=".patient-insights-cache", help="where it is stored (default .patient-insights-cache)")
    fast.add_argument("--force", action="store_true", help="rebuild even if present")
    fast.set_defaults(func=_cmd_build_fast_embedder)

    docs = sub.add_parser("docs", help="regenerate the data dictionary of the published tables")
    docs.add_argument("--output", default="docs/data_dictionary.md")
    docs.set_defaults(func=_cmd_docs)

    sample = sub.add_parser("make-sample", help="regenerate the embedded synthetic sample deterministically")
    sample.add_argument("--out", default="data/sample")
    sample.add_argument("--seed", type=int, default=20261123)
    sample.set_defaults(func=_cmd_make_sample)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
