"""Requests/s and p95 latency of the API (one uvicorn worker) under concurrent load from a
second process on loopback, for a saved-query endpoint and an entity endpoint."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import ROOT, arguments, print_table

HERE = Path(__file__).resolve().parent

ENDPOINTS = {
    "saved query (open-commitments)": "/queries/open-commitments?as_of=2024-10-01&limit=50",
    "entity (a person)": "/entities/person/body:borsetshire%20police%20and%20crime%20panel%7Csterling",
}
def main() -> None:
    args = arguments(__doc__)
    count = 2000 if args.full else 300
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SCRUTINY_DATA_DIR": str(Path(tmp) / "data")}
        scrutiny = [sys.executable, "-m", "scrutiny.cli"]
        for folder in ("examples/minutes", "tests/fixtures/borsetshire"):
            subprocess.run([*scrutiny, "load", folder], cwd=ROOT, env=env, check=True, capture_output=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([*scrutiny, "serve", "--port", str(port)], env=env, cwd=ROOT)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    httpx.get(f"{base}/health", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            rows = []
            for name, path in ENDPOINTS.items():
                out = subprocess.run([sys.executable, str(HERE / "api_client.py"), base + path, str(count), "8"],
                                     capture_output=True, text=True, check=True, timeout=600)
                rps, p50, p95 = map(float, out.stdout.split())
                rows.append([name, count, f"{rps:.0f}", f"{p50 * 1000:.1f}", f"{p95 * 1000:.1f}"])
        finally:
            server.terminate()
            server.wait(timeout=30)
    print_table("API on one worker, 8 concurrent clients from a second process",
                ["endpoint", "requests", "req/s", "p50 ms", "p95 ms"], rows)


if __name__ == "__main__":
    main()
