"""``GET /dossiers/{target}``: a report's or finding's dossier, the page ``scrutiny dossier`` writes.

HTML by default; Markdown with ``format=md`` or an ``Accept: text/markdown`` header; the
record itself with ``format=json``.  An unknown key answers 404 in the one error shape.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from scrutiny.api.pages import ERRORS, NO_NUL, IsoDate
from scrutiny.graph import dossier
from scrutiny.viz import dossier_html, dossier_md

router = APIRouter(tags=["accountability"])
PAGES: dict[int | str, dict[str, Any]] = {200: {
    "content": {"text/html": {}, "text/markdown": {}, "application/json": {}},
    "description": "The dossier as a self-contained page, Markdown or JSON"}}
DossierFormat = Literal["html", "md", "json"]
AsOfQuery = Query(None, description="The day to judge the response clock on (today)")
DossierFormatQuery = Query(None, description="html (default), md (also with Accept: text/markdown) or json")


def _wanted(request: Request, fmt: str | None) -> str:
    if fmt:
        return fmt
    return "md" if "text/markdown" in request.headers.get("accept", "") else "html"


@router.get("/dossiers/{target:path}", response_class=Response, responses={**ERRORS, **PAGES})
def get_dossier(request: Request,
                target: str = Path(..., max_length=300, pattern=NO_NUL,
                                   description="A report's or finding's key, or words of its title"),
                body: str | None = Query(None, max_length=200, pattern=NO_NUL,
                                         description="Only meetings of bodies whose name contains this"),
                as_of: IsoDate | None = AsOfQuery, format: DossierFormat | None = DossierFormatQuery):
    """One report or finding: its response clock, and every question, answer, commitment and
    update about it, in meeting order, each with its exact quote and source minutes."""
    d = dossier.gather(request.app.state.store, target, body, as_of.isoformat() if as_of else None)
    fmt = _wanted(request, format)
    if fmt == "json":
        return JSONResponse(dataclasses.asdict(d))
    if fmt == "md":
        return Response(dossier_md.render(d), media_type="text/markdown; charset=utf-8")
    return HTMLResponse(dossier_html.render(d), headers={"Content-Security-Policy": dossier_html.POLICY_HEADER,
                                                         "X-Frame-Options": "DENY"})
