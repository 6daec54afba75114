#!/usr/bin/env python3
"""Extract a corpus with ``scrutiny extract`` and compare the JSON, byte for byte, with a saved run.

usage: tools/compare_extraction.py --save DIR      (before a change: keep the output)
       tools/compare_extraction.py --against DIR   (after it: exit 1 on any difference)

The folders are the shared corpus (dev, pool, kent-pcp-2017-18) and the bundled fixtures; a
change to the extractor's speed must leave every file identical.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared/corpus")
FOLDERS = [SHARED / "dev", SHARED / "pool", SHARED / "kent-pcp-2017-18",
           ROOT / "tests" / "fixtures" / "borsetshire", ROOT / "tests" / "fixtures" / "formats"]


def extract_all(out: Path) -> None:
    for folder in FOLDERS:
        run = subprocess.run([sys.executable, "-m", "scrutiny.cli", "extract", str(folder),
                              "--json-dir", str(out / folder.name)], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"{folder}: scrutiny extract failed:\n{run.stderr}")


def differences(before: Path, after: Path) -> list[str]:
    names = {p.relative_to(before) for p in before.rglob("*.json")} | \
        {p.relative_to(after) for p in after.rglob("*.json")}
    return sorted(str(n) for n in names
                  if not (before / n).is_file() or not (after / n).is_file()
                  or (before / n).read_bytes() != (after / n).read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--against", type=Path)
    args = parser.parse_args()
    if args.save:
        extract_all(args.save)
        print(f"saved {len(list(args.save.rglob('*.json')))} extractions in {args.save}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        extract_all(Path(tmp))
        changed = differences(args.against, Path(tmp))
        total = len(list(Path(tmp).rglob("*.json")))
    for name in changed:
        print(f"differs: {name}")
    print(f"{total - len(changed)} of {total} extractions identical")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
