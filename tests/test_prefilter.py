"""The recognizer prefilters only skip texts on which the recognizer finds nothing anyway."""
from __future__ import annotations

import json
import re

import pytest

from deid.recognizers.prefilter import REQUIRES, required_pattern
from tests.conftest import REPO_ROOT, SHARED_EVAL

# Identifiers in the forms that come closest to slipping past a prefilter.
TRICKY = [
    "my ip is dead:beef::1 today",
    "server at abcd:abcd:abcd:abcd:abcd:abcd:abcd:abcd",
    "write to jane.doe@example.org",
    "see www.example.com or example.co.uk/page",
    "call me on (617) 555-0123 tonight",
    "born 12-MAR-1980 and seen 3/16",
    "zip 02139 and postcode SW1A 1AA",
    "card 4111 1111 1111 1111",
    "IBAN GB82WEST12345698765432",
    "wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    "mail jane{at}example{dot}com or jane [ at ] example [ dot ] org",
    "see janes_page dot net slash sunny",
    "cashapp $JaneD1988 or paypal.me/janed or cash.app/$janed",
    "she is ninety-four and he is a hundred and one",
    "my SSN is 219 09 9999",
    "IG: jenny_k92, discord jenny#1234, jdoe1962 at yahoo",
    "we're at 40.7128, -74.0060 or 40°42'46\"N 74°00'21\"W",
]


def corpus() -> list[str]:
    texts = list(TRICKY)
    texts += [json.loads(line)["text"] for line in (REPO_ROOT / "data/sample/gold_phi.jsonl").read_text().splitlines() if line.strip()]
    for name in ("deid/presidio_synth_v2.jsonl", "deid/wnut17_dev.jsonl", "medical/medred_dev.jsonl"):
        path = SHARED_EVAL / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines()[:400] if line.strip()]
    return texts


def guarded(deidentifier):
    for recognizer in deidentifier.analyzer.registry.recognizers:
        if hasattr(recognizer.analyze, "__wrapped__"):
            yield recognizer, re.compile(required_pattern(recognizer))


def test_every_listed_recognizer_is_guarded(deidentifier):
    names = {r.name for r, _ in guarded(deidentifier)}
    loaded = {r.name for r in deidentifier.analyzer.registry.recognizers}
    ours = {"ZipCodeRecognizer", "DayMonthDateRecognizer", "AgeRecognizer", "IdentifierNumberRecognizer", "ObfuscatedEmailRecognizer", "WrittenPhoneRecognizer", "ShoutedNameRecognizer", "ForeignScriptRecognizer",
            "SsnRecognizer", "WordedUrlRecognizer", "PaymentHandleRecognizer", "SocialHandleRecognizer", "CoordinatesRecognizer",
            "BareHandleRecognizer"}
    assert names == (set(REQUIRES) & loaded) | ours
    assert {"PhoneRecognizer", "UrlRecognizer", "DateRecognizer"} <= names


def test_skipped_texts_have_no_matches(deidentifier):
    texts = corpus()
    entities = list(deidentifier.config.entities)
    skipped = 0
    for recognizer, pattern in guarded(deidentifier):
        for text in texts:
            if pattern.search(text):
                continue
            skipped += 1
            found = recognizer.analyze.__wrapped__(text, entities, None)
            found += [m for _, rx in getattr(recognizer, "_compiled", ()) for m in rx.finditer(text)]  # our rules: not even a raw match
            assert not found, (recognizer.name, text[:80])
    assert skipped > len(texts)  # the guards do skip work


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_identifiers_still_found(deidentifier, text):
    assert deidentifier.deidentify(text).redactions
