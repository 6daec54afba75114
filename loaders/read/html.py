"""HTML to text with paragraph breaks where the page had blocks.

Runs inside the parsing worker (``loaders.worker``).  An event parser, not a
tree: deeply nested pages cost no recursion.  Scripts, styles, navigation,
footers, cookie banners and breadcrumbs are dropped, so neither code nor
site chrome reaches the text; when the page marks its content (ModernGov's
``#modgov``, ``<main>``, ``role="main"``) only that content is kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK = {"p", "div", "li", "ul", "ol", "tr", "table", "section", "article", "header",
         "footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "dl",
         "pre", "form", "fieldset", "main", "nav", "aside", "caption", "tbody", "thead"}
CELL = {"td", "th"}
CODE = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select"}
CHROME_TAGS = {"nav", "footer", "button"}
CHROME = re.compile(r"cookie|breadcrumb|skip-?link|\bskip\b|visually-hidden|sr-only", re.I)
CONTENT_ROOT = re.compile(r"^(?:modgov|main|main-?content|content)$", re.I)
GENERIC_HEADINGS = {"agenda item", "agenda and minutes", "agenda", "minutes", "items",
                    "decision details", "issue details"}


class _Region:
    """An element being tracked through its nested copies of the same tag."""

    def __init__(self, tag: str, code: bool = False):
        self.tag, self.depth, self.code = tag, 1, code

    def step(self, tag: str, opening: bool) -> bool:
        """Track one tag; True when this region has just closed."""
        if tag == self.tag:
            self.depth += 1 if opening else -1
        return self.depth == 0


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.root_parts: list[str] = []
        self.loose_parts: list[str] = []  # with the chrome, for a page whose <nav> never closes
        self.skip: _Region | None = None
        self.root: _Region | None = None
        self.root_seen = False
        self.title: list[str] = []
        self.in_title = False
        self.headings: list[str] = []
        self.heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skip:
            self.skip.step(tag, True)
            if not self.skip.code:
                self._emit_loose(_separator(tag))
            return
        if self.root:
            self.root.step(tag, True)
        marks = " ".join(filter(None, (attrs.get("class"), attrs.get("id"))))
        if tag in CODE:
            self.skip = _Region(tag, code=True)
            return
        if tag in CHROME_TAGS or CHROME.search(marks) or attrs.get("role") in ("navigation", "banner"):
            self.skip = _Region(tag, code=False)
            self._emit_loose(_separator(tag))
            return
        if not self.root_seen and (tag == "main" or attrs.get("role") == "main"
                                   or CONTENT_ROOT.match(attrs.get("id") or "")):
            self.root, self.root_seen = _Region(tag), True
        if tag == "title":
            self.in_title = True
        elif tag in ("h1", "h2"):
            self.heading = []
        self._emit(_separator(tag))

    def handle_endtag(self, tag):
        if self.skip:
            if not self.skip.code:
                self._emit_loose("\n\n" if tag in BLOCK else "")
            if self.skip.step(tag, False):
                self.skip = None
            return
        if tag == "title":
            self.in_title = False
        elif tag in ("h1", "h2") and self.heading is not None:
            self.headings.append(" ".join("".join(self.heading).split()))
            self.heading = None
        self._emit("\n\n" if tag in BLOCK else "")
        if self.root and self.root.step(tag, False):
            self.root = None

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if self.skip:
            if not self.skip.code and self.lasttag not in CODE:
                self._emit_loose(data)
            return
        if self.heading is not None:
            self.heading.append(data)
        self._emit(data)

    def _emit(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.loose_parts.append(text)
            if self.root:
                self.root_parts.append(text)

    def _emit_loose(self, text: str) -> None:
        if text:
            self.loose_parts.append(text)


def _separator(tag: str) -> str:
    return "\n" if tag in BLOCK or tag == "br" else "\t" if tag in CELL else ""


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\xa0", " ")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(text, title) of an HTML page; the title is the first specific h1/h2, else <title>."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    text = _tidy("".join(parser.root_parts))
    if not text:  # no content root, or an empty one
        text = _tidy("".join(parser.parts))
    if parser.skip and not parser.skip.code:  # a <nav> or banner never closed: it took the page
        text = _tidy("".join(parser.loose_parts))
    specific = [h for h in parser.headings if h and h.lower().rstrip(":") not in GENERIC_HEADINGS]
    title = specific[0] if specific else " ".join("".join(parser.title).split()) or None
    return text, title[:300] if title else None
