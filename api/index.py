"""``/``: a small HTML index of what the store holds, a form for each saved query, and links.

Every piece of text is escaped (``html.escape``), whatever its source; the page runs no
script, fetches nothing, and its forms submit only to this server.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from scrutiny import queries

router = APIRouter()
POLICY = ("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
          "frame-ancestors 'none'")
INPUT_TYPES = {"string": "text", "int": "number", "float": "number", "bool": "text", "date": "date"}
STYLE = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
         "form{margin:.3em 0 1.2em}label{margin-right:.8em}td{padding:0 1em 0 0}")


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request) -> HTMLResponse:
    store = request.app.state.store
    held = queries.run(store, "document-count").rows[0]
    counts = queries.run(store, "graph-counts").rows
    page = "\n".join([
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>scrutiny</title>",
        f"<style>{STYLE}</style></head><body><h1>scrutiny</h1>",
        f"<p>{held['documents']} documents of {held['meetings']} meetings in the {escape(store.kind)} store. "
        "<a href='/docs'>API docs</a> (<a href='/redoc'>ReDoc</a>), "
        "<a href='/openapi.json'>OpenAPI schema</a>.</p>",
        _counts_table(counts),
        "<h2>Network view</h2><form action='/views/entity' method='get'>"
        "<label>entity or name <input name='target' required></label><button>Draw</button></form>",
        "<h2>Saved queries</h2>",
        *(_query_form(q) for q in queries.registry().values()),
        "</body></html>"])
    return HTMLResponse(page, headers={"Content-Security-Policy": POLICY, "X-Frame-Options": "DENY"})


def _counts_table(rows: list[dict]) -> str:
    cells = "".join(f"<tr><td>{escape(str(r['kind']))}</td><td>{escape(str(r['name']))}</td>"
                    f"<td>{escape(str(r['count']))}</td></tr>" for r in rows)
    return f"<table>{cells}</table>" if rows else "<p>The store is empty: load minutes with scrutiny load.</p>"


def _initial(p: queries.Param) -> str | None:
    """What a form field starts with: a browser submits empty fields, and an empty date or
    number is refused, so those start at their default (or are left to the API docs)."""
    if p.type == "string" or p.required:
        return ""
    shown = p.shown_default()
    if shown == "today":
        return dt.date.today().isoformat()
    return None if shown in ("null", "None", "") else shown


def _query_form(q: queries.SavedQuery) -> str:
    fields = "".join(
        f"<label>{escape(p.name)} <input name='{escape(p.name)}' type='{INPUT_TYPES[p.type]}'"
        f" value='{escape(initial)}'{' required' if p.required else ''} title='{escape(p.description)}'></label>"
        for p in q.params if p.name != "limit" and (initial := _initial(p)) is not None)
    return (f"<h3>{escape(q.title)}</h3><p>{escape(q.description)}</p>"
            f"<form action='/queries/{escape(q.name)}' method='get'>{fields}"
            "<select name='format'><option>json</option><option>csv</option></select>"
            f"<button>Run</button> <a href='/views/query/{escape(q.name)}'>view</a></form>")
