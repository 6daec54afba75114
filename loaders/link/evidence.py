"""What counts as a later meeting's evidence that a commitment was delivered (pure).

Evidence, not topic: a later sentence on the same subject does not deliver a promise
("the Cadet scheme would be expanding" does not deliver "a full report on the Cadet
scheme").  The methods, with their confidence (``match`` applies them):

- ``action_number`` 0.95 / 0.8: an action log line closing the commitment's number;
- ``matters_arising`` 0.75-0.85: in the review of the commitment's meeting ("Minutes
  of the Panel held on 28 March 2017", "Matters arising"), a sentence reporting it
  delivered ("he had provided the safeguarding information ... as requested");
- ``title_match`` 0.68-0.8: a later item whose title is what was promised, quoted
  by its heading and opening paragraph ("Police officer recruitment - verbal update");
- ``reported_back`` 0.55-0.7: in that review, an answer about the very thing with no
  delivery verb, chiefly in a list of "updates on issues raised";
- ``follow_up`` 0.6-0.7: any later sentence reporting delivery that says the thing
  again fully (three telling words, most of the named core);
- ``actions_update`` 0.6: "had provided an update on items for further action" in the
  review of the meeting closes that meeting's requests for information of that owner.

Only later meetings of the same body count.  Links below ``CLOSES`` (an actions update
without the owner 0.4, "updated Members on the issues raised" 0.3, an update listed for
another meeting 0.35-0.45, an action log line without numbers 0.4) go to review only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from scrutiny.loaders.kinds import CommitmentStatus, UpdateStatus

#: Links at or above this confidence close a commitment; weaker ones go to review.
CLOSES = 0.5
DELIVERED = re.compile(
    r"\b(?:has|had|have|was|were)\s+(?:now\s+|already\s+|also\s+)?(?:been\s+)?(?:provided|circulated|"
    r"sent|shared|published|submitted|presented|supplied|forwarded|distributed|completed|actioned|"
    r"delivered|given|issued|received|responded|written|arranged|produced)\b|"
    r"\b(?:provided|gave|presented|circulated|sent)\s+(?:the\s+)?(?:panel\s+|members\s+)?(?:with\s+)?"
    r"(?:an?\s+|the\s+|his\s+|her\s+|brief\s+)*(?:update|report|briefing|information|overview|note|"
    r"response|details|figures|presentation)s?\b|\bupdated\s+(?:the\s+)?(?:panel|members|committee)"
    r"\s+(?:on|about|regarding)\b|\bas\s+(?:requested|promised|agreed)\b|\bintroduced\s+(?:the|his|"
    r"her|a)\s+report\b|\b(?:marked|now)\s+(?:as\s+)?(?:complete|closed|done)\b", re.I)
NOT_DELIVERED = re.compile(
    r"\b(?:deferred|postponed|delayed|not\s+(?:yet|been)|yet\s+to|awaiting|still\s+waiting|"
    r"would\s+be\s+(?:provided|circulated|sent|brought)|will\s+be\s+(?:provided|circulated|sent))\b", re.I)
DEFERRED = re.compile(r"\b(?:deferred|postponed|put\s+back|rescheduled|moved\s+(?=to\b))(?P<to>[^.;]*)", re.I)
ACTIONS = re.compile(r"\b(?:update|response|report|note|progress)s?\s+(?:\w+\s+){0,2}(?:on|against|"
                     r"regarding|about)\s+(?:the\s+)?(?:items?\s+for\s+(?:further\s+)?action|actions?"
                     r"(?:\s+points?|\s+log|\s+list)?|outstanding\s+(?:items|actions))\b", re.I)
#: Update statuses that close an action; the other words are what graphs written before
#: ``UpdateStatus`` may hold, and no status is an action log line's bare "Action 4".
CLOSED = {UpdateStatus.CLOSED, CommitmentStatus.FULFILLED, "completed", "complete", "done", None}


@dataclass(frozen=True)
class StoredCommitment:
    """A commitment as the linker reads it back from the store."""

    key: str
    meeting_date: str
    quote: str
    doc: str = ""
    start: int = 0
    end: int = 0
    owner: str | None = None
    due: str | None = None
    action_number: str | None = None


@dataclass(frozen=True)
class StoredItem:
    """A later agenda item of the body, with its own text."""

    key: str
    meeting_date: str
    title: str
    doc: str
    start: int
    text: str  # the item's own text, offsets from ``start`` in the document


@dataclass(frozen=True)
class StoredUpdate:
    """A status update of a later meeting."""

    key: str
    meeting_date: str
    quote: str
    doc: str
    start: int
    end: int
    status: str | None = None
    action_number: str | None = None
    refers_to_date: str | None = None


@dataclass(frozen=True)
class Link:
    commitment: str
    target: str
    target_label: str  # AgendaItem, StatusUpdate, Commitment (superseded by)
    method: str
    confidence: float
    meeting_date: str
    doc: str
    quote: str
    start: int
    end: int


@dataclass
class Outcome:
    status: CommitmentStatus
    due_date: str | None = None
    fulfilled_on: str | None = None
    days_to_fulfil: int | None = None
    links: list[Link] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for review: weak links, deferrals


def action_links(c: StoredCommitment, updates: list[StoredUpdate], numbered: set[str]) -> list[Link]:
    """'Action No. 4 from the meeting held on 18 January ... completed' closes action 4 of
    that meeting; where that meeting's actions have no known numbers, it only suggests
    (below ``CLOSES``) that each of them was reported complete.  ``numbered``: dates of
    meetings whose commitments carry action numbers."""
    found = []
    for u in updates:
        if u.meeting_date <= c.meeting_date or u.status not in CLOSED or not u.action_number:
            continue
        if u.refers_to_date and u.refers_to_date != c.meeting_date:
            continue
        if c.action_number and u.action_number == c.action_number:
            confidence = 0.95 if u.refers_to_date else 0.8
            found.append(_link(c, u, "action_number", confidence))
        elif u.refers_to_date == c.meeting_date and c.meeting_date not in numbered:
            found.append(_link(c, u, "meeting_reported_complete", 0.4))
    return found


class ActionLog:
    """The body's updates that can close an action, found by action number and by the meeting
    they name, so each commitment reads the few that concern it, not every update of the body."""

    def __init__(self, updates: list[StoredUpdate]):
        self._by_number: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        self._by_meeting: dict[str, list[int]] = defaultdict(list)
        self._updates = updates
        for n, u in enumerate(updates):
            if u.status in CLOSED and u.action_number:
                self._by_number[(u.action_number, u.refers_to_date)].append(n)
                if u.refers_to_date:
                    self._by_meeting[u.refers_to_date].append(n)

    def candidates(self, c: StoredCommitment, numbered: set[str]) -> list[StoredUpdate]:
        """Every update ``action_links`` could link to ``c``, in the body's order."""
        found = self._by_meeting.get(c.meeting_date, []) if c.meeting_date not in numbered else []
        if c.action_number:
            found = [*found, *self._by_number.get((c.action_number, None), []),
                     *self._by_number.get((c.action_number, c.meeting_date), [])]
        return [self._updates[n] for n in sorted(set(found))]


def _link(c: StoredCommitment, u: StoredUpdate, method: str, confidence: float) -> Link:
    return Link(c.key, u.key, "StatusUpdate", method, confidence, u.meeting_date, u.doc,
                u.quote, u.start, u.end)


def unit_link(c: StoredCommitment, unit, method: str, confidence: float, opening: bool = False) -> Link:
    """A link to a later sentence or heading; a heading quotes its item's opening paragraph."""
    quote, end = (unit.opening, unit.opening_end) if opening else (unit.text, unit.end)
    return Link(c.key, unit.item, "AgendaItem", method, confidence, unit.meeting_date, unit.doc,
                quote, unit.start, end)


def delivered(text: str) -> bool:
    return bool(DELIVERED.search(text)) and not NOT_DELIVERED.search(text)


def deferred_to(text: str) -> str | None:
    """What follows "deferred" or "postponed" (to when), or None when nothing was put off."""
    m = DEFERRED.search(text)
    return m["to"] if m else None


def reports_actions(text: str) -> bool:
    """A blanket note that the actions of a meeting were reported on."""
    return bool(ACTIONS.search(text)) and delivered(text)
