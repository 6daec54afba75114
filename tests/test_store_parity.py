"""The two stores give the same answers: the bundled minutes, the 35 dev documents and the
nine Kent meetings loaded into each, then every saved query with its defaults and two other
parameter sets, the report table, and counts by label and type compared row for row.

A difference here is a bug in a query, the writer or a store, never a reason to special-case
a test.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys

import pytest

from scrutiny import queries
from scrutiny.loaders.pipeline import expand, load_paths
from tests.conftest import EXAMPLES, SHARED, graph_contents, needs_shared, store_env

TODAY = "2026-11-01"
# Two parameter sets beside each query's defaults: a body, a period, a status, a name.
OTHER_PARAMS: dict[str, list[dict]] = {
    "accountability-chains": [{"body": "kent", "status": "fulfilled"},
                              {"since": "2017-06-01", "until": "2018-06-30", "owner": "commissioner"}],
    "accountability-summary": [{"body": "kent"}, {"body": "durham"}],
    "accountability-record": [{"who": "chief constable"}, {"who": "commissioner", "body": "durham"}],
    "answers-without-follow-up": [{"body": "kent"}, {"body": "durham", "limit": 5}],
    "closed-commitments": [{"body": "kent"}, {"body": "panel", "limit": 3}],
    "document-count": [{}, {}],
    "graph-counts": [{}, {}],
    "hmicfrs-response-clock": [{"overdue_only": 1}, {"as_of": "2018-01-01"}],
    "open-commitments": [{"body": "kent", "as_of": "2018-01-01"}, {"owner": "chief constable"}],
    "report-trail": [{"subject": "peel"}, {"subject": "inspection", "limit": 10}],
    "reports-never-raised": [{"body": "kent"}, {"body": "durham"}],
    "search-quotes": [{"text": "victims"}, {"text": "police and crime plan", "limit": 10}],
    "unanswered-questions": [{"body": "kent"}, {"body": "yorkshire"}],
    "unresolved-references": [{"body": "kent"}, {"body": "durham"}],
    "who-asks-most": [{"body": "kent"}, {"since": "2018-01-01"}],
    "who-is-asked-most": [{"body": "kent"}, {"until": "2017-12-31"}],
}
REQUIRED_DEFAULTS = {"accountability-record": {"who": "sterling"}, "report-trail": {"subject": "both sides"},
                     "search-quotes": {"text": "estates strategy"}}


def _pool_gold(folder):
    """The 30 pool documents with gold, in a folder with their own manifest rows."""
    pool = SHARED / "corpus" / "pool"
    names = {p.stem for p in (pool / "gold").glob("*.json")}
    folder.mkdir()
    with (pool / "manifest.csv").open() as fh:
        rows = [r for r in csv.DictReader(fh) if r["file"].removesuffix(".txt") in names]
    with (folder / "manifest.csv").open("w", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    for r in rows:
        shutil.copy(pool / r["file"], folder / r["file"])
    return folder


def _corpus(tmp_path_factory) -> list[str]:
    corpus = needs_shared(SHARED / "corpus")
    return [str(EXAMPLES), str(corpus / "dev"), str(_pool_gold(tmp_path_factory.mktemp("pool") / "gold")),
            str(corpus / "kent-pcp-2017-18")]


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    return _corpus(tmp_path_factory)


def _loader(folders):
    def build(store, settings):
        report = load_paths(store, expand(folders), settings, today=TODAY)
        # examples/minutes are the five dev documents: their copies in dev/ are skipped as unchanged
        assert not report.failed and len(report.loaded) == 5 + 30 + 9, report
    return build


@pytest.fixture
def both(graphs, folders, request):
    """(embedded store, its settings, Neo4j store, its settings), both holding the corpus."""
    request.getfixturevalue("neo4j_server")
    embedded = graphs.get("embedded", "parity", _loader(folders))
    neo4j = graphs.get("neo4j", "parity", _loader(folders))
    return (*embedded, *neo4j)


def _answers(store, name: str, params: dict) -> list[dict]:
    return json.loads(json.dumps(queries.run(store, name, {**REQUIRED_DEFAULTS.get(name, {}), **params},
                                             row_limit=5000).rows))


@pytest.mark.parametrize("name", sorted(queries.registry()))
def test_every_saved_query_answers_the_same_rows_in_the_same_order_on_both_stores(both, name):
    embedded, _, neo4j, _ = both
    answered = 0
    for params in [{}, *OTHER_PARAMS[name]]:
        rows = _answers(embedded, name, params)
        assert _answers(neo4j, name, params) == rows, f"{name} {params}"
        answered += bool(rows)
    assert answered >= 2, f"{name}: most parameter sets return nothing, so they compare nothing"


def test_every_saved_query_has_its_two_other_parameter_sets():
    assert set(OTHER_PARAMS) == set(queries.registry())


def test_the_report_table_reads_the_same_on_both_stores(both):
    _, embedded, _, neo4j = both
    printed = [subprocess.run([sys.executable, "-m", "scrutiny.cli", "report"], capture_output=True,
                              text=True, timeout=300, env=store_env(s)) for s in (embedded, neo4j)]
    assert all(p.returncode == 0 for p in printed), [p.stderr for p in printed]
    assert printed[0].stdout == printed[1].stdout
    story = " ".join(printed[0].stdout.split("\nmeeting ")[0].split())
    assert re.fullmatch(r"\d+ meetings of \d+ bodies.*; \d+ commitments: \d+ fulfilled .*", story), story


def _shape(store) -> dict:
    """Nodes per label and relationships per type, counted by scanning (not from statistics)."""
    nodes = store.run("MATCH (n) RETURN labels(n)[0] AS what, count(*) AS n ORDER BY what")
    edges = store.run("MATCH ()-[r]->() RETURN type(r) AS what, count(*) AS n ORDER BY what")
    return {"nodes": {r["what"]: r["n"] for r in nodes}, "edges": {r["what"]: r["n"] for r in edges}}


def test_counts_by_label_and_type_are_equal_and_reloading_changes_neither(both, folders):
    embedded, e_settings, neo4j, n_settings = both
    shape = _shape(embedded)
    assert _shape(neo4j) == shape
    assert _answers(neo4j, "graph-counts", {}) == _answers(embedded, "graph-counts", {})
    for store, settings in ((embedded, e_settings), (neo4j, n_settings)):
        report = load_paths(store, expand(folders), settings, today=TODAY)
        assert not report.loaded and not report.failed
        assert _shape(store) == shape


def test_both_stores_hold_the_same_nodes_and_relationships_with_the_same_properties(both):
    embedded, _, neo4j, _ = both
    e_nodes, e_rels = graph_contents(embedded)
    n_nodes, n_rels = graph_contents(neo4j)
    assert len(n_nodes) == len(e_nodes) and [n for n in n_nodes if n not in set(e_nodes)][:3] == []
    assert len(n_rels) == len(e_rels) and [r for r in n_rels if r not in set(e_rels)][:3] == []
    assert (n_nodes, n_rels) == (e_nodes, e_rels)
