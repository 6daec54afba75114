"""Saved queries over HTTP: the list, and one typed endpoint per query, made from the registry.

Each query's parameters become typed query parameters of its own route, so the
OpenAPI schema documents and validates them; the registry stays the only list.
"""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from scrutiny import queries
from scrutiny.api.pages import (
    CSV_RESPONSE,
    ERRORS,
    NO_NUL,
    Format,
    FormatQuery,
    IsoDate,
    LimitQuery,
    OffsetQuery,
    Page,
    page,
)

PY_TYPES: dict[str, Any] = {"string": str, "int": int, "float": float, "bool": bool, "date": IsoDate}


class ParamInfo(BaseModel):
    name: str
    type: str
    default: Any
    required: bool
    description: str


class QueryInfo(BaseModel):
    name: str
    title: str
    description: str
    params: list[ParamInfo]
    columns: list[str]
    cypher: str


def info(q: queries.SavedQuery) -> QueryInfo:
    params = [ParamInfo(name=p.name, type=p.type, default=None if p.required else p.shown_default(),
                        required=p.required, description=p.description)
              for p in q.params if p.name != "limit"]
    return QueryInfo(name=q.name, title=q.title, description=q.description, params=params,
                     columns=list(q.columns), cypher=q.cypher)


def router() -> APIRouter:
    r = APIRouter(prefix="/queries", tags=["saved queries"])

    @r.get("", response_model=list[QueryInfo])
    def list_queries():
        """Every saved query with its parameters, columns and Cypher."""
        return [info(q) for q in queries.registry().values()]

    for q in queries.registry().values():
        r.add_api_route(f"/{q.name}", _endpoint(q), methods=["GET"], response_model=Page,
                        summary=q.title, description=q.description, name=q.name,
                        responses={**ERRORS, **CSV_RESPONSE})
    return r


def _endpoint(q: queries.SavedQuery):
    def run(request: Request, **kwargs):
        limit, offset, fmt = kwargs.pop("limit"), kwargs.pop("offset"), kwargs.pop("format")
        return page(request, q.name, given(kwargs),
                    limit, offset, fmt)

    extra = [inspect.Parameter("limit", inspect.Parameter.KEYWORD_ONLY, default=LimitQuery, annotation=int),
             inspect.Parameter("offset", inspect.Parameter.KEYWORD_ONLY, default=OffsetQuery, annotation=int),
             inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, default=FormatQuery,
                               annotation=Format)]
    return with_query_params(run, q, extra)


def given(values: dict[str, Any]) -> dict[str, Any]:
    """A query's parameters as the registry takes them: the ones given, dates as ISO text."""
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items() if v is not None}


def with_query_params(func, q: queries.SavedQuery, extra: list[inspect.Parameter]):
    """``func(request, **kwargs)`` with ``q``'s parameters (typed query parameters in the
    OpenAPI schema, the registry's ``limit`` left to paging) and ``extra`` as its signature."""
    params = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)]
    for p in q.params:
        if p.name == "limit":
            continue
        string = p.type == "string"
        default = Query(... if p.required else None, description=p.description,
                        max_length=queries.MAX_STRING if string else None, pattern=NO_NUL if string else None)
        params.append(inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                        annotation=PY_TYPES[p.type] | None))
    # FastAPI reads the parameters from inspect.signature, which honours __signature__
    func.__signature__ = inspect.Signature(params + extra)
    func.__name__ = q.name.replace("-", "_")
    return func
