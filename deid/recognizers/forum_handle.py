"""Forum handles: @mentions and Reddit-style u/ handles."""
from .base import Rule, RuleRecognizer


class ForumHandleRecognizer(RuleRecognizer):
    ENTITY = "USERNAME"
    RULES = (
        Rule("at_mention", r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.-]{1,40}(?<![.-])", 0.9),
        Rule("reddit_user", r"(?<![\w/])/?[uU]/[A-Za-z0-9_-]{3,30}\b", 0.9),  # "U/name": autocorrect's capital
    )
