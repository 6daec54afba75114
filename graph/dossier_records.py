"""The records of a dossier: a report (or finding), its parts, and the threads under each.

Plain frozen data: ``graph.dossier`` fills them from a store, the renderers
(``viz.dossier_md``, ``viz.dossier_html``) lay them out, the API returns them as JSON.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

FATES = ("fulfilled", "overdue", "open", "superseded")  # the summary's order


@dataclass(frozen=True)
class Source:
    """Where something is written: the meeting, its body, its agenda item and its minutes."""

    date: str | None
    body: str | None
    item: str | None
    document: str | None  # the minutes' public URL where known, else the file it was loaded from

    @property
    def url(self) -> str | None:
        """A link a reader can follow: only a web address, never a local path."""
        return self.document if self.document and self.document.startswith(("https://", "http://")) else None


@dataclass(frozen=True)
class Statement:
    """One thing said at a meeting, in the minutes' exact words."""

    kind: str  # question, answer, commitment, resolution, status-update
    key: str
    quote: str
    source: Source
    start: int = 0  # where the quote starts in the minutes' text (``end`` where it ends)
    end: int = 0
    who: str | None = None  # asked by, answered by or owed by, as the minutes name them
    holder: str | None = None  # the person who held that office then, where derived
    to: str | None = None  # addressed to, or owed to
    status: str | None = None  # a status update's or a commitment's


@dataclass(frozen=True)
class Outcome:
    """What became of a commitment: fulfilled or superseded (with the later words), or not yet."""

    state: str  # fulfilled, superseded, overdue, open
    date: str | None = None  # the meeting that closed it, or the day it fell due
    evidence: str | None = None
    source: Source | None = None
    method: str | None = None  # how the link was made (action number, status update, title match...)


@dataclass(frozen=True)
class Promise:
    statement: Statement
    due: str | None
    due_date: str | None
    outcome: Outcome


@dataclass(frozen=True)
class Thread:
    """A question with its answers and what was promised on it; or a lone commitment, update
    or answer. ``named`` when the minutes tie it to the subject by name, not only by agenda item."""

    statement: Statement | None  # None for a commitment that stands alone (it is in ``promises``)
    answers: tuple[Statement, ...] = ()
    promises: tuple[Promise, ...] = ()
    named: bool = True

    @property
    def date(self) -> str | None:
        first = self.statement or self.promises[0].statement
        return first.source.date


@dataclass(frozen=True)
class Part:
    """The report itself, or one of its findings, with its threads in meeting order."""

    kind: str  # report or finding
    key: str
    title: str
    threads: tuple[Thread, ...]
    finding_kind: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Clock:
    """The statutory 56 days a PCC has to publish a response to an inspection report."""

    state: str  # met, missed, running, unknown
    due: str | None = None
    recorded_on: str | None = None  # the meeting whose minutes say the response was published
    published: str | None = None  # the day they give for it
    quote: str | None = None


@dataclass(frozen=True)
class Dossier:
    kind: str
    key: str
    title: str
    publisher: str | None
    published: str | None
    clock: Clock
    mentions: tuple[Source, ...]
    parts: tuple[Part, ...]
    as_of: str
    body: str | None = None  # the --body filter, when one was given
    counts: dict[str, int] = field(default_factory=dict)

    def statements(self) -> list[Statement]:
        """Every statement listed, once each."""
        said: list[Statement] = []
        for part in self.parts:
            for t in part.threads:
                said += [s for s in (t.statement, *t.answers) if s] + [p.statement for p in t.promises]
        return list({s.key: s for s in said}.values())

    def promises(self) -> list[Promise]:
        return list({p.statement.key: p for part in self.parts for t in part.threads for p in t.promises}.values())

    def summary(self) -> str:
        """'4 questions at 3 meetings; 3 commitments: 1 fulfilled, 2 overdue' (of what is listed),
        with the answers and status updates after the questions where there are any."""
        said = Counter(s.kind for s in self.statements())
        asked = {(s.source.date, s.source.document) for s in self.statements() if s.kind == "question"}
        fates = Counter(p.outcome.state for p in self.promises())
        states = ", ".join(f"{fates[s]} {s}" for s in FATES if fates[s])
        others = "".join(f", {counted(said[k], noun)}" for k, noun in (("answer", "answer"),
                                                                 ("status-update", "status update")) if said[k])
        return (f"{counted(said['question'], 'question')} at {counted(len(asked), 'meeting')}{others}; "
                f"{counted(len(self.promises()), 'commitment')}" + (f": {states}" if states else ""))

    def meetings(self) -> list[tuple[str | None, str | None]]:
        """(date, body) of every meeting a listed statement was said at, in date order."""
        held = {(s.source.date, s.source.body) for s in self.statements()}
        return sorted(held, key=lambda m: (m[0] or "", m[1] or ""))


def counted(count: int, noun: str, many: str | None = None) -> str:
    """'1 meeting', '2 meetings', '2 bodies'."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
