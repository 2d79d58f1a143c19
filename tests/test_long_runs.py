"""Long punctuation runs reach spaCy's tokenizer only in short pieces (deid/long_runs.py): the
Doc keeps the text exactly, text without runs tokenizes as before, both pipelines carry the
guard (the Presidio baseline does not), and identifiers beside a run are still redacted."""
from __future__ import annotations

import random
import re

import pytest

from deid.baseline import presidio_default
from deid.long_runs import RUN_MIN, RunSplittingTokenizer, pieces
from deid.nlp import load_pipeline
from insights.nlp import load_extraction_pipeline

LONGEST_PUNCT = re.compile(r"[^\w\s]+")

CASES = [
    "(" * 5000,
    "hello " + "(" * 100 + " world",
    " " + "!" * 40 + "\nx",
    "ok" + "=-" * 40 + "word",
    "a a " + "$" * 65 + "  b",
    "-" * 80,
    "Started Lyrica" + "(" * 45 + " yes.",
    "\t" + "?" * (RUN_MIN + 1) + " ",
    "?" * (RUN_MIN - 1),
    "no runs here at all.",
    "",
]


def _random_texts(n: int = 80) -> list[str]:
    rng = random.Random(7)
    parts = ["(", "!", " ", "a", "\n", "..", "word ", "$", "\u2026", "  "]
    return ["".join(rng.choice(parts) for _ in range(rng.randint(0, 400))) for _ in range(n)]


class Spy:
    """A tokenizer that records what it was given."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer, self.seen = tokenizer, []

    def __call__(self, text):
        self.seen.append(text)
        return self.tokenizer(text)


def _longest_run(text: str) -> int:
    return max((len(m) for m in LONGEST_PUNCT.findall(text)), default=0)


@pytest.mark.parametrize("text", CASES + _random_texts())
def test_pieces_cover_the_text_and_cut_every_run_short(text):
    cut = pieces(text)
    assert "".join(text[s:e] for s, e in cut) == text
    assert all(e > s for s, e in cut)
    assert all(_longest_run(text[s:e]) <= RUN_MIN for s, e in cut)


@pytest.mark.parametrize("load", [load_pipeline, load_extraction_pipeline], ids=["deid", "extraction"])
def test_both_pipelines_carry_the_guard(load):
    assert isinstance(load().tokenizer, RunSplittingTokenizer)


def test_presidio_baseline_keeps_the_plain_tokenizer():
    assert not isinstance(presidio_default().analyzer.nlp_engine.nlp["en"].tokenizer, RunSplittingTokenizer)


@pytest.mark.parametrize("text", CASES + _random_texts())
def test_doc_text_is_the_input_and_runless_text_tokenizes_as_before(text):
    guarded = load_extraction_pipeline().tokenizer
    doc = guarded(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    if _longest_run(text) < RUN_MIN:
        assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in guarded.tokenizer(text)]


def test_the_wrapped_tokenizer_never_sees_a_long_run():
    spy = Spy(load_extraction_pipeline().tokenizer.tokenizer)
    doc = RunSplittingTokenizer(spy)("I said " + "(" * 10_000 + " twice " + "$=" * 3_000)
    assert len(spy.seen) >= 10_000 // RUN_MIN + 6_000 // RUN_MIN
    assert max(_longest_run(s) for s in spy.seen) <= RUN_MIN
    assert [t.text for t in doc][:2] == ["I", "said"] and "twice" in [t.text for t in doc]


def test_identifiers_beside_a_long_run_are_still_redacted(deidentifier):
    # runs under deid/long_tokens.py's MAX_TOKEN_CHARS are analysed and kept; longer ones are one placeholder
    text = "Call me Jenny at 555-123-4567 " + "(" * 200 + " or email jenny.doe@example.com " + "$" * 3_000
    out = deidentifier.deidentify(text).text
    for value in ("555-123-4567", "jenny.doe@example.com", "Jenny"):
        assert value not in out
    assert "(" * 200 in out and out.endswith(" <LONG_TOKEN>")
