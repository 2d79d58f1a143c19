"""Assertion figures on a gold file of mentions with their status (``patient-insights eval assertions``).

Gold: one JSON object a line, ``{"id", "text", "mention": {"start", "end"}, "status"}`` with
status experienced / negated / hypothetical / family (``docs/labelling_guide_assertions.md``).
Each gold mention is matched to our mention that overlaps it (any entity type); a gold mention
we do not find counts as missed (against recall, not precision). Per status: precision =
correct / our mentions given that status (among matched), recall = correct / gold with it.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pipelines.evaluation.deid_eval import GoldFormatError

STATUSES = ("experienced", "negated", "hypothetical", "family")


def load(path: Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                start, end, status = int(obj["mention"]["start"]), int(obj["mention"]["end"]), str(obj["status"])
                text = obj["text"]
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{path}:{line_no}: not an assertion record ({type(exc).__name__})") from None
            if status not in STATUSES or not 0 <= start < end <= len(text):
                raise GoldFormatError(f"{path}:{line_no}: bad status or offsets")
            records.append({"text": text, "start": start, "end": end, "status": status})
    return records


def evaluate(records: list[dict], extractor) -> dict:
    c = Counter()
    for r, doc in zip(records, extractor.nlp.pipe(x["text"] for x in records)):
        hits = [m for m in extractor(doc) if m.start_char < r["end"] and r["start"] < m.end_char]
        c[f"gold:{r['status']}"] += 1
        if not hits:
            c["missed"] += 1
            continue
        got = max(hits, key=lambda m: min(m.end_char, r["end"]) - max(m.start_char, r["start"])).assertion
        c[f"pred:{got}"] += 1
        if got == r["status"]:
            c[f"correct:{r['status']}"] += 1
    per = {}
    for s in STATUSES:
        p = c[f"correct:{s}"] / c[f"pred:{s}"] if c[f"pred:{s}"] else None
        rec = c[f"correct:{s}"] / c[f"gold:{s}"] if c[f"gold:{s}"] else None
        per[s] = {"gold": c[f"gold:{s}"], "predicted": c[f"pred:{s}"], "correct": c[f"correct:{s}"],
                  "precision": round(p, 4) if p is not None else None, "recall": round(rec, 4) if rec is not None else None}
    matched = len(records) - c["missed"]
    return {"records": len(records), "mentions_found": matched, "missed": c["missed"],
            "accuracy_on_found": round(sum(c[f"correct:{s}"] for s in STATUSES) / matched, 4) if matched else None, "per_status": per}


def run(gold: Path) -> dict:
    from insights.extraction.entities import default_entity_extractor

    report = evaluate(load(Path(gold)), default_entity_extractor())
    report["gold"] = Path(gold).name
    return report


def format_table(report: dict) -> str:
    lines = [f"{report['gold']}: {report['records']} mentions, {report['mentions_found']} found, accuracy on found {report['accuracy_on_found']}",
             "", f"{'status':<14}{'gold':>6}{'ours':>6}{'precision':>11}{'recall':>8}"]
    for s, v in report["per_status"].items():
        p = "-" if v["precision"] is None else f"{v['precision']:.3f}"
        r = "-" if v["recall"] is None else f"{v['recall']:.3f}"
        lines.append(f"{s:<14}{v['gold']:>6}{v['predicted']:>6}{p:>11}{r:>8}")
    return "\n".join(lines)
