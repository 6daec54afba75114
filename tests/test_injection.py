"""Hostile strings pass through parameters intact and inert, on both stores and over HTTP.

Inert is not enough: each string must also come back byte for byte and match
itself, which shows it travelled as a value and was never spliced into Cypher.
"""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import quote

import httpx
import pytest

from scrutiny import queries
from scrutiny.api.app import create_app
from scrutiny.graph.cypher import Statement
from scrutiny.loaders.pipeline import load_paths
from tests.conftest import serve_app, store_env

HOSTILE = [
    "O'Brien", 'say "hi"', "back\\slash \\' \\\" \\u0027", "}) MATCH (n) DETACH DELETE n //",
    "$name {key: 1} ` :Label", "') RETURN 1 UNION MATCH (n) SET n.pwned = true //",
    "漢字 ‘curly’ “quotes” 🙂 \u202eRTL", "line\nbreak\ttab", "*:* OR NOT x @body:{x} | -y",
]
MINUTES = ("Councillor O'Brien asked whether the \"Safer Streets\" bid had succeeded. "
           "The Commissioner explained that it had.")


def _load(store, settings) -> None:
    folder = settings.data_dir.parent / "minutes"
    folder.mkdir(parents=True)
    (folder / "obrien.txt").write_text(MINUTES)
    assert load_paths(store, [folder / "obrien.txt"], settings).loaded


@pytest.fixture
def loaded(store_kind, graphs):
    """(store, settings) holding one document with an apostrophe in a name, once per store."""
    return graphs.get(store_kind, "obrien", _load)


@pytest.fixture
def store(loaded):
    return loaded[0]


def counts(store) -> dict:
    return {(r["kind"], r["name"]): r["count"] for r in queries.run(store, "graph-counts").rows}


def test_hostile_strings_round_trip_exactly_and_match_only_themselves(store):
    before = counts(store)
    store.write([Statement("MERGE (p:Person {key: $key}) SET p.name = $name",
                           {"key": f"inj|{n}", "name": text}) for n, text in enumerate(HOSTILE)])
    stored = store.run("MATCH (p:Person) WHERE p.key STARTS WITH 'inj|' RETURN p.key AS key, "
                       "p.name AS name")
    assert {r["key"]: r["name"] for r in stored} == {f"inj|{n}": t for n, t in enumerate(HOSTILE)}
    for n, text in enumerate(HOSTILE):
        found = store.run("MATCH (p:Person {name: $name}) RETURN p.key AS key", {"name": text})
        assert found == [{"key": f"inj|{n}"}]
    store.write([Statement("MATCH (p:Person) WHERE p.key STARTS WITH 'inj|' DETACH DELETE p", {})])
    assert counts(store) == before


def test_a_saved_query_finds_a_name_with_an_apostrophe_and_nothing_for_cypher(store):
    rows = queries.run(store, "accountability-record", {"who": "O'Brien"}).rows
    assert [(r["who"], r["action"]) for r in rows] == [("Councillor O'Brien", "asked")]
    before = counts(store)
    for text in HOSTILE[1:]:
        assert queries.run(store, "accountability-record", {"who": text}).rows == []
    assert counts(store) == before


def test_the_api_passes_hostile_strings_as_values(store):
    server, thread, url = serve_app(create_app(store=store))
    try:
        check_api(url)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def check_api(url: str) -> None:
    with httpx.Client(base_url=url, timeout=30) as http:
        before = http.get("/queries/graph-counts").json()
        found = http.get("/queries/accountability-record", params={"who": "O'Brien"}).json()
        assert [r["who"] for r in found["rows"]] == ["Councillor O'Brien"]
        for text in HOSTILE[1:]:
            r = http.get("/queries/accountability-record", params={"who": text})
            assert r.status_code in (200, 422) and (r.status_code == 422 or r.json()["rows"] == [])
            kind = http.get(f"/entities/{quote(text, safe='')}/x")  # a label from input: refused
            assert kind.status_code in (404, 422)
        assert http.get("/queries/graph-counts").json() == before


def test_the_cli_passes_hostile_strings_as_values(loaded):
    store, settings = loaded
    for text in HOSTILE[1:]:
        run = subprocess.run([sys.executable, "-m", "scrutiny.cli", "query", "run",
                              "accountability-record", "--param", f"who={text}", "--format", "json"],
                             capture_output=True, text=True, timeout=120, env=store_env(settings))
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "[]"
    found = subprocess.run([sys.executable, "-m", "scrutiny.cli", "query", "run", "accountability-record",
                            "--param", "who=O'Brien", "--format", "json"],
                           capture_output=True, text=True, timeout=120, env=store_env(settings))
    assert "Councillor O'Brien" in found.stdout, found.stderr
