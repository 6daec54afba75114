"""Whole answers of the read endpoints, kept as the bytes sent, for as long as the graph is the same.

The graph changes only when a load, a derivation or a restore commits, and each of them
bumps the graph's version in the same transaction (``graph.version``).  An answer is kept
under its route, its query parameters in one canonical order and the version it was read
at; every request reads the version from the store first (one lookup on an index, run in
the threadpool like every store call), so an answer is never served once another process
(``scrutiny load`` beside the API) has changed the graph.  Polling the version would be
cheaper but would serve stale answers until the next poll.

The ETag is a digest of the version and the key: a client that sends it back in
``If-None-Match`` gets ``304`` while the graph is unchanged, without the answer being read
or even kept.  ``Cache-Control: no-cache`` tells clients to ask again each time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

#: What is cached: saved queries, chains, entity pages, searches and views (not /health, uploads
#: or exports, nor the index page, whose counts come from the store's statistics).
CACHED_PREFIXES = ("/queries", "/chains", "/entities", "/search", "/views")
MAX_ENTRIES = 4096
MAX_BYTES = 64 * 1024 * 1024
ENTRY_OVERHEAD = 256  # bytes counted for an entry's key and bookkeeping, beyond its headers and body
CACHE_CONTROL = b"no-cache"


@dataclass(frozen=True)
class Answer:
    """A response as sent: status, headers (ETag and Cache-Control among them) and body."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + ENTRY_OVERHEAD


class ResponseCache:
    """Least recently used answers, at most ``max_entries`` of them and ``max_bytes`` in all.

    Used only from the event loop's thread (the middleware never awaits between a lookup and
    its update), so it needs no lock.
    """

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._answers: OrderedDict[str, Answer] = OrderedDict()
        self.bytes = 0
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, key: str) -> Answer | None:
        answer = self._answers.get(key)
        if answer is None:
            self.misses += 1
            return None
        self._answers.move_to_end(key)
        self.hits += 1
        return answer

    def put(self, key: str, answer: Answer) -> None:
        """Keep ``answer``, dropping the least recently used until both bounds hold; an answer
        larger than the whole cache is not kept."""
        if answer.size > self.max_bytes:
            return
        old = self._answers.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._answers[key] = answer
        self.bytes += answer.size
        while len(self._answers) > self.max_entries or self.bytes > self.max_bytes:
            _, dropped = self._answers.popitem(last=False)
            self.bytes -= dropped.size


def cached_route(method: str, path: str) -> bool:
    return method == "GET" and path.startswith(CACHED_PREFIXES)


def cache_key(path: str, query_string: bytes, host: str) -> str:
    """The route and its parameters in one order.  The host is part of it because a page's
    ``next`` link is an absolute URL; today's date because saved queries judge "overdue" on
    it by default, so an answer read yesterday is not today's even on the same graph."""
    params = sorted(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True))
    return f"{host} {path}?{urlencode(params)} {dt.date.today().isoformat()}"


def etag(version: str, key: str) -> bytes:
    digest = hashlib.blake2b(f"{version}\n{key}".encode(), digest_size=16).hexdigest()
    return f'"{digest}"'.encode()


def matches(if_none_match: str | None, tag: bytes) -> bool:
    """``If-None-Match`` names this tag (weak or strong, alone or in a list), or is ``*``."""
    if not if_none_match:
        return False
    wanted = tag.decode()
    for given in if_none_match.split(","):
        given = given.strip()
        if given == "*" or given.removeprefix("W/") == wanted:
            return True
    return False
