"""Small Parquet helpers: streaming row writers and typed table building."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq


class RowWriter:
    """Buffers dict rows and writes them as row groups, so memory stays flat in corpus size."""

    def __init__(self, path: Path, schema: pa.Schema, rows_per_group: int = 2048) -> None:
        self.path = Path(path)
        self.schema = schema
        self.rows_per_group = rows_per_group
        self._rows: list[dict] = []
        self._writer: Optional[pq.ParquetWriter] = None
        self.count = 0

    def write(self, row: dict) -> None:
        self._rows.append(row)
        self.count += 1
        if len(self._rows) >= self.rows_per_group:
            self._flush()

    def _flush(self) -> None:
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, self.schema)
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        if self._writer is not None:
            self._writer.close()

    def __enter__(self) -> "RowWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def iter_rows(path: Path, columns: Optional[list[str]] = None, batch_size: int = 1024) -> Iterator[list[dict]]:
    """Batches of rows as dicts; nothing when the file does not exist (an empty stage)."""
    if not Path(path).exists():
        return
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size, columns=columns):
        yield batch.to_pylist()


def read_table(path: Path, schema: pa.Schema) -> pa.Table:
    if not Path(path).exists():
        return schema.empty_table()
    return pq.read_table(path, schema=schema)
