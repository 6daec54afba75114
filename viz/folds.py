"""What a big view folds together so it stays readable: each meeting's events into one node,
and, on the reader's asking, each body's nodes into one.

Decided here, applied in the page by vis-network's clustering (``viz/assets/view.html``):
a fold is an id, what its node says and which nodes it holds.  A click on a folded node
opens it.  Meetings fold by default only in a view of more than ``FOLD_OVER`` nodes, where
the chain of each would otherwise be lost in the crowd; a meeting with one event stays as it is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from scrutiny.graph.label_facts import ACTORS
from scrutiny.graph.model import Edge, Graph, Node, node_id
from scrutiny.loaders.kinds import CommitmentStatus
from scrutiny.viz import labels, styles
from scrutiny.viz import layout as chain_layout

FOLD_OVER = 100
#: The most pressing state of a meeting's commitments colours its folded node.
PRESSING = (CommitmentStatus.OVERDUE, CommitmentStatus.OPEN, CommitmentStatus.FULFILLED, CommitmentStatus.SUPERSEDED)
FOLDED_COLOUR = "#EEEEEE"
MEETING_SHAPE, BODY_SHAPE = "hexagon", "square"


def meeting_fold(node: Node) -> str:
    """The fold a node of a meeting goes into ("" for what no meeting holds)."""
    key = node.props.get("meeting_key")
    return node_id((chain_layout.FOLD, key)) if key else ""


def body_group(node: Node) -> str:
    """The group a node of a body goes into: a body's own, an office's, person's or meeting's
    body's; "" for reports and findings, which no one body holds."""
    if node.label not in ACTORS and not meeting_fold(node):
        return ""
    body = node.props.get("name") if node.label == "Body" else node.props.get("body")
    return f"body:{body}" if body else ""


def folds(g: Graph, fold: bool | None = None, chain: bool = True) -> dict[str, Any]:
    """The page's folds: ``meetings``, ``folded`` on opening (``fold``: always, never, or,
    with None, in a view of more than ``FOLD_OVER`` nodes), and ``bodies``; the reader can
    fold meetings or group bodies with a button.  ``layouts`` says where each node drawn sits
    with every meeting folded (``""``) and with one of them open (its id): one meeting opens
    at a time, so every state the page can be in has its chain layout computed here (with
    ``chain`` false, none: a fold sits amid what it holds)."""
    held: dict[str, list[Node]] = defaultdict(list)
    for node in g.nodes.values():
        if meeting_fold(node):
            held[meeting_fold(node)].append(node)
    meetings = [_meeting(fid, nodes) for fid, nodes in sorted(held.items()) if len(nodes) > 1]
    folded = bool(meetings) and (len(g.nodes) > FOLD_OVER if fold is None else fold)
    shut = {m["id"] for m in meetings}
    return {"meetings": meetings, "folded": folded, "bodies": _bodies(g),
            "layouts": {opened: _placed(g, shut - {opened}) for opened in ["", *sorted(shut)]} if chain else {}}


def _meeting(fid: str, nodes: list[Node]) -> dict[str, Any]:
    first = nodes[0].props
    when = labels.day(first.get("meeting_date") or first.get("date"))
    kinds = Counter(styles.facts(n.label).display for n in nodes)
    states = Counter(n.props.get("status") for n in nodes if n.label == "Commitment")
    said = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    kept = ", ".join(f"{states[s]} {s}" for s in PRESSING if states[s])
    return {"id": fid, "body_group": body_group(nodes[0]), "shape": MEETING_SHAPE,
            "label": labels.wrapped(f"{when}: {len(nodes)} folded" if when else f"{len(nodes)} folded", lines=1) + "\n"
                     + labels.short(labels.short_body(first.get("body")), labels.LINE),
            "title": "\n".join(x for x in (f"Meeting, {first.get('body') or 'body not named'}, {when}",
                                            said, f"commitments: {kept}" if kept else "",
                                            "click to open") if x),
            "color": next((styles.STATUS_COLOUR[s] for s in PRESSING if states[s]), FOLDED_COLOUR),
            "holds": len(nodes)}


def _bodies(g: Graph) -> list[dict[str, Any]]:
    """A group per body, where the view draws more than one body's nodes."""
    members: dict[str, list[Node]] = defaultdict(list)
    for node in g.nodes.values():
        if body_group(node):
            members[body_group(node)].append(node)
    members = {gid: nodes for gid, nodes in members.items() if len(nodes) > 1}  # one node needs no group
    if len(members) < 2:
        return []
    return [{"id": gid, "shape": BODY_SHAPE, "color": FOLDED_COLOUR,
             "label": labels.wrapped(gid.removeprefix("body:"), lines=2) + f"\n{len(nodes)} grouped",
             "title": f"{gid.removeprefix('body:')}: {len(nodes)} nodes\nclick to open",
             "holds": len(nodes)} for gid, nodes in sorted(members.items())]


def _placed(g: Graph, shut: set[str]) -> dict[str, list[float]]:
    return {n: [x, y] for n, (x, y) in chain_layout.positions(folded(g, shut)).items()}


def folded(g: Graph, shut: set[str]) -> Graph:
    """``g`` as drawn with each meeting in ``shut`` folded: one node in place of what it holds,
    with their links to the rest.  Built directly: a fold is no label of the schema."""
    stand = {ref: (chain_layout.FOLD, n.props["meeting_key"]) for ref, n in g.nodes.items() if meeting_fold(n) in shut}
    nodes: dict[tuple[str, str], Node] = {}
    for ref, node in g.nodes.items():
        new = stand.get(ref, ref)
        when = {"meeting_date": node.props.get("meeting_date") or node.props.get("date")}
        nodes.setdefault(new, Node(*new, props=when if ref in stand else node.props))
    edges: dict[tuple, Edge] = {}
    for e in g.edges.values():
        ends = (stand.get(e.source, e.source), stand.get(e.target, e.target))
        if ends[0] != ends[1]:
            edges.setdefault((e.type, *ends), Edge(e.type, *ends))
    return Graph(nodes=nodes, edges=edges)
