"""A corpus of hostile and broken inputs, written on demand (the big ones would bloat git).

Each case is (file name, bytes, what must happen): ``loads``, or the reason the
one-line error must give.  ``python -m tests.hostile DIR`` writes them for a look.
"""

from __future__ import annotations

import io
import random
import sys
import zlib
from pathlib import Path

from tests.pdfs import assemble, stream, text_pdf

MINUTES = ("Councillor Ahmed asked what progress had been made. The Chief Constable explained "
           "that a new hub had opened. The Commissioner agreed to report back to the next meeting.")
LOADS = "loads"


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf([MINUTES[:80]]))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _bomb_pdf(inflated_mb: int = 1024) -> bytes:
    """A page whose content stream inflates from about 1 MiB to ``inflated_mb`` MiB."""
    squash = zlib.compressobj(9)
    chunk = b"0 0 Td " * (1 << 17)
    body = b"".join(squash.compress(chunk) for _ in range(inflated_mb * (1 << 20) // len(chunk)))
    return assemble([stream(body + squash.flush(), flate=True)])


def _nested_html(depth: int = 200_000) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + MINUTES.encode() + b"</div>" * depth
            + b"</body></html>")


def _slow_to_extract() -> list[tuple[str, bytes, str]]:
    """Texts that once made extraction exponential, cubic or quadratic (issue 25); each loads,
    in time linear in its length."""
    auxiliaries = "Councillor Smith " + "had also had, " * 30 + "asked what had been done."
    resolved = "\n\n".join(f"RESOLVED that the Commissioner provide report {n} to the Panel."
                             for n in range(2_000))
    many_cues = "The Chief Constable " + ", and ".join(
        ["explained that he would report back if asked whether the Panel could be told"] * 1_500) + "."
    return [
        ("name-and-auxiliaries.txt", auxiliaries.encode(), LOADS),
        ("resolved-paragraphs.txt", resolved.encode(), LOADS),
        ("one-sentence-many-cues.txt", many_cues.encode(), LOADS),
        ("million-spaces.txt", (MINUTES + "\n" + " " * 1_000_000 + "\n" + MINUTES).encode(), LOADS),
        ("spaces-between-names.txt", ("Councillor Smith" + " " * 200_000 + "of the Police asked. "
                                      + MINUTES).encode(), LOADS),
        ("spaced-resolution.txt", ("RESOLVED that the report be noted" + " " * 200_000 + "and noted.\n\n"
                                   + MINUTES).encode(), LOADS),
        ("capitals-line.txt", ("A" * 200_000 + "x\n\n" + MINUTES).encode(), LOADS),
        ("blank-lines-after-meeting.txt", ("Agenda item\n\nReport\n" + "\n" * 200_000 + MINUTES).encode(), LOADS),
    ]


def cases() -> list[tuple[str, bytes, str]]:
    rng = random.Random(8)
    good = MINUTES.encode()
    pdf = text_pdf(["Minutes of the Police and Crime Panel", "", MINUTES[:90], MINUTES[90:]])
    return [
        ("empty.txt", b"", "no text in the document"),
        ("whitespace.txt", b" \n\t\r\n   \n" * 50, "no text in the document"),
        ("garbage.bin", bytes(rng.randrange(256) for _ in range(20_000)), "binary data"),
        ("garbage.txt", bytes(rng.randrange(256) for _ in range(20_000)), "binary data"),
        ("control-characters.txt", bytes(rng.randrange(1, 9) for _ in range(5000)), "binary data"),
        ("truncated.pdf", pdf[: len(pdf) // 3], "PDF"),
        ("header-only.pdf", b"%PDF-1.7\n", "PDF"),
        ("encrypted.pdf", _encrypted_pdf(), "the PDF is encrypted"),
        ("bomb.pdf", _bomb_pdf(), "MiB"),
        ("no-text-layer.pdf", text_pdf([]), "no text layer"),
        ("big.txt", good * (210 * (1 << 20) // len(good)), "larger than 50 MiB"),
        ("invalid-utf8.txt", good.replace(b"Ahmed", b"Ahm\xe9d\xff"), LOADS),
        ("utf16-bom.txt", MINUTES.encode("utf-16"), LOADS),
        ("utf16-no-bom.txt", MINUTES.encode("utf-16-le"), LOADS),
        ("nul-in-text.txt", good + b"\n\n" + b"x" * 9000 + b"\x00" + good, LOADS),
        ("cr-line-ends.txt", b"1.\rApologies\r\r" + good.replace(b". ", b".\r"), LOADS),
        ("scripts-only.html", b"<html><script>alert(1)</script><script>x()</script></html>",
         "no text in the document"),
        ("styles-only.html", b"<html><head><style>p{}</style></head><body><style>b{}</style>"
                             b"</body></html>", "no text in the document"),
        ("deeply-nested.html", _nested_html(), LOADS),
        ("unclosed-tags.html", b"<html><body><div><p>" + good + b"<table><tr><td>", LOADS),
        ("entity-declarations.html", b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">]><p>&a;&a;'
                                     b"</p><p>" + good + b"</p>", LOADS),
        ("html-named.txt", b"<!doctype html><p>" + good + b"</p>", LOADS),
        ("text-named.pdf", good, LOADS),
        ("no-agenda-items.txt", good, LOADS),
        ("one-long-line.txt", (MINUTES + " ").encode() * 6_000, LOADS),
        ("one-long-word.txt", b"a" * 3_000_000, LOADS),
        ("numbers-only.txt", b"1.\n\n" * 100_000, LOADS),
        ("unicode.txt", "Cllr Zoë Ørsted asked — in Welsh — “Pam?” 🚓 مرحبا. ".encode() + good,
         LOADS),
        ("odd name ; rm -rf ~ 'x' \"y\" ü — (draft).txt", good, LOADS),
        ("word.docx", b"PK\x03\x04" + bytes(2000), "Word/ODF document"),
        ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "legacy Word"),
        ("archive.txt", zlib.compress(good * 10)[2:].join([b"\x1f\x8b\x08\x00", b""]),
         "gzip archive"),
        ("minutes.rtf", b"{\\rtf1\\ansi " + good + b"}", "RTF document"),
        *_slow_to_extract(),
    ]


def write(folder: Path) -> dict[Path, str]:
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, data, outcome in cases():
        (folder / name).write_bytes(data)
        expected[folder / name] = outcome
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    expected[folder / "dangling.txt"] = "No such file or directory"
    return expected


if __name__ == "__main__":
    for path, outcome in write(Path(sys.argv[1])).items():
        print(f"{path.name}: {outcome}")
