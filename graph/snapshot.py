"""The whole graph, or one body's part of it in a period, read into the neutral model.

What every export and analysis reads.  Nodes are read a page at a time in key order
(the key index makes each page cheap), and each page's outgoing edges with them, so no
query returns more than a page of nodes' worth.  Documents come without their text
(megabytes each) and no node brings its ``search`` words (its quote again).

A scope keeps the meetings of bodies whose name contains ``body`` held in the period,
their documents, what those documents state (events, findings, agenda items), and the
people, offices, bodies and reports these touch; an edge is kept when both its ends are.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrutiny.errors import NotFound
from scrutiny.graph.catalog import CATALOG, LabelSpec
from scrutiny.graph.label_facts import ENTITIES
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.base import Store

PAGE = 2000  # nodes per read; their edges come in the same round
LEFT_OUT = {"search"}  # of every label; and a document's text
#: From an entity in scope to the entities that say what it is (an office's body, a finding's report).
DESCRIBED_BY = frozenset({"OF_BODY", "PUBLISHED_BY", "IN_REPORT", "HOLDS", "MEMBER_OF"})


@dataclass(frozen=True)
class Scope:
    """Which part of the graph: bodies whose name contains ``body``, meetings from ``since``
    to ``until`` (ISO dates, inclusive); all None is the whole graph."""

    body: str | None = None
    since: str | None = None
    until: str | None = None

    def whole(self) -> bool:
        return self.body is None and self.since is None and self.until is None

    def describe(self) -> str:
        said = [f"body {self.body[:80]!r}" if self.body is not None else "",
                f"since {self.since}" if self.since else "", f"until {self.until}" if self.until else ""]
        return ", ".join(w for w in said if w) or "the whole graph"

    def holds(self, body: str | None, date: str | None) -> bool:
        if self.body is not None and self.body.lower() not in (body or "").lower():
            return False
        if self.since is not None and (date is None or date < self.since):
            return False
        return self.until is None or (date is not None and date <= self.until)


def shown_properties(spec: LabelSpec) -> list[str]:
    left_out = LEFT_OUT | ({"text"} if spec.name == "Document" else set())
    return [p for p in spec.properties if p not in left_out and p != spec.key]


def read_graph(store: Store, scope: Scope | None = None) -> Graph:
    """The scope's part of the graph (all of it by default); NotFound when the scope holds
    no meeting, checked before anything is read."""
    if scope is not None and not scope.whole():
        _check_meetings(store, scope)
    g = Graph()
    for spec in CATALOG.labels.values():
        for keys in _pages_of(store, spec, g):
            _read_edges(store, spec.name, keys, g)
    return g if scope is None or scope.whole() else within(g, scope)


def _check_meetings(store: Store, scope: Scope) -> None:
    rows = store.run("MATCH (m:Meeting) WHERE ($body IS NULL OR toLower(m.body) CONTAINS toLower($body)) "
                     "AND ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until) "
                     "RETURN m.key AS key LIMIT 1", {"body": scope.body, "since": scope.since, "until": scope.until})
    if not rows:
        raise NotFound(f"no meeting in scope: {scope.describe()}")


def _pages_of(store: Store, spec: LabelSpec, g: Graph):
    """Each page of the label's nodes, added to ``g``; yields the page's keys."""
    columns = ", ".join(f"n.{p} AS {p}" for p in shown_properties(spec))
    after = ""
    while True:
        rows = store.run(f"MATCH (n:{spec.name}) WHERE n.key > $after "
                         f"RETURN n.key AS key, {columns} ORDER BY n.key LIMIT $page",
                         {"after": after, "page": PAGE})
        keys = [row.pop("key") for row in rows]
        for key, row in zip(keys, rows, strict=True):
            g.add_node(spec.name, key, **row)
        if keys:
            yield keys
        if len(rows) < PAGE:
            return
        after = keys[-1]


def _read_edges(store: Store, label: str, keys: list[str], g: Graph) -> None:
    rows = store.run(f"UNWIND $keys AS k MATCH (a:{label} {{key: k}})-[r]->(b) "
                     "RETURN a.key AS source, type(r) AS type, labels(b)[0] AS label, b.key AS target, "
                     "properties(r) AS props", {"keys": keys})
    for row in rows:
        g.add_edge(row["type"], (label, row["source"]), (row["label"], row["target"]), **row["props"])


def within(g: Graph, scope: Scope) -> Graph:
    """The part of ``g`` the scope holds (pure)."""
    kept = _documents_and_meetings(g, scope)
    docs = {key for label, key in kept if label == "Document"}
    kept |= {ref for ref, n in g.nodes.items() if n.props.get("doc") in docs}  # events, findings, items
    touched = {end for e in g.edges.values() for end in (e.source, e.target)
               if (e.source in kept or e.target in kept) and end[0] in ENTITIES}
    kept |= touched
    kept |= {e.target for e in g.edges.values() if e.source in touched and e.type in DESCRIBED_BY}
    part = Graph()
    for ref in kept:
        part.add_node(*ref, **g.nodes[ref].props)
    for e in g.edges.values():
        if e.source in kept and e.target in kept:
            part.add_edge(e.type, e.source, e.target, **e.props)
    return part


def _documents_and_meetings(g: Graph, scope: Scope) -> set[tuple[str, str]]:
    kept = set()
    for e in g.edges.values():
        if e.type == "RECORDS":
            meeting = g.nodes[e.target].props
            if scope.holds(meeting.get("body"), meeting.get("date")):
                kept |= {e.source, e.target}
    kept |= {e.target for e in g.edges.values() if e.type == "HELD_BY" and e.source in kept}
    return kept
