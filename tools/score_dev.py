#!/usr/bin/env python3
"""Score extraction on the dev set as a whole and on each half split by body.

usage: tools/score_dev.py [--shared DIR] [--cli PATH] [--json] [--verbose] [--half A|B]

The dev set is every document with gold in ``shared/corpus/dev`` and
``shared/corpus/pool``.  Bodies (from the manifests) are dealt into two
halves, largest first, each to the half with fewer documents so far, ties
by name: no document of one body is ever in both halves.  Rules are
written from one half's errors and checked on the other; the README
reports all three scores.  Each half is scored by the shared scorer
itself, on a folder holding just that half's gold and predictions.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("dev", "pool")
KEYS = ("accountability_f1", "questions_attributed", "answers_attributed",
        "commitments_attributed", "resolutions", "status_updates",
        "persons", "roles", "bodies", "reports")


def documents(shared: Path) -> list[tuple[Path, Path, str]]:
    """(text, gold, body) for every dev-set document with gold."""
    found = []
    for name in FOLDERS:
        folder = shared / "corpus" / name
        with (folder / "manifest.csv").open(newline="", encoding="utf-8-sig") as fh:
            bodies = {row["file"]: row["body"] for row in csv.DictReader(fh)}
        for gold in sorted((folder / "gold").glob("*.json")):
            text = folder / f"{gold.stem}.txt"
            found.append((text, gold, bodies.get(text.name) or "unknown"))
    return found


def halves(docs: list[tuple[Path, Path, str]]) -> dict[str, str]:
    """Body -> "A" or "B": largest bodies first, each to the smaller half."""
    counts: dict[str, int] = {}
    for _, _, body in docs:
        counts[body] = counts.get(body, 0) + 1
    size = {"A": 0, "B": 0}
    side = {}
    for body in sorted(counts, key=lambda b: (-counts[b], b)):
        half = "A" if size["A"] <= size["B"] else "B"
        side[body] = half
        size[half] += counts[body]
    return side


def score(shared: Path, gold_dir: Path, pred_dir: Path, verbose: bool) -> dict:
    scorer = shared / "tools" / "score_extraction.py"
    args = [sys.executable, str(scorer), "--gold", str(gold_dir), "--pred", str(pred_dir), "--json"]
    result = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    if verbose:
        plain = subprocess.run(args[:-1] + ["--verbose"], check=True, capture_output=True, text=True)
        result["misses"] = [ln for ln in plain.stdout.splitlines() if ": " in ln and "«" in ln
                            or " person " in ln or " role " in ln or " body " in ln or " report " in ln]
    return result


def headline(result: dict) -> dict[str, float]:
    scores = result["scores"]
    row = {"accountability_f1": result["accountability_f1"]}
    row.update({k: scores[k]["f1"] for k in KEYS[1:] if k in scores})
    return row


def run(shared: Path, cli: Path, verbose: bool, only: str | None) -> dict:
    docs = documents(shared)
    side = halves(docs)
    out: dict = {"halves": {h: sorted(b for b, s in side.items() if s == h) for h in "AB"}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        preds = work / "pred"
        for name in FOLDERS:
            texts = [str(t) for t, _, _ in docs if t.parent.name == name]
            subprocess.run([str(cli), "extract", *texts, "--json-dir", str(preds)],
                           check=True, capture_output=True)
        for group in ("all", "A", "B"):
            gold_dir = work / f"gold-{group}"
            gold_dir.mkdir()
            for _, gold, body in docs:
                if group == "all" or side[body] == group:
                    shutil.copy(gold, gold_dir / gold.name)
            if only and group not in (only, "all"):
                continue
            out[group] = score(shared, gold_dir, preds, verbose and group in (only or "all"))
    return out


def table(result: dict) -> str:
    groups = [g for g in ("all", "A", "B") if g in result]
    rows = [f"{'what':24}" + "".join(f"{g:>8}" for g in groups)]
    lines = {g: headline(result[g]) for g in groups}
    for key in KEYS:
        rows.append(f"{key:24}" + "".join(f"{lines[g].get(key, 0.0):8.3f}" for g in groups))
    rows.append(f"{'documents':24}" + "".join(f"{result[g]['documents']:8d}" for g in groups))
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cli", type=Path, default=ROOT / ".venv" / "bin" / "scrutiny")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--verbose", action="store_true", help="list the misses of --half (or all)")
    ap.add_argument("--half", choices=("A", "B"), help="with --verbose: only this half's misses")
    args = ap.parse_args()
    result = run(args.shared, args.cli, args.verbose, args.half)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for half in "AB":
        print(f"half {half}: " + "; ".join(result["halves"][half]))
    print(table(result))
    if args.verbose:
        print("\n".join(result.get(args.half or "all", {}).get("misses", [])))


if __name__ == "__main__":
    main()
