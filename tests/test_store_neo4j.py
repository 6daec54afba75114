"""Neo4j 5 behind the same interface; runs only where SCRUTINY_NEO4J_URI names a server."""

from __future__ import annotations

import os

import pytest

from scrutiny.graph.cypher import upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.settings import Settings

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not os.environ.get("SCRUTINY_NEO4J_URI"),
                       reason="no Neo4j here: set SCRUTINY_NEO4J_URI (see README, 'Neo4j') to run"),
]


@pytest.fixture
def neo4j_store():
    from scrutiny.graph.stores.neo4j import Neo4jStore
    store = Neo4jStore.from_settings(Settings(store="neo4j"))
    store.ensure_schema()
    yield store
    store.run("MATCH (n) WHERE n.key STARTS WITH 'e2e|' DETACH DELETE n", write=True)
    store.close()


def test_neo4j_round_trip_in_one_transaction(neo4j_store):
    g = Graph()
    g.add_node("Person", "e2e|boyes", name="Councillor Boyes", surname="Boyes")
    neo4j_store.write(upsert_statements(g))
    rows = neo4j_store.run("MATCH (p:Person {key: 'e2e|boyes'}) RETURN p.name AS name")
    assert rows == [{"name": "Councillor Boyes"}]
