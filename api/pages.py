"""Response shapes shared by the endpoints: a page of rows (JSON or CSV), an error."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, BeforeValidator
from pydantic_core import PydanticCustomError

from scrutiny import queries
from scrutiny.errors import NotFound, QueryParameterError, QueryTimeout, StoreUnavailable


class ErrorBody(BaseModel):
    """The one error shape of the API: ``{"error": {"code", "message"}}``."""

    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


#: The codes of refusals at the HTTP level, by status (the rest come from ``scrutiny.errors``).
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found",
              405: "method_not_allowed", 413: "too_large"}


def error(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


#: The type of the validation error of a refused date: the app words it with ``errors.bad_date``.
NOT_A_DATE = "not_a_date"


def _iso_only(value: Any) -> Any:
    """Only a real YYYY-MM-DD day: pydantic would also read a number as seconds since 1970."""
    if isinstance(value, str):
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise PydanticCustomError(NOT_A_DATE, "not a date")
    return value


#: A date parameter, as the OpenAPI schema states it (format: date) and nothing looser.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_only)]


class Page(BaseModel):
    """Rows of a saved query, ``limit`` at a time from ``offset``; ``next_offset`` and ``next``
    (this request's URL at the next offset) are null at the end; ``total`` is the number of
    rows in all when this page reached the end (else null: counting would run the query whole)."""

    query: str
    columns: list[str]
    rows: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None
    next: str | None
    total: int | None


#: The errors an endpoint documents, each at its class's one status code.
ERRORS: dict[int | str, dict[str, Any]] = {cls.status: {"model": ErrorResponse, "description": text} for cls, text in (
    (QueryParameterError, "Invalid parameter"), (NotFound, "Not found"),
    (StoreUnavailable, "Store unavailable"), (QueryTimeout, "Query timed out"))}
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON page, or CSV with format=csv"}}
Format = Literal["json", "csv", "csv-all"]
NO_NUL = r"^[^\x00]*$"  # the embedded store refuses NUL in any parameter; say so in the schema
LimitQuery = Query(100, ge=1, le=1000, description="Rows per page")
OffsetQuery = Query(0, ge=0, le=100_000, description="Rows to skip")
FormatQuery = Query("json", description="json (a page), csv (the rows of this page) or csv-all (every row "
                                         "of the query, up to SCRUTINY_ROW_LIMIT, streamed)")


def page(request: Request, name: str, params: dict[str, Any], limit: int, offset: int,
         fmt: str) -> Page | Response:
    """One page of a saved query: the query is asked for offset + limit + 1 rows."""
    store, settings = request.app.state.store, request.app.state.settings
    if fmt == "csv-all":
        return whole_csv(request, name, params)
    wanted = min(offset + limit + 1, settings.row_limit + 1)
    if any(p.name == "limit" for p in queries.get(name).params):
        params = {**params, "limit": wanted}
    result = queries.run(store, name, params, row_limit=wanted, timeout_ms=settings.query_timeout_ms)
    rows = result.rows[offset:offset + limit]
    more = len(result.rows) > offset + limit and offset + limit < settings.row_limit
    if fmt == "csv":
        return Response(to_csv(rows, result.columns), media_type="text/csv; charset=utf-8")
    following = offset + limit if more else None
    ended = len(result.rows) < wanted  # the query ran out of rows before the page's ask
    return Page(query=name, columns=list(result.columns), rows=rows, limit=limit, offset=offset,
                next_offset=following, total=len(result.rows) if ended else None,
                next=str(request.url.include_query_params(offset=following)) if following else None)


def whole_csv(request: Request, name: str, params: dict[str, Any]) -> StreamingResponse:
    """Every row of the query (the store's answer, bounded by the row limit), written out as
    CSV a chunk at a time, so a client can read a whole result without paging."""
    settings = request.app.state.settings
    if any(p.name == "limit" for p in queries.get(name).params):
        params = {**params, "limit": settings.row_limit}
    result = queries.run(request.app.state.store, name, params, row_limit=settings.row_limit,
                         timeout_ms=settings.query_timeout_ms)

    def chunks():
        yield to_csv([], result.columns)
        for at in range(0, len(result.rows), CSV_CHUNK):
            yield to_csv(result.rows[at:at + CSV_CHUNK], result.columns).split("\r\n", 1)[1]
    return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8")


CSV_CHUNK = 200  # rows per piece of a streamed CSV


def to_csv(rows: list[dict[str, Any]], columns) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
