"""Refuse a request body before reading it: the route first, then the key, then the size.

A pure ASGI middleware, outside everything that reads a body.  A request that brings a
body to no route that takes it is answered 404/405 by the app as if it had none; an upload
without a valid key 404/401 unread; one whose Content-Length is over the cap 413 unread.
Any other body is counted as it streams, chunked or not, and the request ends with 413
the moment the count passes the cap, so nothing past the cap is read or spooled.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.routing import BaseRoute, Match, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scrutiny.api.ingest import refusal
from scrutiny.api.pages import HTTP_CODES, error


class TooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"request body over {limit // (1024 * 1024)} MiB")


class RequestGate:
    def __init__(self, app: ASGIApp, *, router: Router, uploads: list[BaseRoute], settings, limit: int):
        self.app, self.router, self.uploads = app, router, uploads
        self.settings, self.limit = settings, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if _has_body(headers) and not _takes(self.router.routes, scope):
            # no route takes it: the app answers 404 or 405 (with its Allow) to an empty body
            return await self.app(scope, _no_body, send)
        refused = self._refusal(scope, headers)
        if refused:
            status, message = refused
            return await error(status, HTTP_CODES[status], message)(scope, receive, send)
        counted = _Counted(receive, self.limit)
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)
        try:
            await self.app(scope, counted, watched)
        except TooLarge as exc:  # raised by a reader outside FastAPI's handlers
            if started:
                raise
            await error(413, "too_large", exc.detail)(scope, receive, send)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        if not _has_body(headers):
            return None
        if _takes(self.uploads, scope):
            refused = refusal(self.settings, headers.get("x-api-key"))
            if refused:
                return refused
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return 413, TooLarge(self.limit).detail
        return None


def _takes(routes: list[BaseRoute], scope: Scope) -> bool:
    """A route takes the request: its path and its method."""
    return any(route.matches(scope)[0] is Match.FULL for route in routes)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _has_body(headers: dict[str, str]) -> bool:
    return "transfer-encoding" in headers or headers.get("content-length", "0") != "0"


class _Counted:
    """``receive`` that counts body bytes and raises TooLarge once they pass ``limit``."""

    def __init__(self, receive: Receive, limit: int):
        self.receive, self.limit, self.seen = receive, limit, 0

    async def __call__(self) -> Message:
        message = await self.receive()
        if message["type"] == "http.request":
            self.seen += len(message.get("body", b""))
            if self.seen > self.limit:
                raise TooLarge(self.limit)
        return message
