"""The load generator of bench/api.py, run as its own process: URL COUNT WORKERS ->
requests/s, p50 s, p95 s on one line."""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx


def one(url: str) -> float:
    t0 = time.perf_counter()
    httpx.get(url, timeout=30).raise_for_status()
    return time.perf_counter() - t0


def main() -> None:
    url, count, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        times = sorted(pool.map(one, [url] * count))
    print(count / (time.perf_counter() - start), times[len(times) // 2],
          times[int(len(times) * 0.95) - 1])


if __name__ == "__main__":
    main()
