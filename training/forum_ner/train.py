"""Rebuild deid/resources/forum_ner from the public WNUT 2017 training set.

    .venv/bin/python training/forum_ner/train.py [--wnut ../shared/eval/deid/wnut17_train.jsonl]

Only PERSON and LOCATION spans are kept (other WNUT labels become plain text). A lower-cased
copy of 30 % of the documents teaches lower-case names. 10 % of the documents (fixed seed)
are held out for choosing the best checkpoint, so the WNUT *dev* set stays unseen for the
figures in docs/deid_figures.md. Nothing from the medical evaluation sets is used.
``--augment N`` adds N copies of each training document that names a person, each PERSON
span replaced by a random name from the packaged gazetteers (``deid/gazetteers.py``: Census
and Faker first names and surnames of ~80 locales), sometimes in lower case: the model then
learns the contexts that name people rather than the few thousand names WNUT happens to hold.
``--places N`` does the same for LOCATION spans with gazetteer places (GeoNames cities, big
cities, states, countries); ``--templates N`` adds N sentences from forum-like templates of our
own (``TEMPLATES``: names, places, and drug names that must stay plain words). Neither is used
for the packaged model: see docs/deid_places.md ("Tried and dropped").
``--forum N`` adds N patient-forum sentences of ``forum_templates.py`` (family members, clinicians,
greetings and sign-offs with names of many origins; drugs, made-up brand-shaped words and lay
symptoms as hard negatives); measured and not used for the packaged model either: see
docs/deid_names.md (session 7). Every random choice is seeded, and spaCy trains with seed 0.
Takes about 10 minutes on 2 CPU cores.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LABELS = ("PERSON", "LOCATION")


def to_docs(path: Path, lower_share: float, seed: int):
    nlp = spacy.blank("en")
    rng = random.Random(seed)
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        variants = [record["text"]] + ([record["text"].lower()] if rng.random() < lower_share else [])
        for text in variants:
            doc = nlp.make_doc(text)
            spans = [doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand") for s in record["spans"] if s["label"] in LABELS]
            doc.ents = spacy.util.filter_spans([s for s in spans if s is not None])
            yield doc


def _random_name(rng: random.Random, firsts: list[str], lasts: list[str]) -> str:
    shape = rng.random()
    if shape < 0.45:
        name = rng.choice(firsts).title()
    elif shape < 0.9:
        name = f"{rng.choice(firsts).title()} {rng.choice(lasts).title()}"
    else:
        name = rng.choice(lasts).title()
    return name.lower() if rng.random() < 0.25 else name


def _swap_spans(path: Path, label: str, copies: int, seed: int, pick):
    """(source text, copy) for the documents with a ``label`` span: every such span replaced by
    ``pick(rng)`` (other spans kept, offsets shifted)."""
    rng = random.Random(seed)
    nlp = spacy.blank("en")
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        spans = sorted((s for s in record["spans"] if s["label"] in LABELS), key=lambda s: s["start"])
        if not any(s["label"] == label for s in spans):
            continue
        for _ in range(copies):
            text, new_spans, cursor = "", [], 0
            for span in spans:
                if span["start"] < cursor:
                    continue
                value = pick(rng) if span["label"] == label else record["text"][span["start"] : span["end"]]
                text += record["text"][cursor : span["start"]]
                new_spans.append((len(text), len(text) + len(value), span["label"]))
                text += value
                cursor = span["end"]
            text += record["text"][cursor:]
            doc = nlp.make_doc(text)
            ents = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in new_spans]
            doc.ents = spacy.util.filter_spans([s for s in ents if s is not None])
            yield record["text"], doc


def augment(path: Path, copies: int, seed: int):
    """(source text, copy) for the documents that name a person: every PERSON span swapped for a
    random gazetteer name (other spans kept, offsets shifted)."""
    from deid.gazetteers import world_first_names, world_surnames

    firsts, lasts = sorted(world_first_names()), sorted(world_surnames())
    return _swap_spans(path, "PERSON", copies, seed, lambda rng: _random_name(rng, firsts, lasts))


def _random_place(rng: random.Random, places: list[str]) -> str:
    place = rng.choice(places)
    return place if rng.random() < 0.25 else " ".join(w if w in {"of", "de", "upon", "on", "la", "el"} else w.title() for w in place.split())


def _place_pool() -> list[str]:
    """Every gazetteer place once, and the big cities, states and countries five times more."""
    from deid.gazetteers import place_names, safe_harbor_places, well_known_places

    common = sorted(p for p in well_known_places() | safe_harbor_places() if len(p) > 3 and p.replace(" ", "").isalpha())
    return sorted(p for p in place_names() if p.replace(" ", "").isalpha()) + common * 5


def swap_places(path: Path, copies: int, seed: int):
    """(source text, copy) for the documents that name a place: every LOCATION span swapped for a
    random gazetteer place (``deid/gazetteers.py``: GeoNames cities, big cities, states and
    countries), a quarter of them in lower case. Other spans are kept, offsets shifted."""
    places = _place_pool()
    return _swap_spans(path, "LOCATION", copies, seed, lambda rng: _random_place(rng, places))


# Forum-like sentences of our own (never taken from an evaluation set). {P}: a person, {L}: a
# place, {D}: a drug name, which must stay an ordinary word (no entity).
TEMPLATES = (
    "{P} had me dying lol", "poor {P} xD", "{P} is so cute", "lol {P} you are the best", "can't believe {P} did that",
    "where's {P} ?", "{P} looks so sad here", "love you {P} !", "{P} and {P} are the best", "shoutout to {P}",
    "{P} is the goat", "i miss {P} so much", "{P} killed it tonight", "why is nobody talking about {P}",
    "{P} needs to come back", "omg {P} 😂 😂", "that was {P} ' s best song", "{P} you legend", "we love {P}",
    "i live in {L}", "{L} is so cold right now", "greetings from {L} !", "anyone else from {L} ?", "moved to {L} last year",
    "{L} has the best food", "visiting {L} next week", "the traffic in {L} is insane", "born and raised in {L}",
    "nothing like {L} in the summer", "we drove up to {L} for the weekend", "{L} represent !", "miss {L} so much",
    "{D} made me so tired", "started {D} last week", "my doc put me on {D}", "{D} is the only thing that helps",
    "anyone tried {D} ?", "switched from {D} to {D}", "{D} 50mg twice a day", "{D} gave me headaches", "off {D} now",
    "{D} works for me", "is {D} safe with {D} ?", "day 3 on {D} and feeling better", "{D} kicked in after an hour",
    "my doctor prescribed {D}", "{D} seemed to help at first", "was prescribed {D} and {D}", "{D} ruined my sleep",
    "{D} and {D} together ?", "Took {D} for 2 years", "{D} . Never again", "hi all , {D} user here",
    "{D} caused muscle pain", "the {D} made my legs ache", "thanks {D} for nothing lol", "I hate {D} so much",
)


def template_docs(count: int, seed: int):
    """``count`` sentences from TEMPLATES with gazetteer names, places and drug names."""
    from deid.gazetteers import medical_terms, world_first_names, world_surnames

    firsts, lasts = sorted(world_first_names()), sorted(world_surnames())
    places = _place_pool()
    drugs = sorted(t for t in medical_terms() if t.isalpha() and len(t) >= 5)
    rng = random.Random(seed)
    nlp = spacy.blank("en")
    for _ in range(count):
        template = rng.choice(TEMPLATES)
        text, spans = "", []
        for i, part in enumerate(template.replace("{", "\0{").split("\0")):
            if part.startswith("{"):
                slot, rest = part[1], part[3:]
                if slot == "P":
                    value, label = _random_name(rng, firsts, lasts), "PERSON"
                elif slot == "L":
                    value, label = _random_place(rng, places), "LOCATION"
                else:
                    drug = rng.choice(drugs)
                    value, label = (drug.title() if rng.random() < 0.6 else drug), None
                if label:
                    spans.append((len(text), len(text) + len(value), label))
                text += value + rest
            else:
                text += part
        if rng.random() < 0.3:
            text = text[0].upper() + text[1:]
        doc = nlp.make_doc(text)
        ents = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in spans]
        doc.ents = spacy.util.filter_spans([s for s in ents if s is not None])
        yield doc


def forum_docs(count: int, seed: int):
    """``count`` patient-forum sentences of our own (``forum_templates.py``)."""
    from forum_templates import ForumSentences

    nlp = spacy.blank("en")
    for text, spans in ForumSentences(seed, _place_pool(), _random_place).generate(count):
        doc = nlp.make_doc(text)
        ents = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in spans]
        doc.ents = spacy.util.filter_spans([s for s in ents if s is not None])
        yield doc


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wnut", default=str(ROOT.parent / "shared/eval/deid/wnut17_train.jsonl"))
    parser.add_argument("--output", default=str(ROOT / "deid/resources/forum_ner"))
    parser.add_argument("--augment", type=int, default=0, help="name-swapped copies of each document that names a person")
    parser.add_argument("--places", type=int, default=0, help="place-swapped copies of each document that names a place")
    parser.add_argument("--templates", type=int, default=0, help="sentences from our own forum-like templates (names, places, drug names as plain words)")
    parser.add_argument("--forum", type=int, default=0, help="patient-forum sentences from forum_templates.py (names, places; drugs and symptoms as plain words)")
    args = parser.parse_args(argv)
    docs = list(to_docs(Path(args.wnut), lower_share=0.3, seed=0))
    random.Random(1).shuffle(docs)
    held_out = len(docs) // 10
    if args.augment:  # copies of the training documents only; the held-out tenth stays as written
        held_texts = {doc.text for doc in docs[:held_out]} | {doc.text.lower() for doc in docs[:held_out]}
        docs += [d for source, d in augment(Path(args.wnut), args.augment, seed=2) if source not in held_texts and source.lower() not in held_texts]
    if args.places:
        held_texts = {doc.text for doc in docs[:held_out]} | {doc.text.lower() for doc in docs[:held_out]}
        docs += [d for source, d in swap_places(Path(args.wnut), args.places, seed=3) if source not in held_texts and source.lower() not in held_texts]
    if args.templates:
        docs += list(template_docs(args.templates, seed=4))
    if args.forum:
        docs += list(forum_docs(args.forum, seed=6))
    if args.places or args.templates or args.forum:
        train = docs[held_out:]
        random.Random(5).shuffle(train)
        docs = docs[:held_out] + train
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        DocBin(docs=docs[held_out:]).to_disk(tmp / "train.spacy")
        DocBin(docs=docs[:held_out]).to_disk(tmp / "held_out.spacy")
        subprocess.run(
            [sys.executable, "-m", "spacy", "train", str(HERE / "config.cfg"), "--paths.train", str(tmp / "train.spacy"),
             "--paths.dev", str(tmp / "held_out.spacy"), "--output", str(tmp / "model")],
            check=True,
        )
        out = Path(args.output)
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(tmp / "model" / "model-best", out)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
