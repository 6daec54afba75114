"""Extraction of one document under the limits of parsing: in the worker's child process,
with ``parse_timeout_s`` and ``parse_memory_mb``.

The extractor runs in linear time, and this is what holds if some text still finds a slow
path: the document is refused in one line naming it and the reason, the batch goes on.  The
child gets the document and sends back only what extraction adds to it (the described title,
body and date, the items, entities and events), not the text again.
"""

from __future__ import annotations

from scrutiny.loaders.extract.document import extract
from scrutiny.loaders.read.worker import EXTRACTION, run_limited
from scrutiny.loaders.records import DocumentText, Extraction
from scrutiny.settings import Settings


def extract_limited(doc: DocumentText, settings: Settings) -> Extraction:
    """``extract(doc)`` in the limited worker; LoaderError naming the document if it overruns."""
    title, body, meeting_date, items, entities, events = run_limited(
        _extracted, doc, source=doc.source, timeout_s=settings.parse_timeout_s,
        memory_mb=settings.parse_memory_mb, stage=EXTRACTION)
    doc.title, doc.body, doc.meeting_date = title, body, meeting_date  # as ``extract`` describes it
    return Extraction(doc, items, entities, events)


def _extracted(doc: DocumentText) -> tuple:
    """In the child: the extraction's parts, without the document it came from."""
    result = extract(doc)
    described = result.document
    return described.title, described.body, described.meeting_date, result.items, result.entities, result.events
