"""What every benchmark shares: repeated timing, and one way to print a table of medians."""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "minutes"


def arguments(description: str, extra: Callable[[argparse.ArgumentParser], None] | None = None
              ) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--full", action="store_true", help="full size (slow); default is a quick small run")
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the table shows their median")
    if extra:
        extra(parser)
    return parser.parse_args()


def replicated(folder: Path, sources: list[Path], megabytes: float) -> tuple[list[Path], float]:
    """The minutes in ``sources`` copied into ``folder`` until they reach ``megabytes``, each copy
    made unique (so loading never skips one as unchanged): (paths, megabytes written)."""
    texts = [p.read_text(encoding="utf-8") for src in sources for p in sorted(src.glob("*.txt"))]
    paths, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        path = folder / f"minutes-{n:05d}.txt"
        path.write_text(f"{texts[n % len(texts)]}\n\nCopy {n}.", encoding="utf-8")
        paths.append(path)
        size += path.stat().st_size
        n += 1
    return paths, size / 1_000_000


def timed(work: Callable[[], object], runs: int) -> list[float]:
    """Seconds of each of ``runs`` calls (after one untimed warm-up)."""
    work()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        out.append(time.perf_counter() - start)
    return out


def spread(samples: list[float]) -> str:
    return f"{min(samples):.3g}-{max(samples):.3g}"


def machine() -> str:
    import os
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def print_table(title: str, columns: list[str], rows: list[list]) -> None:
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(columns)]
    print(f"\n{title}  ({machine()})")
    print("  ".join(h.ljust(w) for h, w in zip(columns, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def median(samples: list[float]) -> float:
    return statistics.median(samples)
