"""How each kind of node looks in a view, its short label, and its tooltip text.

Everything here is plain text: the template and vis-network show it as text,
never as HTML, so a quote cannot inject markup whatever it contains.
"""

from __future__ import annotations

from typing import Any

from scrutiny.graph.catalog import CATALOG
from scrutiny.graph.label_facts import LabelFacts, caption_of
from scrutiny.loaders.kinds import CommitmentStatus

# Shapes, colours and names of each label come from graph/label_facts.py (via the catalog).
STATUS_COLOUR = {CommitmentStatus.OPEN: "#f0ad4e", CommitmentStatus.OVERDUE: "#d62728",
                 CommitmentStatus.FULFILLED: "#2ca02c", CommitmentStatus.SUPERSEDED: "#999999"}
#: What the minutes quote (events and findings): captioned by meeting date, not by name.
QUOTED = frozenset(s.name for s in CATALOG.shown() if s.quoted)


def facts(node_label: str) -> LabelFacts:
    return CATALOG.label(node_label).facts


def short(text: str | None, width: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def label(node_label: str, props: dict[str, Any]) -> str:
    if node_label in QUOTED:
        date = props.get("meeting_date") or ""
        return f"{facts(node_label).display.capitalize()} {date}".strip()
    if node_label == "Meeting":
        return f"Meeting {props.get('date') or ''}".strip()
    if node_label == "AgendaItem":
        return short(f"{props.get('number') or ''} {props.get('title') or ''}".strip(), 30)
    return short(caption_of(node_label, props) or "", 32)


def tooltip(node_label: str, props: dict[str, Any]) -> str:
    """Kind, status, date and the exact quote, as plain text lines."""
    lines = [facts(node_label).display + (f" ({props['status']})" if props.get("status") else "")]
    lines += [props[k] for k in ("name", "title") if props.get(k) and node_label not in QUOTED]
    if props.get("meeting_date") or props.get("date"):
        lines.append(f"meeting {props.get('meeting_date') or props.get('date')}")
    if props.get("due_date") or props.get("due"):
        lines.append(f"due {props.get('due_date') or props.get('due')}")
    if props.get("quote"):
        lines.append(f"“{short(props['quote'], 400)}”")
    return "\n".join(str(x) for x in lines)


def colour(node_label: str, props: dict[str, Any]) -> str:
    if node_label == "Commitment" and props.get("status") in STATUS_COLOUR:
        return STATUS_COLOUR[props["status"]]
    return facts(node_label).colour


def legend() -> list[dict[str, str]]:
    kinds = [{"name": s.facts.display, "shape": s.facts.shape, "colour": s.facts.colour}
             for s in CATALOG.shown() if s.name != "Document"]
    return kinds + [{"name": f"commitment {s}", "shape": "star", "colour": c} for s, c in STATUS_COLOUR.items()]
