"""The automated leak check published outputs must pass before they are visible.

It looks for structured identifiers that should never survive de-identification
(e-mails, URLs, phone numbers, SSNs, handles) and for the export's own member names.
Text is normalised first (NFKC, invisible characters dropped, look-alike letters mapped), and
member names are found inside compounds too ("u_jenny_walsh82", "support-for-jenny-walsh82",
"hope.rivera.77": split on ``_ - .``, digits and camelCase, see ``member_names.name_parts``).
Findings name the table, column, row and kind of identifier: never the value.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional

import pyarrow as pa

from deid.normalize import CONFUSABLES, normalize
from deid.recognizers.member_names import MemberNameRecognizer


def normalise(text: str) -> str:
    """The text as a reader sees it: the de-identifier's own normalisation (``deid.normalize``:
    invisible characters dropped, look-alike letters mapped, a word hyphenated across a line break
    joined), then NFKC over the whole text (which also composes an accent written apart from its
    letter) and the homoglyph map again for what NFKC produced."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", normalize(text).text).translate(CONFUSABLES)

STRUCTURED = {
    "EMAIL_ADDRESS": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    "URL": re.compile(r"(?i)\b(?:https?://|www\.)\S+"),
    "PHONE_NUMBER": re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),
    "US_SSN": re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)"),
    "USERNAME": re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,}|(?<![\w/])u/[A-Za-z0-9_-]{3,}"),
}


@dataclass(frozen=True)
class Finding:
    table: str
    column: str
    row: int
    kind: str

    def __str__(self) -> str:
        return f"{self.table}.{self.column} row {self.row}: {self.kind}"


class LeakDetected(RuntimeError):
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        shown = "; ".join(str(f) for f in findings[:10])
        more = f" and {len(findings) - 10} more" if len(findings) > 10 else ""
        super().__init__(f"leak check failed, nothing published: {shown}{more}")


class LeakChecker:
    def __init__(self, member_names: Iterable[Optional[str]] = ()) -> None:
        self.members = MemberNameRecognizer(member_names)

    def kinds_in(self, text: Optional[str]) -> list[str]:
        if not text:
            return []
        text = normalise(text)
        kinds = [kind for kind, rx in STRUCTURED.items() if rx.search(text)]
        if self.members.analyze(text, ["PERSON"]):
            kinds.append("MEMBER_NAME")
        return kinds

    def check_table(self, name: str, table: pa.Table) -> list[Finding]:
        findings = []
        for field in table.schema:
            if not (pa.types.is_string(field.type) or (pa.types.is_list(field.type) and pa.types.is_string(field.type.value_type))):
                continue
            if field.name in SAFE_COLUMNS:
                continue
            for row, value in enumerate(table.column(field.name).to_pylist()):
                values = value if isinstance(value, list) else [value]
                for v in values:
                    for kind in self.kinds_in(v):
                        findings.append(Finding(name, field.name, row, kind))
        return findings


# Columns whose values the pipeline itself generates (keys, codes, JSON of counts).
SAFE_COLUMNS = frozenset(
    {"run_id", "post_key", "thread_key", "parent_key", "author_key", "period_month", "outcome",
     "reason", "source_format", "taxonomy_version", "code_version", "key_origin", "topic_status"}
)
