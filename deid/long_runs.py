"""A tokenizer wrapper that keeps long runs of punctuation linear.

spaCy's tokenizer peels prefix and suffix punctuation off a whitespace-delimited chunk one
character at a time, copying the rest of the chunk each time, so a chunk made only of
punctuation costs time quadratic in its length: 3,000 "(" take 0.7 s, 6,000 take 3.4 s, and a
post whose body is 40,000 "(" took 230 s to de-identify. "$" and "=" are twice as slow again.
Forum exports do carry such runs (keyboard mashing, ASCII art, broken markup).

The wrapper finds runs of at least ``RUN_MIN`` non-word, non-space characters and hands them to
the tokenizer in pieces of ``RUN_MIN`` characters; the text between runs goes to the tokenizer
whole. The pieces are joined with ``Doc.from_docs``, so the ``Doc``'s text is the input text,
character for character, and every offset stays valid. Text with no such run (nearly every
post) goes straight to the wrapped tokenizer after one regex search.

The tokens can differ from the plain tokenizer's only inside a run: a run of hyphens, which
spaCy keeps as one token, becomes one token per piece.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.tokens import Doc

RUN_MIN = 32
_RUN = re.compile(r"[^\w\s]{%d,}" % RUN_MIN)


class RunSplittingTokenizer:
    """Wraps a spaCy tokenizer; everything but ``__call__`` and ``pipe`` is the wrapped one's."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        if _RUN.search(text) is None:
            return self.tokenizer(text)
        docs = [self.tokenizer(text[start:end]) for start, end in pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def pieces(text: str) -> list[tuple[int, int]]:
    """Contiguous (start, end) pieces covering ``text``: the text between runs whole, each run in
    ``RUN_MIN``-character pieces, the last taking one following space (a token's trailing space,
    as the plain tokenizer would give it)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _RUN.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        end = m.end() + 1 if text[m.end():m.end() + 1] == " " else m.end()
        starts = range(m.start(), m.end(), RUN_MIN)
        out.extend((s, min(s + RUN_MIN, m.end())) for s in starts)
        out[-1] = (out[-1][0], end)
        pos = end
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def guard(nlp):
    """Install the wrapper on a pipeline (idempotent); returns the pipeline."""
    if not isinstance(nlp.tokenizer, RunSplittingTokenizer):
        nlp.tokenizer = RunSplittingTokenizer(nlp.tokenizer)
    return nlp
