"""The linker's indexes change only how fast it is: over eighteen meetings of one body (the
nine Kent meetings, then the same nine three years later, with numbered actions added), the
indexed linker gives exactly the outcomes of a straightforward one that reads every later
sentence, every pair of commitments and every update for each commitment."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from scrutiny.loaders.kinds import CommitmentStatus, UpdateStatus
from scrutiny.loaders.link import status
from scrutiny.loaders.link.evidence import StoredUpdate
from scrutiny.loaders.link.later import HORIZON_YEARS, Index
from scrutiny.loaders.link.store import BodyRecords, body_records
from tests.conftest import kent

YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class EveryUnit(Index):
    """``Index.after`` without postings: every later unit, read one by one."""

    def after(self, date, ws, core=frozenset(), headings=None):
        until = f"{int(date[:4]) + HORIZON_YEARS:04d}{date[4:]}"
        keys = {w for w in ws if self.vocabulary.telling(w)} | core
        return [u for u in self.units if date < u.meeting_date <= until and u.words & keys
                and (headings is None or u.heading == headings)]


class EveryUpdate:
    """``ActionLog`` without its look-ups: every update of the body, for every commitment."""

    def __init__(self, updates):
        self.updates = updates

    def candidates(self, c, numbered):
        return self.updates


def every_pair(commitments, topic):
    """``supersessions`` by comparing every pair: the earliest later promise that replaces it."""
    found = {}
    for c in commitments:
        core = topic[c.key].core
        if not c.owner or not core:
            continue
        again = [x for x in commitments if x.owner == c.owner and x.meeting_date > c.meeting_date
                 and core & topic[x.key].words and status._replaces(core, x, topic[x.key])]
        if again:
            found[c.key] = min(again, key=lambda x: (x.meeting_date, x.start))
    return found


def later_copy(r: BodyRecords, years: int) -> BodyRecords:
    """The body's meetings again, ``years`` on (years in the text moved alike), keys unique."""
    def moved(record, *fields):
        return replace(record, key=f"{record.key}~{years}", doc=f"{record.doc}~{years}",
                       **{f: shifted(getattr(record, f), years) for f in fields})
    return BodyRecords([shifted(d, years) for d in r.meetings],
                       [moved(c, "meeting_date", "quote", "due") for c in r.commitments],
                       [moved(u, "meeting_date", "quote", "refers_to_date") for u in r.updates],
                       [moved(i, "meeting_date", "title", "text") for i in r.items])


def shifted(text, years: int):
    return text and YEAR.sub(lambda m: str(int(m[0]) + years), text)


def with_action_log(r: BodyRecords) -> BodyRecords:
    """The first meeting's commitments numbered, and later lines closing actions: one by
    number and meeting, one by number alone, one for a meeting whose actions have no numbers."""
    first, second, third = r.meetings[:3]
    numbered = [replace(c, action_number=str(n)) if c.meeting_date == first else c
                for n, c in enumerate(r.commitments, 1)]
    line = StoredUpdate("u", second, "Action completed", "log", 0, 16, UpdateStatus.CLOSED)
    log = [replace(line, key="log-1", action_number="1", refers_to_date=first),
           replace(line, key="log-2", action_number="2", meeting_date=third),
           replace(line, key="log-3", action_number="7", meeting_date=third, refers_to_date=second)]
    return replace(r, commitments=numbered, updates=[*r.updates, *log])


@pytest.fixture(scope="module")
def eighteen_meetings(graphs) -> BodyRecords:
    store, _ = kent(graphs, "embedded")
    (body,) = [row["key"] for row in store.run("MATCH (b:Body)<-[:HELD_BY]-(:Meeting) RETURN DISTINCT b.key AS key")]
    first = body_records(store, body)
    again = later_copy(first, HORIZON_YEARS)  # the horizon's last day is a meeting
    return with_action_log(BodyRecords(first.meetings + again.meetings, first.commitments + again.commitments,
                                       first.updates + again.updates, first.items + again.items))


def linked(r: BodyRecords):
    return status.follow_up(r.commitments, r.items, r.updates, r.meetings, r.meetings[-1])


def test_the_indexed_linker_links_exactly_what_reading_everything_links(eighteen_meetings, monkeypatch):
    indexed = linked(eighteen_meetings)
    monkeypatch.setattr(status, "Index", EveryUnit)
    monkeypatch.setattr(status, "ActionLog", EveryUpdate)
    monkeypatch.setattr(status, "supersessions", every_pair)
    assert linked(eighteen_meetings) == indexed
    found = [out.status for out in indexed.values()]
    methods = {link.method for out in indexed.values() for link in out.links}
    assert found.count(CommitmentStatus.FULFILLED) >= 10 and CommitmentStatus.SUPERSEDED in found
    weak = " ".join(note for out in indexed.values() for note in out.notes)
    assert {"action_number", "promised_again", "title_match", "matters_arising"} <= methods
    assert "(meeting_reported_complete, 0.4)" in weak

