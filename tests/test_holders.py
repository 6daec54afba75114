# ruff: noqa: E501  (minutes lines are as long as minutes write them)
"""People and office holders across three meetings of one (invented) panel.

Two members share a surname ("Councillor Ann Marsh", "Councillor Ian Marsh"), two
officers too ("Mr Simon Jones", "Mr Martyn Jones"); one member appears in a later
meeting by surname only; the Commissioner is named in full at one meeting and by
surname and office at another, and "the Commissioner" elsewhere resolves to him.
"""

from __future__ import annotations

import pytest

from scrutiny.loaders.link.people import aliases, given_name, unify
from tests.conftest import load_meetings

BODY = "Avalon Police and Crime Panel"
SCOPE = "body:avalon police and crime panel"
MEETINGS = {
    "2024-01-25": """Avalon Police and Crime Panel - Thursday 25 January 2024

Present: Councillor Hywel Price (Chairman), Councillor Ann Marsh, Councillor Ian Marsh, Councillor Joan Boyes, Mr Gareth Lewis (Police and Crime Commissioner), Mr Simon Jones (Chief Executive, OPCC).

5. Police and Crime Plan update
1.Councillor Ann Marsh asked about drug-related violence in Glastonbury.
2.Councillor Ian Marsh asked about reports of hate crime in Yeovil.
3.Councillor Joan Boyes asked about speeding on rural roads.
""",
    "2024-04-18": """Avalon Police and Crime Panel - Thursday 18 April 2024

Present: Councillor Hywel Price (Chairman), Councillor Boyes, Mr Lewis, Police and Crime Commissioner, Mr Martyn Jones (Treasurer, OPCC).

12. Budget monitoring
1.Councillor Boyes asked about overtime spending.The Commissioner agreed to circulate the overtime figures to Members.
""",
    "2024-07-11": """Avalon Police and Crime Panel - Thursday 11 July 2024

Present: Councillor Hywel Price (Chairman), Councillor Ian Marsh.

22. Estates
1.Councillor Ian Marsh asked about the sale of the old headquarters.The Commissioner undertook to report on the sale to the next meeting.
""",
}


@pytest.fixture
def panel(store_kind, graphs):
    """The meetings, loaded once per store and shared by the tests that read them."""
    return load_meetings(graphs, store_kind, "holders-avalon", BODY, MEETINGS, "2024-10-01")


def _asked(store) -> set[tuple[str, str, bool]]:
    rows = store.run("MATCH (q:Question)-[r:ASKED_BY]->(p:Person) RETURN left(q.quote, 30) AS q, "
                     "p.key AS who, coalesce(r.derived, false) AS derived")
    return {(r["q"], r["who"].removeprefix(SCOPE + "|"), r["derived"]) for r in rows}


def test_same_surname_people_of_one_body_stay_apart(panel):
    keys = {r["k"].removeprefix(SCOPE + "|") for r in panel.run("MATCH (p:Person) RETURN p.key AS k")}
    assert {"marsh|ann", "marsh|ian", "jones|simon", "jones|martyn"} <= keys
    asked = _asked(panel)
    assert ("Councillor Ann Marsh asked abo", "marsh|ann", False) in asked
    assert ("Councillor Ian Marsh asked abo", "marsh|ian", False) in asked


def test_a_surname_alone_is_the_one_person_of_the_body_it_can_be(panel):
    asked = _asked(panel)
    assert ("Councillor Boyes asked about o", "boyes", False) in asked  # as the minutes name her
    assert ("Councillor Boyes asked about o", "boyes|joan", True) in asked  # who that is


def test_the_commissioner_resolves_to_the_holder_named_in_full_or_by_surname(panel):
    rows = panel.run("MATCH (c:Commitment)-[r:OWED_BY]->(p:Person) WHERE r.derived = true "
                     "RETURN c.meeting_date AS on, p.name AS who ORDER BY on")
    assert [(r["on"], r["who"]) for r in rows] == [("2024-04-18", "Mr Gareth Lewis"),
                                                   ("2024-07-11", "Mr Gareth Lewis")]


# -- the pure stage on its own -------------------------------------------------------------

@pytest.mark.parametrize("surface, surname, expected", [
    ("Councillor Ann Marsh", "Marsh", "ann"), ("Mr S. J. Jones", "Jones", "s"), ("Mr S Jones", "Jones", "s"),
    ("Councillor Marsh", "Marsh", None), ("Chief Constable Anna Tregorran", "Tregorran", "anna"),
    ("Temporary Chief Constable Rhodes", "Rhodes", None), ("Dr. Billings", "Billings", None),
])
def test_the_first_name_or_initial_of_a_mention(surface, surname, expected):
    assert given_name(surface, surname) == expected


def test_an_initial_or_a_surname_joins_the_only_person_it_fits():
    assert unify([None, "joan"]) == {None: "joan", "joan": "joan"}
    assert unify(["s", "simon", None]) == {"s": "simon", "simon": "simon", None: "simon"}
    assert unify(["simon", "martyn", None, "m"]) == {"simon": "simon", "martyn": "martyn", None: None,
                                                     "m": "martyn"}
    assert unify(["s", "martyn", None]) == {"s": "s", "martyn": "martyn", None: None}  # S is not Martyn
    assert aliases(["b|boyes", "b|boyes|joan", "c|boyes"]) == {"b|boyes": "b|boyes|joan"}
