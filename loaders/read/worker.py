"""Parse untrusted files in a child process with a time and a memory limit.

A malformed PDF can loop or inflate a compressed stream into gigabytes; in a
child with ``RLIMIT_AS`` and a deadline that costs one file, not the batch.
The child is forked from a forkserver, so the parent's threads and sockets
(an API server, a store connection) are not copied into it.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import traceback
from collections.abc import Callable
from typing import Any

from scrutiny.errors import LoaderError

_CONTEXT = mp.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["scrutiny.loaders.read.html", "scrutiny.loaders.read.pdf"])


class Unreadable(Exception):
    """Raised by a parser for a file it understands to be unusable; the message is the reason."""


def _child(conn, func, payload, memory_mb):
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        conn.send(("ok", func(payload)))
    except MemoryError:
        conn.send(("error", f"needs more than {memory_mb} MiB to parse"))
    except Unreadable as exc:
        conn.send(("error", str(exc)[:300]))
    except Exception as exc:  # any parser failure is a property of the file
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        conn.send(("error", f"the parser failed ({type(exc).__name__}: {reason})"[:300]))
    except BaseException:
        conn.send(("error", traceback.format_exc(limit=1)[-300:]))
    finally:
        conn.close()


def run_limited(func: Callable[[Any], Any], payload: Any, *, source: str,
                timeout_s: float, memory_mb: int) -> Any:
    """``func(payload)`` in a child; LoaderError naming ``source`` if it fails or overruns."""
    parent, child = _CONTEXT.Pipe(duplex=False)
    proc = _CONTEXT.Process(target=_child, args=(child, func, payload, memory_mb), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout_s):
            raise LoaderError(source, f"parsing took longer than {timeout_s:g} s")
        status, value = parent.recv()
    except EOFError:
        raise LoaderError(source, "the parser died (out of memory or crashed)") from None
    finally:
        parent.close()
        proc.kill()
        proc.join(5)
    if status != "ok":
        raise LoaderError(source, value)
    return value
