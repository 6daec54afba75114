"""Network analytics on the nine bundled Kent meetings, each figure checked against the store
read with Cypher (not through the analytics' own reader) and against the hand-made record of
every commitment's fate, the shared corpus's ``kent-pcp-2017-18/expected.json``; served by the CLI and the
API as rows.  (Both stores give the same graph, tests/test_exports.py; an analysis is a
pure function of it.)"""

from __future__ import annotations

import json
import statistics

import httpx
import pytest
from click.testing import CliRunner

from scrutiny import queries
from scrutiny.api.app import create_app
from scrutiny.cli import main
from scrutiny.errors import NotFound, QueryParameterError
from scrutiny.graph import analytics
from scrutiny.graph.analytics import actors, paths
from scrutiny.graph.label_facts import STRUCTURE
from scrutiny.graph.snapshot import Scope, read_graph
from scrutiny.loaders.kinds import CommitmentStatus
from tests.conftest import SHARED, kent, needs_shared, serve_app, store_env

PCC = "Police and Crime Commissioner"


@pytest.fixture(scope="module")
def kent_store(graphs):
    return kent(graphs, "embedded")[0]


@pytest.fixture(scope="module")
def kent_graph(kent_store):
    return read_graph(kent_store)


def _expected() -> list[dict]:
    expected = needs_shared(SHARED / "corpus" / "kent-pcp-2017-18" / "expected.json")
    return json.loads(expected.read_text(encoding="utf-8"))["commitments"]


def test_holders_count_every_commitment_once_by_status_as_the_store_holds_them(kent_store, kent_graph):
    rows = actors.holders(kent_graph)
    stored = {r["s"]: r["n"] for r in kent_store.run(
        "MATCH (c:Commitment) RETURN c.status AS s, count(c) AS n")}
    for status in CommitmentStatus:
        assert sum(r[status.value] for r in rows) == stored.get(status.value, 0)
    owners = {r["o"]: r["n"] for r in kent_store.run(
        "MATCH (c:Commitment)-[:OWED_BY]->(o) RETURN o.name AS o, count(c) AS n")}
    assert {r["owner"]: r["commitments"] for r in rows if r["owner"]} == owners
    assert rows[-1]["owner"] is None  # the unowned are counted, last, not dropped


def test_the_commissioner_keeps_at_least_the_commitments_the_hand_record_says_he_kept(kent_store, kent_graph):
    pcc = next(r for r in actors.holders(kent_graph) if r["owner"] == PCC)
    kept = [c for c in _expected() if c["owner"] == PCC and c["status_after_last_meeting"] == "fulfilled"]
    assert pcc["fulfilled"] >= len(kept) == 9 and pcc["overdue"] == 1
    days = [r["d"] for r in kent_store.run(
        "MATCH (c:Commitment {status: 'fulfilled'})-[:OWED_BY]->(:Role {title: $t}) RETURN c.days_to_fulfil AS d",
        {"t": PCC})]
    assert pcc["median_days_to_fulfil"] == statistics.median(days)


def test_centrality_ranks_the_commissioner_first_with_the_stores_counts(kent_store, kent_graph):
    rows = actors.centrality(kent_graph)
    assert rows[0]["name"] == PCC and rows[0]["label"] == "Role"
    answered = kent_store.run("MATCH (:Answer)-[:GIVEN_BY]->(r:Role {title: $t}) RETURN count(*) AS n", {"t": PCC})
    owes = kent_store.run("MATCH (:Commitment)-[:OWED_BY]->(r:Role {title: $t}) RETURN count(*) AS n", {"t": PCC})
    assert (rows[0]["answered"], rows[0]["owes"]) == (answered[0]["n"], owes[0]["n"])
    asked = {r["name"]: r["asked"] for r in rows}
    stored = kent_store.run("MATCH (:Question)-[:ASKED_BY]->(a) RETURN a.name AS a, count(*) AS n")
    assert {r["a"]: r["n"] for r in stored} == {k: v for k, v in asked.items() if v}
    assert all(0 <= r["betweenness"] <= 1 for r in rows)


def test_a_path_runs_hop_by_hop_through_stored_relationships_never_through_the_minutes(kent_store, kent_graph):
    hops = paths.path(kent_graph, "Panel Member", "Crime Data Integrity")
    assert hops[0]["from_id"].startswith("Role/") and hops[-1]["to_id"] == "Report/crime data integrity"
    assert all(a["to_id"] == b["from_id"] for a, b in zip(hops, hops[1:], strict=False))
    for hop in hops:
        assert not any(x.split("/")[0] in STRUCTURE for x in (hop["from_id"], hop["to_id"]))
        forward = not hop["relationship"].startswith("<-")
        a, b = (hop["from_id"], hop["to_id"]) if forward else (hop["to_id"], hop["from_id"])
        found = kent_store.run("MATCH (a {key: $a})-[r]->(b {key: $b}) WHERE type(r) = $t RETURN count(r) AS n",
                               {"a": a.split("/", 1)[1], "b": b.split("/", 1)[1],
                                "t": hop["relationship"].removeprefix("<-")})
        assert found[0]["n"] >= 1, hop
        assert hop["quote"] and hop["doc"]  # every hop traceable to the minutes


def test_a_path_names_what_it_cannot_find_or_cannot_tell_apart(kent_graph):
    with pytest.raises(NotFound, match="no person, body"):
        paths.path(kent_graph, "Nobody Of That Name", PCC)
    with pytest.raises(QueryParameterError, match="names .* entities, give one's id"):
        paths.path(kent_graph, "plan", PCC)  # a part of many reports' titles


def test_never_raised_reports_are_the_saved_querys_rows(kent_store, kent_graph):
    rows = analytics.ANALYSES["raised"].compute(kent_graph)
    never = {(r["kind"], r["title"]) for r in rows if r["questions"] == 0}
    saved = queries.run(kent_store, "reports-never-raised", {}, row_limit=1000).rows
    assert never == {(r["kind"], r["title"]) for r in saved} and never
    raised = [r for r in rows if r["questions"]]
    assert raised and all(r["first_raised"] >= (r["published"] or "") for r in raised)


def test_a_scope_limits_the_analysis_to_the_body_and_period(kent_store):
    later = analytics.analyse(kent_store, "holders", Scope(body="kent", since="2018-01-01"))
    whole = analytics.analyse(kent_store, "holders")
    assert 0 < sum(r["commitments"] for r in later.rows) < sum(r["commitments"] for r in whole.rows)
    with pytest.raises(NotFound):
        analytics.analyse(kent_store, "holders", Scope(body="durham"))
    with pytest.raises(QueryParameterError, match="path needs source and target"):
        analytics.analyse(kent_store, "path")


def test_the_cli_prints_an_analysis_as_rows_and_one_line_errors(graphs):
    store, settings = kent(graphs, "embedded")
    runner = CliRunner()
    done = runner.invoke(main, ["analyse", "holders", "--format", "json"], env=store_env(settings))
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)[0]["owner"] == PCC
    done = runner.invoke(main, ["analyse", "path", "--from", "Panel Member", "--to", "Crime Data Integrity",
                                "--format", "csv"], env=store_env(settings))
    assert done.exit_code == 0 and done.output.startswith("step,from,relationship,to,quote")
    done = runner.invoke(main, ["analyse", "path", "--from", "Panel Member"], env=store_env(settings))
    assert done.exit_code != 0 and done.output.strip().splitlines()[-1].endswith("path needs --from and --to")


def test_the_api_lists_the_analyses_and_pages_one(graphs):
    store, settings = kent(graphs, "embedded")
    server, thread, base = serve_app(create_app(settings, store=store))
    try:
        listed = httpx.get(f"{base}/analytics").json()
        assert {a["name"] for a in listed} == set(analytics.ANALYSES)
        page = httpx.get(f"{base}/analytics/centrality", params={"limit": 2}).json()
        assert page["rows"][0]["name"] == PCC and len(page["rows"]) == 2 and page["next_offset"] == 2
        hops = httpx.get(f"{base}/analytics/path", params={"source": "Panel Member", "target": "Crime Data Integrity",
                                                            "format": "csv"})
        assert hops.status_code == 200 and hops.text.startswith("step,from")
        missing = httpx.get(f"{base}/analytics/path", params={"source": "Nobody Of That Name", "target": PCC})
        assert missing.status_code == 404 and "no person" in missing.json()["error"]["message"]
    finally:
        server.should_exit = True
        thread.join(10)
