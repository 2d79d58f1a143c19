"""Names in greetings, thanks and sign-offs ("Hi Sarah,", "thanks Jenny!", "Hugs, Mike")."""
import re

from ..gazetteers import first_names, medical_terms
from .base import NOT_NAMES, Rule, RuleRecognizer

_OPENERS = r"(?i:hi|hey|hello|dear|thanks|thank you|thx|ty|welcome|congrats|congratulations|hugs|sorry|morning|evening)"
_CLOSERS = r"(?i:hugs|love|best|cheers|thanks|regards|xoxo|xx|x|blessings|take care|warmly|peace|prayers|god bless|stay strong|much love)"


class GreetingNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule("opener_name", r"\b" + _OPENERS + r",?[ ]+(?P<phi>[A-Z][a-z'’-]+)\b", 0.6),
        Rule("opener_lower_name", r"(?:^|[.!?]\s+)" + _OPENERS + r",?[ ]+(?P<phi>[a-z]{3,})(?=\s*[,!.:;]|\s*$)", 0.4, re.MULTILINE),
        Rule("signoff_dash", r"(?:^|\n)[ \t]*[-–—~]+[ \t]*(?P<phi>[A-Za-z][a-z'’-]+)[ \t]*(?:$|\n)", 0.7),
        Rule("signoff_word", r"(?:^|\n|[.!]\s+)[ \t]*" + _CLOSERS + r"[,!]?[ \t]+(?P<phi>[A-Z][a-z'’-]+)[ \t]*[.!]?[ \t]*(?:$|\n)", 0.7),
    )
    EXCLUDE = NOT_NAMES | frozenset(
        {"everyone", "everybody", "all", "guys", "so", "for", "again", "ladies", "folks", "y'all",
         "yall", "team", "sharing", "you", "much", "both", "in", "advance", "warriors", "friends",
         "fam", "family", "sisters", "brothers", "there", "to", "goodness", "heaven", "god", "pink",
         "the", "this", "that", "sir", "madam", "mods", "gang", "troops", "crew", "everyone!",
         "lord", "jesus", "that's", "that’s", "it", "what", "welcome", "good", "great", "amazing"}
    )

    def accept(self, value: str, rule: Rule) -> bool:
        """"Love Sulfasalazine!" praises a drug; "thanks Allegra" still thanks a person."""
        word = value.lower()
        return word not in medical_terms() or word in first_names()
