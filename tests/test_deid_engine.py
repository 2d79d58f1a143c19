"""The Deidentifier end to end on the real spaCy pipeline and Presidio."""
from __future__ import annotations

import re

import pytest

from deid import DeidConfig, Deidentifier


@pytest.mark.parametrize(
    "text,gone,kept",
    [
        (
            "Thanks Jenny! @sunflower_jen82 your advice helped. Dr. Patel at Mercy General Hospital put me on tamoxifen.",
            ["Jenny", "sunflower_jen82", "Patel", "Mercy General Hospital"],
            ["tamoxifen", "advice"],
        ),
        (
            "My husband Mike drove me. Call (555) 867-5309 or email jenny.walsh82@gmail.com. "
            "I live at 1423 Maple Avenue, Springfield, IL 62704.",
            ["Mike", "867-5309", "jenny.walsh82@gmail.com", "1423 Maple Avenue", "62704"],
            ["husband", "drove"],
        ),
        (
            "I'm 47 and was diagnosed on March 3, 2024. My 92-year-old mother lives in Texas. On Ozempic for 3 months.",
            ["47", "March 3", "92"],
            ["Texas", "Ozempic", "3 months", "diagnosed"],
        ),
        ("see https://www.gofundme.com/f/help-jenny-walsh and u/mikeT_1975", ["gofundme", "mikeT_1975"], ["see"]),
        ("surgery on the 14th of June, my scan is 04/12/2025", ["14th of June", "04/12/2025"], ["surgery", "scan"]),
    ],
)
def test_identifiers_removed_content_kept(deidentifier, text, gone, kept):
    result = deidentifier.deidentify(text)
    for value in gone:
        assert value not in result.text
    for value in kept:
        assert value in result.text


def test_redaction_offsets_point_into_the_original(deidentifier):
    text = "Hi Sarah, Dr. Patel moved my infusion to 04/12/2025. Jenny's tip helped."
    result = deidentifier.deidentify(text)
    assert [text[r.start : r.end] for r in result.redactions] == ["Sarah", "Patel", "04/12", "Jenny"]  # the year stays
    assert result.text == "Hi <PERSON>, Dr. <PERSON> moved my infusion to <DATE_TIME>/2025. <PERSON>'s tip helped."
    starts = [r.start for r in result.redactions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(result.redactions, result.redactions[1:]))


def test_batch_matches_single_and_keeps_order(deidentifier):
    texts = ["Hi Sarah!", "", "No names here, just fatigue.", "Call 555-867-5309", "   "]
    batch = list(deidentifier.deidentify_batch(texts))
    assert [r.text for r in batch] == [deidentifier.deidentify(t).text for t in texts]
    assert batch[1].text == "" and batch[1].redactions == ()


def test_states_and_countries_kept_by_default_and_removable():
    text = "I moved from Ohio to Canada and then to Springfield."
    keep = Deidentifier(config=DeidConfig(keep_states_and_countries=True)).deidentify(text).text
    strict = Deidentifier(config=DeidConfig(keep_states_and_countries=False)).deidentify(text).text
    assert "Ohio" in keep and "Canada" in keep and "Springfield" not in keep
    assert "Ohio" not in strict and "Canada" not in strict


def test_members_with_everyday_word_names(deidentifier):
    out = deidentifier.deidentify("I hope the new dose works. Hope Adams said the same.").text
    assert out.startswith("I hope the new dose works.")
    assert "Adams" not in out and "Hope Adams" not in out


def test_surrogates_are_consistent_within_a_thread_and_in_reading_order(deidentifier):
    from deid import SurrogateMap

    thread = SurrogateMap()
    texts = ["Thanks Jenny! Dr. Patel said so.", "@sunflower_jen82 Jenny Walsh is right, and Dr. Patel too. Ask Mike.", "jenny's tip: call 555-867-5309"]
    out = [r.text for r in deidentifier.deidentify_batch(texts, [thread] * 3)]
    assert out == [
        "Thanks <PERSON_1>! Dr. <PERSON_2> said so.",
        "<USERNAME_1> <PERSON_1> is right, and Dr. <PERSON_2> too. Ask <PERSON_3>.",
        "<PERSON_1>'s tip: call <PHONE_NUMBER_1>",
    ]
    other_thread = SurrogateMap()
    assert deidentifier.deidentify("Dr. Patel again", other_thread).text == "Dr. <PERSON_1> again"


def test_very_long_text_is_redacted_in_pieces():
    text = "Hi Sarah, call 555-867-5309 about fatigue. " * 600
    deider = Deidentifier(config=DeidConfig(chunk_chars=5_000))
    result = deider.deidentify(text)
    assert len(result.redactions) == 1200
    assert {text[r.start : r.end] for r in result.redactions} == {"Sarah", "555-867-5309"}
    assert "fatigue" in result.text and "Sarah" not in result.text
    assert next(deider.deidentify_batch([text])) == result


_FILLER = "The new dose left me tired but the nausea eased a bit by the weekend. "


@pytest.mark.parametrize(
    "planted",
    [
        "lena dot brook at hotmail dot com",  # an e-mail written out
        "two one seven five five five oh one four three",  # a phone number in words
        "2 1 7 5 5 5 0 1 9 8",  # a phone number in spaced digits
    ],
)
def test_an_identifier_across_a_cut_of_a_long_text_is_redacted(planted):
    size = 2_000
    prefix = (_FILLER * 40)[: size - len(planted) // 2 - 7] + " reach "
    text = prefix + planted + " later. " + _FILLER * 60
    assert len(prefix) < size < len(prefix) + len(planted)  # the first window's end falls inside it
    deider = Deidentifier(config=DeidConfig(chunk_chars=size))
    result = deider.deidentify(text)
    assert planted not in result.text
    assert any(text[r.start : r.end] == planted for r in result.redactions)
    assert "nausea" in result.text and result.text.count("<") == len(result.redactions)


def test_long_text_windows_overlap_and_stay_small():
    from deid.engine import _windows

    text = ("word " * 50 + "\n") * 400 + "x" * 30_000  # ends in a run without any space
    windows = list(_windows(text, 5_000, 500))
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(end - start <= 5_000 for start, end in windows)
    assert all(b_start < a_end and a_end - b_start >= 500 for (_, a_end), (b_start, _) in zip(windows, windows[1:]))
    assert all(text[end - 1] in " \n" for _, end in windows[:-1] if end < len(text) - 30_000)


def test_surrogates_in_a_long_text_number_in_reading_order():
    from deid import SurrogateMap

    text = "Ask Dr. Okafor. " + _FILLER * 200 + "Dr. Okafor agreed, and so did Dr. Lindqvist."
    result = Deidentifier(config=DeidConfig(chunk_chars=3_000)).deidentify(text, SurrogateMap())
    assert result.text.startswith("Ask Dr. <PERSON_1>.")
    assert result.text.endswith("Dr. <PERSON_1> agreed, and so did Dr. <PERSON_2>.")


@pytest.mark.slow  # about 2-4 min on 2 cores
def test_a_five_megabyte_post_is_redacted():
    text = _FILLER * (5_000_000 // len(_FILLER)) + "Thanks Sarah Okafor, call 555-867-5309."
    result = Deidentifier().deidentify(text)
    assert [text[r.start : r.end] for r in result.redactions] == ["Sarah Okafor", "555-867-5309"]
    assert result.text.endswith("Thanks <PERSON>, call <PHONE_NUMBER>.")


@pytest.mark.parametrize(
    "text",
    ["", "   \n ", "\x00\x01\x02\x03 binary \xff\xfe junk", "Hola, soy María García y mi teléfono es 555-867-5309."],
)
def test_bad_input_gets_a_defined_result(deidentifier, text):
    result = deidentifier.deidentify(text)
    assert isinstance(result.text, str)
    assert all(0 <= r.start < r.end <= len(text) for r in result.redactions)
    if "555-867-5309" in text:
        assert "555-867-5309" not in result.text


@pytest.mark.parametrize(
    "text,kept",
    [
        ("Liptior gave me muscle cramps, then Simvistatin did too.", ["Liptior", "Simvistatin"]),
        ("Diarrhea and Muscle Pain on Kesimpta.", ["Diarrhea", "Muscle Pain", "Kesimpta"]),
        ("My IC flared and the UC is back.", ["IC", "UC"]),
        ("Hey all, Mike here. Started Mounjaro 2.5 mg last week.", ["Started Mounjaro 2.5 mg"]),
        ("Find me at facebook.com/groups/knees if you want.", ["Find me at "]),
        ("Respite days help.\n\nWarmly,\nLinda Kowalski, RN", ["Warmly,\n"]),
        # eponymous conditions and signs: the statistical models take the name for a person or place
        ("Bell's palsy hit me the week after.", ["Bell's palsy"]),
        ("Wilson's disease is rare.", ["Wilson's disease"]),
        ("my Baker's cyst and Hunter's syndrome", ["Baker's cyst", "Hunter's syndrome"]),
        ("got Todd's paralysis after the seizure", ["Todd's paralysis"]),
        ("Guillain-Barre after the flu", ["Guillain-Barre"]),  # each part of the word is medical
    ],
)
def test_medical_words_survive(deidentifier, text, kept):
    out = deidentifier.deidentify(text).text
    for word in kept:
        assert word in out


@pytest.mark.parametrize(
    "text,gone",
    [
        ("Thanks Allegra, great advice!", "Allegra"),  # a drug name used as a name, with a naming cue
        ("Williams told me the same at the clinic.", "Williams"),  # a surname that is also a syndrome
        ("Dr. Baker's cyst removal went fine", "Baker"),  # a title still names the person
    ],
)
def test_names_that_look_medical_are_still_redacted(deidentifier, text, gone):
    assert gone not in deidentifier.deidentify(text).text


def test_realistic_surrogates_are_consistent_and_hide_the_original(deidentifier):
    from deid import RealisticSurrogateMap

    thread = RealisticSurrogateMap()
    first = deidentifier.deidentify("Thanks Jennifer! Call me at 412-555-8812.", thread)
    second = deidentifier.deidentify("Jennifer is right, ask Dr. Okafor", thread)
    assert "Jennifer" not in first.text + second.text and "8812" not in first.text and "Okafor" not in second.text
    assert "Alex" in first.text and "Alex" in second.text  # the same person, the same stand-in
    assert "Sam" in second.text  # the next person
    assert "555-01" in first.text and "<" not in first.text


def test_strict_places_and_redact_years_flow_parameters(prefect_harness, tmp_path):
    """A real flow run with ``strict_places=True`` and ``redact_years=True`` (CLI ``--strict-places --redact-years``)
    redacts the state, the country and the date's year that the default keeps (Safe Harbor allows them), keeps the
    medical words, and records both choices in the run's parameters."""
    import json

    import pyarrow.parquet as pq

    from pipelines.flow import patient_insights
    from pipelines.publish import latest_run

    export = tmp_path / "export.jsonl"
    posts = [{"id": f"p{i}", "thread_id": f"t{i // 3}", "author": f"member_{i % 4}", "created_at": f"2024-03-{10 + i}T08:00:00Z",
              "community": "lupus",
              "text": f"Day {i} on methotrexate since we moved to Ohio from Canada on March 14, 2019, the fatigue is better."}
             for i in range(6)]
    export.write_text("\n".join(json.dumps(p) for p in posts) + "\n", encoding="utf-8")
    texts = {}
    for strict in (False, True):
        out = tmp_path / f"out-{strict}"
        summary = patient_insights(sources=[str(export)], out_dir=str(out), demo_key=True, strict_places=strict,
                                   redact_years=strict)
        assert summary["published"] == 6
        folder = latest_run(out)
        texts[strict] = [r["text_deid"] for r in pq.read_table(folder / "posts.parquet").to_pylist()]
        manifest = pq.read_table(folder / "run_manifest.parquet").to_pylist()[0]
        parameters = json.loads(manifest["parameters"])
        assert parameters["strict_places"] is strict and parameters["redact_years"] is strict
    assert all("Ohio" in t and "Canada" in t and re.search(r"<DATE_TIME[^>]*>, 2019", t) and "March" not in t for t in texts[False])
    assert all("Ohio" not in t and "Canada" not in t and "2019" not in t and "March" not in t for t in texts[True])
    assert all("methotrexate" in t and "fatigue" in t for t in texts[True])


def test_a_birth_year_is_an_age_over_89_from_90_years_back():
    """Safe Harbor: a year that indicates an age over 89 goes; a later one stays (years are kept)."""
    import datetime

    from deid.recognizers.age import AgeRecognizer

    year = datetime.date.today().year
    recognizer = AgeRecognizer()
    taken = [r for r in recognizer.analyze(f"Gran was born in {year - 90}.", ["AGE"])]
    assert [r.entity_type for r in taken] == ["AGE"]
    assert recognizer.analyze(f"Gran was born in {year - 89}.", ["AGE"]) == []


@pytest.mark.parametrize("text, kept, gone", [
    ("I was diagnosed on March 14, 2019 at the clinic", "<DATE_TIME>, 2019", "March 14"),
    ("surgery was 14/03/2019", "<DATE_TIME>/2019", "14/03"),
    ("dx 03/2019 and", "<DATE_TIME>/2019", "03/"),
    ("on 2019-03-14 I", "2019-<DATE_TIME>", "03-14"),
    ("born March 3, 1930 in Ohio", "<DATE_TIME>, <AGE>", "1930"),  # a year that means an age over 89 goes
])
def test_a_date_keeps_its_year_unless_configured_not_to(deidentifier, whole_dates, text, kept, gone):
    result = deidentifier.deidentify(text)
    assert kept in result.text and gone not in result.text
    assert not re.search(r"(?:19|20)\d\d", whole_dates.deidentify(text).text)


@pytest.fixture(scope="module")
def whole_dates(deidentifier):
    return Deidentifier(config=DeidConfig(keep_date_years=False), nlp=deidentifier.analyzer.nlp_engine.nlp["en"])


@pytest.mark.parametrize("value, rest", [
    ("March 14, 2019", "March 14"),
    ("14 March 2019", "14 March"),
    ("14/03/2019", "14/03"),
    ("03/2019", "03"),
    ("2019-03-14", "03-14"),
    ("3/14/19", "3/14/19"),  # a two-digit year: the whole date
    ("March 2019 to June 2020", "March 2019 to June"),  # only the year at an end
    ("2019", "2019"),  # nothing left that names a day or month
])
def test_without_year_trims_a_four_digit_year_at_either_end(value, rest):
    from deid.spans import Span, without_year

    span = without_year(Span(10, 10 + len(value), "DATE_TIME"), value)
    assert value[span.start - 10 : span.end - 10] == rest
