"""Handles on other platforms, written without an @: after the platform's name ("IG: jenny_k92",
"my kik is jenny92", "add me on telegram: jennyk92", "snapchat - jen.k", "find me on tiktok
JennyK92"), after a word that says it is one ("my handle on the old forum was CancerMom77",
"username: jk_1962", "gamertag is xXJennyXx"), after a platform named by an everyday word and a
colon ("snap: janedoe"), and Discord tags ("jenny#1234" in a post that
names Discord). @handles are ``forum_handle.py``'s; Venmo, PayPal and Cash App names are
``payment_handle.py``'s. The platform's name itself is kept.

A value after "is", "was" or "-", or after the platform name with only a space between, must be
shaped like a handle (a digit, "_", "." or a capital inside: "jenny92", "jen.k", "JennyK"); a
plain word counts only after a colon and when it is no English word or is a first name
("snapchat: jennyk", "snap: jenny"), so "my instagram is private", "Twitter: Two amazing
products" and "I can't handle it" stay."""
import re

from ..gazetteers import first_names, is_english_word
from .base import HANDLE, NOT_NAMES, Rule, RuleRecognizer, handle_shaped

# Platforms whose names are not everyday words ("line", "signal", "threads", "snap" and "x" are).
_PLATFORM = (
    r"(?i:instagram|insta|ig|snapchat|kik|telegram|discord|tik\s?tok|twitter|facebook|fb|messenger|"
    r"whatsapp|skype|wechat|reddit|twitch|youtube|yt|pinterest|tumblr|linkedin|bluesky|bsky|mastodon|"
    r"steam|xbox|psn|(?:user|screen|display)\s?name|handle|gamertag|nickname)"
)
_EVERYDAY_PLATFORM = r"(?i:snap|signal|threads)"
# "my handle on the old forum was", "my username over there is": a few words between.
_WHERE = r"(?:\s+(?i:on|for|over|in)(?:\s+[A-Za-z.']+){1,3}?)?"
# A colon, a dash, "is" or "was" (after the words between, if any), or a bare space right after the name.
_SEP = r"(?:" + _WHERE + r"(?P<sep>\s*(?::|-|\b(?i:is|was)\b)\s*)|\s+)"
_NOT_HANDLE = NOT_NAMES | frozenset(
    """
    private public down up gone deleted locked same different account page profile link
    name names handle handles please pls thanks thank dm message messages anyone someone
    """.split()
)


class SocialHandleRecognizer(RuleRecognizer):
    ENTITY = "USERNAME"
    REQUIRES = r"\b(?:" + _PLATFORM + r"\b|" + _EVERYDAY_PLATFORM + r"\s*:)"  # a word: "ig" is inside "big", "night"
    RULES = (
        Rule(
            "after_platform",
            r"\b" + _PLATFORM + r"(?:\s+(?i:handle|name|id|username|user|account|acct))?" + _SEP
            + r"(?P<phi>@?" + HANDLE + r")(?![\w@#])",
            0.7,
        ),
        # platforms named by everyday words count only before a colon: "snap: janedoe"
        Rule("everyday_platform", r"\b" + _EVERYDAY_PLATFORM + r"[ \t]*:[ \t]*(?P<phi>@?" + HANDLE + r")(?![\w@#])", 0.7),
        Rule("discord_tag", r"(?<![\w#@])(?P<phi>[A-Za-z0-9_.]{2,32}#\d{4})(?!\w)", 0.7, requires=r"(?i:discord)"),
    )

    def accept_match(self, match: re.Match, rule: Rule) -> bool:
        if rule.name == "discord_tag":
            return True
        value = match.group("phi")
        if value.lstrip("@").lower() in _NOT_HANDLE:
            return False
        if re.search(r"[A-Za-z]", value) is None:
            return False  # digits only: a count or a year ("on instagram 2 years")
        sep = ":" if rule.name == "everyday_platform" else (match.group("sep") or "").strip()
        if not sep and not re.match(r"[@A-Za-z]", value):
            return False  # "can't handle 3x a day": after a bare space, a handle starts with a letter
        if handle_shaped(value):
            return True
        # "Twitter: Two amazing products" stays; "snapchat: jenny" (a first name) is a handle
        word = value.lstrip("@").lower()
        return sep == ":" and (not is_english_word(word) or word in first_names())
