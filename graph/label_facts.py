"""What each label of the schema is called and how it looks: one row per label.

``graph/schema.py`` declares what a node holds; this table declares how people
meet it: ``kind``, its name in the API, the views and the CLI ("status-update"),
``display``, its name in legends and tooltips, its shape, colour and size in
a view, ``tier``, the part it plays in accountability, and ``caption``, the property
that names one of its nodes.  ``catalog.CATALOG`` joins the two (and fails if a label lacks a row);
the explorer, the views and the API read them from there.  The order is the
order of legends and of the API's list of kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# actor: asks, answers, owes; paper: what is asked about; event: said at a meeting
# (graph/schema.py's MeetingEvent, which the catalog checks); structure: where it was said
Tier = Literal["actor", "paper", "event", "structure"]


@dataclass(frozen=True)
class LabelFacts:
    kind: str
    display: str
    shape: str
    colour: str
    size: int = 12  # vis-network's default for a dot
    named: bool = False  # a search by name looks through it
    tier: Tier = "event"
    caption: str | None = None  # events are captioned by kind and date


# Kinds differ by shape first; colours are Okabe-Ito hues and muted tints, none of them a
# commitment status's colour (viz/styles.py), which is what a view shows first.
FACTS: dict[str, LabelFacts] = {
    "Person": LabelFacts("person", "person", "dot", "#0072B2", 22, named=True, tier="actor", caption="name"),
    "Role": LabelFacts("office", "office", "diamond", "#CC79A7", 22, named=True, tier="actor", caption="name"),
    "Body": LabelFacts("body", "body", "square", "#8c564b", 24, named=True, tier="actor", caption="name"),
    "Report": LabelFacts("report", "report", "box", "#56B4E9", 20, named=True, tier="paper", caption="title"),
    "Finding": LabelFacts("finding", "finding", "triangle", "#1F4E79", tier="paper", caption="title"),
    "Question": LabelFacts("question", "question", "dot", "#9E9AC8"),
    "Answer": LabelFacts("answer", "answer", "dot", "#C6B4DE"),
    "Commitment": LabelFacts("commitment", "commitment", "star", "#E69F00", 18),
    "Resolution": LabelFacts("resolution", "resolution", "dot", "#6A51A3"),
    "StatusUpdate": LabelFacts("status-update", "status update", "dot", "#A6BDDB"),
    "Meeting": LabelFacts("meeting", "meeting", "ellipse", "#FFFFFF", tier="structure", caption="date"),
    "AgendaItem": LabelFacts("item", "agenda item", "box", "#F2E6D9", tier="structure", caption="title"),
    "Document": LabelFacts("document", "document", "box", "#ffffff", tier="structure", caption="title"),
}


def labels_of(*tiers: Tier) -> frozenset[str]:
    """The labels that play these parts."""
    return frozenset(label for label, facts in FACTS.items() if facts.tier in tiers)


def caption_of(label: str, props: dict) -> str | None:
    """What names a node of the label, where its caption property holds it."""
    prop = FACTS[label].caption if label in FACTS else None
    return props.get(prop) if prop else None


ACTORS = labels_of("actor")
ENTITIES = labels_of("actor", "paper")  # what the minutes name, as against what is said
STRUCTURE = labels_of("structure")
