"""How each kind of node looks in a view, its one-line name, its tooltip, and the legend.

Everything here is plain text: the template and vis-network show it as text,
never as HTML, so a quote cannot inject markup whatever it contains.
"""

from __future__ import annotations

from typing import Any

from scrutiny.graph.catalog import CATALOG
from scrutiny.graph.label_facts import LabelFacts, caption_of
from scrutiny.graph.model import Graph
from scrutiny.loaders.kinds import CommitmentStatus
from scrutiny.viz.labels import day, short, wrapped

# Shapes, colours and names of each label come from graph/label_facts.py (via the catalog).
#: Okabe-Ito colours, told apart with deuteranopia too (tests/test_views.py simulates it):
#: amber open, vermillion overdue, bluish green fulfilled, pale grey superseded.
STATUS_COLOUR = {CommitmentStatus.OPEN: "#F0E442", CommitmentStatus.OVERDUE: "#D55E00",
                 CommitmentStatus.FULFILLED: "#009E73", CommitmentStatus.SUPERSEDED: "#DDDDDD"}
#: What the legend draws for each vis-network shape.
GLYPH = {"dot": "●", "diamond": "◆", "square": "■", "box": "▬", "triangle": "▲", "star": "★", "ellipse": "⬬"}
#: What the minutes quote (events and findings): captioned by meeting date, not by name.
QUOTED = frozenset(s.name for s in CATALOG.shown() if s.quoted)

__all__ = ["GLYPH", "QUOTED", "STATUS_COLOUR", "colour", "facts", "label", "legend", "short", "tooltip"]


def facts(node_label: str) -> LabelFacts:
    return CATALOG.label(node_label).facts


def label(node_label: str, props: dict[str, Any]) -> str:
    """A node's one-line name, as the exports caption it (the views' own is ``viz.labels``)."""
    if node_label in QUOTED:
        date = props.get("meeting_date") or ""
        return f"{facts(node_label).display.capitalize()} {date}".strip()
    if node_label == "Meeting":
        return f"Meeting {props.get('date') or ''}".strip()
    if node_label == "AgendaItem":
        return short(f"{props.get('number') or ''} {props.get('title') or ''}".strip(), 30)
    return short(caption_of(node_label, props) or "", 32)


def tooltip(node_label: str, props: dict[str, Any]) -> str:
    """Kind, status, body, dates and the start of the quote, as short plain text lines."""
    lines = [facts(node_label).display + (f" ({props['status']})" if props.get("status") else "")]
    lines += [props[k] for k in ("name", "title", "body") if props.get(k) and node_label not in QUOTED]
    if props.get("meeting_date") or props.get("date"):
        lines.append(f"meeting {day(props.get('meeting_date') or props.get('date'))}")
    if props.get("due_date") or props.get("due"):
        lines.append(f"due {props.get('due') or ''} {props.get('due_date') or ''}".strip())
    if props.get("quote"):
        lines.append(wrapped(f"“{short(props['quote'], 300)}”", 60, 6))
    return "\n".join(str(x) for x in lines)


def colour(node_label: str, props: dict[str, Any]) -> str:
    if node_label == "Commitment" and props.get("status") in STATUS_COLOUR:
        return STATUS_COLOUR[props["status"]]
    return facts(node_label).colour


def legend(g: Graph | None = None) -> list[dict[str, str]]:
    """Each kind drawn, with its shape and colour, then each commitment status drawn;
    with no graph, every kind and status."""
    drawn = {n.label for n in g.nodes.values()} if g is not None else None
    statuses = {n.props.get("status") for n in g.nodes.values() if n.label == "Commitment"} if g else None
    kinds = [{"name": s.facts.display, "glyph": GLYPH.get(s.facts.shape, "●"), "colour": s.facts.colour}
             for s in CATALOG.shown() if s.name != "Document" and (drawn is None or s.name in drawn)
             and s.name != "Commitment"]
    return kinds + [{"name": f"commitment {s}", "glyph": GLYPH["star"], "colour": c}
                    for s, c in STATUS_COLOUR.items() if statuses is None or s in statuses]
