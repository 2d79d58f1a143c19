"""Build ``deid/resources/world_names.tsv``: international first names and surnames.

Source (read at build time only, not a runtime dependency): ``Faker==40.54.0`` (MIT), the
first-name and last-name lists of its ``person`` providers, about 80 locales (European, Latin
American, African, South and East Asian romanised lists). Only Latin-script words are kept
(accents allowed); multi-word entries are split, and particles ("da", "van", "Ó") are dropped.
At runtime ``deid/gazetteers.py`` adds the US Census 1990 lists of the ``names`` package.

Columns: ``word`` (lower case, 3+ letters) and ``kind`` (``first``, ``last`` or
``first,last``). Which of them are also English words, stop words, drug or symptom words,
states or countries is decided at runtime (``deid/gazetteers.py``), not here.

    pip install faker==40.54.0    # build time only
    PYTHONPATH=. python -m training.lexicons.build_name_gazetteer
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "deid" / "resources" / "world_names.tsv"

LATIN_WORD = re.compile(r"^[a-zà-öø-ɏ][a-zà-öø-ɏ'’-]*[a-zà-öø-ɏ]$")
PARTICLES = frozenset(
    ["da", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "la", "le", "van", "von", "ten", "ter", "den", "bin", "ibn", "al", "ó", "ní", "mac", "mc", "st", "san"]
)


def _values(value) -> list[str]:
    if isinstance(value, dict):
        value = list(value)
    return [v for v in value if isinstance(v, str)]


def faker_names() -> tuple[set[str], set[str]]:
    from faker.providers import person

    first: set[str] = set()
    last: set[str] = set()
    for module_info in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module_info.name}"), "Provider", None)
        if provider is None:
            continue
        for attr in dir(provider):
            if attr.startswith("_"):
                continue
            value = getattr(provider, attr)
            if not isinstance(value, (tuple, list, dict)) or not value:
                continue
            if "first_name" in attr or "first_romanized" in attr:
                target = first
            elif "last_name" in attr or "last_romanized" in attr:
                target = last
            else:
                continue
            for entry in _values(value):
                for word in re.split(r"[\s]+", entry.strip().lower()):
                    if word not in PARTICLES and LATIN_WORD.match(word):
                        target.add(word)
    return first, last


def build() -> list[tuple[str, str]]:
    first, last = faker_names()
    rows = []
    for word in sorted(first | last):
        if len(word) >= 3:
            rows.append((word, ",".join(k for k, words in (("first", first), ("last", last)) if word in words)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build()
    header = (
        "# International first names and surnames from the person providers of Faker 40.54.0 (MIT licence,\n"
        "# Copyright (c) 2012 Daniele Faraglia). Built by training/lexicons/build_name_gazetteer.py; do not edit.\n"
        "# word<TAB>kind (first, last or first,last)\n"
    )
    args.out.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
