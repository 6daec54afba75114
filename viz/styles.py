"""How each kind of node looks in a view, its short label, and its tooltip text.

Everything here is plain text: the template and vis-network show it as text,
never as HTML, so a quote cannot inject markup whatever it contains.
"""

from __future__ import annotations

from typing import Any

from scrutiny.loaders.kinds import CommitmentStatus

# label -> (legend name, shape, colour); events as smaller dots, actors as larger shapes
KIND_STYLE = {
    "Person": ("person", "dot", "#1f77b4"),
    "Role": ("office", "diamond", "#9467bd"),
    "Body": ("body", "square", "#8c564b"),
    "Report": ("report", "box", "#17becf"),
    "Finding": ("finding", "triangle", "#2ca02c"),
    "Question": ("question", "dot", "#ff7f0e"),
    "Answer": ("answer", "dot", "#bcbd22"),
    "Commitment": ("commitment", "star", "#e377c2"),
    "Resolution": ("resolution", "dot", "#7f7f7f"),
    "StatusUpdate": ("status update", "dot", "#aec7e8"),
    "Meeting": ("meeting", "ellipse", "#c7c7c7"),
    "AgendaItem": ("agenda item", "ellipse", "#dbdb8d"),
    "Document": ("document", "box", "#ffffff"),
}
STATUS_COLOUR = {CommitmentStatus.OPEN: "#f0ad4e", CommitmentStatus.OVERDUE: "#d62728",
                 CommitmentStatus.FULFILLED: "#2ca02c", CommitmentStatus.SUPERSEDED: "#999999"}
SIZE = {"Person": 22, "Role": 22, "Body": 24, "Report": 20, "Commitment": 18}
EVENTS = ("Question", "Answer", "Commitment", "Resolution", "StatusUpdate", "Finding")


def short(text: str | None, width: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def label(node_label: str, props: dict[str, Any]) -> str:
    if node_label in EVENTS:
        date = props.get("meeting_date") or ""
        return f"{KIND_STYLE[node_label][0].capitalize()} {date}".strip()
    if node_label == "Meeting":
        return f"Meeting {props.get('date') or ''}".strip()
    if node_label == "AgendaItem":
        return short(f"{props.get('number') or ''} {props.get('title') or ''}".strip(), 30)
    return short(props.get("name") or props.get("title") or "", 32)


def tooltip(node_label: str, props: dict[str, Any]) -> str:
    """Kind, status, date and the exact quote, as plain text lines."""
    lines = [KIND_STYLE[node_label][0] + (f" ({props['status']})" if props.get("status") else "")]
    lines += [props[k] for k in ("name", "title") if props.get(k) and node_label not in EVENTS]
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
    return KIND_STYLE[node_label][2]


def legend() -> list[dict[str, str]]:
    kinds = [{"name": name, "shape": shape, "colour": c} for name, shape, c in KIND_STYLE.values()
             if name not in ("document",)]
    return kinds + [{"name": f"commitment {s}", "shape": "star", "colour": c} for s, c in STATUS_COLOUR.items()]
