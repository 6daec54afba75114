"""Parse and extract untrusted files in a child process with a time and a memory limit.

A malformed PDF can loop or inflate a compressed stream into gigabytes, and a hostile text
can make extraction slow; in a child with ``RLIMIT_AS`` and a deadline that costs one file,
not the batch.  The child is forked from a forkserver, so the parent's threads and sockets
(an API server, a store connection) are not copied into it; the forkserver has imported the
parsers and the extractor, with its lexicons built, so a child starts with them.  Each
thread keeps its child for the files that follow, until one overruns and the child is killed.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scrutiny.errors import LoaderError

_CONTEXT = mp.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["scrutiny.loaders.read.html", "scrutiny.loaders.read.pdf",
                                 "scrutiny.loaders.extract.warm"])


@dataclass(frozen=True)
class Stage:
    """What the child does, as the one-line reasons name it."""

    doing: str  # "parsing took longer than 30 s"
    to_do: str  # "needs more than 1024 MiB to parse"
    doer: str  # "the parser failed (...)", "the parser died"


PARSING = Stage("parsing", "to parse", "the parser")
EXTRACTION = Stage("extraction", "to extract", "the extractor")


class Unreadable(Exception):
    """Raised by a parser for a file it understands to be unusable; the message is the reason."""


def _serve(conn, memory_mb: int) -> None:
    """The child: calls, one at a time, until the parent closes the pipe.  After running out
    of memory it stops, and the parent starts another child for the next call."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send("ready")
    while True:
        try:
            func, payload, stage = conn.recv()
        except EOFError:
            return
        status, value = _call(func, payload, memory_mb, stage)
        conn.send((status, value))
        if status == "out of memory":
            return


def _call(func, payload, memory_mb: int, stage: Stage) -> tuple[str, Any]:
    try:
        return "ok", func(payload)
    except MemoryError:
        return "out of memory", f"needs more than {memory_mb} MiB {stage.to_do}"
    except Unreadable as exc:
        return "error", str(exc)[:300]
    except Exception as exc:  # any parser failure is a property of the file
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return "error", f"{stage.doer} failed ({type(exc).__name__}: {reason})"[:300]


class _Worker:
    """One child process, kept for the calls of one thread: starting a child costs tens of
    milliseconds (it re-imports the main module), a call only the sending of its data."""

    def __init__(self, memory_mb: int):
        self.memory_mb = memory_mb
        self.conn, child = _CONTEXT.Pipe()
        self.proc = _CONTEXT.Process(target=_serve, args=(child, memory_mb), daemon=True)
        self.proc.start()
        child.close()
        # A call's time limit is the call's own: the child's start (seconds on a busy machine,
        # the first time a forkserver starts) is waited for apart.
        try:
            ready = self.conn.poll(STARTUP_S) and self.conn.recv() == "ready"
        except EOFError:
            ready = False
        if not ready:
            self.stop()
            raise OSError(f"the worker process did not start within {STARTUP_S} s")

    def usable(self, memory_mb: int) -> bool:
        return self.memory_mb == memory_mb and self.proc.is_alive()

    def stop(self) -> None:
        self.conn.close()
        self.proc.kill()
        self.proc.join(5)


_THREAD = threading.local()
STARTUP_S = 120


def _worker(memory_mb: int) -> _Worker:
    worker = getattr(_THREAD, "worker", None)
    if worker is None or not worker.usable(memory_mb):
        if worker is not None:
            worker.stop()
        worker = _THREAD.worker = _Worker(memory_mb)
    return worker


def run_limited(func: Callable[[Any], Any], payload: Any, *, source: str,
                timeout_s: float, memory_mb: int, stage: Stage = PARSING) -> Any:
    """``func(payload)`` in a child; LoaderError naming ``source`` if it fails or overruns.
    A child that overran is killed, and the next call gets a new one."""
    try:
        worker = _worker(memory_mb)
    except OSError as exc:
        raise LoaderError(source, str(exc)) from None
    try:
        worker.conn.send((func, payload, stage))
        if not worker.conn.poll(timeout_s):
            worker.stop()
            raise LoaderError(source, f"{stage.doing} took longer than {timeout_s:g} s")
        status, value = worker.conn.recv()
    except (EOFError, OSError):
        worker.stop()
        raise LoaderError(source, f"{stage.doer} died (out of memory or crashed)") from None
    if status == "out of memory":
        worker.stop()  # it stops itself; the next call must not find it still stopping
    if status != "ok":
        raise LoaderError(source, value)
    return value
