"""The export's own members (deid/recognizers/member_names.py): forms derived from usernames and
display names, and where a form that is an everyday word or a drug counts as a name.
Every name and sentence here is invented."""
from __future__ import annotations

import pytest

from deid.recognizers.member_names import MemberNameRecognizer, clean_display_name, name_forms, name_parts, username_name_parts
from deid.spans import Span, resolve

MEMBERS = MemberNameRecognizer(
    [
        "Stormy_Daylo", "The_Big_Tired", "RoryQ1968", "TessaMoran77", "K.T. (Kit) Fenwick*", "~Ivo Lindgren~ 🌻",
        "gabapentin", "Faith Okoro", "Joy Pell", "Will Dunmore", "Lorna Vasquez",
    ]
)


def found(text: str) -> list[str]:
    hits = MEMBERS.analyze(text, ["PERSON"])
    return [text[s.start:s.end] for s in resolve(Span(r.start, r.end, r.entity_type, r.score) for r in hits)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a dotted / underscored / camelCase handle holding a member's name
        ("you can find me as lorna.vasquez.51 on there", ["lorna.vasquez.51"]),
        ("her old handle was u_tessa_moran77", ["u_tessa_moran77"]),
        ("the group support-for-tessa-moran77 helped", ["support-for-tessa-moran77"]),
        ("tag TessaMoran77 please", ["TessaMoran77"]),
        ("send it to $RoryQ1968", ["RoryQ1968"]),
        ("faith82 posted a link", ["faith82"]),
        ("thanks faith_at_home!", ["faith_at_home"]),
        ("faith's_tip_helped", ["faith's_tip_helped"]),
        # a decorated display name: its parts, its bracketed nickname
        ("Fenwick's sister drove her", ["Fenwick"]),
        ("Kit said the same", ["Kit"]),
        ("K.T. Fenwick is right", ["K.T. Fenwick"]),
        ("ask Ivo about the pump", ["Ivo"]),
        ("lindgren's tip worked", ["lindgren"]),
        # the name-like parts of a username
        ("Stormy's advice was good", ["Stormy"]),
        ("thanks daylo!", ["daylo"]),
        ("Rory knows the nurse", ["Rory"]),
        ("tessa and I met there", ["tessa"]),
        # an everyday-word name, lower case, in a name context
        ("thanks faith for the tip", ["faith"]),
        ("thank you joy", ["joy"]),
        ("hi joy, welcome", ["joy"]),
        ("@faith yes", ["faith"]),
        ("faith said the same", ["faith"]),
        ("faith's post helped me", ["faith"]),
        ("great post, joy!", ["joy"]),
        # capitalised: a name, except a verb opening a sentence
        ("Joy is doing better", ["Joy"]),
        ("I asked Faith yesterday", ["Faith"]),
        ("Will said hi", ["Will"]),
        ("Will, you were right", ["Will"]),
        # a drug that is a member's name: only where it names someone
        ("thanks gabapentin for sharing", ["gabapentin"]),
        ("@gabapentin did it help?", ["gabapentin"]),
        ("gabapentin wrote a long reply", ["gabapentin"]),
        ("gabapentin's husband called", ["gabapentin"]),
        ("well said, gabapentin!", ["gabapentin"]),
    ],
)
def test_member_name_positives(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the big tired feeling is back",  # The_Big_Tired: no part is name-like
        "a stormy day, and faith in the plan",
        "I have faith it will pass",
        "joy of joys, the scan was clear",
        "Will you ask the nurse?",
        "Will this help at night",
        "Thanks, will try it",
        "I will ask",
        "it was a hope-filled week",
        "I started Gabapentin 300 mg at night",
        "stopped gabapentin last week",
        "Gabapentin's side effects were rough",
        "gabapentin, 300 mg, made me dizzy",
        "covid-19 and A1c were fine",
        "Tessaly is someone else",
    ],
)
def test_member_name_near_misses(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "value,parts",
    [
        ("u_tessa_moran77", ["u", "tessa", "moran", "77"]),
        ("support-for-tessa-moran77", ["support", "for", "tessa", "moran", "77"]),
        ("lorna.vasquez.51", ["lorna", "vasquez", "51"]),
        ("TessaMoran77", ["Tessa", "Moran", "77"]),
        ("RoryQ1968", ["Rory", "Q", "1968"]),
        ("MultipleSclerosis", ["Multiple", "Sclerosis"]),
    ],
)
def test_name_parts(value, parts):
    assert name_parts(value) == parts


@pytest.mark.parametrize(
    "username,kept",
    [
        ("Stormy_Daylo", ["stormy", "daylo"]),
        ("Breezy_Daylo", ["daylo"]),
        ("The_Big_Tired", []),
        ("RoryQ1968", ["rory"]),
        ("TessaMoran77", ["tessa", "moran"]),
        ("Sugar_Free_Life", []),
    ],
)
def test_username_name_parts(username, kept):
    assert username_name_parts(username) == kept


def test_display_name_decorations_are_dropped():
    assert clean_display_name("K.T. (Kit) Fenwick*") == "K.T. (Kit) Fenwick"
    assert clean_display_name("~Ivo Lindgren~ 🌻") == "Ivo Lindgren"
    forms = name_forms(["K.T. (Kit) Fenwick*"])
    assert {"fenwick", "kit", "k.t. fenwick"} <= forms and not any("*" in f for f in forms if f != "k.t. (kit) fenwick*")


@pytest.mark.parametrize("text", ["insulin, period, faith", "tip, joy", "sleep, pump, gabapentin"])
def test_a_list_of_terms_is_no_vocative(text):
    assert found(text) == []


@pytest.mark.parametrize("text", ["ozempic_helped_gabapentin_says", "hope_this_helps_faith_period", "joy_of_walking", "gabapentin75"])
def test_joined_terms_are_no_handle(text):
    """Topic labels join terms with _: an everyday word or a drug there names no one."""
    assert found(text) == []
