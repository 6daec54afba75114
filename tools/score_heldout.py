#!/usr/bin/env python3
"""Score extraction on the held-out pool documents: annotated by hand (``tools/heldout/gold``)
before any build was run on them, and never read while writing rules, except the one named in
``SEEN`` (it gave the rule for lists of questions). Prints the score on all of them and on
those still held out.

usage: tools/score_heldout.py [--shared DIR] [--cli PATH]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from score_dev import ROOT, headline, score

GOLD = ROOT / "tools" / "heldout" / "gold"
SEEN = {"devon-cornwall-pcp-county-lines"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cli", type=Path, default=ROOT / ".venv" / "bin" / "scrutiny")
    args = ap.parse_args()
    golds = sorted(GOLD.glob("*.json"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        texts = [str(args.shared / "corpus" / "pool" / f"{g.stem}.txt") for g in golds]
        subprocess.run([str(args.cli), "extract", *texts, "--json-dir", str(work / "pred")],
                       check=True, capture_output=True)
        unseen = work / "unseen"
        unseen.mkdir()
        for g in golds:
            if g.stem not in SEEN:
                shutil.copy(g, unseen / g.name)
        rows = {"all": headline(score(args.shared, GOLD, work / "pred", False)),
                "held out": headline(score(args.shared, unseen, work / "pred", False))}
    print(f"{'what':24}{'all':>10}{'held out':>10}   ({len(golds)} and {len(golds) - len(SEEN)} documents)")
    for key in rows["all"]:
        print(f"{key:24}{rows['all'][key]:10.3f}{rows['held out'][key]:10.3f}")


if __name__ == "__main__":
    main()
