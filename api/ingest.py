"""Ingest over HTTP: ``POST /documents``, off unless a real key is configured.

Who may upload is decided here once (``refusal``) and asked twice: by the request gate
before a byte of the body is read, and by the route itself.  The upload is read, parsed,
extracted and written in a worker thread, so the event loop keeps answering reads.
"""

from __future__ import annotations

import asyncio
import hmac
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Security, UploadFile
from fastapi.security import APIKeyHeader
from pydantic import BaseModel

from scrutiny.api.pages import ERRORS, ErrorResponse
from scrutiny.settings import Settings, ingest_key

router = APIRouter(tags=["ingest"])
#: A security scheme, not a plain header: the docs offer to authorise, and clients know it is a key.
API_KEY = APIKeyHeader(name="X-API-Key", auto_error=False,
                       description="The value of SCRUTINY_API_KEY; ingest is off without one")
MAX_NAME = 200  # bytes of a file name, well under every file system's 255
REFUSALS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorResponse, "description": "Bad file name"},
            401: {"model": ErrorResponse, "description": "Missing or wrong X-API-Key"},
            404: {"model": ErrorResponse, "description": "Ingest is off"},
            413: {"model": ErrorResponse, "description": "Request body too large"}}


class Loaded(BaseModel):
    file: str
    outcome: str
    reason: str | None = None


def refusal(settings: Settings, given_key: str | None) -> tuple[int, str] | None:
    """(status, reason) when a request may not upload, None when it may."""
    configured = ingest_key(settings.api_key)
    if configured is None:
        return 404, "ingest is off: set SCRUTINY_API_KEY to enable it"
    if not hmac.compare_digest((given_key or "").encode(), configured.encode()):
        return 401, "a valid X-API-Key header is required"
    return None


def checked_name(filename: str | None) -> str:
    """The upload's file name as given, or HTTPException(400) saying why it cannot be one."""
    name = filename or ""
    problem = ("no file name" if not name.strip() else
               "a file name cannot be '.' or '..'" if name.strip() in (".", "..") else
               "a file name cannot contain a path separator" if "/" in name or "\\" in name else
               "a file name cannot contain control characters" if any(ord(c) < 32 for c in name) else
               f"a file name is at most {MAX_NAME} bytes" if len(name.encode()) > MAX_NAME else None)
    if problem:
        raise HTTPException(400, f"{problem} (got {name[:40]!r})")
    return name


@router.post("/documents", response_model=list[Loaded], responses={**ERRORS, **REFUSALS})
async def ingest(request: Request, file: UploadFile, x_api_key: str | None = Security(API_KEY)):
    """Load one minutes document (text, HTML or PDF).  Off unless SCRUTINY_API_KEY is set;
    then the request must carry it in X-API-Key."""
    refused = refusal(request.app.state.settings, x_api_key)
    if refused:
        raise HTTPException(*refused)
    name = checked_name(file.filename)
    return await in_daemon_thread(_load_upload, request.app.state, file, name)


async def in_daemon_thread(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` off the event loop, in a thread a shutdown does not wait for: the
    thread pool's threads are joined at exit, so Ctrl-C would wait out a long upload."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def work() -> None:
        try:
            outcome: tuple[Any, BaseException | None] = (fn(*args), None)
        except BaseException as exc:  # handed to the request, which answers it
            outcome = (None, exc)
        try:
            loop.call_soon_threadsafe(_settle, future, *outcome)
        except RuntimeError:
            pass  # the loop closed while we worked: the server stopped, nobody is waiting
    threading.Thread(target=work, name="scrutiny upload", daemon=True).start()
    return await future


def _settle(future: asyncio.Future, result: Any, exc: BaseException | None) -> None:
    if future.cancelled():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(result)


def _load_upload(state, file: UploadFile, name: str) -> list[Loaded]:
    from scrutiny.loaders.pipeline import load_paths
    from scrutiny.loaders.read.manifest import Metadata
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            while chunk := file.file.read(1024 * 1024):
                out.write(chunk)
        report = load_paths(state.store, [path], state.settings, Metadata(source=f"upload:{name}"))
    return [Loaded(file=name, outcome="loaded") for _ in report.loaded] + \
        [Loaded(file=name, outcome="skipped") for _ in report.skipped] + \
        [Loaded(file=name, outcome="failed", reason=f["reason"]) for f in report.failed]
