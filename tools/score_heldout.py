#!/usr/bin/env python3
"""Score extraction on the held-out pool documents, annotated by hand before any build ran on them.

Two sets. ``tools/heldout/gold`` (8 documents) was held out until phase 20, whose rules were
written from its errors, so it is now seen. ``tools/heldout2/gold`` (26 documents, annotated
blind on 2026-12-03; judgement calls in ``tools/heldout2/README.md``) was scored once, after
phase 20's rules were final: it is the estimate for documents no rule was written from.

usage: tools/score_heldout.py [--shared DIR] [--cli PATH]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from score_dev import ROOT, headline, score

SETS = {"first 8 (seen)": ROOT / "tools" / "heldout" / "gold",
        "second 26 (held out)": ROOT / "tools" / "heldout2" / "gold"}


def scores_of(gold: Path, shared: Path, cli: Path, work: Path) -> dict[str, float]:
    texts = [str(shared / "corpus" / "pool" / f"{g.stem}.txt") for g in sorted(gold.glob("*.json"))]
    pred = work / gold.parent.name
    subprocess.run([str(cli), "extract", *texts, "--json-dir", str(pred)], check=True, capture_output=True)
    return headline(score(shared, gold, pred, False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cli", type=Path, default=ROOT / ".venv" / "bin" / "scrutiny")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = {name: scores_of(gold, args.shared, args.cli, Path(tmp)) for name, gold in SETS.items()}
    names = list(rows)
    print(f"{'what':24}" + "".join(f"{n:>22}" for n in names))
    for key in rows[names[0]]:
        print(f"{key:24}" + "".join(f"{rows[n][key]:22.3f}" for n in names))


if __name__ == "__main__":
    main()
