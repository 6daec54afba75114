"""What each label of the schema is called and how it looks: one row per label.

``graph/schema.py`` declares what a node holds; this table declares how people
meet it: ``kind``, its name in the API, the views and the CLI ("status-update"),
``display``, its name in legends and tooltips, and its shape, colour and size in
a view.  ``catalog.CATALOG`` joins the two (and fails if a label lacks a row);
the explorer, the views and the API read them from there.  The order is the
order of legends and of the API's list of kinds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelFacts:
    kind: str
    display: str
    shape: str
    colour: str
    size: int = 12  # vis-network's default for a dot
    named: bool = False  # a search by name looks through it


FACTS: dict[str, LabelFacts] = {
    "Person": LabelFacts("person", "person", "dot", "#1f77b4", 22, named=True),
    "Role": LabelFacts("office", "office", "diamond", "#9467bd", 22, named=True),
    "Body": LabelFacts("body", "body", "square", "#8c564b", 24, named=True),
    "Report": LabelFacts("report", "report", "box", "#17becf", 20, named=True),
    "Finding": LabelFacts("finding", "finding", "triangle", "#2ca02c"),
    "Question": LabelFacts("question", "question", "dot", "#ff7f0e"),
    "Answer": LabelFacts("answer", "answer", "dot", "#bcbd22"),
    "Commitment": LabelFacts("commitment", "commitment", "star", "#e377c2", 18),
    "Resolution": LabelFacts("resolution", "resolution", "dot", "#7f7f7f"),
    "StatusUpdate": LabelFacts("status-update", "status update", "dot", "#aec7e8"),
    "Meeting": LabelFacts("meeting", "meeting", "ellipse", "#c7c7c7"),
    "AgendaItem": LabelFacts("item", "agenda item", "ellipse", "#dbdb8d"),
    "Document": LabelFacts("document", "document", "box", "#ffffff"),
}
