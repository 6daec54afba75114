"""Requests/s and p50/p95/p99 latency of the API (``scrutiny serve``, one uvicorn worker) under
concurrent load on persistent connections from a second process on loopback.

The load comes from wrk where it is on PATH (``make test-deps`` installs Debian's), else from
``api_client.py``, an asyncio client that itself tops out near 450 req/s on two cores.
Each endpoint is asked once on a fresh server first (that latency is the uncached answer:
the store runs the query), then for SECONDS (wrk) or COUNT requests (the Python client) on
CONCURRENCY connections.  ``/health`` answers a
constant and is the ceiling of the server and the client together; each endpoint's req/s is
shown as a share of it.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import ROOT, arguments, print_table

HERE = Path(__file__).resolve().parent
CONCURRENCY = 8
CEILING = "constant (/health)"
ENDPOINTS = {
    CEILING: "/health",
    "saved query (open-commitments)": "/queries/open-commitments?as_of=2024-10-01&limit=50",
    "chains (/chains?limit=50)": "/chains?limit=50",
    "entity (a person)": "/entities/person/body:borsetshire%20police%20and%20crime%20panel%7Csterling%7Cjohn",
}


def _loaded_store(data: Path) -> dict[str, str]:
    env = {**os.environ, "SCRUTINY_DATA_DIR": str(data)}
    for folder in ("examples/minutes", "tests/fixtures/borsetshire"):
        subprocess.run([sys.executable, "-m", "scrutiny.cli", "load", folder], cwd=ROOT, env=env,
                       check=True, capture_output=True)
    return env


def _serve(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "scrutiny.cli", "serve", "--port", str(port), "--quiet"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            httpx.get(f"{base}/health", timeout=1)
            return server, base
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


def _first(url: str) -> float:
    t0 = time.perf_counter()
    httpx.get(url, timeout=60).raise_for_status()
    return time.perf_counter() - t0


def _load(url: str, seconds: int) -> dict[str, float]:
    """One endpoint under load: requests, rps, p50, p95, p99 (seconds)."""
    if shutil.which("wrk"):
        command = ["wrk", "-t1", f"-c{CONCURRENCY}", f"-d{seconds}s", "-s", str(HERE / "wrk_report.lua"), url]
    else:
        command = [sys.executable, str(HERE / "api_client.py"), url, str(seconds * 200), str(CONCURRENCY)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
    measured = json.loads(out.stdout.strip().splitlines()[-1])
    if measured.get("errors"):
        raise SystemExit(f"{url}: {measured['errors']} failed requests")
    return measured


def _rows(base: str, seconds: int) -> list[list]:
    first = {name: _first(base + path) for name, path in ENDPOINTS.items()}
    for path in ENDPOINTS.values():
        _load(base + path, 1)  # warm-up: the threadpool's threads and the store's connections made
    measured = {name: _load(base + path, seconds) for name, path in ENDPOINTS.items()}
    ceiling = measured[CEILING]["rps"]
    return [[name, m["requests"], f"{m['rps']:.0f}", f"{m['rps'] / ceiling:.2f}", f"{first[name] * 1000:.1f}",
             *(f"{m[p] * 1000:.1f}" for p in ("p50", "p95", "p99"))] for name, m in measured.items()]


def main() -> None:
    args = arguments(__doc__)
    seconds = 20 if args.full else 5
    with tempfile.TemporaryDirectory() as tmp:
        server, base = _serve(_loaded_store(Path(tmp) / "data"))
        try:
            rows = _rows(base, seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    client = "wrk" if shutil.which("wrk") else "api_client.py"
    print_table(f"API on one worker, {CONCURRENCY} keep-alive connections from {client} in a second process",
                ["endpoint", "requests", "req/s", "of ceiling", "first ms", "p50 ms", "p95 ms", "p99 ms"], rows)


if __name__ == "__main__":
    main()
