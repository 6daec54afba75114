#!/usr/bin/env python3
"""Score extraction on the held-out pool documents, annotated by hand before any build ran on them.

Two sets. ``tools/heldout/gold`` (8 documents) was held out until phase 20, whose rules were
written from its errors, so it is now seen. ``tools/heldout2/gold`` (26 documents, annotated
blind on 2026-12-03; judgement calls in ``tools/heldout2/README.md``) was scored once, after
phase 20's rules were final. From phase 21 it is dealt into two halves by body, as the dev set
is: rules are written from the errors of the "analysed" half only (``--analyse`` lists them),
and the "kept" half, whose errors are never printed, is the estimate for unseen documents.

usage: tools/score_heldout.py [--shared DIR] [--cli PATH] [--analyse]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from score_dev import ROOT, halves, headline, score

SEEN = ROOT / "tools" / "heldout" / "gold"
SECOND = ROOT / "tools" / "heldout2" / "gold"
HALF_NAMES = {"A": "analysed", "B": "kept"}


def bodies(shared: Path) -> dict[str, str]:
    with (shared / "corpus" / "pool" / "manifest.csv").open(newline="", encoding="utf-8-sig") as fh:
        return {Path(row["file"]).stem: row["body"] or "unknown" for row in csv.DictReader(fh)}


def gold_sets(shared: Path, work: Path) -> dict[str, Path]:
    """Set name -> a folder of its gold files: the seen 8, and the 26 whole and by half."""
    body = bodies(shared)
    docs = [(g, g, body.get(g.stem, "unknown")) for g in sorted(SECOND.glob("*.json"))]
    side = halves(docs)
    sets = {"first 8 (seen)": SEEN, "second 26 (all)": SECOND}
    for half, name in HALF_NAMES.items():
        folder = work / f"gold-{name}"
        folder.mkdir()
        for gold, _, b in docs:
            if side[b] == half:
                shutil.copy(gold, folder / gold.name)
        sets[f"26: {name} half"] = folder
    return sets


def predict(shared: Path, cli: Path, gold: Path, pred: Path) -> None:
    texts = [str(shared / "corpus" / "pool" / f"{g.stem}.txt") for g in sorted(gold.glob("*.json"))]
    subprocess.run([str(cli), "extract", *texts, "--json-dir", str(pred)], check=True, capture_output=True)


def false_positives(shared: Path, gold_dir: Path, pred_dir: Path) -> list[str]:
    """Predicted events whose quote holds no gold anchor of their group (the scorer lists only misses)."""
    spec = importlib.util.spec_from_file_location("scorer", shared / "tools" / "score_extraction.py")
    scorer = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    out = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pred = json.loads((pred_dir / gold_file.name).read_text(encoding="utf-8"))
        for group, types in scorer.EVENT_GROUPS.items():
            anchors = [scorer.fold(g["anchor"]) for g in gold.get(group, [])]
            for event in pred.get("events", []):
                quote = scorer.fold(event.get("quote"))
                if event.get("type") in types and not any(a in quote for a in anchors):
                    out.append(f"{gold_file.stem}: {group} extra «{event.get('quote')}»")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cli", type=Path, default=ROOT / ".venv" / "bin" / "scrutiny")
    ap.add_argument("--analyse", action="store_true", help="list the analysed half's misses and extras")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sets = gold_sets(args.shared, work)
        for gold in (SEEN, SECOND):
            predict(args.shared, args.cli, gold, work / "pred")
        results = {name: score(args.shared, gold, work / "pred", args.analyse and "analysed" in name)
                   for name, gold in sets.items()}
        rows = {name: headline(r) for name, r in results.items()}
        names = list(rows)
        print(f"{'what':24}" + "".join(f"{n:>20}" for n in names))
        for key in rows[names[0]]:
            print(f"{key:24}" + "".join(f"{rows[n][key]:20.3f}" for n in names))
        print(f"{'documents':24}" + "".join(f"{results[n]['documents']:20d}" for n in names))
        if args.analyse:
            analysed = sets["26: analysed half"]
            print("\n".join(results["26: analysed half"]["misses"]))
            print("\n".join(false_positives(args.shared, analysed, work / "pred")))


if __name__ == "__main__":
    main()
