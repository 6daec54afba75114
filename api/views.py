"""The network views over HTTP: the same self-contained pages ``scrutiny view`` writes.

A view of a saved query has one route per query, made from the registry as the query's
own route is (``saved.with_query_params``), so its parameters are typed in the schema.
"""

from __future__ import annotations

import inspect
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from scrutiny import queries
from scrutiny.api.pages import ERRORS, NO_NUL
from scrutiny.api.saved import given, with_query_params
from scrutiny.viz.network import CSP_HEADER, network, render
from scrutiny.viz.views import entity_view, query_view

HTML: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {}}, "description": "A self-contained network view"}}
Layout = Literal["chain", "spring", "physics"]
MaxNodesQuery = Query(None, ge=1, le=2000, description="Most nodes drawn (default SCRUTINY_VIEW_MAX_NODES)")
FoldQuery = Query(None, description="Fold each meeting's events into one node a click opens "
                                    "(default: in a view of over 100 nodes)")


def _page(g, heading, left_out, layout, fold) -> HTMLResponse:
    return HTMLResponse(render(network(g, heading, left_out, layout, fold)),
                        headers={"Content-Security-Policy": CSP_HEADER, "X-Frame-Options": "DENY"})


def view_entity(request: Request,
                target: str = Query(..., min_length=1, max_length=300, pattern=NO_NUL,
                                    description="kind/key of an entity, or words to find in names"),
                depth: int = Query(1, ge=1, le=3), max_nodes: int | None = MaxNodesQuery,
                layout: Layout = "chain", fold: bool | None = FoldQuery):
    """The network around an entity, or around everything whose name matches."""
    cap = max_nodes or request.app.state.settings.view_max_nodes
    return _page(*entity_view(request.app.state.store, target, depth, cap), layout, fold)


def _query_view(q: queries.SavedQuery):
    def view(request: Request, **kwargs):
        max_nodes, layout, fold = kwargs.pop("max_nodes"), kwargs.pop("layout"), kwargs.pop("fold")
        settings = request.app.state.settings
        cap = max_nodes or settings.view_max_nodes
        return _page(*query_view(request.app.state.store, q.name, given(kwargs), cap, settings.row_limit),
                     layout, fold)

    extra = [inspect.Parameter("max_nodes", inspect.Parameter.KEYWORD_ONLY, default=MaxNodesQuery,
                               annotation=int | None),
             inspect.Parameter("layout", inspect.Parameter.KEYWORD_ONLY, default="chain", annotation=Layout),
             inspect.Parameter("fold", inspect.Parameter.KEYWORD_ONLY, default=FoldQuery, annotation=bool | None)]
    return with_query_params(view, q, extra)


def router() -> APIRouter:
    r = APIRouter(prefix="/views", tags=["views"])
    r.add_api_route("/entity", view_entity, methods=["GET"], response_class=Response,
                    responses={**ERRORS, **HTML})
    for q in queries.registry().values():
        r.add_api_route(f"/query/{q.name}", _query_view(q), methods=["GET"], response_class=Response,
                        summary=f"View: {q.title}", name=f"view-{q.name}", responses={**ERRORS, **HTML},
                        description=f"The entities of the rows of {q.name} and their neighbours.")
    return r
