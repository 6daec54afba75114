"""The graph's version for a request, read after the request arrived, one read shared by many.

Every request must see a version read no earlier than its own arrival, or an answer
cached before a load committed could be served after it.  A read already running may
have started before a request came, so the request waits for the next read instead; all
requests that came while one read ran share that next one.  Under load that is one
store call (and one threadpool hop) per round instead of one per request, with the same
freshness as reading per request.
"""

from __future__ import annotations

import asyncio
from typing import Any

import anyio.to_thread

from scrutiny.graph.version import read_version


class SharedVersionReads:
    def __init__(self, store: Any):
        self.store = store
        self._loop: asyncio.AbstractEventLoop | None = None
        self._running: asyncio.Future[str] | None = None
        self._next: asyncio.Future[str] | None = None

    async def read(self) -> str:
        """A version read that started at or after this call."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # an app served again on another loop: its futures are not ours
            self._loop, self._running, self._next = loop, None, None
        if self._next is None:
            self._next = asyncio.ensure_future(self._after_running())
        return await asyncio.shield(self._next)

    async def _after_running(self) -> str:
        if self._running is not None:
            await asyncio.wait([self._running])  # its outcome is its own callers'
        self._next = None  # who comes from now on waits for the read after this one
        self._running = asyncio.ensure_future(anyio.to_thread.run_sync(read_version, self.store))
        return await self._running
