"""The neutral graph as a pyvis network in one self-contained, offline, escaped HTML file.

pyvis builds the nodes, edges and options; the page is our own template
(``viz/assets/view.html``) rendered through pyvis with autoescaping on.  It inlines
vis-network from pyvis's own copy, links nothing remote (pyvis's stock template
pulls bootstrap from a CDN and shows tooltips as raw HTML once any title contains
"href"), and carries a Content-Security-Policy that forbids every network request.
Positions are precomputed (``viz/layout.py``'s chain columns by default, or networkx's
seeded spring layout), so physics never runs unless asked for and every load looks the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from scrutiny.graph.model import Graph, node_id, to_networkx
from scrutiny.viz import folds, labels, styles
from scrutiny.viz import layout as chain_layout

ASSETS = Path(__file__).parent / "assets"
PYVIS_TEMPLATES = Path(pyvis.__file__).parent / "templates"
STABILISATION_ITERATIONS = 300
#: What a view may do: run its own inline code and styles, show data: images, and nothing
#: else: no request, no form submission, no <base> rewriting its links.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
       "font-src data:; form-action 'none'; base-uri 'none'")
#: What only a header can carry (a meta tag's frame-ancestors is ignored): served views
#: may not be framed by another page.
CSP_HEADER = f"{CSP}; frame-ancestors 'none'"


def positions(g: Graph) -> dict[str, tuple[float, float]]:
    """networkx's spring layout, seeded (``--layout spring`` and the GEXF export)."""
    layout = nx.spring_layout(nx.Graph(to_networkx(g)), seed=7, scale=600)
    return {n: (float(x), float(y)) for n, (x, y) in layout.items()}


#: What an edge says on the canvas; structural edges (item of a meeting) stay unlabelled.
EDGE_WORDS = {"ASKED_BY": "asked by", "ADDRESSED_TO": "addressed to", "GIVEN_BY": "answered by",
              "OWED_BY": "owed by", "OWED_TO": "owed to", "ANSWERS": "answers", "ARISES_FROM": "arises from",
              "FULFILLED_BY": "fulfilled by", "SUPERSEDED_BY": "superseded by", "ADDRESSES": "about",
              "ABOUT": "about", "CREATES": "creates", "UPDATES": "updates", "IN_REPORT": "in report",
              "HOLDS": "holds", "MEMBER_OF": "member of", "OF_BODY": "of"}
#: What the search box reads of a node besides its label.
SEARCHED = ("name", "title", "body", "quote", "meeting_date", "date", "status")


def _node(net: Network, ref, node, place) -> None:
    looks = styles.facts(node.label)
    p = node.props
    extra = {"x": place[0], "y": place[1], "physics": False} if place else {}
    net.add_node(node_id(ref), label=labels.label(node.label, p), title=styles.tooltip(node.label, p),
                 shape=looks.shape, color=styles.colour(node.label, p), size=looks.size,
                 kind=looks.display, quote=p.get("quote") or "", name=p.get("name") or p.get("title") or "",
                 meeting=p.get("meeting_date") or p.get("date") or "", source=p.get("source") or "",
                 status=p.get("status") or "", due=p.get("due_date") or p.get("due") or "",
                 search=" ".join(str(p[k]) for k in SEARCHED if p.get(k)).lower(),
                 fold=folds.meeting_fold(node), body_group=folds.body_group(node), **extra)


def network(g: Graph, heading: str, left_out: int = 0, layout: str = "chain", fold: bool | None = None) -> Network:
    """The view; ``fold`` folds each meeting's events into one node (None: in a big view)."""
    net = Network(height="100vh", width="100%", directed=True, heading=heading,
                  cdn_resources="in_line")
    placed = {"chain": chain_layout.positions, "spring": positions}.get(layout, lambda _: {})(g)
    for ref, node in sorted(g.nodes.items(), key=lambda kv: node_id(kv[0])):
        _node(net, ref, node, placed.get(node_id(ref)))
    created = {(e.target, e.source) for e in g.edges.values() if e.type == "CREATES"}
    for edge in sorted(g.edges.values(), key=lambda e: (node_id(e.source), e.type, node_id(e.target))):
        if edge.type == "ARISES_FROM" and (edge.source, edge.target) in created:
            continue  # the resolution's "creates" says it, on the same line
        words = EDGE_WORDS.get(edge.type, "")
        net.add_edge(node_id(edge.source), node_id(edge.target), title=edge.type.replace("_", " ").lower(),
                     label=words, arrows="to", color="#888888" if words else "#cccccc", dashes=not words)
    net.set_options(_options(physics=layout == "physics"))
    net.view_meta = {"left_out": left_out, "shown": len(g.nodes), "legend": styles.legend(g),
                     "folds": folds.folds(g, fold, chain=layout == "chain")}
    return net


def _options(physics: bool) -> str:
    return json.dumps({
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": STABILISATION_ITERATIONS, "fit": True}},
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif", "multi": False}, "borderWidth": 1.5,
                  "color": {"border": "#333333"}},
        "edges": {"smooth": False, "font": {"size": 11, "align": "horizontal", "color": "#555555",
                                            "strokeWidth": 3, "strokeColor": "#ffffff"}},
    })


def render(net: Network) -> str:
    """The page: our template, autoescaped, with vis-network inlined from pyvis."""
    net.templateEnv = Environment(loader=ChoiceLoader([FileSystemLoader(ASSETS), FileSystemLoader(PYVIS_TEMPLATES)]),
                                  autoescape=select_autoescape(default=True, default_for_string=True))
    net.path = "view.html"
    net.template_dir = str(ASSETS)
    # pyvis renders with the variables it knows; ours ride along through globals
    net.templateEnv.globals.update(net.view_meta, csp=CSP)
    return net.generate_html()


def write_view(g: Graph, heading: str, out: Path, left_out: int = 0, layout: str = "chain",
               fold: bool | None = None) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(network(g, heading, left_out, layout, fold)), encoding="utf-8")
    return out
