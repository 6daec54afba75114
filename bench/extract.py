"""Extraction throughput on text, one core: MB/s and documents/s, median of several runs.

The corpus is the shared minutes (dev, pool and the Kent meetings) when ``../shared`` is
there, else the bundled examples, replicated (each copy made unique) to 2 MB, or 20 MB
with ``--full``.  ``--against REV`` times the extractor of an earlier commit on the same
corpus in the same run (checked out into a temporary git worktree), interleaving the two
in separate processes so that the machine's noise falls on both, and prints the ratio.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import EXAMPLES, ROOT, arguments, median, print_table, spread

SHARED = ROOT.parent / "shared" / "corpus"
PACKAGES = ("graph", "loaders", "queries", "api", "viz")
ROUNDS = 3  # alternating processes per build; each times ``runs`` passes


def texts() -> list[str]:
    found = sorted(SHARED.glob("*/*.txt")) if SHARED.is_dir() else []
    return [p.read_text(encoding="utf-8") for p in found or sorted(EXAMPLES.glob("*.txt"))]


def corpus(megabytes: float) -> list[str]:
    base, docs, size = texts(), [], 0
    while size < megabytes * 1_000_000:
        text = f"{base[len(docs) % len(base)]}\n\nCopy {len(docs)}."
        docs.append(text)
        size += len(text.encode("utf-8"))
    return docs


CHILD = """
import json, sys, time
try:
    from scrutiny.loaders.extract.document import extract
except ImportError:  # before loaders/ was laid out by stage
    from scrutiny.loaders.extract import extract
from scrutiny.loaders.records import DocumentText
docs = [DocumentText(f"copy-{n}.txt", "text", t) for n, t in enumerate(json.load(open(sys.argv[1])))]
[extract(d) for d in docs[:20]]
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    for d in docs:
        extract(d)
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


def checkout(rev: str, into: Path) -> Path:
    """A package tree of ``rev`` that imports as ``scrutiny`` (its layout, its code)."""
    tree = into / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), rev], check=True)
    shim = into / "shim"
    shutil.copytree(tree / "scrutiny", shim / "scrutiny")
    for name in PACKAGES:
        (shim / "scrutiny" / name).symlink_to(tree / name)
    return shim


def timings(corpus_file: Path, runs: int, pythonpath: Path | None) -> list[float]:
    env = dict(os.environ, PYTHONPATH=str(pythonpath)) if pythonpath else dict(os.environ)
    out = subprocess.run([sys.executable, "-c", CHILD, str(corpus_file), str(runs)],
                         env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def row(name: str, samples: list[float], megabytes: float, documents: int) -> list:
    t = median(samples)
    return [name, f"{megabytes:.1f}", documents, f"{t:.2f}", spread(samples), f"{megabytes / t:.2f}",
            f"{documents / t:.0f}"]


def main() -> None:
    args = arguments(__doc__, lambda p: p.add_argument(
        "--against", metavar="REV", help="also time this commit's extractor, in the same run"))
    docs = corpus(20 if args.full else 2)
    megabytes = sum(len(t.encode("utf-8")) for t in docs) / 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        corpus_file = Path(tmp) / "corpus.json"
        corpus_file.write_text(json.dumps(docs))
        builds = {"this build": None}
        if args.against:
            builds[f"baseline {args.against}"] = checkout(args.against, Path(tmp))
        samples: dict[str, list[float]] = {name: [] for name in builds}
        try:
            for _ in range(ROUNDS):
                for name, path in builds.items():
                    samples[name] += timings(corpus_file, args.runs, path)
        finally:
            if args.against:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(Path(tmp) / "tree")],
                               check=False, capture_output=True)
    rows = [row(name, s, megabytes, len(docs)) for name, s in samples.items()]
    print_table("Extraction (text, one core)", ["build", "corpus MB", "documents", "median s", "spread s",
                                                 "MB/s", "docs/s"], rows)
    if args.against:
        ratio = median(samples[f"baseline {args.against}"]) / median(samples["this build"])
        print(f"this build runs at {ratio:.2f}x the speed of {args.against}")


if __name__ == "__main__":
    main()
