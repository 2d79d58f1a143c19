"""``patient-insights deid``: de-identify a JSON Lines file of ``{"id", "text", ...}`` records.

Output, one line per readable input record, in input order:
``{"id", "text": <de-identified>, "redactions": [{"start", "end", "entity_type"}]}``,
offsets into the ORIGINAL text. Unreadable records are reported on stderr by line
number and reason (never their content) and the rest of the file is processed.
"""
from __future__ import annotations

import json
import sys
from collections import deque
from pathlib import Path
from typing import Iterator, Optional, TextIO

from deid.parallel import deidentify_parallel


def _records(path: Path, errors: TextIO, max_chars: int) -> Iterator[tuple[object, str]]:
    with open(path, "rb") as fh:
        for line_no, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            reason = None
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                reason = "invalid UTF-8"
            except json.JSONDecodeError as exc:
                reason = f"not valid JSON (column {exc.colno})"
            except RecursionError:
                reason = "not valid JSON (nesting too deep)"
            else:
                if not isinstance(record, dict):
                    reason = "not a JSON object"
                elif "id" not in record:
                    reason = "no id"
                elif not isinstance(record.get("text"), str):
                    reason = "no text string"
                elif len(record["text"]) > max_chars:
                    reason = f"text longer than {max_chars} characters"
            if reason:
                print(f"{path}:{line_no}: skipped: {reason}", file=errors)
                continue
            yield record["id"], record["text"]


def run(
    input_path: Path,
    output_path: Path,
    members: Optional[Path] = None,
    max_chars: int = 10_000_000,
    errors: Optional[TextIO] = None,
    processes: int = 1,
) -> dict:
    errors = errors or sys.stderr
    names = members.read_text(encoding="utf-8").splitlines() if members else []
    written = 0
    ids: deque = deque()

    def texts() -> Iterator[str]:
        for rid, text in _records(Path(input_path), errors, max_chars):
            ids.append(rid)
            yield text

    with open(output_path, "w", encoding="utf-8") as out:
        for result in deidentify_parallel(texts(), processes=processes, member_names=names):
            rid = ids.popleft()
            out.write(json.dumps({"id": rid, "text": result.text, "redactions": [r.as_dict() for r in result.redactions]}, ensure_ascii=False) + "\n")
            written += 1
    return {"written": written}
