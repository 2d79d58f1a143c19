"""E-mail addresses written to dodge scrapers: "jane dot doe at gmail dot com", "jane [at] x.org"."""
import re

from .base import Rule, RuleRecognizer

_AT = r"(?:\s*\[at\]\s*|\s*\(at\)\s*|\s+at\s+|\s*@\s*)"
_DOT = r"(?:\s*\[dot\]\s*|\s*\(dot\)\s*|\s+dot\s+|\.)"
_TLD = r"(?:com|org|net|edu|gov|co|us|io|info|me|uk|ca)"
# A pronoun before a worded "at" is the writer, not a mailbox: "find me at facebook.com/...".
_NOT_LOCAL = r"(?!(?:me|us|him|her|them|you)\s+at\s)"


class ObfuscatedEmailRecognizer(RuleRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    REQUIRES = r"(?i:(?:\.|dot)[\])]?\s*(?:com|org|net|edu|gov|co|us|io|info|me|uk|ca)\b)"  # the domain ending, plain or worded
    RULES = (
        Rule(
            "spelled_out",
            r"(?<![\w.])" + _NOT_LOCAL + r"[a-z0-9][a-z0-9._+-]*(?:" + _DOT + r"[a-z0-9_+-]+)*" + _AT + r"[a-z0-9-]+(?:" + _DOT + r"[a-z0-9-]+)*" + _DOT + _TLD + r"\b",
            0.8,
            re.IGNORECASE,
        ),
    )
