"""Skip a recognizer on a text that cannot hold what it looks for.

Most forum posts have no digit, no "@" and no "word.tld": Presidio's phone, date, card,
licence, passport, SSN, IBAN and IP recognizers, its e-mail and URL recognizers, and our own
postcode and day/month recognizers then have nothing to find. Each entry below (and the
``REQUIRES`` of our rule recognizers) is a cheap pattern that every text with a match must
contain (each recognizer's own patterns require it);
a text without it gets no results from that recognizer without running it. Results are the
same as without the guard (tests/test_prefilter.py checks this on the sample and on eval sets).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

DIGIT = r"\d"

# Presidio's predefined recognizers, by name: the pattern every match of theirs contains.
REQUIRES = {
    "CreditCardRecognizer": DIGIT,
    "UsBankRecognizer": DIGIT,
    "UsItinRecognizer": DIGIT,
    "UsSsnRecognizer": DIGIT,
    "UsPassportRecognizer": DIGIT,
    "UsLicenseRecognizer": DIGIT,
    "MedicalLicenseRecognizer": DIGIT,
    "DateRecognizer": DIGIT,
    "PhoneRecognizer": DIGIT,
    "IbanRecognizer": DIGIT,
    "CryptoRecognizer": DIGIT,
    "IpRecognizer": r"\d|[0-9A-Fa-f]:|::",
    "EmailRecognizer": "@",
    "UrlRecognizer": r"(?i)[a-z0-9.\-]\.[a-z]",
}


def guard(recognizer, required: str) -> None:
    """Make ``recognizer.analyze`` return no results for a text without ``required``."""
    pattern = re.compile(required)
    analyze = recognizer.analyze

    def guarded(text, entities, nlp_artifacts=None, *args, **kwargs):
        if pattern.search(text) is None:
            return []
        return analyze(text, entities, nlp_artifacts, *args, **kwargs)

    guarded.__wrapped__ = analyze
    recognizer.analyze = guarded


def required_pattern(recognizer) -> str | None:
    """What a text needs for ``recognizer`` to find anything: its own ``REQUIRES`` (our rule
    recognizers), else the entry for Presidio's recognizer of that name."""
    own = getattr(recognizer, "REQUIRES", None)
    if own:
        return own
    if type(recognizer).__module__.startswith("presidio_analyzer"):
        return REQUIRES.get(recognizer.name)
    return None


def guard_recognizers(recognizers: Iterable) -> int:
    """Guard every recognizer that has a required pattern; returns how many were guarded."""
    n = 0
    for recognizer in recognizers:
        required = required_pattern(recognizer)
        if required is not None:
            guard(recognizer, required)
            n += 1
    return n
