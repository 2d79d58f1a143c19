"""Speaker role per post on real posts: ``insights.speaker_role.infer_role`` against a blind gold
of MedRed dev (Reddit health posts) and CADEC dev (AskaPatient reviews), both research-licensed:
evaluation only.

    PYTHONPATH=. python benchmarks/roles_real_posts.py [--json] [--refs FILE] [--shared DIR]

The gold file ``data/gold/roles_real_refs.jsonl`` holds no text: one line per post,
``{"set": "medred_dev"|"cadec_dev", "id", "sha256", "speaker_role", "notes"?}``; ``sha256`` is
that of the record's ``text`` (a post whose hash no longer matches is reported and skipped).
Roles follow the "Speaker role" section of docs/labelling_guide_needs_roles.md, judged from the
whole post, and were written from the post text alone before any role code ran on it. Notes
say in general words why a hard case got its label (never a quote).

Sample (``--build-sample OUT`` rewrites it, roles null): ``random.Random(7).sample(records, n)``
over each file's records in file order, 150 from ``medred_dev.jsonl`` and 100 from
``cadec_dev.jsonl``.

The code measured is whatever ``insights`` the interpreter imports (this script does not touch
``sys.path``): run it with ``PYTHONPATH=.`` from the checkout to measure; the output names the
module file and the cue version. Each post goes through ``load_extraction_pipeline()`` and
``infer_role(doc)``, as the product decides per post. Skips cleanly (exit 0, a message) when the
shared files are absent.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REFS = REPO / "data" / "gold" / "roles_real_refs.jsonl"
_CANDIDATES = (Path("/work/shared/eval/medical"), REPO.parent / "shared" / "eval" / "medical")
DEFAULT_SHARED = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[-1])
ROLES = ("patient", "caregiver", "clinician", "unknown")
SAMPLE = {"medred_dev": 150, "cadec_dev": 100}
SEED = 7


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(pairs: list[tuple[str, str]]) -> dict:
    """(gold, predicted) role pairs -> accuracy, per-class precision/recall/support, confusion.

    Precision of a class no post was predicted as, or recall of a class with no gold post, is None.
    ``confusion[gold][predicted]`` counts posts.
    """
    confusion = {g: {p: 0 for p in ROLES} for g in ROLES}
    for gold, pred in pairs:
        confusion[gold][pred] += 1
    per_class = {}
    for role in ROLES:
        tp = confusion[role][role]
        predicted = sum(confusion[g][role] for g in ROLES)
        support = sum(confusion[role].values())
        per_class[role] = {
            "precision": tp / predicted if predicted else None,
            "recall": tp / support if support else None,
            "tp": tp, "predicted": predicted, "support": support,
        }
    n = len(pairs)
    return {
        "posts": n,
        "accuracy": sum(confusion[r][r] for r in ROLES) / n if n else None,
        "per_class": per_class,
        "confusion": confusion,
    }


def build_sample(shared: Path, out: Path) -> None:
    lines = []
    for name, n in SAMPLE.items():
        for rec in random.Random(SEED).sample(load_jsonl(shared / f"{name}.jsonl"), n):
            lines.append(json.dumps({"set": name, "id": rec["id"], "sha256": sha(rec["text"]), "speaker_role": None}))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} posts -> {out}")


def evaluate(refs: list[dict], shared: Path) -> dict:
    from insights import speaker_role
    from insights.nlp import load_extraction_pipeline

    nlp = load_extraction_pipeline()
    result = {
        "code": {"module": speaker_role.__file__, "cues_version": speaker_role.load_role_lexicon().version},
        "sets": {},
    }
    all_pairs: list[tuple[str, str]] = []
    for name in sorted({r["set"] for r in refs}, key=list(SAMPLE).index):
        texts = {rec["id"]: rec["text"] for rec in load_jsonl(shared / f"{name}.jsonl")}
        wanted = [r for r in refs if r["set"] == name]
        ok = [r for r in wanted if r["id"] in texts and sha(texts[r["id"]]) == r["sha256"]]
        pairs = []
        for r, doc in zip(ok, nlp.pipe([texts[r["id"]] for r in ok], batch_size=32)):
            pairs.append((r["speaker_role"], speaker_role.infer_role(doc).role))
        entry = score(pairs)
        entry["skipped_drift"] = len(wanted) - len(ok)
        result["sets"][name] = entry
        all_pairs += pairs
    result["sets"]["all"] = score(all_pairs)
    return result


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def print_report(result: dict) -> None:
    print(f"speaker role per post; cues v{result['code']['cues_version']} ({result['code']['module']})")
    for name, s in result["sets"].items():
        drift = f", skipped for hash drift {s['skipped_drift']}" if s.get("skipped_drift") else ""
        print(f"\n{name}: {s['posts']} posts, accuracy {fmt(s['accuracy'])}{drift}")
        print(f"{'role':10} {'P':>6} {'R':>6} {'TP':>4} {'pred':>5} {'gold':>5}")
        for role, e in s["per_class"].items():
            print(f"{role:10} {fmt(e['precision']):>6} {fmt(e['recall']):>6} {e['tp']:4d} {e['predicted']:5d} {e['support']:5d}")
        print("confusion (rows gold, columns predicted): " + " ".join(r[:4] for r in ROLES))
        for g in ROLES:
            print(f"  {g:10} " + " ".join(f"{s['confusion'][g][p]:4d}" for p in ROLES))


def main(argv: list[str] | None = None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refs", type=Path, default=DEFAULT_REFS)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help="folder holding medred_dev.jsonl and cadec_dev.jsonl")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--build-sample", type=Path, metavar="OUT", help="write the unlabelled sample to OUT")
    args = parser.parse_args(argv)
    missing = [name for name in SAMPLE if not (args.shared / f"{name}.jsonl").exists()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found under {args.shared} (research-licensed sets are not shipped)")
        return None
    if args.build_sample:
        build_sample(args.shared, args.build_sample)
        return None
    refs = load_jsonl(args.refs)
    if any(r["speaker_role"] is None for r in refs):
        print("skipped: the refs file has unlabelled lines")
        return None
    result = evaluate(refs, args.shared)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)
    return result


if __name__ == "__main__":
    main()
