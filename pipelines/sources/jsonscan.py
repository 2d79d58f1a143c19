"""Fallback splitter for a top-level JSON array that ijson could not parse.

It finds element boundaries by tracking strings and bracket depth only, so a
syntax error inside one element does not stop the following elements from
being read. Used only after ijson has failed (it is slower than ijson).
"""
from __future__ import annotations

import re
from typing import BinaryIO, Iterator

_OUTSIDE = re.compile(rb'[\[\]{}",]')
_INSIDE = re.compile(rb'["\\]')
CHUNK = 1 << 20


def iter_array_elements(stream: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """Yield (raw element bytes, complete) for each element of a top-level array.

    ``complete`` is False for a last element cut off by the end of the file.
    Stops at the closing bracket of the array.
    """
    started = False
    depth = 0
    in_string = False
    skip_next = False  # the byte after a backslash that ended the previous chunk
    buf = bytearray()
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        n = len(chunk)
        i = 0
        if not started:
            i = chunk.find(b"[")
            if i < 0:
                continue
            started = True
            i += 1
        seg = i
        while i < n:
            if skip_next:
                skip_next = False
                i += 1
                continue
            if in_string:
                m = _INSIDE.search(chunk, i)
                if m is None:
                    break
                i = m.end()
                if chunk[m.start()] == 0x5C:  # backslash: skip the escaped byte
                    skip_next = True
                else:
                    in_string = False
                continue
            m = _OUTSIDE.search(chunk, i)
            if m is None:
                break
            c = chunk[m.start()]
            i = m.end()
            if c == 0x22:  # "
                in_string = True
            elif c in (0x5B, 0x7B):  # [ {
                depth += 1
            elif c in (0x5D, 0x7D):  # ] }
                if depth > 0:
                    depth -= 1
                elif c == 0x5D:  # end of the top-level array
                    buf += chunk[seg : m.start()]
                    if buf.strip():
                        yield bytes(buf), True
                    return
            elif depth == 0:  # a top-level comma
                buf += chunk[seg : m.start()]
                yield bytes(buf), True
                buf.clear()
                seg = i
        buf += chunk[seg:]
    if buf.strip():
        yield bytes(buf), False
