# ruff: noqa: E501  (minutes lines are as long as minutes write them)
"""The 56-day HMICFRS response clock across four meetings of one (invented) panel.

Publication dates stated the ways minutes state them (a day, a numeric date, a month
only); responses reported at a later meeting in time, late, or never; a promise to
respond and a response "not yet published" that must not stop the clock.
"""

from __future__ import annotations

import pytest

from scrutiny import queries
from scrutiny.loaders.link.evidence import StoredItem
from scrutiny.loaders.link.responses import ClockReport, responses, stated_date
from scrutiny.loaders.pipeline import load_paths
from tests.conftest import load_meetings

BODY = "Mercia Police and Crime Panel"
AS_OF = "2024-07-01"
MEETINGS = {
    "2023-06-08": """Mercia Police and Crime Panel - Thursday 8 June 2023

4. HMICFRS PEEL Inspection 2023
The Panel received the HMICFRS PEEL Inspection 2023 of Mercia Police, which HMICFRS published on 9 May 2023. The Commissioner said that he would respond to the inspection within the statutory period.
""",
    "2023-09-14": """Mercia Police and Crime Panel - Thursday 14 September 2023

12. HMICFRS PEEL Inspection 2023 - response
The Chief Executive reported that the Commissioner's response to the HMICFRS PEEL Inspection 2023 had gone on the OPCC website on 30 June.

13. Custody Inspection
Members discussed the HMICFRS Custody Inspection of Mercia, which was published on 12/07/2023. The Commissioner's response had not yet been published.
""",
    "2024-02-01": """Mercia Police and Crime Panel - Thursday 1 February 2024

21. Matters arising
The Panel heard that the Commissioner's response to the inspection was published on 20 October 2023.
""",
    "2024-06-20": """Mercia Police and Crime Panel - Thursday 20 June 2024

33. HMICFRS Vetting Inspection
The Panel noted the HMICFRS Vetting Inspection (published March 2024) and asked about its recommendations.
""",
}


GRAPH = "clock-mercia"


@pytest.fixture
def loaded(store_kind, graphs):
    """(store, settings) holding the meetings, loaded once per store."""
    load_meetings(graphs, store_kind, GRAPH, BODY, MEETINGS, AS_OF)
    return graphs.get(store_kind, GRAPH, _already_loaded)


def _already_loaded(store, settings):
    raise AssertionError(f"{GRAPH} is loaded by load_meetings just before it is asked for")


@pytest.fixture
def panel(loaded):
    return loaded[0]


def _clock(store, **params) -> dict[str, tuple]:
    rows = queries.run(store, "hmicfrs-response-clock", {"as_of": AS_OF, **params}).rows
    return {r["report"]: (r["published"], r["response_due"], r["response_recorded_on"],
                          r["response_published"], r["past_clock"]) for r in rows}


def test_each_report_gets_its_clock_and_its_response_or_none(panel):
    assert _clock(panel) == {
        # in time: the response went out on 30 June, reported at the next meeting
        "HMICFRS PEEL Inspection": ("2023-05-09", "2023-07-04", "2023-09-14", "2023-06-30", False),
        # late: published 20 October, after the clock ran out on 6 September
        "Custody Inspection": ("2023-07-12", "2023-09-06", "2024-02-01", "2023-10-20", True),
        # a month only: the clock runs from its first day, and no response is recorded
        "HMICFRS Vetting Inspection": ("2024-03-01", "2024-04-26", None, None, True),
    }


def test_a_response_recorded_after_the_date_judged_on_does_not_count(panel):
    before = _clock(panel, as_of="2023-12-01")
    assert before["Custody Inspection"][2:] == (None, None, True)
    assert before["HMICFRS PEEL Inspection"][2:] == ("2023-09-14", "2023-06-30", False)
    assert set(_clock(panel, overdue_only=1)) == {"Custody Inspection", "HMICFRS Vetting Inspection"}


def test_relinking_keeps_one_response_per_report(loaded):
    panel, settings = loaded
    panel.run("MATCH (b:Body) SET b.stale = true", write=True)
    load_paths(panel, [], settings, today=AS_OF)
    rows = panel.run("MATCH (u:StatusUpdate)-[:UPDATES]->(r:Report) WHERE u.key CONTAINS '#response@' "
                     "RETURN r.title AS report, count(u) AS n ORDER BY report")
    assert [(r["report"], r["n"]) for r in rows] == [("Custody Inspection", 1),
                                                     ("HMICFRS PEEL Inspection", 1)]


# -- the pure stage on its own -------------------------------------------------------------

def _item(date: str, text: str, doc: str = "d2") -> StoredItem:
    return StoredItem(f"{doc}#i", date, "Matters arising", doc, 0, text)


@pytest.mark.parametrize("sentence, meeting, expected", [
    ("The response had gone on the website on 12 June.", "2023-07-20", "2023-06-12"),
    ("The response had been published on 3rd December.", "2024-01-11", "2023-12-03"),
    ("The PCC's response was published on 4 August 2023.", "2023-09-14", "2023-08-04"),
    ("The response had been published.", "2023-09-14", None),
])
def test_the_date_given_for_a_response_takes_its_year_from_the_meeting(sentence, meeting, expected):
    assert stated_date(sentence, meeting) == expected


def test_only_a_published_response_is_a_response_and_it_names_its_report():
    reports = [ClockReport("knife", "Knife Crime Inspection", "2023-05-01", "2023-06-26", "d1", 10, 30),
               ClockReport("custody", "Custody Inspection", "2023-05-20", "2023-07-15", "d1", 200, 220)]
    items = [_item("2023-07-20", "The Commissioner would publish his response to the inspection shortly. "
                   "The response to the inspection had not yet been published."),
             _item("2023-09-14", "The Commissioner's response to the inspection had been sent to "
                   "HMICFRS on 1 July.", doc="d3")]
    assert responses(reports, items) == {}  # two inspections await a response: which is unknown
    found = responses(reports[:1], items)
    assert [(k, r.meeting_date, r.responded_on, r.confidence) for k, r in found.items()] == \
        [("knife", "2023-09-14", "2023-07-01", 0.7)]
