"""The graph's exports over HTTP: the same files ``scrutiny export`` writes, sent from disk.

An export is written to a temporary folder off the event loop (a sync handler runs in the
threadpool), sent in chunks as a file, and removed once sent; CSV, a folder of files, is
sent zipped.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from scrutiny.api.pages import ERRORS, NO_NUL, IsoDate
from scrutiny.graph import exports
from scrutiny.graph.snapshot import Scope

FormatName = Literal["graphml", "gexf", "csv", "ftm"]
BodyQuery = Query(None, min_length=1, max_length=200, pattern=NO_NUL,
                  description="Only bodies whose name contains this (any case)")
SinceQuery = Query(None, description="Only meetings on or after this day")
UntilQuery = Query(None, description="Only meetings on or before this day")
FILES: dict[int | str, dict[str, Any]] = {200: {
    "content": {f.media_type: {} for f in exports.FORMATS.values()},
    "description": "The export as a file (CSV: a zip of its files)"}}


def scope_of(body: str | None, since, until) -> Scope:
    from scrutiny.errors import QueryParameterError
    if since and until and since > until:
        raise QueryParameterError(f"since {since} is after until {until}")
    return Scope(body, since and since.isoformat(), until and until.isoformat())


def export_graph(request: Request, format: FormatName, body: str | None = BodyQuery,
                 since: IsoDate | None = SinceQuery, until: IsoDate | None = UntilQuery) -> Response:
    """The graph, or one body's part of it in a period, as GraphML, GEXF, CSV or FollowTheMoney."""
    fmt = exports.get(format)
    folder = Path(tempfile.mkdtemp(prefix="scrutiny-export-"))
    try:
        done = exports.export(request.app.state.store, format, folder / f"scrutiny{fmt.suffix or '-csv'}",
                              scope_of(body, since, until))
        sent = _zipped(done.path) if fmt.folder else done.path
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(sent, media_type=fmt.media_type, filename=sent.name,
                        headers={"X-Nodes": str(done.nodes), "X-Relationships": str(done.edges)},
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))


def _zipped(folder: Path) -> Path:
    archive = folder.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            z.write(path, path.relative_to(folder))
    return archive


def router() -> APIRouter:
    r = APIRouter(tags=["exports and analytics"])
    r.add_api_route("/exports/{format}", export_graph, methods=["GET"], response_class=Response,
                    responses={**ERRORS, **FILES})
    return r
