"""The state the event rules share, and the raw event they emit (pure).

``events.EventFinder`` reads a document unit by unit; its rules for questions and
answers (``events``), decisions (``decisions``) and progress (``progress``) all read
and append to the same state, declared once here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from scrutiny.loaders.dates import parse_date
from scrutiny.loaders.extract import cues
from scrutiny.loaders.extract.mentions import Mention
from scrutiny.loaders.kinds import UpdateStatus


@dataclass
class RawEvent:
    type: str
    start: int
    end: int
    item: int
    actor: Mention | None = None
    addressee: Mention | None = None
    links: dict[str, int | None] = field(default_factory=dict)  # answers / arises_from / resolution: a RawEvent's index
    due: str | None = None  # commitments
    action_number: str | None = None  # commitments and status updates
    status: UpdateStatus | None = None  # status updates
    refers_to_date: str | None = None


def side(m: Mention | None) -> str:
    if m is None:
        return "none"
    return m.side


def due_phrase(text: str) -> str | None:
    m = cues.DUE.search(text)
    if not m:
        return None
    due = re.sub(r"^at\s+(?:its|the)\s+meeting\s+", "", " ".join(m["due"].split()), flags=re.I)
    if "next" in due.lower():
        return "next meeting"
    return parse_date(due) or re.sub(r"^(?:at|to|for|by|in)\s+", "", due, flags=re.I)


class FinderState:
    """What every rule of the event finder reads: the text, its mentions by position, and
    the events found so far."""

    text: str
    mentions: list[Mention]
    starts: list[int]
    by_start: dict[int, Mention]
    events: list[RawEvent]
    last_question: dict[int, int]
    status_intro: str | None
    procedural: bool

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end, first)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def _mention_at(self, pos: int) -> Mention | None:
        return self.by_start.get(pos)
