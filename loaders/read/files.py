"""Read one file into a ``DocumentText``: sniff the format, decode, parse, attach metadata.

Only regular files are read (a FIFO would block, a device never end).  Plain
text is decoded here (UTF-8, UTF-16 by BOM, else cp1252 with a warning); HTML
and PDF are parsed in the limited worker.  Every refusal is a ``LoaderError``
naming the file and the reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from scrutiny.errors import LoaderError, not_a_date, unreadable_file
from scrutiny.loaders.dates import parse_date
from scrutiny.loaders.read.html import html_to_text
from scrutiny.loaders.read.manifest import Metadata
from scrutiny.loaders.read.pdf import pdf_to_text
from scrutiny.loaders.read.worker import run_limited
from scrutiny.loaders.records import DocumentText
from scrutiny.settings import Settings

HTML_MARKERS = (b"<!doctype html", b"<html", b"<body", b"<head", b"<div", b"<p>", b"<table")


def _kind(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a directory")):
        if test(mode):
            return what
    return "not a file"


def read_regular(path: Path, source: str, max_bytes: int, limit_name: str) -> bytes:
    """The bytes of ``path`` if it is a regular file (or a link to one) of at most
    ``max_bytes``; anything else is refused before it is opened.  It is opened without
    blocking and checked again, in case it was swapped for a FIFO in between."""
    try:
        _check_regular(path.stat(), source, max_bytes, limit_name)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as fh:
            _check_regular(os.fstat(fh.fileno()), source, max_bytes, limit_name)
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise LoaderError(source, exc.strerror or str(exc)) from exc
    _check_size(len(data), source, max_bytes, limit_name)  # it may have grown since
    return data


def _check_regular(st: os.stat_result, source: str, max_bytes: int, limit_name: str) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise LoaderError(source, f"not a regular file ({_kind(st.st_mode)})")
    _check_size(st.st_size, source, max_bytes, limit_name)


def _check_size(size: int, source: str, max_bytes: int, limit_name: str) -> None:
    if size > max_bytes:
        raise LoaderError(source, f"larger than {max_bytes // (1024 * 1024)} MiB ({limit_name})")


def sniff(path: Path, head: bytes) -> str:
    """``pdf``, ``html`` or ``text`` from the first bytes, then the file name; a ``.pdf``
    without a PDF header is read for what its bytes are."""
    if b"%PDF-" in head[:1024]:  # some writers put junk before the header
        return "pdf"
    lowered = head[:2048].lstrip().lower()
    if any(marker in lowered for marker in HTML_MARKERS):
        return "html"
    if path.suffix.lower() in (".html", ".htm", ".aspx"):
        return "html"
    return "text"


OFFICE_FILES = ((b"PK\x03\x04", "a ZIP archive or Word/ODF document: save it as PDF or text"),
                (b"\xd0\xcf\x11\xe0", "a legacy Word or Excel file: save it as PDF or text"),
                (b"\x1f\x8b", "a gzip archive: unpack it first"),
                (b"{\\rtf", "an RTF document: save it as PDF or text"))


def _utf16_without_bom(data: bytes) -> str | None:
    """Windows tools write UTF-16 without a BOM: ASCII text then has a NUL in every pair."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    for offset, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        if sample[offset::2].count(0) > len(sample) // 2 * 0.9:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Text with ``\\n`` line ends, and warnings; binary data is refused."""
    for magic, what in OFFICE_FILES:
        if data.startswith(magic):
            raise LoaderError(source, what)
    text, warnings = _decode_text(data, source)
    if "\x00" in text:  # a stray NUL would cut a store parameter short
        warnings.append(f"removed {text.count(chr(0))} NUL character(s)")
        text = text.replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def _decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ["decoded as UTF-16"]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        if (text := _utf16_without_bom(data)) is not None:
            return text, ["decoded as UTF-16 (no byte order mark)"]
        raise LoaderError(source, "binary data, not text, HTML or PDF")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    return data.decode("cp1252", errors="replace"), ["not valid UTF-8: decoded as cp1252"]


def _check_text(text: str, source: str, fmt: str) -> None:
    if not text.strip():
        raise LoaderError(source, "no text layer (a scanned PDF? run OCR on it first)"
                          if fmt == "pdf" else "no text in the document")
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(sample) * 0.05:
        raise LoaderError(source, "binary data, not text, HTML or PDF")


def read_document(path: Path, settings: Settings, meta: Metadata | None = None) -> DocumentText:
    meta = meta or Metadata()
    source = meta.source or str(path)
    meeting_date = parse_date(meta.meeting_date) if meta.meeting_date else None
    if meta.meeting_date and not meeting_date:
        raise unreadable_file(source, not_a_date("meeting date", meta.meeting_date))
    data = read_regular(path, source, settings.max_document_mb * 1024 * 1024, "SCRUTINY_MAX_DOCUMENT_MB")
    fmt = sniff(path, data[:4096])
    warnings: list[str] = []
    title = None
    if fmt == "text":
        text, warnings = decode(data, source)
    elif fmt == "html":
        markup, warnings = decode(data, source)
        text, title = run_limited(html_to_text, markup, source=source,
                                  timeout_s=settings.parse_timeout_s,
                                  memory_mb=settings.parse_memory_mb)
    else:
        text, title = run_limited(pdf_to_text, data, source=source,
                                  timeout_s=settings.parse_timeout_s,
                                  memory_mb=settings.parse_memory_mb)
    _check_text(text, source, fmt)
    return DocumentText(source=source, format=fmt, text=text, url=meta.url,
                        title=meta.title or title, body=meta.body,
                        meeting_date=meeting_date,
                        warnings=warnings)
