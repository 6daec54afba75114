"""A polite HTTP client: names itself, paces its requests, retries what is worth retrying.

One request per ``delay_s`` (including retries), exponential backoff on
5xx, 429 and timeouts (honouring ``Retry-After``), conditional requests
when the caller has validators, and a size cap so a hostile site cannot
fill the disk.  Every failure is a ``FetchError`` naming the URL.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from scrutiny import __version__
from scrutiny.errors import FetchError

RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER_S = 60.0


def user_agent(contact: str | None = None) -> str:
    extra = f"; {contact}" if contact else ""
    return (f"scrutiny/{__version__} (police governance minutes research; "
            f"+https://pypi.org/project/scrutiny-graph/{extra})")


@dataclass(frozen=True)
class Response:
    status: int  # 200, or 304 when the validators still hold
    content: bytes
    etag: str | None = None
    last_modified: str | None = None
    retry_after_s: float = 0.0


class PoliteClient:
    def __init__(self, *, delay_s: float = 1.0, timeout_s: float = 30.0, retries: int = 3,
                 backoff_s: float = 2.0, max_mb: int = 50, contact: str | None = None):
        self.delay_s, self.timeout_s, self.retries = delay_s, timeout_s, retries
        self.backoff_s, self.max_bytes = backoff_s, max_mb * 1024 * 1024
        self.requests = 0
        self._last = float("-inf")
        self._http = httpx.Client(headers={"User-Agent": user_agent(contact)},
                                  timeout=timeout_s, follow_redirects=True)

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, *, etag: str | None = None,
            last_modified: str | None = None) -> Response:
        headers = {k: v for k, v in (("If-None-Match", etag),
                                     ("If-Modified-Since", last_modified)) if v}
        reason, pause = "no answer", self.backoff_s
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(pause)
                pause *= 2
            self._wait_turn()
            try:
                response = self._send(url, headers)
            except httpx.TimeoutException:
                reason = f"timed out after {self.timeout_s:g} s"
                continue
            except httpx.TransportError as exc:
                reason = f"connection failed ({type(exc).__name__})"
                continue
            if response.status in RETRY_STATUSES:
                reason = f"HTTP {response.status}"
                pause = max(pause, response.retry_after_s)
                continue
            if response.status >= 400:
                raise FetchError(f"{url}: HTTP {response.status}")
            return response
        raise FetchError(f"{url}: {reason} ({self.retries + 1} tries)")

    def _wait_turn(self) -> None:
        wait = self._last + self.delay_s - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()
        self.requests += 1

    def _send(self, url: str, headers: dict) -> Response:
        deadline = time.monotonic() + self.timeout_s  # the whole body, not each read
        with self._http.stream("GET", url, headers=headers) as answer:
            body = bytearray()
            for chunk in answer.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(f"{url}: larger than {self.max_bytes // 2**20} MiB")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("body too slow")
            return Response(answer.status_code, bytes(body), answer.headers.get("etag"),
                            answer.headers.get("last-modified"),
                            _seconds(answer.headers.get("retry-after")))


def _seconds(value: str | None) -> float:
    """``Retry-After`` in seconds, capped; its HTTP-date form is rare and ignored."""
    try:
        return min(float(value), MAX_RETRY_AFTER_S) if value else 0.0
    except ValueError:
        return 0.0
