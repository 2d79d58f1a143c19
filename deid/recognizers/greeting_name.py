"""Names in greetings, thanks and sign-offs ("Hi Sarah,", "thanks Jenny!", "Hugs, Mike")."""
import re

from ..gazetteers import (
    first_names,
    is_english_word,
    is_first_name,
    medical_terms,
    medical_words,
)
from .base import NOT_NAMES, NOT_PERSON_WORDS, Rule, RuleRecognizer
from .known_name import CHAT_WORDS

_OPENERS = r"(?i:hi|hey|hello|dear|thanks|thank you|thx|ty|welcome|congrats|congratulations|hugs|sorry|morning|evening)"
_CLOSERS = r"(?i:hugs|love|best|cheers|thanks|regards|xoxo|xx|x|blessings|take care|warmly|peace|prayers|god bless|stay strong|much love)"


# Words people are greeted with that are not names ("hey man", "hi doc").
_VOCATIVES = frozenset(
    ["man", "men", "girl", "girls", "boy", "boys", "guy", "guys", "dude", "dudes", "bro", "bros", "babe", "baby", "doc", "buddy", "sir", "mate", "mates", "honey", "love", "dear", "darling", "sweetie", "hun", "hon", "friend", "friends", "folks", "ladies", "everyone", "everybody", "all", "there", "team", "fam"]
)


# Capitals that close a post without being anyone's initials: kisses, "OK", "I".
_NOT_INITIALS = frozenset({"x", "xx", "xxx", "xo", "xox", "i", "ok", "a"})


class GreetingNameRecognizer(RuleRecognizer):
    ENTITY = "PERSON"
    RULES = (
        Rule("opener_name", r"\b" + _OPENERS + r",?[ ]+(?P<phi>[A-Z][a-z'’-]+)\b", 0.6),
        Rule("opener_lower_name", r"(?:^|[.!?]\s+)" + _OPENERS + r",?[ ]+(?P<phi>[a-z]{3,})(?=\s*[,!.:;]|\s*$)", 0.4, re.MULTILINE),
        # "hey titi nice video": a lower-case word after a greeting that a first-name list knows or
        # that is no English word ("hey guys", "hi everyone", "hey sorry" stay)
        Rule("greeting_lower_name", r"(?:^|[.!?]\s+|\s)(?i:hey|hi|hello|hiya|heya|yo|dear)[ ,]+(?P<phi>[a-z]{3,})\b", 0.45, re.MULTILINE),
        Rule("signoff_dash", r"(?:^|\n)[ \t]*[-–—~]+[ \t]*(?P<phi>[A-Za-z][a-z'’-]+)[ \t]*(?:$|\n)", 0.7),
        Rule("signoff_word", r"(?:^|\n|[.!]\s+)[ \t]*" + _CLOSERS + r"[,!]?[ \t]+(?P<phi>[A-Z][a-z'’-]+)[ \t]*[.!]?[ \t]*(?:$|\n)", 0.7),
        # "love, barb": a lower-case sign-off, taken when a first-name list knows the word
        Rule("signoff_lower_word", r"(?:^|\n|[.!]\s+)[ \t]*" + _CLOSERS + r"[,!]?[ \t]+(?P<phi>[a-z]{3,}[a-z'’-]*)[ \t]*[.!]?[ \t]*(?:$|\n)", 0.6),
        # "- Marguerite, 54, stage IIIA" or "--Barb (mom of a T1D kid)": the post's last line
        # signs off with a first name and says more about the writer
        Rule("signoff_dash_described", r"(?:^|\n)[ \t]*[-–—~]+[ \t]*(?P<phi>[A-Z][a-z'’-]+)[ \t]*[,(][^\n]*\s*\Z", 0.7),
        # "- T.J.", "Best, M.", "thanks all ~ JK": initials closing the post
        Rule(
            "signoff_initials",
            r"(?:^|\n|[,.!][ \t]+)[ \t]*(?:[-–—~]+|" + _CLOSERS + r"(?:[,!]?[ \t]*[-–—~]+|[,!]?[ \t]+|[,!]))[ \t]*"
            r"(?P<phi>[A-Z](?:\.?[ ]?[A-Z]){0,2}\.?)\s*\Z",
            0.6,
        ),
    )
    EXCLUDE = NOT_NAMES | NOT_PERSON_WORDS | frozenset(
        {"everyone", "everybody", "all", "guys", "so", "for", "again", "ladies", "folks", "y'all",
         "yall", "team", "sharing", "you", "much", "both", "in", "advance", "warriors", "friends",
         "fam", "family", "sisters", "brothers", "there", "to", "goodness", "heaven", "god", "pink",
         "the", "this", "that", "sir", "madam", "mods", "gang", "troops", "crew", "everyone!",
         "lord", "jesus", "that's", "that’s", "it", "what", "welcome", "good", "great", "amazing"}
    )

    def accept(self, value: str, rule: Rule) -> bool:
        """"Love Sulfasalazine!" praises a drug; "thanks Allegra" still thanks a person."""
        word = value.lower()
        if rule.name == "signoff_initials":
            return word.replace(".", "").replace(" ", "") not in _NOT_INITIALS
        if rule.name in ("greeting_lower_name", "signoff_lower_word", "signoff_dash_described"):
            if word in CHAT_WORDS or word in _VOCATIVES or word in medical_words() or word in medical_terms():
                return False
            # after a greeting, also a word that is no English word ("hey kwame")
            return is_first_name(word) or (rule.name == "greeting_lower_name" and not is_english_word(word))
        return word not in medical_terms() or word in first_names()
