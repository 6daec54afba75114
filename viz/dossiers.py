"""Dossiers as files: one (``.html`` or ``.md`` by its name), or one per report with an index."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from scrutiny.errors import QueryParameterError
from scrutiny.graph import dossier
from scrutiny.graph.dossier_records import Dossier
from scrutiny.viz import dossier_html, dossier_md

RENDER = {".html": dossier_html.render, ".md": dossier_md.render}
REPORTS = "MATCH (r:Report) RETURN r.key AS key ORDER BY key"


def render(d: Dossier, suffix: str) -> str:
    if suffix not in RENDER:
        raise QueryParameterError(f"a dossier is written as .html or .md, not {suffix[:20] or 'a file without one'!r}")
    return RENDER[suffix](d)


def write(d: Dossier, out: Path) -> Path:
    text = render(d, Path(out).suffix.lower())
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out


def file_stem(key: str, taken: set[str]) -> str:
    """A file name for a report's key: 'crime data integrity' -> 'crime-data-integrity'."""
    stem = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")[:80] or "report"
    unique, n = stem, 2
    while unique in taken:
        unique, n = f"{stem}-{n}", n + 1
    taken.add(unique)
    return unique


def write_all(store, folder: Path, body: str | None = None, as_of: str | None = None) -> list[tuple[Path, Dossier]]:
    """Every report's dossier as .html and .md in ``folder``, and index.html and index.md listing them."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, Dossier]] = []
    taken: set[str] = set()
    for row in store.run(REPORTS):
        d = dossier.gather(store, row["key"], body, as_of)
        stem = file_stem(row["key"], taken)
        for suffix in RENDER:
            write(d, folder / f"{stem}{suffix}")
        written.append((folder / stem, d))
    (folder / "index.html").write_text(_index_html(written), encoding="utf-8")
    (folder / "index.md").write_text(_index_md(written), encoding="utf-8")
    return written


def _index_html(written: list[tuple[Path, Dossier]]) -> str:
    rows = "".join(f"<li><a href='{escape(p.name, quote=True)}.html'>{dossier_html.text(d.title)}</a>: "
                   f"{dossier_html.text(d.summary())}</li>" for p, d in written)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{dossier_html.POLICY}\">"
            f"<title>Dossiers</title><style>{dossier_html.STYLE}</style></head><body><h1>Dossiers</h1>"
            f"<p>{len(written)} reports.</p><ul>{rows}</ul></body></html>\n")


def _index_md(written: list[tuple[Path, Dossier]]) -> str:
    rows = [f"- [{dossier_md.text(d.title)}]({p.name}.md): {dossier_md.text(d.summary())}" for p, d in written]
    return "\n".join(["# Dossiers", "", f"{len(written)} reports.", "", *rows]) + "\n"
