"""What a view shows: an entity (or every match of a search) or a saved query's result."""

from __future__ import annotations

from collections import Counter
from typing import Any

from scrutiny import queries
from scrutiny.errors import NotFound
from scrutiny.graph import explore
from scrutiny.graph.model import Graph

MAX_ROOTS = 25
REACH = 2  # read twice the nodes drawn, so the cut can keep the best connected
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
    return _drawn(store, roots, depth, cap, f"Around {target}")


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
    shown = ", ".join(f"{k}={v}" for k, v in params.items() if v is not None)
    return _drawn(store, roots, 1, cap, name.replace("-", " ").capitalize() + (f" ({shown})" if shown else ""))


def _drawn(store, roots: list[tuple[str, str]], depth: int, cap: int, heading: str) -> tuple[Graph, str, int]:
    """The roots' neighbourhoods and the people in them, read up to ``REACH`` times ``cap``
    nodes, then cut to ``cap`` leaving out the least connected first."""
    g, left_out = explore.merged_neighbourhoods(store, roots, depth, cap * REACH)
    left_out += explore.with_people(store, g, cap * REACH)
    left_out += least_connected_out(g, cap)
    explore.name_meetings(store, g)
    return g, heading, left_out


def least_connected_out(g: Graph, cap: int) -> int:
    """Drop nodes beyond ``cap``, fewest links first (among equals, the greatest label and key)."""
    if len(g.nodes) <= cap:
        return 0
    degree = Counter(end for e in g.edges.values() for end in (e.source, e.target))
    ranked = sorted(g.nodes, key=lambda ref: (-degree[ref], ref))
    gone = set(ranked[cap:])
    for ref in gone:
        del g.nodes[ref]
    g.edges = {k: e for k, e in g.edges.items() if e.source not in gone and e.target not in gone}
    return len(gone)
