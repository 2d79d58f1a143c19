"""Cost of de-identification and extraction on pathological post bodies, at two sizes.

    python benchmarks/pathological_posts.py [--sizes 5000 20000] [--json]

Each shape is one unit repeated to the size in characters: punctuation runs, unbroken tokens
("a.a.a.", "AAAA", base64), runs of name-like words ("Jenny Jenny", "Jenny, Jenny"), street-like
runs ("12 Main 12 Main") and more. For each it times ``Deidentifier.deidentify`` and the
extraction pass the pipeline runs on the de-identified text (one parse, then the medical,
unmet-need and speaker-role extractors), and prints the growth from the small size to the
large one: 4x the characters should cost about 4x the time; 16x means quadratic. Rows growing
more than 8x are flagged. Invented text only; no file is read.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SHAPES = {
    "open_parens": "(", "dollars": "$", "equals": "=", "mixed_punct": "!?", "ellipsis": "\u2026",
    "letters": "a", "caps": "A", "digits": "1", "dotted": "a.", "hyphenated": "a-", "dash_digits": "1-",
    "slashes": "a/", "url_chars": "http://a", "plus_digits": "+1", "ssn_like": "123-45-",
    "words_cap": "Jenny ", "comma_names": "Jenny, ", "names_and": "Jenny and ", "caps_words": "JENNY ",
    "street_runs": "12 Main ", "titles": "Dr. ", "spaced_digits": "1 ", "digit_words": "one ",
    "at_words": "at ", "dot_words": "dot ", "email_like": "a@b.c ", "hash_digits": "#1 ",
    "apostrophes": "a's ", "emoji": "\U0001F600", "newlines": "\n", "zero_width": "a\u200b",
}


def base64_unit(size: int) -> str:
    return base64.b64encode(os.urandom(size * 3 // 4 + 3)).decode()[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[5000, 20000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from deid import Deidentifier
    from insights.nlp import load_extraction_pipeline
    from pipelines.stages.extract import MedicalRows, PostContext
    from pipelines.stages.needs import NeedRows, SpeakerRoles

    deid = Deidentifier()
    deid.warm_up()
    nlp = load_extraction_pipeline()
    extractors = [MedicalRows(nlp), NeedRows(nlp), SpeakerRoles(nlp)]
    post = PostContext("post", "thread", "community", "2026-01", "author", None, None, "unknown")

    def timed(text: str) -> tuple[float, float]:
        t0 = time.perf_counter()
        clean = deid.deidentify(text).text
        t1 = time.perf_counter()
        doc = nlp(clean)
        for x in extractors:
            x.rows(doc, post)
        return t1 - t0, time.perf_counter() - t1

    rows = []
    for name, unit in [*SHAPES.items(), ("base64", None)]:
        times = [timed(base64_unit(n) if unit is None else unit * (n // len(unit))) for n in args.sizes]
        (d1, e1), (d2, e2) = times
        rows.append({"shape": name, "deid_s": [round(d1, 3), round(d2, 3)], "extract_s": [round(e1, 3), round(e2, 3)],
                     "flag": d2 > 8 * d1 + 0.1 or e2 > 8 * e1 + 0.1})
        if not args.json:
            r = rows[-1]
            print(f"{name:14s} deid {d1:7.2f} -> {d2:7.2f} s   extract {e1:6.2f} -> {e2:6.2f} s{'  <-- superlinear' if r['flag'] else ''}", flush=True)
    if args.json:
        print(json.dumps({"sizes": args.sizes, "rows": rows}, indent=1))
    else:
        print(f"sizes {args.sizes[0]:,} -> {args.sizes[1]:,} characters; flagged: {sum(r['flag'] for r in rows)} of {len(rows)}")


if __name__ == "__main__":
    main()
