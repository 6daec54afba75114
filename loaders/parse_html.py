"""HTML to text with paragraph breaks where the page had blocks.

Runs inside the parsing worker (``loaders.worker``).  An event parser, not a
tree: deeply nested pages cost no recursion.  Scripts, styles and other
non-content elements are dropped, so nothing executable reaches the text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK = {"p", "div", "li", "ul", "ol", "tr", "table", "section", "article", "header",
         "footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "dl",
         "pre", "form", "fieldset", "main", "nav", "aside", "caption", "tbody", "thead"}
CELL = {"td", "th"}
SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select"}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False
        self.heading: list[str] = []
        self.in_heading = False

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag in ("h1", "h2") and not self.heading:
            self.in_heading = True
        if tag in BLOCK or tag == "br":
            self.parts.append("\n")
        elif tag in CELL:
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in ("h1", "h2"):
            self.in_heading = False
        if tag in BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if self.skipping:
            return
        if self.in_heading:
            self.heading.append(data)
        self.parts.append(data)


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\xa0", " ")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(text, title) of an HTML page; the title is the first h1/h2 or the <title>."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    title = " ".join("".join(parser.heading or parser.title).split()) or None
    return _tidy("".join(parser.parts)), title
