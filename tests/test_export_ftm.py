"""The FollowTheMoney export: entities FtM's own model accepts, read back by the ``ftm`` tool,
every node an entity and every link kept (as a property or a link entity), each traceable to
the minutes it was read from.  The graph is the nine bundled Kent meetings."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from followthemoney import model

from scrutiny.graph import exports
from scrutiny.graph.exports import ftm
from scrutiny.graph.snapshot import read_graph
from scrutiny.loaders.kinds import CommitmentStatus
from tests.conftest import kent

FTM = Path(sys.executable).with_name("ftm")


@pytest.fixture(scope="module")
def kent_graph(graphs):
    return read_graph(kent(graphs, "embedded")[0])


@pytest.fixture(scope="module")
def written(kent_graph, tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("ftm") / "kent.ftm.json"
    with out.open("w", encoding="utf-8") as f:
        ftm.write(kent_graph, f)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _valid(data: dict) -> list[str]:
    """What FtM's model finds wrong with one entity: unknown schema or property, a bad value,
    a required property missing."""
    schema = model.get(data["schema"])
    if schema is None:
        return [f"no schema {data['schema']}"]
    wrong = [f"{name} missing" for name in schema.required if not data["properties"].get(name)]
    for name, values in data["properties"].items():
        prop = schema.get(name)
        if prop is None:
            wrong.append(f"no property {schema.name}.{name}")
            continue
        wrong += [f"{name}={v!r}" for v in values if prop.type.clean(v, proxy=None) is None]
    return wrong


def test_every_entity_is_valid_followthemoney(written):
    assert {d["id"]: _valid(d) for d in written if _valid(d)} == {}
    assert len({d["id"] for d in written}) == len(written)  # ids are unique


def test_ftm_validate_reads_the_file_back_unchanged_in_number(written, tmp_path):
    infile = tmp_path / "in.json"
    infile.write_text("".join(json.dumps(d) + "\n" for d in written), encoding="utf-8")
    done = subprocess.run([str(FTM), "validate", "-i", str(infile), "-o", str(tmp_path / "out.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    back = [json.loads(line) for line in (tmp_path / "out.json").read_text().splitlines()]
    assert Counter(d["schema"] for d in back) == Counter(d["schema"] for d in written)


def test_every_node_is_an_entity_and_every_reference_resolves(kent_graph, written):
    ids = {d["id"] for d in written}
    schemas = Counter(d["schema"] for d in written)
    labels = Counter(n.label for n in kent_graph.nodes.values())
    assert schemas["Person"] == labels["Person"] and schemas["PublicBody"] == labels["Body"]
    assert schemas["Position"] == labels["Role"] and schemas["Note"] == labels["Finding"]
    events = sum(labels[x] for x in ("Meeting", "AgendaItem", "Question", "Answer", "Commitment",
                                     "Resolution", "StatusUpdate"))
    assert schemas["Event"] == events
    holds = sum(1 for e in kent_graph.edges.values() if e.type == "HOLDS")
    assert schemas["Occupancy"] == holds > 0
    dangling = [(d["id"], name, v) for d in written for name, values in d["properties"].items()
                if model.get(d["schema"]).get(name).type.name == "entity" for v in values if v not in ids]
    assert dangling == []


def test_a_commitment_carries_its_quote_its_status_its_owner_and_its_minutes(kent_graph, written):
    by_id = {d["id"]: d for d in written}
    ref, node = next((r, n) for r, n in sorted(kent_graph.nodes.items())
                     if n.label == "Commitment" and n.props.get("status") == CommitmentStatus.FULFILLED)
    event = by_id[ftm.entity_id(*ref)]["properties"]
    assert event["description"] == [node.props["quote"]] and "fulfilled" in event["summary"][0]
    owner = next(e.target for e in kent_graph.edges.values() if e.source == ref and e.type == "OWED_BY")
    if owner[0] in ("Person", "Body"):
        assert ftm.entity_id(*owner) in event["involved"]
    proof = by_id[event["proof"][0]]
    assert proof["schema"] == "PlainText" and node.props["doc"] == next(
        k for (label, k) in kent_graph.nodes if label == "Document" and ftm.entity_id(label, k) == proof["id"])
    owed = [d for d in written if d["schema"] == "UnknownLink" and d["properties"]["role"] == ["owed by"]
            and d["properties"]["subject"] == [ftm.entity_id(*ref)]]
    assert owed and owed[0]["properties"]["object"] == [ftm.entity_id(*owner)]


def test_the_export_registry_writes_ftm_with_the_same_ids_each_time(graphs, tmp_path):
    store = kent(graphs, "embedded")[0]
    one = exports.export(store, "ftm", tmp_path / "a.ftm.json").path.read_text(encoding="utf-8")
    two = exports.export(store, "ftm", tmp_path / "b.ftm.json").path.read_text(encoding="utf-8")
    assert sorted(one.splitlines()) == sorted(two.splitlines()) and one
