"""Markup to plain text: HTML (Discourse ``cooked``), markdown (Reddit, Discourse
``raw``), quoted-reply removal and whitespace normalisation.

Quoted replies are dropped so that the quoted author's words are not counted
twice. Apart from markup and whitespace the text is kept exactly as written
(no zero-width / homoglyph clean-up: de-identification handles obfuscation).
"""
from __future__ import annotations

import re
from functools import lru_cache

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown_it import MarkdownIt

_HSPACE = re.compile(r"[ \t]+")
_SPACE_AROUND_NL = re.compile(r" *\n *")
_MANY_NL = re.compile(r"\n{3,}")
_ANY_WS = re.compile(r"[ \t\r\n\f\v]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_whitespace(text: str) -> str:
    """Unify line ends, collapse runs of spaces/tabs, keep paragraph breaks (max one blank line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _HSPACE.sub(" ", text)
    text = _SPACE_AROUND_NL.sub("\n", text)
    text = _MANY_NL.sub("\n\n", text)
    return text.strip(" \n")


def fix_surrogates(text: str) -> str:
    """Replace lone surrogates (e.g. a JSON ``\\ud83d`` cut in half) with U+FFFD."""
    if _SURROGATE.search(text):
        return _SURROGATE.sub("\ufffd", text)
    return text


def strip_quoted_lines(text: str) -> str:
    """Remove lines that start (after indentation) with '>' — quoted text in Reddit markdown."""
    if ">" not in text:
        return text
    return "\n".join(line for line in text.split("\n") if not line.lstrip(" \t").startswith(">"))


_BBCODE_QUOTE = re.compile(r"\[quote(?:=[^\]\n]*)?\]((?:(?!\[quote[=\]]).)*?)\[/quote\]\n?", re.S | re.I)


def strip_bbcode_quotes(text: str) -> str:
    """Remove Discourse ``[quote="user, post:1, topic:2"]…[/quote]`` blocks (nested too)."""
    if "[/quote]" not in text.lower():
        return text
    while True:
        new = _BBCODE_QUOTE.sub("", text)
        if new == text:
            return new
        text = new


class _Builder:
    """Collects text pieces and block breaks (1 = new line, 2 = new paragraph)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0

    def text(self, s: str) -> None:
        if not s:
            return
        if self.pending:
            if s.isspace():
                return
            if self.parts:
                self.parts.append("\n" * self.pending)
            self.pending = 0
        self.parts.append(s)

    def newline(self) -> None:
        self.parts.append("\n")

    def brk(self, level: int) -> None:
        self.pending = max(self.pending, level)

    def result(self) -> str:
        return normalise_whitespace("".join(self.parts))


# --- HTML -----------------------------------------------------------------

_DROP_TAGS = {"aside", "blockquote", "script", "style", "noscript", "template", "head", "title", "svg"}
_PARA_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "pre", "table",
    "hr", "figure", "details", "section", "article", "header", "footer",
}
_LINE_TAGS = {"div", "li", "tr", "dt", "dd", "summary", "figcaption", "caption"}
_CELL_TAGS = {"td", "th"}


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment.

    Paragraphs, ``<br>`` and list items become line breaks, entities are
    unescaped, and ``<aside>`` (Discourse quotes and link previews) and
    ``<blockquote>`` are removed. Emoji images become their alt text.
    """
    if "<" not in html and "&" not in html:
        return normalise_whitespace(_ANY_WS.sub(" ", html))
    soup = BeautifulSoup(html, "html.parser")
    for ol in soup.find_all("ol"):  # keep the visible numbers of ordered lists
        try:
            start = int(ol.get("start") or 1)
        except ValueError:
            start = 1
        for number, li in enumerate(ol.find_all("li", recursive=False), start):
            li.insert(0, NavigableString(f"{number}. "))
    out = _Builder()
    _walk_html(soup, out, in_pre=False)
    return out.result()


def _walk_html(node: Tag, out: _Builder, in_pre: bool) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is not NavigableString:  # comments, doctypes, CDATA, …
                continue
            text = str(child)
            out.text(text if in_pre else _ANY_WS.sub(" ", text))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name in _DROP_TAGS or _is_image_meta(child):
            continue
        if name == "br":
            out.newline()
            continue
        if name == "img":
            if "emoji" in (child.get("class") or []) and child.get("alt"):
                out.text(str(child["alt"]))
            continue
        level = 2 if name in _PARA_TAGS else 1 if name in _LINE_TAGS else 0
        if level:
            out.brk(level)
        elif name in _CELL_TAGS:
            out.text(" ")
        _walk_html(child, out, in_pre or name == "pre")
        if level:
            out.brk(level)


def _is_image_meta(tag: Tag) -> bool:
    """Discourse lightbox captions: file name and dimensions, not the author's words."""
    return tag.name == "div" and "meta" in (tag.get("class") or []) and tag.find_parent(
        class_="lightbox-wrapper"
    ) is not None


# --- Markdown -------------------------------------------------------------

# Anything that could be markdown markup; text without any of it skips the parser.
_MD_SPECIAL = re.compile(
    r"[\\`*_\[\]&|]|~~|<[A-Za-z/!?]"
    r"|^[ \t]*(?:#{1,6}(?:[ \t]|$)|>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))"
    r"|^(?: {4}|\t)|^[ \t]*(?:[-=][ \t]*){2,}$",
    re.M,
)


@lru_cache(maxsize=2)
def _md(allow_html: bool) -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": allow_html}).enable(["table", "strikethrough"])


def markdown_to_text(text: str, *, allow_html: bool = False) -> str:
    """Plain text of markdown: markup removed, link text kept (not the URL),
    images dropped, block quotes removed, line breaks kept.

    ``allow_html``: treat inline HTML as markup (Discourse) rather than as
    literal text (Reddit).
    """
    if not _MD_SPECIAL.search(text):
        return normalise_whitespace(text)
    out = _Builder()
    quote_depth = 0
    for tok in _md(allow_html).parse(text):
        kind = tok.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif quote_depth:
            continue
        elif kind == "inline":
            _inline_md(tok.children or [], out)
        elif kind in ("fence", "code_block"):
            out.brk(2)
            out.text(tok.content.rstrip("\n"))
            out.brk(2)
        elif kind == "html_block":
            out.brk(2)
            out.text(html_to_text(tok.content))
            out.brk(2)
        elif kind == "paragraph_close":
            out.brk(1 if tok.hidden else 2)
        elif kind in ("heading_close", "bullet_list_close", "ordered_list_close", "table_close", "hr"):
            out.brk(2)
        elif kind == "list_item_open":
            out.brk(1)
            if tok.info:  # ordered list: keep the visible number
                out.text(f"{tok.info}{tok.markup} ")
        elif kind == "tr_close":
            out.brk(1)
        elif kind in ("td_open", "th_open"):
            out.text(" ")
    return out.result()


def _inline_md(children: list, out: _Builder) -> None:
    for child in children:
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            out.text(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.newline()
        # images, inline HTML tags, emphasis / link markers: markup only
