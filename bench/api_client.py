"""The load generator of bench/api.py, run as its own process: URL COUNT CONCURRENCY -> one JSON
line of requests/s and p50/p95/p99 seconds.

CONCURRENCY tasks share one ``httpx.AsyncClient`` whose connections stay open (keep-alive),
so what is timed is the server's answer, not the opening of a client and a connection for
every request (the generator this replaced could not pass ~24 req/s against any server).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

import httpx


async def _worker(client: httpx.AsyncClient, url: str, left: list[int], times: list[float]) -> None:
    while left[0] > 0:
        left[0] -= 1
        t0 = time.perf_counter()
        answer = await client.get(url)
        answer.raise_for_status()
        times.append(time.perf_counter() - t0)


def percentile(sorted_times: list[float], share: float) -> float:
    return sorted_times[min(len(sorted_times) - 1, int(len(sorted_times) * share))]


async def run(url: str, count: int, concurrency: int) -> dict[str, float]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        await asyncio.gather(*(client.get(url) for _ in range(concurrency)))  # connections opened
        left, times = [count], []
        start = time.perf_counter()
        await asyncio.gather(*(_worker(client, url, left, times) for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    times.sort()
    return {"requests": count, "rps": count / elapsed, "p50": percentile(times, 0.50), "p95": percentile(times, 0.95),
            "p99": percentile(times, 0.99)}


def main() -> None:
    url, count, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    try:
        import uvloop  # with uvicorn[standard]: the client's own loop is then less of a ceiling
        uvloop.install()
    except ImportError:
        pass
    print(json.dumps(asyncio.run(run(url, count, concurrency))))


if __name__ == "__main__":
    main()
