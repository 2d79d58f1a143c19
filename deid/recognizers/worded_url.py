"""Web addresses written out in words: "instagram dot com slash jane_doe",
"janes_page dot net slash sunny", "facebook dot com / jane.doe". A host needs a known top-level
domain after " dot "; the host word must not be an everyday word ("the dot com era")."""
import re

from .base import NOT_NAMES, Rule, RuleRecognizer

_TLDS = "com|org|net|edu|gov|io|me|co|us|uk|ca|info|tv|ly|app|blog|biz"
_DOT = r"(?:\s+dot\s+|\s*[\[({<]\s*dot\s*[\])}>]\s*)"
_SLASH = r"(?:\s+slash\s+|\s*/\s*)"
_LABEL = r"[a-z0-9][a-z0-9_-]*"
_PATH = r"[a-z0-9_][a-z0-9_.-]*(?<!\.)"

_NOT_HOST = NOT_NAMES | frozenset("big early late old first new whole era dot com".split())


class WordedUrlRecognizer(RuleRecognizer):
    ENTITY = "URL"
    REQUIRES = r"(?i:dot\s*[\])}>]?\s*(?:" + _TLDS + r")\b)"
    RULES = (
        Rule(
            "worded_host",
            r"(?<![\w.@])(?P<host>" + _LABEL + r")(?:" + _DOT + _LABEL + r")*" + _DOT + r"(?:" + _TLDS + r")\b"
            r"(?:" + _SLASH + _PATH + r"(?:" + _SLASH + _PATH + r")*)?",
            0.7,
            re.IGNORECASE,
        ),
    )

    def accept_match(self, match: re.Match, rule: Rule) -> bool:
        return match.group("host").lower() not in _NOT_HOST
