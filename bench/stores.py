"""The two stores side by side in one run: ingest MB/s of the same corpus, and p50/p95 of every
saved query on the same loaded graph, with Neo4j's figures as ratios to the embedded store's.

Neo4j 5 is the suite's own (tools/neo4j5, started here and stopped at the end), or the server
SCRUTINY_NEO4J_URI names (its database is emptied). The corpus is the bundled minutes, the
four-meeting fixture and the nine Kent meetings, copied until it reaches the size asked for.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, arguments, median, print_table, replicated

sys.path.insert(0, str(ROOT))  # the suite's Neo4j launcher, tests/neo4j_server.py

from scrutiny import queries  # noqa: E402
from scrutiny.graph.stores.base import open_store  # noqa: E402
from scrutiny.loaders.pipeline import load_paths  # noqa: E402
from scrutiny.settings import Settings  # noqa: E402

SOURCES = [ROOT / "examples" / "minutes", ROOT / "tests" / "fixtures" / "borsetshire",
           ROOT / "examples" / "kent-pcp-2017-18"]
PARAMS = {"accountability-record": {"who": "commissioner"}, "report-trail": {"subject": "inspection"},
          "search-quotes": {"text": "victims"}, "open-commitments": {"as_of": "2018-01-01"},
          "hmicfrs-response-clock": {"as_of": "2018-01-01"}}


def load_seconds(settings: Settings, paths: list[Path], empty) -> float:
    empty()
    store = open_store(settings)
    try:
        start = time.perf_counter()
        report = load_paths(store, paths, settings)
        assert len(report.loaded) == len(paths) and not report.failed, report.summary()
        return time.perf_counter() - start
    finally:
        store.close()


def query_ms(settings: Settings, runs: int) -> dict[str, tuple[float, float]]:
    store = open_store(settings)
    out = {}
    try:
        for name in sorted(queries.registry()):
            samples = []
            for _ in range(runs + 1):  # the first run warms caches and is dropped
                t0 = time.perf_counter()
                queries.run(store, name, PARAMS.get(name, {}), row_limit=1000)
                samples.append((time.perf_counter() - t0) * 1000)
            samples = sorted(samples[1:])
            out[name] = (samples[len(samples) // 2], samples[max(0, int(len(samples) * 0.95) - 1)])
    finally:
        store.close()
    return out


def main() -> None:
    from tests.neo4j_server import Neo4jServer, why_not_here
    args = arguments(__doc__)
    if why := why_not_here():
        sys.exit(f"bench/stores.py needs Neo4j: {why}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "neo4j").mkdir()
        server = Neo4jServer(work / "neo4j")
        try:
            (work / "minutes").mkdir()
            paths, megabytes = replicated(work / "minutes", SOURCES, 4 if args.full else 0.5)
            def empty_embedded() -> None:
                shutil.rmtree(work / "embedded", ignore_errors=True)
            stores = {"embedded": (Settings(data_dir=work / "embedded"), empty_embedded),
                      "neo4j": (server.settings(work / "n4j"), server.wipe)}
            loads = {kind: [load_seconds(s, paths, empty) for _ in range(max(1, args.runs // 2))]
                     for kind, (s, empty) in stores.items()}
            latency = {kind: query_ms(s, max(args.runs, 5) * 4) for kind, (s, _) in stores.items()}
        finally:
            server.stop()
    _print(megabytes, len(paths), loads, latency)


def _print(megabytes: float, documents: int, loads: dict, latency: dict) -> None:
    base = median(loads["embedded"])
    print_table(f"Ingest of {megabytes:.1f} MB ({documents} documents), median of {len(loads['embedded'])} "
                "(baseline: the embedded store, same run)",
                ["store", "load s", "MB/s", "docs/s", "time / embedded"],
                [[kind, f"{median(t):.1f}", f"{megabytes / median(t):.2f}", f"{documents / median(t):.0f}",
                  f"{median(t) / base:.2f}"] for kind, t in loads.items()])
    rows = []
    for name, (p50, p95) in latency["embedded"].items():
        n50, n95 = latency["neo4j"][name]
        rows.append([name, f"{p50:.1f}", f"{p95:.1f}", f"{n50:.1f}", f"{n95:.1f}", f"{n50 / p50:.2f}"])
    print_table("Saved queries on the loaded graph, ms (baseline: the embedded store, same run)",
                ["query", "embedded p50", "embedded p95", "neo4j p50", "neo4j p95", "neo4j / embedded p50"],
                rows)


if __name__ == "__main__":
    main()
