#!/usr/bin/env python3
"""Count where each extractor cue and lexicon entry fires across the shared corpora.

usage: tools/cue_coverage.py [--shared DIR] [--json] [--only-rare]

A guard against rules tuned to one sentence: a cue pattern or lexicon entry
that fires in only one document of the 97 in ``corpus/dev``, ``corpus/pool``
and ``corpus/kent-pcp-2017-18`` was probably written for that document and
is suspect.  For each one this reports how many documents and how many
distinct bodies (from the manifests) it fires in, zero included.  Cues are
found by introspecting ``scrutiny.loaders.extract.cues``, so new patterns
are counted without editing this tool.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType

from scrutiny.loaders.extract import cues, lexicon

FOLDERS = ("dev", "pool", "kent-pcp-2017-18")
LEXICON_DIR = Path(lexicon.__file__).parent / "lexicons"
SLOW_SECONDS = 1.0  # a pattern this slow over ~100 small files is backtracking


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str  # "cue" or the lexicon file name, e.g. "roles.txt"
    documents: int
    bodies: int


def documents(shared: Path) -> list[tuple[str, str]]:
    """(text, body) for every .txt document of the three corpora."""
    docs = []
    for name in FOLDERS:
        folder = shared / "corpus" / name
        with (folder / "manifest.csv").open(newline="", encoding="utf-8-sig") as fh:
            body_of = {row["file"]: row["body"] for row in csv.DictReader(fh)}
        for path in sorted(folder.glob("*.txt")):
            body = body_of.get(path.name) or f"unknown ({name}/{path.name})"
            docs.append((path.read_text(encoding="utf-8", errors="replace"), body))
    return docs


def cue_patterns(module: ModuleType) -> dict[str, re.Pattern]:
    """Module-level patterns, and those in lists of (name, pattern) pairs, found at run time."""
    found = {}
    for attr, value in vars(module).items():
        if isinstance(value, re.Pattern):
            found[attr] = value
        elif isinstance(value, (list, tuple)):
            for item in value:
                if (isinstance(item, tuple) and len(item) == 2
                        and isinstance(item[1], re.Pattern)):
                    found[f"{attr}[{item[0]}]"] = item[1]
    return found


def lexicon_rows(path: Path) -> list[tuple[str, list[str]]]:
    """(canonical, phrases) per row; non-phrase cells (a kind, a side) are dropped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if not cells[0] or cells[0].startswith("#"):
            continue
        if path.name == "bodies.txt":  # name | kind | aliases...
            cells = cells[:1] + cells[2:]
        elif path.name == "honorifics.txt" and len(cells) > 1:  # ... | side word
            cells = cells[:-1]
        rows.append((cells[0], [c for c in cells if c]))
    return rows


def phrase_pattern(phrase: str) -> re.Pattern:
    """Whole-word match; acronyms keep their case, any whitespace run between words."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    body = body.replace("'", "['’]")  # minutes use curly and straight apostrophes alike
    flags = 0 if phrase.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", flags)


def count(name: str, kind: str, patterns: list[re.Pattern],
          docs: list[tuple[str, str]]) -> Entry:
    """Documents and bodies in which any of the patterns finds a match."""
    started = time.perf_counter()
    hits = [body for text, body in docs if any(p.search(text) for p in patterns)]
    if time.perf_counter() - started > SLOW_SECONDS:
        print(f"warning: {name} took {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return Entry(name, kind, len(hits), len(set(hits)))


def coverage(shared: Path) -> list[Entry]:
    """Every cue pattern and lexicon entry, sorted by documents fired in, then name."""
    docs = documents(shared)
    entries = [count(n, "cue", [p], docs) for n, p in cue_patterns(cues).items()]
    for path in sorted(LEXICON_DIR.glob("*.txt")):
        for canonical, phrases in lexicon_rows(path):
            pats = [phrase_pattern(p) for p in phrases]
            entries.append(count(canonical, path.name, pats, docs))
    return sorted(entries, key=lambda e: (e.documents, e.name, e.kind))


def table(entries: list[Entry]) -> str:
    width = max([len(e.name) for e in entries] + [4])
    lines = [f"{'name':<{width}}  {'kind':<15} {'docs':>5} {'bodies':>6}"]
    lines += [f"{e.name:<{width}}  {e.kind:<15} {e.documents:>5} {e.bodies:>6}" for e in entries]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--json", action="store_true", help="print a JSON list of objects")
    parser.add_argument("--only-rare", action="store_true",
                        help="only entries firing in at most one document")
    args = parser.parse_args(argv)
    entries = coverage(args.shared)
    if args.only_rare:
        entries = [e for e in entries if e.documents <= 1]
    print(json.dumps([asdict(e) for e in entries], indent=2) if args.json else table(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
