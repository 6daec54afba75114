"""The neutral graph model every writer, exporter and view consumes.

Loaders build a ``Graph`` of ``Node``/``Edge`` records (pure data, no store);
the stores write it with batched parameterised upserts; networkx and pyvis
read the same records.  Nodes are identified by (label, key); outside Python (networkx,
the views, the exports) by ``node_id``, "Label/key".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from scrutiny.graph.catalog import CATALOG


@dataclass
class Node:
    """A node of a schema label, identified by its natural ``key``; ``props`` as stored."""

    label: str
    key: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Edge:
    """A relationship of a schema type between two nodes' (label, key) references."""

    type: str
    source: tuple[str, str]  # (label, key)
    target: tuple[str, str]
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Graph:
    """Nodes by (label, key) and edges by (type, source, target, doc): adding one twice merges."""

    nodes: dict[tuple[str, str], Node] = field(default_factory=dict)
    edges: dict[tuple, Edge] = field(default_factory=dict)

    def add_node(self, label: str, key: str, **props) -> tuple[str, str]:
        """Add or merge a node; later non-null properties win."""
        CATALOG.label(label)
        ref = (label, key)
        node = self.nodes.setdefault(ref, Node(label, key))
        node.props.update({k: v for k, v in props.items() if v is not None})
        return ref

    def add_edge(self, type_: str, source: tuple[str, str], target: tuple[str, str],
                 **props) -> None:
        """Add or merge an edge.  Edges that carry a ``doc`` are one per document, as in the
        stores (each minutes' own evidence of the same membership); others one per pair."""
        CATALOG.check_relationship(type_, source[0], target[0])
        edge = self.edges.setdefault((type_, source, target, props.get("doc")), Edge(type_, source, target))
        edge.props.update({k: v for k, v in props.items() if v is not None})

    def merge(self, other: Graph) -> None:
        for node in other.nodes.values():
            self.add_node(node.label, node.key, **node.props)
        for edge in other.edges.values():
            self.add_edge(edge.type, edge.source, edge.target, **edge.props)

    def nodes_by_label(self) -> dict[str, list[Node]]:
        grouped = defaultdict(list)
        for node in self.nodes.values():
            grouped[node.label].append(node)
        return dict(grouped)

    def edges_by_signature(self) -> dict[tuple[str, str, str], list[Edge]]:
        grouped = defaultdict(list)
        for edge in self.edges.values():
            grouped[(edge.type, edge.source[0], edge.target[0])].append(edge)
        return dict(grouped)


def node_id(ref: tuple[str, str]) -> str:
    """A node's one identifier outside Python: "Label/key", unique across labels."""
    return f"{ref[0]}/{ref[1]}"


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The bridge to networkx: layouts, analytics, GraphML and GEXF.  Node attributes are
    ``label``, ``key`` and the properties; each edge is keyed by its type."""
    out = nx.MultiDiGraph()
    for ref, node in g.nodes.items():
        out.add_node(node_id(ref), label=node.label, key=node.key,
                     **{k: v for k, v in node.props.items() if v is not None})
    for edge in g.edges.values():
        out.add_edge(node_id(edge.source), node_id(edge.target), key=edge.type, type=edge.type,
                     **{k: v for k, v in edge.props.items() if v is not None})
    return out
