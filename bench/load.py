"""End-to-end ingest (read + extract + resolve + load) into the embedded store, with one
extraction worker (the baseline) and with two extracting ahead, interleaved in one run; and
the re-load of the same unchanged corpus (content hashes: near zero work)."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from common import ROOT, arguments, median, print_table, replicated, spread

from scrutiny.graph.stores.embedded import EmbeddedStore
from scrutiny.loaders.pipeline import load_paths
from scrutiny.settings import Settings

SOURCES = [ROOT / "examples" / "minutes", ROOT / "tests" / "fixtures" / "borsetshire"]


WORKERS = (1, 2)


def one_run(paths: list[Path], work: Path, workers: int) -> tuple[float, float]:
    settings = Settings(data_dir=work / "data", load_workers=workers)
    store = EmbeddedStore(settings.data_dir)
    store.ensure_schema()
    try:
        start = time.perf_counter()
        load_paths(store, paths, settings)
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = load_paths(store, paths, settings)
        assert not again.loaded
        return first, time.perf_counter() - start
    finally:
        store.close()
        shutil.rmtree(work / "data")


def main() -> None:
    args = arguments(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        paths, megabytes = replicated(Path(tmp), SOURCES, 20 if args.full else 1)
        runs: dict[int, list[tuple[float, float]]] = {w: [] for w in WORKERS}
        for _ in range(max(1, args.runs // 2)):
            for workers in WORKERS:  # interleaved: drift on a noisy machine hits both alike
                runs[workers].append(one_run(paths, Path(tmp), workers))
    rows, base = [], median([r[0] for r in runs[WORKERS[0]]])
    for workers, done in runs.items():
        loads, reloads = [r[0] for r in done], [r[1] for r in done]
        t, r = median(loads), median(reloads)
        rows.append([workers, f"{megabytes:.1f}", len(paths), f"{t:.1f}", spread(loads), f"{megabytes / t:.2f}",
                     f"{len(paths) / t:.0f}", f"{base / t:.2f}", f"{r:.2f}", f"{r / t:.3f}"])
    print_table("Ingest into the embedded store", ["workers", "corpus MB", "documents", "load s", "spread s",
                                                   "MB/s", "docs/s", "speed vs 1", "re-load s", "re-load / load"],
                rows)


if __name__ == "__main__":
    main()
