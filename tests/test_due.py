# ruff: noqa: E501  (minutes lines are as long as minutes write them)
"""Due dates on the body's calendar, and silent drops, across three meetings of one (invented) panel.

The promises of the first meeting name their dates the ways minutes do ("at the next
meeting", "in July", "by the end of May", "later in the year", "in the Autumn", "in
due course"); the later meetings never mention most of them, so each falls overdue on
the date its phrase names, and ``open-commitments`` judged on any date says so.
"""

from __future__ import annotations

import pytest

from scrutiny import queries
from scrutiny.loaders.link.due import due_date
from tests.conftest import load_meetings

BODY = "Avalon Police and Crime Panel"
MEETINGS = {
    "2024-01-25": """Avalon Police and Crime Panel - Thursday 25 January 2024

Present: Councillor Hywel Price (Chairman), Councillor Ann Marsh, Mr Gareth Lewis (Police and Crime Commissioner).

5. Police and Crime Plan update
1.Councillor Ann Marsh asked about drug-related violence in Glastonbury.The Commissioner agreed to provide an update on the county lines operation at the next meeting.
2.The Commissioner undertook to bring a report on hate crime outcomes in July.
3.The Commissioner said that he would circulate the custody refurbishment costs to Members in due course.
4.The Commissioner agreed to provide figures on 101 call waiting times by the end of May.
5.The Commissioner would report back on the victims' hub review later in the year.
6.The Commissioner undertook to bring the rural crime strategy to the Panel in the Autumn.
""",
    "2024-04-18": """Avalon Police and Crime Panel - Thursday 18 April 2024

12. Minutes of the meeting held on 25 January 2024
RESOLVED that the minutes of the meeting held on 25 January 2024 were an accurate record.

13. Budget monitoring
1.Councillor Marsh asked about overtime spending.The Commissioner explained that overtime was within budget.
""",
    "2024-07-11": """Avalon Police and Crime Panel - Thursday 11 July 2024

21. Minutes of the meeting held on 18 April 2024
RESOLVED that the minutes of the meeting held on 18 April 2024 were an accurate record.

22. Estates
1.Councillor Marsh asked about the sale of the old headquarters.
""",
}
DUE = {  # the start of each promise -> the date its phrase names on this calendar
    "an update on the county lines": "2024-04-18",  # the next meeting, which never mentions it
    "a report on hate crime": "2024-07-31",
    "the custody refurbishment": None,  # in due course: no date can be named
    "figures on 101 call": "2024-05-31",
    "the victims' hub review": "2024-12-31",
    "the rural crime strategy": "2024-11-30",
}


@pytest.fixture
def panel(store_kind, graphs):
    """The meetings, loaded once per store and shared by the tests that read them."""
    return load_meetings(graphs, store_kind, "due-avalon", BODY, MEETINGS, "2024-07-12")


def _open(store, as_of: str) -> dict[str, tuple]:
    rows = queries.run(store, "open-commitments", {"as_of": as_of}).rows
    found = {}
    for words in DUE:
        [row] = [r for r in rows if words in r["commitment"]]
        found[words] = (row["due_date"], row["status"])
    return found


def test_each_promise_falls_due_on_the_date_its_phrase_names(panel):
    assert {w: due for w, (due, _) in _open(panel, "2024-01-26").items()} == DUE


@pytest.mark.parametrize("as_of, overdue", [
    ("2024-01-26", set()),
    ("2024-04-18", set()),  # due at that meeting: not yet overdue on its day
    ("2024-04-19", {"an update on the county lines"}),
    ("2024-07-12", {"an update on the county lines", "figures on 101 call"}),
    ("2024-08-01", {"an update on the county lines", "figures on 101 call", "a report on hate crime"}),
    ("2025-01-01", set(DUE) - {"the custody refurbishment"}),
])
def test_a_promise_the_minutes_never_mention_again_is_overdue_from_its_date(panel, as_of, overdue):
    assert {w for w, (_, status) in _open(panel, as_of).items() if status == "overdue"} == overdue


def test_the_stored_status_is_the_one_the_query_gives_on_the_load_date(panel):
    rows = panel.run("MATCH (c:Commitment) RETURN c.quote AS q, c.status AS s")
    stored = {w: next(r["s"] for r in rows if w in r["q"]) for w in DUE}
    assert stored == {w: s for w, (_, s) in _open(panel, "2024-07-12").items()}


# -- the phrase reader on its own ----------------------------------------------------------

CALENDAR = ["2024-01-25", "2024-04-18", "2024-07-11", "2024-10-03"]


@pytest.mark.parametrize("due, expected", [
    ("next meeting", "2024-04-18"), ("the next Panel meeting", "2024-04-18"),
    ("the July meeting", "2024-07-11"), ("the autumn meeting", "2024-10-03"),
    ("the December meeting", "2024-12-31"),  # no December meeting loaded: the month's end
    ("later in the year", "2024-12-31"), ("by the end of May", "2024-05-31"),
    ("by the end of the financial year", "2024-03-31"), ("by 30 June 2024", "2024-06-30"),
    ("within six weeks", "2024-03-07"), ("in three months' time", "2024-04-24"),
    ("in due course", None), ("due course", None), ("a future meeting", None), ("soon", None),
])
def test_due_phrases_read_on_the_calendar(due, expected):
    assert due_date(due, "2024-01-25", CALENDAR) == expected


def test_a_meeting_phrase_with_no_later_meeting_loaded_has_no_date():
    assert due_date("next meeting", "2024-10-03", CALENDAR) is None
