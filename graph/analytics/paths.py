"""How two entities are connected: the shortest chain of accountability between them,
each hop with its relationship and the quote that evidences it.

The chain runs through people, offices, bodies, reports, findings and the events of the
minutes, never through the minutes, meetings or agenda items themselves: two councillors
who sat in one meeting are not thereby linked.
"""

from __future__ import annotations

import itertools

import networkx as nx

from scrutiny.errors import NotFound, QueryParameterError
from scrutiny.graph.analytics.actors import accountability_network, name_of
from scrutiny.graph.exports.networkx_formats import caption
from scrutiny.graph.label_facts import ENTITIES, STRUCTURE
from scrutiny.graph.model import Edge, Graph, node_id


def resolve(g: Graph, wanted: str) -> tuple[str, str]:
    """A node by its id ("Person/..."), else by its name: whole, else a part of it, any case."""
    by_id = {node_id(ref): ref for ref in g.nodes}
    if wanted in by_id:
        return by_id[wanted]
    named = [(ref, name_of(n).casefold()) for ref, n in g.nodes.items() if ref[0] in ENTITIES]
    low = wanted.casefold().strip()
    found = [ref for ref, name in named if name == low] or [ref for ref, name in named if low in name]
    if not found:
        raise NotFound(f"no person, body, office, report or finding named {wanted[:80]!r}")
    if len(found) > 1:
        shown = "; ".join(f"{node_id(r)} ({name_of(g.nodes[r])})" for r in sorted(found)[:5])
        raise QueryParameterError(f"{wanted[:80]!r} names {len(found)} entities, give one's id: {shown}")
    return found[0]


def _edges_between(g: Graph) -> dict[frozenset, Edge]:
    out: dict[frozenset, Edge] = {}
    for e in g.edges.values():
        if e.source[0] not in STRUCTURE and e.target[0] not in STRUCTURE:
            out.setdefault(frozenset((node_id(e.source), node_id(e.target))), e)
    return out


def _hop(g: Graph, step: int, a: str, b: str, edge: Edge) -> dict:
    ends = [g.nodes[edge.source], g.nodes[edge.target]]
    said = edge.props.get("quote") or next((n.props["quote"] for n in ends if n.props.get("quote")), None)
    doc = edge.props.get("doc") or next((n.props["doc"] for n in ends if n.props.get("doc")), None)
    forward = node_id(edge.source) == a
    by_id = {node_id(edge.source): ends[0], node_id(edge.target): ends[1]}
    return {"step": step, "from": caption(by_id[a]), "relationship": edge.type if forward else f"<-{edge.type}",
            "to": caption(by_id[b]), "quote": said, "doc": doc, "from_id": a, "to_id": b}


def path(g: Graph, source: str, target: str) -> list[dict]:
    """The hops of one shortest chain from ``source`` to ``target`` (names or ids)."""
    a, b = node_id(resolve(g, source)), node_id(resolve(g, target))
    try:
        ids = nx.shortest_path(accountability_network(g), a, b)
    except nx.NetworkXNoPath:
        raise NotFound(f"no chain of accountability joins {a} and {b}") from None
    between = _edges_between(g)
    hops = itertools.pairwise(ids)
    return [_hop(g, i + 1, x, y, between[frozenset((x, y))]) for i, (x, y) in enumerate(hops)]
