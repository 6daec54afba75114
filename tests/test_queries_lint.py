"""Every saved query is valid Neo4j 5 Cypher against our schema, by Neo4j's own checker, offline.

The checker is the npm package @neo4j-cypher/language-support (pinned in
tests/tools/cypher-lint/package.json, installed by `make test`).  Unknown labels,
relationship types, properties and parameters, deprecations and syntax errors all fail.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from scrutiny.graph.catalog import neo4j_lint_schema
from scrutiny.graph.stores.neo4j import count_query
from scrutiny.queries import registry
from tests.conftest import ROOT

LINT = ROOT / "tests" / "tools" / "cypher-lint"


def _lint(queries: list[dict]) -> dict[str, list[dict]]:
    if not (LINT / "node_modules" / "@neo4j-cypher").exists() or not shutil.which("node"):
        pytest.skip("Neo4j's Cypher checker is not installed (make test-deps installs it)")
    payload = json.dumps({"schema": neo4j_lint_schema(), "queries": queries})
    out = subprocess.run(["node", str(LINT / "lint.mjs")], input=payload, capture_output=True,
                         text=True, timeout=120, check=True)
    return {r["name"]: r["diagnostics"] for r in json.loads(out.stdout)}


def _parameters(query) -> dict:
    params = {p.name: None for p in query.params}
    if query.fulltext:
        params["hits"] = []
    if query.statistics:
        params[query.statistics] = []
    return params


def test_every_saved_query_passes_neo4j_own_checker_with_no_diagnostic():
    saved = registry().values()
    found = _lint([{"name": q.name, "cypher": q.cypher, "parameters": _parameters(q)} for q in saved])
    assert set(found) == {q.name for q in saved}
    assert {name: d for name, d in found.items() if d} == {}


def test_the_neo4j_store_own_count_query_passes_the_checker():
    """graph-counts reads it on Neo4j (the suite also runs it there, in test_store_parity)."""
    found = _lint([{"name": "counts", "cypher": count_query(), "parameters": {}}])
    assert found == {"counts": []}


def test_the_checker_catches_what_our_schema_does_not_declare():
    found = _lint([{"name": "bad", "parameters": {},
                    "cypher": "MATCH (c:Comitment)-[:OWES]->(p) WHERE p.nme = $who RETURN id(c)"}])
    messages = " ".join(d["message"] for d in found["bad"])
    for expected in ("Comitment", "OWES", "nme", "$who", "deprecated"):
        assert expected in messages
