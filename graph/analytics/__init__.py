"""Network analytics over the graph as networkx reads it: who is asked and who answers,
how office holders keep their commitments, how two entities are connected, which reports
are raised.  Each analysis is a pure function of a ``model.Graph`` returning a ``Table``,
so the CLI prints it like a saved query's rows (table, json, csv) and the API pages it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scrutiny.errors import QueryParameterError, unknown_name
from scrutiny.graph.snapshot import Scope, read_graph
from scrutiny.graph.stores.base import Store
from scrutiny.loaders.kinds import CommitmentStatus


@dataclass
class Table:
    """An analysis's result: named columns and rows of plain values (str, int, float, None)."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Analysis:
    """One analysis: its name, what it shows, its columns, and the function computing its rows
    (``args`` are the names of the arguments it needs besides the graph, such as a path's ends)."""

    name: str
    title: str
    columns: tuple[str, ...]
    compute: Callable[..., list[dict[str, Any]]]
    args: tuple[str, ...] = ()


def _registry() -> dict[str, Analysis]:
    from scrutiny.graph.analytics import actors, paths, reports
    return {a.name: a for a in (
        Analysis("centrality", "Who is asked, who answers, who owes, and who joins the network together",
                 ("name", "label", "asked", "asked_of", "answered", "owes", "degree", "betweenness", "id"),
                 actors.centrality),
        Analysis("holders", "Each owner's commitments by status, and the median days to fulfil one",
                 ("owner", "label", "commitments", *(s.value for s in CommitmentStatus),
                  "median_days_to_fulfil", "id"), actors.holders),
        Analysis("path", "The shortest chain of accountability between two entities, hop by hop with its quote",
                 ("step", "from", "relationship", "to", "quote", "doc", "from_id", "to_id"), paths.path,
                 ("source", "target")),
        Analysis("raised", "Reports and findings, with how many questions took them up after publication",
                 ("kind", "title", "published", "first_mentioned", "body", "questions", "first_raised", "key"),
                 reports.raised),
    )}


ANALYSES: dict[str, Analysis] = _registry()


def get(name: str) -> Analysis:
    if name not in ANALYSES:
        raise unknown_name("analysis", name, ANALYSES)
    return ANALYSES[name]


def analyse(store: Store, name: str, scope: Scope | None = None, **args: str) -> Table:
    """Run analysis ``name`` over the scope's part of the graph."""
    analysis = get(name)
    missing = [a for a in analysis.args if not args.get(a)]
    if missing:
        raise QueryParameterError(f"{name} needs {' and '.join(missing)}")
    rows = analysis.compute(read_graph(store, scope), **{a: args[a] for a in analysis.args})
    return Table(name, analysis.title, analysis.columns, rows)
