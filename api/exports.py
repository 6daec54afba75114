"""The graph's exports and analytics over HTTP: the same files ``scrutiny export`` writes, sent
from disk, and the tables ``scrutiny analyse`` prints, a page at a time (or CSV).

An export is written to a temporary folder off the event loop (a sync handler runs in the
threadpool), sent in chunks as a file, and removed once sent; CSV, a folder of files, is
sent zipped.
"""

from __future__ import annotations

import pathlib
import shutil
import tempfile
import zipfile
from typing import Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel
from starlette.background import BackgroundTask

from scrutiny.api.pages import CSV_RESPONSE, ERRORS, NO_NUL, IsoDate, LimitQuery, OffsetQuery, Page, to_csv
from scrutiny.graph import analytics, exports
from scrutiny.graph.snapshot import Scope

# A format or an analysis is any string to FastAPI, listed as an enum in the schema: a name that
# is none is refused by ``exports.get`` / ``analytics.get``, in the words the CLI uses.
FormatPath = Path(..., description="The export format", json_schema_extra={"enum": list(exports.FORMATS)})
AnalysisPath = Path(..., description="The analysis (path has its own route)",
                    json_schema_extra={"enum": [a for a in analytics.ANALYSES if a != "path"]})
BodyQuery = Query(None, min_length=1, max_length=200, pattern=NO_NUL,
                  description="Only bodies whose name contains this (any case)")
SinceQuery = Query(None, description="Only meetings on or after this day")
UntilQuery = Query(None, description="Only meetings on or before this day")
FILES: dict[int | str, dict[str, Any]] = {200: {
    "content": {f.media_type: {} for f in exports.FORMATS.values()},
    "description": "The export as a file (CSV: a zip of its files)"}}


def scope_of(body: str | None, since, until) -> Scope:
    """A since after until is a period with no meeting in it: ``read_graph`` answers 404
    (a 422 would refuse a request each parameter of which is valid)."""
    return Scope(body, since and since.isoformat(), until and until.isoformat())


def export_graph(request: Request, format: str = FormatPath, body: str | None = BodyQuery,
                 since: IsoDate | None = SinceQuery, until: IsoDate | None = UntilQuery) -> Response:
    """The graph, or one body's part of it in a period, as GraphML, GEXF, CSV or FollowTheMoney."""
    fmt = exports.get(format)
    folder = pathlib.Path(tempfile.mkdtemp(prefix="scrutiny-export-"))
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


def _zipped(folder: pathlib.Path) -> pathlib.Path:
    archive = folder.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            z.write(path, path.relative_to(folder))
    return archive


EndQuery = Query(..., min_length=1, max_length=200, pattern=NO_NUL, description="A name, or an id Label/key")
TableFormat = Query("json", description="json (a page) or csv (every row)")


class AnalysisInfo(BaseModel):
    name: str
    title: str
    columns: list[str]
    needs: list[str]


def list_analyses() -> list[AnalysisInfo]:
    """The analyses, what each shows and the parameters each needs besides the scope."""
    return [AnalysisInfo(name=a.name, title=a.title, columns=list(a.columns), needs=list(a.args))
            for a in analytics.ANALYSES.values()]


def run_analysis(request: Request, analysis: str = AnalysisPath, body: str | None = BodyQuery,
                 since: IsoDate | None = SinceQuery, until: IsoDate | None = UntilQuery,
                 limit: int = LimitQuery, offset: int = OffsetQuery,
                 format: Literal["json", "csv"] = TableFormat) -> Page | Response:
    """An analysis of the graph, or of one body's part of it in a period."""
    table = analytics.analyse(request.app.state.store, analysis, scope_of(body, since, until))
    return _rows(request, table, limit, offset, format)


def path_analysis(request: Request, source: str = EndQuery, target: str = EndQuery,
                  body: str | None = BodyQuery, since: IsoDate | None = SinceQuery,
                  until: IsoDate | None = UntilQuery, limit: int = LimitQuery, offset: int = OffsetQuery,
                  format: Literal["json", "csv"] = TableFormat) -> Page | Response:
    """The shortest chain of accountability from source to target, hop by hop with its quote."""
    table = analytics.analyse(request.app.state.store, "path", scope_of(body, since, until),
                              source=source, target=target)
    return _rows(request, table, limit, offset, format)


def _rows(request: Request, table: analytics.Table, limit: int, offset: int, format: str) -> Page | Response:
    if format == "csv":
        return Response(to_csv(table.rows, table.columns), media_type="text/csv; charset=utf-8")
    following = offset + limit if offset + limit < len(table.rows) else None
    return Page(query=table.name, columns=list(table.columns), rows=table.rows[offset:offset + limit],
                limit=limit, offset=offset, next_offset=following, total=len(table.rows),
                next=str(request.url.include_query_params(offset=following)) if following else None)


def router() -> APIRouter:
    r = APIRouter(tags=["exports and analytics"])
    r.add_api_route("/exports/{format}", export_graph, methods=["GET"], response_class=Response,
                    responses={**ERRORS, **FILES})
    r.add_api_route("/analytics", list_analyses, methods=["GET"], response_model=list[AnalysisInfo])
    r.add_api_route("/analytics/path", path_analysis, methods=["GET"], response_model=Page,
                    responses={**ERRORS, **CSV_RESPONSE})
    r.add_api_route("/analytics/{analysis}", run_analysis, methods=["GET"], response_model=Page,
                    responses={**ERRORS, **CSV_RESPONSE})
    return r
