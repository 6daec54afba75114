#!/usr/bin/env python3
"""Check that every commitment listed in the Kent meetings' expected.json is extracted.

usage: tools/kent_commitments.py [--shared DIR] [--cli PATH]

A commitment counts as found when an extracted Commitment's quote contains
its anchor (case and whitespace folded); its owner must name the expected
person or office when the anchor's sentence names one.  Prints one line per
commitment and a summary last.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fold(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", (text or "").lower().replace("&", " and ")).split())


def extracted(cli: Path, folder: Path) -> dict[str, dict]:
    """Meeting date -> the extraction JSON of that meeting's minutes."""
    with tempfile.TemporaryDirectory() as out:
        texts = sorted(str(p) for p in folder.glob("*.txt"))
        subprocess.run([str(cli), "extract", *texts, "--json-dir", out], check=True, capture_output=True)
        return {p.stem: json.loads(p.read_text()) for p in Path(out).glob("*.json")}


def owner_names(doc: dict, event: dict) -> str:
    entities = {e["id"]: e for e in doc["entities"]}
    owner = entities.get(event.get("owner")) or {}
    return fold(" ".join(filter(None, [owner.get("name"), owner.get("title"), owner.get("surname")])))


def check(doc: dict, want: dict) -> str:
    anchor = fold(want["anchor"])
    hits = [e for e in doc["events"] if e["type"] == "Commitment" and anchor in fold(e["quote"])]
    if not hits:
        return "missing"
    if want.get("owner") is None:
        return "ok"
    owner = fold(want["owner"]).replace("police and crime commissioner", "commissioner")
    names = [owner_names(doc, e).replace("police and crime commissioner", "commissioner") for e in hits]
    return "ok" if any(owner in n for n in names) else f"owner {want['owner']!r}, got {names}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cli", type=Path, default=ROOT / ".venv" / "bin" / "scrutiny")
    args = ap.parse_args()
    folder = args.shared / "corpus" / "kent-pcp-2017-18"
    expected = json.loads((folder / "expected.json").read_text())
    docs = extracted(args.cli, folder)
    outcomes = []
    for want in expected["commitments"]:
        outcome = check(docs[want["meeting_date"]], want)
        outcomes.append(outcome)
        print(f"{want['id']} {want['meeting_date']} {outcome}: «{want['anchor']}»")
    found = sum(o != "missing" for o in outcomes)
    owned = sum(o == "ok" for o in outcomes)
    print(f"{found} of {len(outcomes)} commitments extracted, {owned} with the expected owner")


if __name__ == "__main__":
    main()
