"""The response cache as a pure ASGI middleware, inside CORS and the request gate.

A cached route's request reads the graph's version (in the threadpool: a store call never
runs on the event loop; concurrent requests share one read, ``version_reads``), then is
answered ``304`` if its ``If-None-Match`` names the ETag of that version and key, else from
the cache, else by the app, whose ``200`` is kept as the bytes it sent.  The version is
read before the app runs: an answer computed while a load commits is kept under the older
version, which no later request asks for.
"""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scrutiny.api.cache import CACHE_CONTROL, Answer, ResponseCache, cache_key, cached_route, etag, matches

log = logging.getLogger("scrutiny.api")


class ResponseCacheMiddleware:
    def __init__(self, app: ASGIApp, *, cache: ResponseCache):
        self.app, self.cache = app, cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not cached_route(scope["method"], scope["path"]):
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            version = await scope["app"].state.version_reads.read()
        except Exception as exc:  # noqa: BLE001  (the app answers as it would uncached, its error included)
            log.debug("graph version unreadable: %s", exc)
            return await self.app(scope, receive, send)
        key = cache_key(scope["path"], scope["query_string"], headers.get("host", ""))
        tag = etag(version, key)
        if matches(headers.get("if-none-match"), tag):
            return await _send(send, Answer(304, _validators(tag), b""))
        answer = self.cache.get(f"{version} {key}")
        if answer is not None:
            return await _send(send, answer)
        await self._answer_and_keep(scope, receive, send, f"{version} {key}", tag)

    async def _answer_and_keep(self, scope: Scope, receive: Receive, send: Send, key: str,
                               tag: bytes) -> None:
        """Run the app, tagging a 200 on its way out and keeping it if it fits the cache."""
        start: Message = {}
        body: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
                if message["status"] == 200:
                    message = {**message, "headers": [*message["headers"], *_validators(tag)]}
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                size += len(message.get("body", b""))
                if size <= self.cache.max_bytes:
                    body.append(message.get("body", b""))
                if not message.get("more_body", False) and size <= self.cache.max_bytes:
                    headers = (*(tuple(h) for h in start["headers"]), *_validators(tag))
                    self.cache.put(key, Answer(200, headers, b"".join(body)))
            await send(message)
        await self.app(scope, receive, keep)


def _validators(tag: bytes) -> tuple[tuple[bytes, bytes], ...]:
    return ((b"etag", tag), (b"cache-control", CACHE_CONTROL))


async def _send(send: Send, answer: Answer) -> None:
    await send({"type": "http.response.start", "status": answer.status, "headers": list(answer.headers)})
    await send({"type": "http.response.body", "body": answer.body})
