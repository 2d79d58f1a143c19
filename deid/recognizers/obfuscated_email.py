"""E-mail addresses written to dodge scrapers: "jane dot doe at gmail dot com", "jane [at] x.org",
"jane{at}x{dot}com", "jane [ at ] x [ dot ] com", "jane <at> x (dot) org", in any mix, and
"jdoe1962 at yahoo" (a webmail provider named without its ending: the local part must look like
a handle or follow an e-mail word, so "the people at yahoo" stays).

A plain " at " before a host written normally ("Find me at facebook.com") is how people point
to a site, not an address: there the local part must not be a pronoun or an everyday word, and
a host followed by "/" is a URL (the URL recognizers take it)."""
import re

from .base import NOT_NAMES, Rule, RuleRecognizer, handle_shaped

_OPEN = r"[\[({<]"
_CLOSE = r"[\])}>]"
_AT = r"(?:\s*" + _OPEN + r"\s*at\s*" + _CLOSE + r"\s*|\s+at\s+|\s*@\s*)"
_DOT = r"(?:\s*" + _OPEN + r"\s*dot\s*" + _CLOSE + r"\s*|\s+dot\s+|\.)"
_TLD = r"(?:com|org|net|edu|gov|co|us|io|info|me|uk|ca)"
_PROVIDER = r"(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|aol|icloud|protonmail|proton|msn|comcast|gmx|yandex)"
_LOCAL = r"(?P<local>[a-z0-9][a-z0-9._+-]*(?:" + _DOT + r"[a-z0-9_+-]+)*)"
# Words that come before "at <site>" in ordinary sentences ("find me at", "look at", "us at").
_NOT_LOCAL = NOT_NAMES | frozenset(
    """
    look looked looking find found visit visiting see seen check checked go went click
    online site website page group forum blog post posts posted info details more read
    available listed written story stories video videos article articles him them it
    """.split()
)


class ObfuscatedEmailRecognizer(RuleRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    # the domain ending, plain or worded, or a webmail provider's name
    REQUIRES = r"(?i:(?:\.|dot)\s*[\])}>]?\s*" + _TLD + r"\b|\b" + _PROVIDER + r"\b)"
    RULES = (
        Rule(
            "spelled_out",
            r"(?<![\w.])" + _LOCAL + r"(?P<at>" + _AT + r")"
            r"(?P<domain>[a-z0-9-]+(?:" + _DOT + r"[a-z0-9-]+)*" + _DOT + _TLD + r")\b(?![/\w])",
            0.8,
            re.IGNORECASE,
        ),
        Rule(
            "at_provider",
            r"(?<![\w.'’])" + _LOCAL + r"(?P<at>" + _AT + r")(?P<domain>" + _PROVIDER + r")\b(?![.\w/@])",
            0.7,
            re.IGNORECASE,
            requires=r"(?i:\b" + _PROVIDER + r"\b)",
        ),
    )

    def accept_match(self, match: re.Match, rule: Rule) -> bool:
        if rule.name == "at_provider":
            local = match.group("local")
            if local.lower() in _NOT_LOCAL:
                return False
            before = match.string[max(0, match.start() - 30) : match.start()]
            return handle_shaped(local) or re.search(r"(?i)\bdot\b", local) is not None or re.search(
                r"(?i)\b(?:e-?mail|mail|address|contact)\b", before
            ) is not None
        at = match.group("at")
        if at.strip() and at.strip().lower() != "at":
            return True  # "@", "[at]", "{at}": written as an address
        if re.search(r"(?i)\bdot\b", match.group("domain")):
            return True  # a worded host ("gmail dot com") is an address written out
        return match.group("local").lower() not in _NOT_LOCAL
