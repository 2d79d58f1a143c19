"""Unbroken runs of 256 or more non-space characters are redacted whole and never analysed.

No word an analyst needs is that long; such runs are pasted data (a base64 image, a minified
payload), keyboard mashing, ASCII art or a very long link. Several patterns, ours and
Presidio's, are quadratic on them: Presidio's URL pattern takes 9.5 s on 10,000 characters of
"a.a.a.", a street-number pattern 3.4 s on 10,000 "A"; at the 50,000-character analysis window
that is minutes per post. Analysing them also yields nothing useful: a base64 image came out as
a string of PERSON fragments.

``blank_long_tokens`` returns the analysis text with each such run replaced by spaces (same
length, so offsets stay valid) and one span per run: ``URL`` when it holds a link, else
``LONG_TOKEN``. The published text shows the placeholder; nothing inside the run can leak.
"""
from __future__ import annotations

import re

from .spans import Span

MAX_TOKEN_CHARS = 256
LONG_TOKEN = "LONG_TOKEN"
_LONG = re.compile(r"(?<!\S)\S{%d,}" % MAX_TOKEN_CHARS)
_LINK = re.compile(r"(?i)https?://|www\.|ftp://")


def blank_long_tokens(text: str) -> tuple[str, list[Span]]:
    """(analysis text, spans of the long runs); ``text`` itself when there are none."""
    if len(text) < MAX_TOKEN_CHARS:
        return text, []
    spans = [Span(m.start(), m.end(), "URL" if _LINK.search(m.group()) else LONG_TOKEN, 1.0) for m in _LONG.finditer(text)]
    if not spans:
        return text, []
    parts, pos = [], 0
    for s in spans:
        parts += [text[pos : s.start], " " * (s.end - s.start)]
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts), spans
