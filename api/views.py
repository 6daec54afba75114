"""The network views over HTTP: the same self-contained pages ``scrutiny view`` writes."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from scrutiny import queries
from scrutiny.api.pages import ERRORS, NO_NUL
from scrutiny.viz.network import CSP_HEADER, network, render
from scrutiny.viz.views import entity_view, query_view

router = APIRouter(prefix="/views", tags=["views"])
HTML: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {}}, "description": "A self-contained network view"}}
Layout = Literal["physics", "spring"]


def _page(g, heading, left_out, layout) -> HTMLResponse:
    return HTMLResponse(render(network(g, heading, left_out, layout)),
                        headers={"Content-Security-Policy": CSP_HEADER, "X-Frame-Options": "DENY"})


@router.get("/entity", response_class=Response, responses={**ERRORS, **HTML})
def view_entity(request: Request,
                target: str = Query(..., min_length=1, max_length=300, pattern=NO_NUL,
                                    description="kind/key of an entity, or words to find in names"),
                depth: int = Query(1, ge=1, le=3), max_nodes: int = Query(None, ge=1, le=2000),
                layout: Layout = "physics"):
    """The network around an entity, or around everything whose name matches."""
    cap = max_nodes or request.app.state.settings.view_max_nodes
    return _page(*entity_view(request.app.state.store, target, depth, cap), layout)


@router.get("/query/{name}", response_class=Response, responses={**ERRORS, **HTML})
def view_query(request: Request, name: str, max_nodes: int = Query(None, ge=1, le=2000),
               layout: Layout = "physics"):
    """The entities of a saved query's rows and their neighbours; the query's own
    parameters go in the query string, as for /queries/{name}."""
    known = {p.name for p in queries.get(name).params}
    params = {k: v for k, v in request.query_params.items() if k in known}
    settings = request.app.state.settings
    cap = max_nodes or settings.view_max_nodes
    return _page(*query_view(request.app.state.store, name, params, cap, settings.row_limit), layout)
