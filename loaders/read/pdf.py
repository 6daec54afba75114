"""PDF to text with the paragraph breaks the page shows; runs inside the parsing worker.

pypdf's layout mode keeps vertical gaps as blank lines.  A gap counts as a
paragraph break when it is wider than the document's ordinary line gap, so
double-spaced minutes are read like single-spaced ones.  Page numbers and
running headers or footers repeated on most pages are dropped, and a
sentence running over a page break stays one paragraph.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from scrutiny.loaders.read.worker import Unreadable

PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s+of\s+\d{1,4})?$", re.I)
CELL_GAP = re.compile(r" {4,}")


def _page_layout(page) -> str:
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode trips over some fonts; plain text is still worth having
        return page.extract_text() or ""


def _lines_with_gaps(raw: str) -> list[tuple[int, str]]:
    """(blank lines before it, text) for each line with text."""
    found, blanks = [], 0
    for line in raw.splitlines():
        text = " ".join(CELL_GAP.sub("\t", line.strip()).split(" "))
        text = re.sub(r" {2,}", " ", text)
        if text:
            found.append((blanks, text))
            blanks = 0
        else:
            blanks += 1
    return found


def _furniture(pages: list[list[tuple[int, str]]]) -> set[str]:
    """Lines at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    edges = Counter(line for page in pages if page
                    for line in {page[0][1], page[-1][1]})
    return {line for line, n in edges.items() if n > len(pages) / 2}


def layout_text(raw_pages: list[str]) -> str:
    """One text from the layout text of each page."""
    pages = [_lines_with_gaps(raw) for raw in raw_pages]
    furniture = _furniture(pages)
    pages = [[(gap, line) for gap, line in page
              if line not in furniture and not PAGE_NUMBER.match(line)] for page in pages]
    gaps = [gap for page in pages for gap, _ in page[1:]]
    ordinary = min(gaps) if gaps else 0
    out: list[str] = []
    for page in pages:
        for n, (gap, line) in enumerate(page):
            page_break = n == 0 and out and re.search(r"[.!?:;]$", out[-1])
            if out and (page_break or (n and gap > ordinary)):
                out.append("")
            out.append(line)
    return "\n".join(out)


def pdf_to_text(data: bytes) -> tuple[str, str | None]:
    """(text, title) of a PDF."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not our errors
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("the PDF is encrypted: save an unprotected copy")
        text = layout_text([_page_layout(page) for page in reader.pages])
    except PdfReadError as exc:
        raise Unreadable(f"not a readable PDF ({exc})") from None
    title = None
    if reader.metadata and reader.metadata.title:
        title = str(reader.metadata.title).strip() or None
    return text, title
