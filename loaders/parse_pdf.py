"""PDF to text, page by page; runs inside the parsing worker (``loaders.worker``)."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_to_text(data: bytes) -> tuple[str, str | None]:
    """(text, title) of a PDF; pages are separated by a blank line."""
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted")
    pages = [(page.extract_text() or "").strip() for page in reader.pages]
    text = "\n\n".join(p for p in pages if p)
    title = None
    if reader.metadata and reader.metadata.title:
        title = str(reader.metadata.title).strip() or None
    return text, title
