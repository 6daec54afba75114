"""Exports read back by the tools they are for: networkx reads the GraphML and GEXF, Neo4j's own
``neo4j-admin database import`` takes the CSV, and every file holds what the store holds.

The graph is the nine bundled Kent meetings, loaded once; each export is compared with the
store's own counts and properties, read with Cypher, not with the exporter's reader.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from scrutiny.graph import exports, version
from scrutiny.graph.model import node_id
from scrutiny.graph.snapshot import Scope, read_graph
from scrutiny.loaders.kinds import CommitmentStatus
from scrutiny.viz.styles import STATUS_COLOUR
from tests.conftest import kent


@pytest.fixture(scope="module")
def kent_store(graphs):
    return kent(graphs, "embedded")[0]


@pytest.fixture(scope="module")
def counts(kent_store) -> tuple[int, int]:
    # every node but the graph's version, which states no fact and no export carries
    nodes = kent_store.run(f"MATCH (n) WHERE NOT n:{version.LABEL} RETURN count(n) AS n")[0]["n"]
    edges = kent_store.run("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return nodes, edges


def _fulfilled_commitment(store) -> dict:
    return store.run("MATCH (c:Commitment {status: $s})-[:OWED_BY]->(o) RETURN c.key AS key, c.quote AS quote, "
                     "c.start AS start, c.days_to_fulfil AS days, o.key AS owner ORDER BY c.key LIMIT 1",
                     {"s": CommitmentStatus.FULFILLED.value})[0]


def test_graphml_reads_back_with_every_node_relationship_and_typed_property(kent_store, counts, tmp_path):
    out = exports.export(kent_store, "graphml", tmp_path / "kent.graphml")
    back = nx.read_graphml(out.path, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == counts == (out.nodes, out.edges)
    c = _fulfilled_commitment(kent_store)
    node = back.nodes[f"Commitment/{c['key']}"]
    assert node["type"] == "Commitment" and node["quote"] == c["quote"]
    assert node["start"] == c["start"] and isinstance(node["start"], int) and node["days_to_fulfil"] == c["days"]
    assert node["label"].startswith("Commitment 20")  # a caption Gephi can show, not a hash
    owed = back.get_edge_data(f"Commitment/{c['key']}", next(n for n in back if n.endswith("/" + c["owner"])))
    assert {d["type"] for d in owed.values()} == {"OWED_BY"}


def test_gexf_opens_with_the_views_colours_and_a_layout(kent_store, counts, tmp_path):
    out = exports.export(kent_store, "gexf", tmp_path / "kent.gexf")
    back = nx.read_gexf(out.path)
    assert (back.number_of_nodes(), back.number_of_edges()) == counts
    c = _fulfilled_commitment(kent_store)
    looks = back.nodes[f"Commitment/{c['key']}"]["viz"]
    green = STATUS_COLOUR[CommitmentStatus.FULFILLED].lstrip("#")
    assert (looks["color"]["r"], looks["color"]["g"], looks["color"]["b"]) == tuple(
        int(green[i:i + 2], 16) for i in (0, 2, 4))
    assert {"x", "y"} <= set(looks["position"])
    assert {d["label"] for _, _, d in back.edges(data=True)} >= {"ASKED_BY", "OWED_BY", "FULFILLED_BY"}


def test_csv_plain_pair_has_a_row_per_node_and_relationship(kent_store, counts, tmp_path):
    exports.export(kent_store, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert (len(nodes), len(edges)) == counts
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in edges)
    c = _fulfilled_commitment(kent_store)
    row = next(n for n in nodes if n["id"] == f"Commitment/{c['key']}")
    assert row["quote"] == c["quote"] and row["status"] == "fulfilled"


def _neo4j_admin(folder: Path, home: Path) -> str:
    """``neo4j-admin database import full`` from the Neo4j 5.26 jars the suite runs on."""
    from tests.neo4j_server import LIBS, why_not_here
    if reason := why_not_here():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run neo4j-admin import, and cannot: {reason}")
        pytest.skip(reason)
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("server.memory.pagecache.size=64m\n")
    # exactly as the README tells a user to run it: from the folder, with the arguments file
    done = subprocess.run(["java", "-Xmx512m", "-cp", f"{LIBS}/*", "org.neo4j.cli.AdminTool", "database",
                           "import", "full", "neo4j", "@import.args", "--threads=2"],
                          capture_output=True, text=True, timeout=300, cwd=folder,
                          env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def test_csv_imports_with_neo4j_admin_into_a_graph_of_the_same_size(kent_store, counts, tmp_path):
    exports.export(kent_store, "csv", tmp_path / "csv")
    said = _neo4j_admin(tmp_path / "csv" / "neo4j-admin", tmp_path / "neo4j-home")
    imported = {k: int(v) for v, k in re.findall(r"(\d+) (nodes|relationships|properties)", said)}
    g = read_graph(kent_store)
    properties = sum(len(n.props) + 1 for n in g.nodes.values())  # + key
    properties += sum(len(e.props) for e in g.edges.values())
    assert (imported["nodes"], imported["relationships"]) == counts
    assert imported["properties"] == properties  # every typed column parsed, none dropped


def test_a_body_and_period_export_only_that_part_and_its_entities(kent_store):
    g = read_graph(kent_store, Scope(body="KENT", since="2018-01-01"))
    meetings = [n.props["date"] for n in g.nodes.values() if n.label == "Meeting"]
    assert sorted(meetings) == ["2018-02-08", "2018-04-25", "2018-07-19", "2018-09-27"]
    events = [n for n in g.nodes.values() if n.props.get("meeting_date") and n.label != "Document"]
    assert events and all(n.props["meeting_date"] >= "2018-01-01" for n in events)
    assert all(e.source in g.nodes and e.target in g.nodes for e in g.edges.values())
    owners = {e.target for e in g.edges.values() if e.type == "OWED_BY"}
    assert owners and owners <= set(g.nodes)  # the people and offices owing are kept with their events
    assert node_id(next(iter(owners))).split("/")[0] in ("Person", "Role", "Body")


def test_a_scope_that_holds_no_meeting_is_an_error_before_anything_is_read(kent_store):
    from scrutiny.errors import NotFound
    with pytest.raises(NotFound, match="no meeting in scope: body 'durham'"):
        read_graph(kent_store, Scope(body="durham"))
    with pytest.raises(NotFound, match="until 2016-12-31"):
        read_graph(kent_store, Scope(until="2016-12-31"))


def _without_load_times(g) -> tuple[set, set]:
    nodes = {(node_id(ref), tuple(sorted((k, str(v)) for k, v in n.props.items() if k != "loaded_at")))
             for ref, n in g.nodes.items()}
    edges = {(e.type, node_id(e.source), node_id(e.target), tuple(sorted((k, str(v)) for k, v in e.props.items())))
             for e in g.edges.values()}
    return nodes, edges


def test_both_stores_export_the_same_graph(graphs):
    from tests.conftest import bundled
    embedded = read_graph(bundled(graphs, "embedded")[0])
    neo4j = read_graph(bundled(graphs, "neo4j")[0])
    assert embedded.nodes and _without_load_times(neo4j) == _without_load_times(embedded)


@pytest.fixture(scope="module")
def served(kent_store):
    from scrutiny.api.app import create_app
    from scrutiny.settings import Settings
    from tests.conftest import serve_app
    server, thread, url = serve_app(create_app(Settings(data_dir=Path("unused")), store=kent_store))
    yield url
    server.should_exit = True
    thread.join(10)


def test_the_api_sends_each_export_as_a_file(served, kent_store):
    import io
    import zipfile

    import httpx
    part = read_graph(kent_store, Scope(body="kent", since="2018-01-01"))
    r = httpx.get(f"{served}/exports/graphml", params={"body": "kent", "since": "2018-01-01"}, timeout=60)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphml+xml")
    assert "scrutiny.graphml" in r.headers["content-disposition"]
    back = nx.parse_graphml(r.text, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (len(part.nodes), len(part.edges))
    r = httpx.get(f"{served}/exports/csv", timeout=60)
    names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    assert r.headers["content-type"] == "application/zip"
    assert {"nodes.csv", "edges.csv", "neo4j-admin/Commitment.csv", "neo4j-admin/OWED_BY.csv",
            "neo4j-admin/import.args"} <= set(names)


@pytest.mark.parametrize("path, status, code", [
    ("/exports/xml", 422, "invalid_parameter"),
    ("/exports/gexf?body=durham", 404, "not_found"),
    ("/exports/gexf?since=2019-01-01&until=2018-01-01", 404, "not_found"),
])
def test_an_export_that_cannot_be_made_says_why_in_the_one_error_shape(served, path, status, code):
    import httpx
    r = httpx.get(served + path, timeout=60)
    assert r.status_code == status and r.json()["error"]["code"] == code


def test_the_cli_writes_an_export_to_a_file_or_stdout_and_refuses_in_one_line(graphs, tmp_path):
    import sys

    from tests.conftest import store_env

    def scrutiny(*args):
        return subprocess.run([sys.executable, "-m", "scrutiny.cli", "export", *args], capture_output=True,
                              text=True, timeout=300, env=store_env(kent(graphs, "embedded")[1]))
    done = scrutiny("graphml", "--out", str(tmp_path / "kent.graphml"), "--body", "kent", "--until", "2017-03-31")
    assert done.returncode == 0, done.stderr
    part = nx.read_graphml(tmp_path / "kent.graphml", force_multigraph=True)
    assert done.stdout == f"{tmp_path / 'kent.graphml'}: {part.number_of_nodes()} nodes, " \
                          f"{part.number_of_edges()} relationships as graphml\n"
    piped = scrutiny("graphml", "--out", "-", "--body", "kent", "--until", "2017-03-31")
    assert nx.parse_graphml(piped.stdout, force_multigraph=True).number_of_nodes() == part.number_of_nodes()
    refused = scrutiny("csv", "--out", "-")
    assert refused.returncode == 1 and refused.stderr == (
        "Error: csv writes a folder of files: give --out a folder, not -\n")
