"""Commitments followed to closure across four meetings of one (fictional) panel.

The fixture in tests/fixtures/borsetshire is written in the style of real minutes:
a report promised and delivered as a later item, an update given under matters
arising, an action closed by number in an action log, a strategy promised, then
promised again, then delivered, one commitment silently dropped, and one still due.
"""

from __future__ import annotations

import pytest

from scrutiny.loaders.link import evidence
from scrutiny.loaders.link.due import due_date
from scrutiny.loaders.link.holders import Holding, OfficeReference, resolve
from scrutiny.loaders.pipeline import expand, load_paths
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "borsetshire"
TODAY = "2024-10-01"
PANEL = "borsetshire police and crime panel"  # the Body key


def _load_panel(store, settings) -> None:
    report = load_paths(store, expand([str(FIXTURE)]), settings, today=TODAY)
    assert len(report.loaded) == 4 and not report.failed


@pytest.fixture
def loaded(store_kind, graphs):
    """(store, settings) holding the four meetings, loaded once per store."""
    return graphs.get(store_kind, "closure-borsetshire", _load_panel)


@pytest.fixture
def panel_store(loaded):
    return loaded[0]


def _statuses(store) -> dict[str, tuple]:
    rows = store.run("MATCH (c:Commitment) OPTIONAL MATCH (c)-[f:FULFILLED_BY|SUPERSEDED_BY]->() "
                     "RETURN c.quote AS quote, c.status AS status, c.due_date AS due, "
                     "f.method AS method, c.fulfilled_on AS on, c.days_to_fulfil AS days")
    return {r["quote"][:40]: (r["status"], r["due"], r["method"], r["on"], r["days"]) for r in rows}


def test_each_commitment_of_the_four_meetings_gets_its_exact_status(panel_store):
    assert _statuses(panel_store) == {
        "The Chief Constable agreed to provide a ": ("fulfilled", "2024-03-14", "title_match", "2024-03-14", 56),
        "The Commissioner undertook to circulate ": ("overdue", "2024-03-14", None, None, None),
        "That the Commissioner be requested to pr": ("fulfilled", "2024-03-14", "matters_arising", "2024-03-14", 56),
        "The Chief Executive to circulate the com": ("fulfilled", None, "action_number", "2024-06-20", 154),
        "The Commissioner agreed to bring a draft": ("superseded", "2024-08-31", "promised_again", None, None),
        "The Commissioner agreed to bring the fin": ("fulfilled", "2024-09-30", "title_match", "2024-09-19", 91),
        "The Commissioner explained that a new co": ("open", None, None, None, None),
        "The Chief Constable agreed to provide fi": ("open", "2025-01-31", None, None, None),
    }


def test_closure_links_carry_the_evidence_quote_from_the_later_minutes(panel_store):
    rows = panel_store.run(
        "MATCH (c:Commitment)-[f:FULFILLED_BY]->(t) MATCH (d:Document {key: f.doc}) "
        "RETURN f.quote AS quote, substring(d.text, f.start, f.end - f.start) AS source, "
        "f.meeting_date AS met, c.meeting_date AS made, f.confidence AS confidence")
    assert len(rows) == 4
    for row in rows:
        assert row["quote"] == row["source"] and row["met"] > row["made"]
        assert 0.5 <= row["confidence"] <= 1
    quotes = {r["quote"] for r in rows}
    # a delivered item is quoted by its heading and the paragraph that opens it
    assert ("8/24 Report on Call Handling Performance\n\nThe Panel considered a report of the Chief "
            "Constable on call handling performance.") in {q[:124] for q in quotes}
    assert any(q.startswith("Further to the last meeting") for q in quotes)


def test_the_office_at_a_meeting_resolves_to_the_person_who_held_it(panel_store):
    rows = panel_store.run(
        "MATCH (c:Commitment)-[r:OWED_BY]->(p:Person) WHERE r.derived = true "
        "RETURN p.name AS person, r.via AS via, left(c.quote, 30) AS quote ORDER BY quote")
    people = {(r["quote"], r["person"], r["via"].split("|")[1]) for r in rows}
    assert ("The Commissioner agreed to bri", "Mr John Sterling", "police and crime commissioner") in people
    assert ("The Chief Constable agreed to ", "Chief Constable Anna Tregorran", "chief constable") in people
    assert ("The Chief Executive to circula", "Ms Usha Franks", "chief executive") in people


def test_the_hmicfrs_clock_gives_the_response_due_56_days_after_publication(panel_store):
    rows = panel_store.run("MATCH (r:Report)-[:PUBLISHED_BY]->(b:Body) WHERE r.published IS NOT NULL "
                           "RETURN r.title AS t, r.published AS p, r.response_due AS d, b.name AS by")
    assert rows == [{"t": "HMICFRS PEEL Inspection", "p": "2023-10-12", "d": "2023-12-07", "by": "HMICFRS"}]


def test_deriving_again_changes_nothing(loaded):
    panel_store, settings = loaded
    before = panel_store.run("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS n ORDER BY t")
    statuses = _statuses(panel_store)
    marked = panel_store.run("MATCH (b:Body {key: $k}) SET b.stale = true RETURN count(b) AS n",
                             {"k": PANEL}, write=True)
    assert marked == [{"n": 1}]
    load_paths(panel_store, [], settings, today=TODAY)
    assert panel_store.run("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS n ORDER BY t") == before
    assert _statuses(panel_store) == statuses


def test_meetings_follow_their_body_when_a_later_document_names_it_differently(store, settings):
    """Queries about one body filter on Meeting.body, which must stay the body's name."""
    load_paths(store, expand([str(FIXTURE)]), settings, today=TODAY)
    store.run("MATCH (b:Body {key: $k}) SET b.name = 'Borsetshire Police & Crime Panel', "
              "b.stale = true", {"k": PANEL}, write=True)  # as a later document's load does
    load_paths(store, [], settings, today=TODAY)
    rows = store.run("MATCH (m:Meeting)-[:HELD_BY]->(:Body {key: $k}) RETURN m.body AS body",
                     {"k": PANEL})
    assert [r["body"] for r in rows] == ["Borsetshire Police & Crime Panel"] * 4


# -- the pure stages on their own ----------------------------------------------------------

MEETINGS = ["2024-01-18", "2024-03-14", "2024-06-20"]


@pytest.mark.parametrize("due, expected", [
    ("next meeting", "2024-03-14"), ("the summer", "2024-08-31"), ("September", "2024-09-30"),
    ("2024-02-01", "2024-02-01"), ("in a couple of meetings' time", "2024-06-20"),
    ("December 2025", "2025-12-31"), ("the end of the year", "2024-12-31"), ("soon", None), (None, None)])
def test_due_phrases_become_dates_on_the_body_calendar(due, expected):
    assert due_date(due, "2024-01-18", MEETINGS) == expected


def test_a_status_update_without_numbers_only_suggests_that_meetings_actions_closed():
    c = evidence.StoredCommitment("c1", "2024-01-18", "The Commissioner agreed to write to the Home Office.")
    u = evidence.StoredUpdate("u1", "2024-03-14", "Action No. 7 from the meeting held on 18 January "
                             "2024 was completed.", "d", 0, 10, "closed", "7", "2024-01-18")
    [link] = evidence.action_links(c, [u], numbered=set())
    assert link.method == "meeting_reported_complete" and link.confidence < evidence.CLOSES
    assert evidence.action_links(c, [u], numbered={"2024-01-18"}) == []


def test_an_office_two_people_held_on_the_same_date_stays_unresolved():
    ref = OfficeReference("e1", "OWED_BY", "r", "Chief Constable", "2024-05-01")
    both = [Holding("a", "r", "2024-01-01"), Holding("a", "r", "2024-09-01"),
            Holding("b", "r", "2024-03-01"), Holding("b", "r", "2024-06-01")]
    resolved, review = resolve([ref], both)
    assert resolved == [] and review == {"e1": "ambiguous office holder (a, b): Chief Constable on 2024-05-01"}
    resolved, review = resolve([ref], both[:2])
    assert [r.person for r in resolved] == ["a"] and review == {}
    member = OfficeReference("e2", "ASKED_BY", "m", "Panel Member", "2024-05-01")
    assert resolve([member], [Holding("a", "m", "2024-05-01")]) == ([], {})
