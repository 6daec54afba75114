"""The neutral graph as a pyvis network in one self-contained, offline, escaped HTML file.

pyvis builds the nodes, edges and options; the page is our own template
(``viz/assets/view.html``) rendered through pyvis with autoescaping on.  It inlines
vis-network from pyvis's own copy, links nothing remote (pyvis's stock template
pulls bootstrap from a CDN and shows tooltips as raw HTML once any title contains
"href"), and carries a Content-Security-Policy that forbids every network request.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from scrutiny.graph.model import Graph, node_id, to_networkx
from scrutiny.viz import styles

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
    """A precomputed layout (no physics in the browser): networkx's spring layout, seeded."""
    layout = nx.spring_layout(nx.Graph(to_networkx(g)), seed=7, scale=600)
    return {n: (float(x), float(y)) for n, (x, y) in layout.items()}


def network(g: Graph, heading: str, left_out: int = 0, layout: str = "physics") -> Network:
    net = Network(height="100vh", width="100%", directed=True, heading=heading,
                  cdn_resources="in_line")
    placed = positions(g) if layout == "spring" else {}
    for ref, node in g.nodes.items():
        nid = node_id(ref)
        x, y = placed.get(nid, (None, None))
        extra = {"x": x, "y": y, "physics": False} if nid in placed else {}
        looks = styles.facts(node.label)
        net.add_node(nid, label=styles.label(node.label, node.props),
                     title=styles.tooltip(node.label, node.props), shape=looks.shape,
                     color=styles.colour(node.label, node.props), size=looks.size,
                     kind=looks.display, quote=node.props.get("quote") or "",
                     meeting=node.props.get("meeting_date") or node.props.get("date") or "",
                     source=node.props.get("source") or "", status=node.props.get("status") or "",
                     **extra)
    for edge in g.edges.values():
        net.add_edge(node_id(edge.source), node_id(edge.target), title=edge.type.replace("_", " ").lower(),
                     label="", arrows="to", color="#aaaaaa")
    net.set_options(_options(physics=layout != "spring"))
    net.view_meta = {"left_out": left_out, "shown": len(g.nodes), "legend": styles.legend()}
    return net


def _options(physics: bool) -> str:
    return json.dumps({
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": STABILISATION_ITERATIONS, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "nodes": {"font": {"size": 12, "face": "sans-serif"}},
        "edges": {"smooth": False},
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


def write_view(g: Graph, heading: str, out: Path, left_out: int = 0, layout: str = "physics") -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(network(g, heading, left_out, layout)), encoding="utf-8")
    return out
