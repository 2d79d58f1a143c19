"""Opening a source file as one decompressed, BOM-free binary stream.

Compression is recognised by magic bytes, not by extension: zstandard
(Pushshift / Arctic Shift dumps, which need a 2 GiB window) and gzip. Errors
from the file system or the decompressor surface as ``SourceReadError`` naming
the file.
"""
from __future__ import annotations

import codecs
import gzip
import io
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

import zstandard

from .errors import SourceReadError

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
BUFFER_SIZE = 1 << 18  # 256 KiB
ZSTD_MAX_WINDOW = 2**31

_STREAM_ERRORS = (zstandard.ZstdError, zlib.error, EOFError, OSError)


class _GuardedRaw(io.RawIOBase):
    """Raw stream over a decompressor that turns its errors into SourceReadError."""

    def __init__(self, inner: BinaryIO, path: str, what: str, underlying: BinaryIO | None = None):
        self._inner = inner
        self._underlying = underlying
        self._path = path
        self._what = what
        self._read = getattr(inner, "read1", inner.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            # read1: hand over what was decompressed before a truncation is hit
            data = self._read(len(buffer))
        except SourceReadError:
            raise
        except _STREAM_ERRORS as exc:
            raise SourceReadError(
                f"{self._path}: cannot read {self._what} stream ({type(exc).__name__})"
            ) from exc
        n = len(data)
        buffer[:n] = data
        return n

    def close(self) -> None:
        if not self.closed:
            try:
                self._inner.close()
                if self._underlying is not None:
                    self._underlying.close()
            finally:
                super().close()


class _Utf16ToUtf8(io.RawIOBase):
    """Raw stream that re-encodes a UTF-16 stream (its BOM already read) as UTF-8.

    A lone surrogate, or an odd byte at the end, is passed on as bytes that are not
    valid UTF-8, so that the readers quarantine that record as ``invalid_utf8`` and
    go on with the rest.
    """

    def __init__(self, inner: io.BufferedReader, path: str, encoding: str):
        self._inner = inner
        self._path = path
        self._decoder = codecs.getincrementaldecoder(encoding)("surrogatepass")
        self._pending = b""
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending and not self._eof:
            data = self._inner.read(BUFFER_SIZE)
            self._eof = not data
            try:
                text = self._decoder.decode(data, final=self._eof)
            except UnicodeDecodeError:  # only at the end: a byte left over
                self._pending = b"\xff"
            else:
                self._pending = text.encode("utf-8", "surrogatepass")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        if not self.closed:
            try:
                self._inner.close()
            finally:
                super().close()


def _compression(fh: BinaryIO) -> str | None:
    magic = fh.read(4)
    fh.seek(0)
    if magic.startswith(ZSTD_MAGIC):
        return "zstd"
    if magic.startswith(GZIP_MAGIC):
        return "gzip"
    return None


@contextmanager
def open_source(path: str | Path) -> Iterator[io.BufferedReader]:
    """Yield the file's content, decompressed and with any UTF-8 BOM skipped; a file
    with a UTF-16 BOM is re-encoded as UTF-8."""
    name = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise SourceReadError(f"{name}: cannot open file ({exc.strerror or type(exc).__name__})") from exc
    try:
        kind = _compression(fh)
    except OSError as exc:
        fh.close()
        raise SourceReadError(f"{name}: cannot read file ({exc.strerror or type(exc).__name__})") from exc
    if kind == "zstd":
        inner = zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW).stream_reader(
            fh, read_across_frames=True, closefd=True
        )
    elif kind == "gzip":
        inner = gzip.GzipFile(fileobj=fh, mode="rb")
    else:
        inner = fh
    stream = io.BufferedReader(_GuardedRaw(inner, name, kind or "file", fh), BUFFER_SIZE)
    try:
        head = stream.peek(3)
        if head[:3] == UTF8_BOM:
            stream.read(3)
        elif head[:2] in UTF16_BOMS:
            encoding = UTF16_BOMS[stream.read(2)]
            stream = io.BufferedReader(_Utf16ToUtf8(stream, name, encoding), BUFFER_SIZE)
            if stream.peek(3)[:3] == UTF8_BOM:  # a BOM written twice
                stream.read(3)
        yield stream
    finally:
        stream.close()


def file_stem(path: str | Path) -> str:
    """The file name without compression and format extensions ('a.jsonl.zst' -> 'a')."""
    name = Path(path).name
    for _ in range(3):
        stem, dot, ext = name.rpartition(".")
        if dot and stem and ext.lower() in {"zst", "zstd", "gz", "jsonl", "ndjson", "json", "csv", "tsv", "txt"}:
            name = stem
        else:
            break
    return name
