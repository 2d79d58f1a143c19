"""Payment handles: Cash App cashtags ("$JaneDoe88"), and Venmo, PayPal, Cash App or Zelle names
after the brand ("venmo @jane-doe-88", "my venmo: janedoe", "paypal.me/janedoe"). The brand
itself is not redacted, and dollar amounts ("$40", "$1,500", "$5k") are not cashtags."""
import re

from .base import HANDLE, NOT_NAMES, Rule, RuleRecognizer, handle_shaped

_BRAND = r"(?i:venmo|cash\s?app|paypal|zelle)"
_CURRENCY = frozenset("us usd ca cad au aud nz nzd hk hkd sg sgd mx mxn".split())
_NOT_HANDLE = NOT_NAMES | frozenset(
    """
    me or and is was works worked account app link request please pls thanks thank send sent
    anyone someone money cash payment payments pay paid info details only ok
    """.split()
)


class PaymentHandleRecognizer(RuleRecognizer):
    ENTITY = "USERNAME"
    REQUIRES = r"\$[A-Za-z]|(?i:venmo|cash[\s.]?app|paypal|zelle)"
    RULES = (
        Rule("cashtag", r"(?<![\w$])(?P<phi>\$[A-Za-z][A-Za-z0-9_]{0,19})(?![\w$])", 0.7),
        Rule("payment_link", r"(?i)\b(?P<phi>(?:paypal\.me|venmo\.com(?:/u)?|cash\.app)/\$?" + HANDLE + r")", 0.85),
        # "venmo @name", "venmo: name", "my venmo is name_88", "cashapp - name".
        Rule(
            "after_brand",
            r"\b" + _BRAND + r"(?:\s+(?i:handle|name|id|username|user))?"
            r"(?P<sep>\s*(?::|-|\bis\b|\bat\b)\s*|\s+(?=@))(?P<phi>@?" + HANDLE + r")",
            0.7,
        ),
    )

    def accept(self, value: str, rule: Rule) -> bool:
        return rule.name != "cashtag" or value[1:].lower() not in _CURRENCY

    def accept_match(self, match: re.Match, rule: Rule) -> bool:
        if rule.name != "after_brand":
            return True
        value = match.group("phi")
        if handle_shaped(value):
            return True  # "@name", "jane_doe", "JaneDoe", "jane-88"
        # A plain word is a handle only after a colon ("venmo: janedoe"), never after "is", "at" or "-".
        return match.group("sep").strip() == ":" and value.lstrip("@").lower() not in _NOT_HANDLE
