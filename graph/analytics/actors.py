"""Who is asked, who answers and who owes: the actors' side of the graph.

``centrality`` counts each person's, body's and office's part in questions, answers and
commitments and ranks them by betweenness in the actor-event network (minutes, meetings
and agenda items left out: they join everything to everything and would rank first).
``holders`` is each owner's record of commitments by status, with the median days to
fulfil them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import median

import networkx as nx

from scrutiny.graph.label_facts import ACTORS, STRUCTURE, caption_of
from scrutiny.graph.model import Graph, Node, node_id
from scrutiny.loaders.kinds import CommitmentStatus

ROLE_OF = {"ASKED_BY": "asked", "ADDRESSED_TO": "asked_of", "GIVEN_BY": "answered", "OWED_BY": "owes"}
EXACT_UP_TO = 2000  # nodes; beyond, betweenness is estimated from this many sampled sources


def name_of(node: Node) -> str:
    return str(caption_of(node.label, node.props) or node.key)


def accountability_network(g: Graph) -> nx.Graph:
    """Actors, events, reports and findings, joined by every relationship but the hubs'."""
    out = nx.Graph()
    out.add_nodes_from(node_id(ref) for ref in g.nodes if ref[0] not in STRUCTURE)
    out.add_edges_from((node_id(e.source), node_id(e.target)) for e in g.edges.values()
                       if e.source[0] not in STRUCTURE and e.target[0] not in STRUCTURE)
    return out


def _betweenness(net: nx.Graph) -> dict[str, float]:
    k = None if net.number_of_nodes() <= EXACT_UP_TO else EXACT_UP_TO
    return nx.betweenness_centrality(net, k=k, seed=0)


def centrality(g: Graph) -> list[dict]:
    parts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in g.edges.values():
        if e.type in ROLE_OF and e.target[0] in ACTORS:
            parts[e.target][ROLE_OF[e.type]] += 1
    net = accountability_network(g)
    between = _betweenness(net)
    rows = []
    for ref, node in g.nodes.items():
        if ref[0] in ACTORS and (parts[ref] or net.degree(node_id(ref))):
            c = parts[ref]
            rows.append({"name": name_of(node), "label": ref[0], "asked": c["asked"], "asked_of": c["asked_of"],
                         "answered": c["answered"], "owes": c["owes"], "degree": net.degree(node_id(ref)),
                         "betweenness": round(between.get(node_id(ref), 0.0), 4), "id": node_id(ref)})
    return sorted(rows, key=lambda r: (-r["betweenness"], -r["degree"], r["name"], r["id"]))


def holders(g: Graph) -> list[dict]:
    """One row per owner, and a last row (owner null) for commitments the minutes give no owner."""
    owed: dict[tuple[str, str] | None, list[Node]] = defaultdict(list)
    owned = set()
    for e in g.edges.values():
        if e.type == "OWED_BY":
            owed[e.target].append(g.nodes[e.source])
            owned.add(e.source)
    owed[None] = [n for ref, n in g.nodes.items() if ref[0] == "Commitment" and ref not in owned]
    rows = [_holder_row(g, ref, commitments) for ref, commitments in owed.items() if commitments]
    return sorted(rows, key=lambda r: (r["owner"] is None, -r["commitments"], r["owner"] or "", r["id"] or ""))


def _holder_row(g: Graph, ref: tuple[str, str] | None, commitments: list[Node]) -> dict:
    status = Counter(c.props.get("status") for c in commitments)
    days = [c.props["days_to_fulfil"] for c in commitments if c.props.get("days_to_fulfil") is not None]
    return {"owner": ref and name_of(g.nodes[ref]), "label": ref and ref[0], "commitments": len(commitments),
            **{s.value: status[s.value] for s in CommitmentStatus},
            "median_days_to_fulfil": median(days) if days else None, "id": ref and node_id(ref)}
