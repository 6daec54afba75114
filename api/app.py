"""The HTTP API: accountability chains and entities for other tools, read-only by default.

One store per process, opened at start-up and closed at shutdown; every read goes
through the store's read-only path (FalkorDB's GRAPH.RO_QUERY, Neo4j read
transactions); read endpoints answer from a cache keyed by the graph's version
(``api.cache``).  Every error has one JSON shape (``pages.ErrorResponse``) and each
class of error one status code (``scrutiny.errors``).
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from scrutiny.api.cache import ResponseCache
from scrutiny.api.cache_middleware import ResponseCacheMiddleware
from scrutiny.api.gate import RequestGate
from scrutiny.api.pages import HTTP_CODES, NOT_A_DATE, error
from scrutiny.api.version_reads import SharedVersionReads
from scrutiny.errors import QueryParameterError, ScrutinyError, StoreCorrupt, StoreUnavailable, bad_date
from scrutiny.settings import Settings, cors_origins, get_settings, ingest_key

log = logging.getLogger("scrutiny.api")


def create_app(settings: Settings | None = None, store=None, cache: ResponseCache | None = None) -> FastAPI:
    """The app; ``store`` lets a caller share an open store (tests, ``scrutiny serve``), ``cache``
    a response cache of other bounds.  Settings a server must not start with (a short API key)
    raise ConfigError here."""
    settings = settings or get_settings()
    ingest_key(settings.api_key)  # settings built with model_copy skip the validator

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from scrutiny.graph.stores.base import open_store
        own = store is None
        app.state.store = open_store(settings) if own else store
        app.state.version_reads = SharedVersionReads(app.state.store)
        try:
            yield
        finally:
            if own:
                app.state.store.close()

    # /docs and /redoc with Swagger UI's and ReDoc's files served from an installed package:
    # they work offline, and the pages fetch nothing from a CDN.
    app = FastAPIOffline(title="scrutiny", version=_version(), lifespan=lifespan,
                         swagger_ui_parameters={"validatorUrl": None},
                         description="Accountability in the minutes of UK police governance meetings: "
                                     "who was asked to account for what, what was promised, and "
                                     "whether it was done, each with its exact quote and source.")
    app.state.settings = settings
    app.state.cache = cache if cache is not None else ResponseCache()
    _errors(app)
    from scrutiny.api import dossiers, exports, index, ingest, routes, saved, views
    # innermost: CORS headers (which depend on the request's Origin) are added outside the cache
    app.add_middleware(ResponseCacheMiddleware, cache=app.state.cache)
    if origins := cors_origins(settings):  # off unless set: a browser page elsewhere reads nothing
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["X-API-Key"])
    app.add_middleware(RequestGate, router=app.router, uploads=ingest.router.routes, settings=settings,
                       limit=settings.max_request_mb * 1024 * 1024)
    app.include_router(index.router)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.include_router(saved.router())
    app.include_router(views.router())
    app.include_router(exports.router())
    app.include_router(dossiers.router)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("scrutiny-graph")
    except PackageNotFoundError:
        return "0"


def _errors(app: FastAPI) -> None:
    @app.exception_handler(ScrutinyError)
    async def scrutiny_error(request: Request, exc: ScrutinyError):
        if isinstance(exc, StoreUnavailable):  # its text names sockets and folders: log it, say less
            log.warning("%s", exc)
            return error(exc.status, exc.code, "the graph store is unavailable; see the server log")
        if isinstance(exc, StoreCorrupt):  # names the damaged files: for the operator, not the client
            log.error("%s", exc)
            return error(exc.status, exc.code, "the graph store's files are damaged; see the server log")
        return error(exc.status, exc.code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
        # FastAPI's checks and ours (QueryParameterError) are one class of error: one status, one code.
        if first.get("type") == NOT_A_DATE:  # in the CLI's words
            message = str(bad_date(where, first.get("input")))
        else:
            message = f"{where}: {first.get('msg', 'invalid')}"[:300]
        return error(QueryParameterError.status, QueryParameterError.code, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        fallback = "bad_request" if exc.status_code < 500 else "internal_error"
        code = HTTP_CODES.get(exc.status_code, fallback)
        return error(exc.status_code, code, str(exc.detail), exc.headers)  # e.g. a 405's Allow

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # never a traceback to a client
        return error(500, "internal_error", "unexpected error; see the server log")

