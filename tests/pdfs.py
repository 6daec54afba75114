"""Small real PDFs written byte by byte, so PDF tests need no generator library."""

from __future__ import annotations


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def assemble(pages: list[bytes], title: str | None = None) -> bytes:
    """A PDF of one Helvetica page per content stream (each a complete stream object body,
    e.g. ``<< /Length 5 >>\\nstream\\n...\\nendstream``)."""
    first_page = 4
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
                   b" ".join(b"%d 0 R" % (first_page + 2 * n) for n in range(len(pages))),
                   len(pages)),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for n, stream in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % (first_page + 2 * n + 1))
        objects.append(stream)
    if title:
        objects.append(b"<< /Title (%s) >>" % _escape(title).encode("latin-1"))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    info = b" /Info %d 0 R" % len(objects) if title else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, info, xref)
    return bytes(out)


def stream(content: bytes, *, flate: bool = False) -> bytes:
    """A stream object body; ``flate`` when ``content`` is already zlib-compressed."""
    filters = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), filters, content)


def text_pdf(lines: list[str], title: str | None = None, *, size: float = 10,
             leading: float = 13, per_page: int = 60) -> bytes:
    """Pages of Helvetica, ``per_page`` lines each; an empty string leaves a blank line."""
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    streams = []
    for page in pages:
        shown = " ".join(f"({_escape(line)}) Tj T*" if line else "T*" for line in page)
        streams.append(stream(f"BT /F1 {size:g} Tf {leading:g} TL 50 800 Td {shown} ET"
                              .encode("latin-1")))
    return assemble(streams, title)
