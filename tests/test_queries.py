"""Every saved query, run for real on a graph of the bundled minutes and the four-meeting
fixture: exact rows (hand-checked below for the fixture, and a reviewed snapshot of every
query in tests/expected/queries), limits, typed errors, and inert hostile parameters.

Every test that takes a store runs on both stores, the embedded default and Neo4j 5.  Regenerate the snapshots
after a deliberate change with SCRUTINY_UPDATE_EXPECTED=1 and read the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from scrutiny import queries
from scrutiny.errors import QueryNotFound, QueryParameterError
from scrutiny.graph.stores.base import open_store
from tests.conftest import FIXTURE_AS_OF, ROOT, load_minutes_and_fixture, minutes_and_fixture

AS_OF = FIXTURE_AS_OF
EXPECTED = ROOT / "tests" / "expected" / "queries"
PARAMS = {  # what each query is run with for its snapshot
    "accountability-record": {"who": "sterling"},
    "report-trail": {"subject": "inspection"},
    "search-quotes": {"text": "estates strategy"},
    "open-commitments": {"as_of": AS_OF},
    "hmicfrs-response-clock": {"as_of": AS_OF},
}


@pytest.fixture
def graph(store_kind, graphs):
    """The bundled minutes and the four-meeting fixture, once per store."""
    return minutes_and_fixture(graphs, store_kind)[0]


def _rows(store, name, **params):
    return queries.run(store, name, {**PARAMS.get(name, {}), **params}).rows


@pytest.mark.parametrize("name", sorted(queries.registry()))
def test_each_saved_query_returns_its_reviewed_rows(graph, name):
    rows = json.loads(json.dumps(_rows(graph, name)))
    path = EXPECTED / f"{name}.json"
    if os.environ.get("SCRUTINY_UPDATE_EXPECTED"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    assert rows == json.loads(path.read_text()), f"{name}: rows differ from {path}"
    assert rows, f"{name} returns nothing on the fixture graph: it tests nothing"
    assert all(list(r) == list(queries.get(name).columns) for r in rows)


def test_open_commitments_of_the_panel_are_exactly_these(graph):
    rows = _rows(graph, "open-commitments", body="borsetshire")
    assert [(r["owner"], r["holder"], r["due_date"], r["status"], r["commitment"][:45].strip())
            for r in rows] == [
        ("Chief Constable", "Chief Constable Anna Tregorran", "2025-01-31", "open",
         "The Chief Constable agreed to provide figures"),
        ("Police and Crime Commissioner", "Mr John Sterling", "2024-03-14", "overdue",
         "The Commissioner undertook to circulate the R"),
        # "a new confidence survey would be published each quarter": a passive names no doer
        (None, None, None, "open", "The Commissioner explained that a new confide"),
    ]


def test_a_graph_written_before_meetings_named_their_body_answers_per_body_queries_once_opened(
        store, settings):
    """Queries about one body filter meetings on Meeting.body; a graph loaded by an earlier
    version lacks it, and opening the store fills it in from HELD_BY."""
    load_minutes_and_fixture(store, settings, AS_OF)
    before = _rows(store, "open-commitments", body="borsetshire")
    store.run("MATCH (m:Meeting) REMOVE m.body", write=True)
    assert _rows(store, "open-commitments", body="borsetshire") == []
    store = open_store(settings)
    try:
        assert len(before) == 3 and _rows(store, "open-commitments", body="borsetshire") == before
    finally:
        store.close()


def test_closed_commitments_show_evidence_and_days_to_fulfil(graph):
    rows = _rows(graph, "closed-commitments", body="borsetshire")
    assert [(r["owner"], r["promised_on"], r["fulfilled_on"], r["days_to_fulfil"], r["method"]) for r in rows] == [
        ("Chief Constable", "2024-01-18", "2024-03-14", 56, "title_match"),
        ("Police and Crime Commissioner", "2024-01-18", "2024-03-14", 56, "matters_arising"),
        ("Chief Executive", "2024-01-18", "2024-06-20", 154, "action_number"),
        ("Police and Crime Commissioner", "2024-06-20", "2024-09-19", 91, "title_match"),
    ]


def test_who_asks_most_counts_questions_per_member(graph):
    rows = _rows(graph, "who-asks-most", body="borsetshire", until="2024-06-30")
    assert [(r["asker"], r["questions"], r["meetings"]) for r in rows] == [
        ("Councillor Helen Archer", 2, 2), ("Councillor Lynda Snell", 2, 2),
        ("Councillor Joe Grundy", 1, 1), ("Mr Jim Lloyd", 1, 1)]


def test_the_response_clock_flags_the_report_with_no_recorded_response(graph):
    rows = _rows(graph, "hmicfrs-response-clock", overdue_only=1)
    assert [(r["report"], r["published"], r["response_due"], r["past_clock"]) for r in rows] == [
        ("Police's contribution to the Government's Prevent Programme", "2020-03-09", "2020-05-04", True),
        ("HMICFRS PEEL Inspection", "2023-10-12", "2023-12-07", True)]
    assert [r["report"] for r in _rows(graph, "hmicfrs-response-clock", overdue_only=1, as_of="2023-12-01")] \
        == ["Police's contribution to the Government's Prevent Programme"]


def test_row_limit_truncates_and_says_so(graph):
    result = queries.run(graph, "graph-counts", row_limit=3)
    assert len(result.rows) == 3 and result.truncated
    assert len(queries.run(graph, "unanswered-questions", {"limit": 2}).rows) == 2


@pytest.mark.parametrize("hostile", [
    "x' OR 1=1 //", "\") MATCH (n) DETACH DELETE n //", "}) RETURN 1 UNION MATCH (n) SET n.x = 1 //",
    "\\\\'\\u0027", "Ünïcödé ‘quotes’ “and” 漢字 🙂", "*:* OR NOT x", "@body:{x} | -y", "a" * 1000])
def test_hostile_parameters_are_inert_on_every_query(graph, hostile):
    before = _rows(graph, "graph-counts")
    for query in queries.registry().values():
        given = {p.name: hostile for p in query.params if p.type == "string"}
        queries.run(graph, query.name, {**PARAMS.get(query.name, {}), **given})
    assert _rows(graph, "graph-counts") == before


def test_bad_names_and_parameters_are_typed_errors():
    with pytest.raises(QueryNotFound):
        queries.get("drop-everything")
    with pytest.raises(QueryParameterError, match="limit must be int"):
        queries.get("open-commitments").bind({"limit": "ten"})
    with pytest.raises(QueryParameterError, match=r"as_of 'yesterday' is not a date \(write YYYY-MM-DD\)"):
        queries.get("open-commitments").bind({"as_of": "yesterday"})
    with pytest.raises(QueryParameterError, match="who is required"):
        queries.get("accountability-record").bind({})
    with pytest.raises(QueryParameterError, match="has no parameter label"):
        queries.get("graph-counts").bind({"label": "Person"})
    with pytest.raises(QueryParameterError, match="longer than"):
        queries.get("report-trail").bind({"subject": "x" * 1001})
