"""GraphML and GEXF through networkx's own writers: Gephi, Cytoscape, yEd, igraph and
networkx read them.

Each node carries ``label`` (a caption a person can read: a name, a title, or an event's
kind, date and first words), ``type`` (its schema label), ``key`` and its properties with
their declared types; each relationship its ``type`` and properties, the exact ``quote``
among them.  A GEXF file also carries how the views draw each node (colour by kind, a
commitment's by its status; size) and, for graphs small enough to lay out here, a position,
so Gephi opens it ready to read.  Both give each node the id "Label/key"; GEXF carries no
``key`` attribute besides (networkx would write it as ``networkx_key``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from scrutiny.graph.exports.columns import plain_props
from scrutiny.graph.model import Graph, Node, node_id
from scrutiny.viz import styles

LAYOUT_UP_TO = 3000  # nodes; networkx's spring layout is quadratic, Gephi lays out larger graphs itself


def caption(node: Node) -> str:
    """What Gephi writes beside the node."""
    shown = styles.label(node.label, node.props)
    if node.props.get("quote"):
        return f"{shown}: {styles.short(node.props['quote'], 60)}"
    return shown or node.key


def as_networkx(g: Graph) -> nx.MultiDiGraph:
    """The graph with the attributes both formats share."""
    out = nx.MultiDiGraph()
    for ref, node in g.nodes.items():
        out.add_node(node_id(ref), **plain_props(node.props), label=caption(node), type=node.label,
                     key=node.key)
    # Gephi reads an edge's key as its id and drops a repeated id: every edge gets its own
    # (parallel edges of one type are one per document, as in the stores).
    for n, edge in enumerate(g.edges.values()):
        out.add_edge(node_id(edge.source), node_id(edge.target), key=f"e{n}",
                     **plain_props(edge.props), type=edge.type)
    return out


def write_graphml(g: Graph, path: Path) -> None:
    nx.write_graphml(as_networkx(g), path, named_key_ids=True)


def write_gexf(g: Graph, path: Path) -> None:
    out = as_networkx(g)
    places = _positions(g)
    for nid, attrs in out.nodes(data=True):
        attrs["viz"] = _looks(g.nodes[(attrs["type"], attrs.pop("key"))], places.get(nid))  # the id has the key
    for _, _, attrs in out.edges(data=True):
        attrs["label"] = attrs.pop("type")  # GEXF's own edge "type" says directed or not
    nx.write_gexf(out, path)


def _looks(node: Node, place: tuple[float, float] | None) -> dict[str, Any]:
    colour = styles.colour(node.label, node.props).lstrip("#")
    r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    looks: dict[str, Any] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                             "size": float(styles.facts(node.label).size)}
    if place is not None:
        looks["position"] = {"x": place[0], "y": place[1], "z": 0.0}
    return looks


def _positions(g: Graph) -> dict[str, tuple[float, float]]:
    from scrutiny.viz.network import positions  # the views' own seeded layout
    return positions(g) if 0 < len(g.nodes) <= LAYOUT_UP_TO else {}
