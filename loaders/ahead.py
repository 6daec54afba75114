"""Extraction of the next documents while the current one is written, on the machine's cores.

Writing a document is the store's work and stays in the loading thread, in the order the
documents came; extraction, the CPU-bound stage, runs ahead on worker threads, each with
its own limited child process (``read.worker``): ``load_workers`` documents are extracted
at once while earlier ones are written.  At most ``depth`` documents wait in flight: memory
stays bounded however large the batch.  (On two cores the store's server already keeps the
second core busy, so the default is one worker; ``bench/load.py`` measures both.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from scrutiny.loaders.extract.limited import extract_limited
from scrutiny.loaders.records import DocumentText, Extraction
from scrutiny.settings import Settings

T = TypeVar("T")


class ExtractAhead:
    """Submits each document's extraction as it is read; yields them back in order."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pool = ThreadPoolExecutor(settings.load_workers, thread_name_prefix="scrutiny-extract")
        self.depth = 2 * settings.load_workers

    def run(self, jobs: Iterable[tuple[Path, T, bool]]
            ) -> Iterator[tuple[Path, T, Callable[[], Extraction] | None]]:
        """(path, document or error, whether to extract it) in; (path, the same, a call giving
        its extraction, or None) out, in the order they came."""
        pending: deque[tuple[Path, T, Future | None]] = deque()
        for path, doc, wanted in jobs:
            future = self.pool.submit(extract_limited, doc, self.settings) \
                if wanted and isinstance(doc, DocumentText) else None
            pending.append((path, doc, future))
            if len(pending) > self.depth:
                yield self._ready(pending.popleft())
        while pending:
            yield self._ready(pending.popleft())

    @staticmethod
    def _ready(entry: tuple[Path, T, Future | None]) -> tuple[Path, T, Callable[[], Extraction] | None]:
        path, doc, future = entry
        return path, doc, (future.result if future is not None else None)

    def close(self) -> None:
        """Waits for what is in flight (a batch stopped early leaves nothing running)."""
        self.pool.shutdown(wait=True, cancel_futures=True)
