"""The closed vocabularies of the records and the graph, each declared once.

``StrEnum`` members are ``str``: they compare equal to, hash like and serialise as
their values, so the ``scrutiny.extraction/1`` JSON and the stored properties are
the same strings as before.  The saved ``.cypher`` queries keep the literals.
"""

from __future__ import annotations

import re
from enum import StrEnum


class CommitmentStatus(StrEnum):
    """What the linker concludes of a commitment (``link.status``); legend order."""

    OPEN = "open"
    OVERDUE = "overdue"
    FULFILLED = "fulfilled"
    SUPERSEDED = "superseded"


class UpdateStatus(StrEnum):
    """What a status update in the minutes says of an action (``extract.cues``)."""

    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    OPEN = "open"
    OVERDUE = "overdue"
    SUPERSEDED = "superseded"


class EventKind(StrEnum):
    """``records.Event.type``: what was said.  A challenge is a pointed question."""

    QUESTION = "Question"
    CHALLENGE = "Challenge"
    ANSWER = "Answer"
    COMMITMENT = "Commitment"
    RESOLUTION = "Resolution"
    STATUS_UPDATE = "StatusUpdate"


class EntityKind(StrEnum):
    """``records.Entity.type``: who or what is named."""

    PERSON = "Person"
    ROLE = "Role"
    BODY = "Body"
    REPORT = "Report"
    FINDING = "Finding"


class FindingKind(StrEnum):
    """What a finding quoted from a report is."""

    CONCERN = "concern"
    POSITIVE = "positive"
    RECOMMENDATION = "recommendation"
    AREA_FOR_IMPROVEMENT = "area_for_improvement"
    STATISTIC = "statistic"
    OTHER = "other"


class BodyKind(StrEnum):
    """``Body.kind``: what sort of organisation a body is."""

    PANEL = "panel"
    FORCE = "force"
    COMMISSIONER_OFFICE = "commissioner_office"
    INSPECTORATE = "inspectorate"
    COUNCIL = "council"
    GOVERNMENT = "government"
    AGENCY = "agency"
    OTHER = "other"


# A body that holds the meetings: "Durham Police and Crime Panel", "Joint Audit Committee".
PANEL_NAME = re.compile(r"panel|committee", re.I)  # "Sub-Committee", "Panels" too


def is_panel(name: str | None) -> bool:
    """Whether a body's name says it is a scrutiny panel or committee (any case)."""
    return bool(name and PANEL_NAME.search(name))
