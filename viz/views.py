"""What a view shows: an entity (or every match of a search) or a saved query's result."""

from __future__ import annotations

from typing import Any

from scrutiny import queries
from scrutiny.errors import NotFound
from scrutiny.graph import explore
from scrutiny.graph.model import Graph

MAX_ROOTS = 25
#: A saved query's ``*_key`` column -> the kinds its keys can be, most likely first.
KEY_COLUMNS = {"commitment_key": ("commitment",), "question_key": ("question",),
               "answer_key": ("answer",), "report_key": ("report",),
               "subject_key": ("report", "finding"),
               "event_key": ("commitment", "question", "answer", "resolution", "status-update", "finding")}


def entity_view(store, target: str, depth: int, cap: int) -> tuple[Graph, str, int]:
    """``target`` is ``kind/key`` (as the API names entities) or words to find in names."""
    kind, _, key = target.partition("/")
    if kind in explore.KINDS and key:
        roots = [(kind, key)]
    else:
        roots = [(m["kind"], m["key"]) for m in explore.find_named(store, target, MAX_ROOTS)]
        if not roots:
            raise NotFound(f"nothing named like {target[:80]!r} (try a surname, an office or a report title)")
    g, left_out = explore.merged_neighbourhoods(store, roots, depth, cap)
    return g, f"Around {target}", left_out


def query_view(store, name: str, params: dict[str, Any], cap: int, row_limit: int) -> tuple[Graph, str, int]:
    """The rows of a saved query, each row's entities with their neighbours."""
    result = queries.run(store, name, params, row_limit=min(row_limit, cap))
    roots = []
    for row in result.rows:
        for column, kinds in KEY_COLUMNS.items():
            if row.get(column) and (kind := explore.locate(store, row[column], kinds)):
                roots.append((kind, row[column]))
    roots = list(dict.fromkeys(roots))
    if not roots:
        raise NotFound(f"{name} returned no entities to draw")
    g, left_out = explore.merged_neighbourhoods(store, roots, 1, cap)
    shown = ", ".join(f"{k}={v}" for k, v in params.items() if v is not None)
    return g, f"{queries.get(name).title}" + (f" ({shown})" if shown else ""), left_out
