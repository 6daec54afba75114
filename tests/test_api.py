"""The HTTP API through a real client over loopback, against each store (embedded and Neo4j).

The server is uvicorn in a thread of this process, on a free port, one per store for the
module; its app opens its own store from settings and reads at request time. The store
holds the bundled minutes and the four-meeting fixture; every test that reads it asks
``graphs`` for it first, since a test elsewhere may have emptied Neo4j in between.
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from pydantic import SecretStr

from scrutiny import queries
from scrutiny.api.app import create_app
from scrutiny.errors import StoreError
from scrutiny.graph.cypher import upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.settings import Settings
from tests.conftest import FIXTURE_AS_OF, STORES, minutes_and_fixture, serve_app

PANEL_PCC = "person/body:borsetshire police and crime panel|sterling|john"
AS_OF = FIXTURE_AS_OF
KEY = "a-key-of-24-characters!!"


@dataclass
class Served:
    kind: str
    settings: Settings
    url: str
    http: httpx.Client
    store: Any = None  # the test's own handle on the same graph (from ``graphs``), for checks


@pytest.fixture(scope="module", params=STORES)
def served(request, graphs):
    """One server per store: the app opens its store from settings of that kind."""
    loaded = minutes_and_fixture(graphs, request.param)[1]
    settings = loaded.model_copy(update={"row_limit": 500})
    server, thread, url = serve_app(create_app(settings))
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            yield Served(request.param, settings, url, client)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture
def api(served, graphs) -> Served:
    """The module's server, its store holding the module's graph now."""
    served.store = minutes_and_fixture(graphs, served.kind)[0]
    return served


@pytest.fixture
def http(api) -> httpx.Client:
    return api.http


def _counts(http) -> list:
    return http.get("/queries/graph-counts", params={"limit": 1000}).json()["rows"]


def test_health_reports_the_store_and_the_counts_say_what_it_holds(api):
    assert api.http.get("/health").json() == {"status": "ok", "store": api.kind}
    assert api.http.get("/queries/document-count").json()["rows"] == [{"documents": 9, "meetings": 9}]


def test_chains_filter_by_body_owner_status_and_dates_and_page_through(api):
    http = api.http
    got = http.get("/chains", params={"body": "borsetshire", "status": "fulfilled", "owner": "sterling",
                                      "since": "2024-01-01", "until": "2024-12-31"}).json()
    assert [(r["meeting_date"], r["holder"], r["fulfilment_method"]) for r in got["rows"]] == [
        ("2024-01-18", "Mr John Sterling", "matters_arising"), ("2024-06-20", "Mr John Sterling", "title_match")]
    first = http.get("/chains", params={"limit": 5, "status": "open"}).json()
    second = http.get(first["next"]).json()  # the next page's URL keeps this page's filters
    assert first["next_offset"] == 5 and second["offset"] == 5 and first["total"] is None
    assert first["next"] == f"{api.url}/chains?limit=5&status=open&offset=5"
    assert {r["status"] for r in second["rows"]} == {"open"}
    assert {r["commitment_key"] for r in first["rows"]}.isdisjoint(r["commitment_key"] for r in second["rows"])
    everything = http.get("/chains", params={"limit": 1000, "status": "open"}).json()
    last = http.get("/chains", params={"limit": 5, "status": "open", "offset": len(everything["rows"]) - 2}).json()
    assert (last["next"], last["next_offset"], len(last["rows"])) == (None, None, 2)
    assert last["total"] == everything["total"] == len(everything["rows"]) > 10


def test_tabular_results_come_as_csv_on_request(http):
    r = http.get("/queries/who-asks-most", params={"body": "borsetshire", "format": "csv", "limit": 2})
    assert r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines() == ["body,asker,questions,challenges,meetings",
                                   "Borsetshire Police and Crime Panel,Councillor Lynda Snell,3,0,3",
                                   "Borsetshire Police and Crime Panel,Councillor Helen Archer,2,0,2"]


def test_a_whole_query_streams_as_csv_without_paging(http):
    """format=csv-all: every row, the same as the JSON pages together, sent in chunks."""
    pages, offset = [], 0
    while offset is not None:
        got = http.get("/chains", params={"limit": 3, "offset": offset}).json()
        pages += got["rows"]
        offset = got["next_offset"]
    with http.stream("GET", "/chains", params={"format": "csv-all"}) as r:
        assert r.headers["content-type"].startswith("text/csv") and "content-length" not in r.headers
        text = "".join(r.iter_text())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(pages) > 3 and [row["commitment_key"] for row in rows] == [p["commitment_key"] for p in pages]


def test_an_entity_comes_with_every_quote_that_states_it(http):
    person = http.get(f"/entities/{PANEL_PCC}").json()
    assert person["name"] == "Mr John Sterling"
    assert [(p["meeting_date"], p["quote"]) for p in person["provenance"]] == [
        (d, "Mr John Sterling") for d in ("2024-01-18", "2024-03-14", "2024-06-20", "2024-09-19")]


def test_neighbourhood_is_capped_and_says_how_much_was_left_out(http):
    small = http.get(f"/entities/{PANEL_PCC}/neighbourhood", params={"depth": 2, "max_nodes": 5}).json()
    assert len(small["nodes"]) == 5 and small["left_out"] > 0
    ids = {n["id"] for n in small["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in small["edges"])


def test_search_and_views_are_served(http):
    hits = http.get("/search", params={"text": "estates strategy"}).json()["rows"]
    assert {h["kind"] for h in hits} == {"Commitment", "Resolution"}
    page = http.get("/views/entity", params={"target": "Sterling"})
    assert page.headers["content-type"].startswith("text/html") and "Mr John Sterling" in page.text
    policy = {d.strip() for d in page.headers["content-security-policy"].split(";")}
    assert {"default-src 'none'", "form-action 'none'", "base-uri 'none'", "frame-ancestors 'none'"} <= policy


@pytest.mark.parametrize("path, status, code", [
    ("/queries/drop-all", 404, "not_found"),
    ("/queries/open-commitments?as_of=yesterday", 422, "invalid_parameter"),
    ("/queries/accountability-record", 422, "invalid_parameter"),
    ("/entities/alien/x", 422, "invalid_parameter"),
    ("/entities/person/nobody", 404, "not_found"),
    ("/chains?limit=100000", 422, "invalid_parameter"),
    (f"/queries/hmicfrs-response-clock?overdue_only={2 ** 63}", 422, "invalid_parameter"),  # past 64 bits
])
def test_every_error_has_one_json_shape(http, path, status, code):
    r = http.get(path)
    assert r.status_code == status
    body = r.json()
    assert list(body) == ["error"] and body["error"]["code"] == code and body["error"]["message"]


@pytest.mark.parametrize("hostile", ["') DETACH DELETE n //", "x\" }) MATCH (m) SET m.p = 1 RETURN m //",
                                     "\\' OR 1=1", "‘quotes’ 漢字 \u0000", "a" * 990])
def test_hostile_strings_in_every_parameter_are_inert(http, hostile):
    before = _counts(http)
    for name in ("accountability-chains", "accountability-record", "report-trail", "search-quotes",
                 "unanswered-questions", "open-commitments"):
        info = next(q for q in http.get("/queries").json() if q["name"] == name)
        params = {p["name"]: hostile for p in info["params"] if p["type"] == "string"}
        r = http.get(f"/queries/{name}", params=params)
        assert r.status_code in (200, 422) and "Traceback" not in r.text
    key = quote(hostile.replace("/", ""), safe="")
    assert http.get(f"/entities/person/{key}").json()["error"]["code"] in ("not_found", "invalid_parameter")
    assert _counts(http) == before


# Cypher that would write, were it ever spliced into a query instead of passed as a value.
WRITES = [
    "') MATCH (n) SET n.pwned = true //",
    "x'}) MERGE (:Person {key: 'pwned', pwned: true}) //",
    '"}) MATCH (n) DETACH DELETE n //',
    "' RETURN 1 AS x UNION MATCH (n) SET n.pwned = true RETURN 1 AS x //",
    "x` {key: 'k'}) CREATE (:Person {key: 'pwned', pwned: true}) //",
    "*:* OR x\") CALL db.idx.fulltext.drop('Question') //",
]


def _is_text(schema: dict) -> bool:
    """A free-text parameter: a string with neither an enum nor a format (a date)."""
    return any(s.get("type") == "string" and "enum" not in s and "format" not in s
               for s in schema.get("anyOf", [schema]))


def _filler(schema: dict) -> list[str]:
    """Valid values for a required parameter that is not free text."""
    alternatives = schema.get("anyOf", [schema])
    for s in alternatives:
        if "enum" in s:
            return [str(v) for v in s["enum"]]
        if s.get("format") == "date":
            return [AS_OF]
        if s.get("type") == "integer":
            return [str(s.get("minimum", 1))]
    raise AssertionError(f"no filler for {schema}")


def _text_requests(http, text: str) -> list[tuple[str, dict[str, str]]]:
    """(path, query) for every read endpoint and every free-text parameter of it, set to ``text``
    (with the required ones), the others at valid values; read off the OpenAPI schema, so a new
    endpoint is covered too."""
    out = []
    for path, ops in http.get("/openapi.json").json()["paths"].items():
        params = ops.get("get", {}).get("parameters", [])
        for target in (p for p in params if _is_text(p["schema"])):
            texts = {p["name"]: text for p in params if p is target or (p["required"] and _is_text(p["schema"]))}
            fixed = [p for p in params if p["required"] and p["name"] not in texts]
            for values in itertools.product(*(_filler(p["schema"]) for p in fixed)):
                given = {**texts, **{p["name"]: v for p, v in zip(fixed, values, strict=True)}}
                where = {p["name"] for p in params if p["in"] == "path"}
                url = path.format(**{k: quote(v, safe="") for k, v in given.items() if k in where})
                out.append((url, {k: v for k, v in given.items() if k not in where}))
    # a view of a saved query takes that query's own parameters, which the schema cannot list
    for q in http.get("/queries").json():
        texts = [p for p in q["params"] if p["type"] == "string"]
        out += [(f"/views/query/{q['name']}", {p["name"]: text for p in texts if p is target or p["required"]})
                for target in texts]
    return out


def _state(store) -> dict:
    """What a write could change, read straight from the store rather than through the API."""
    return {"counts": queries.run(store, "graph-counts").rows,
            "pwned": store.run("MATCH (n) WHERE n.pwned IS NOT NULL OR n.key = 'pwned' RETURN count(n) AS n"),
            "search": [h["key"] for h in store.fulltext("estates strategy", 50)]}


def test_no_read_endpoint_writes_whatever_text_it_is_given(api):
    """The API is read-only on both stores: Cypher in any text parameter of any read endpoint
    reaches the store as a value, and the graph, its properties and its index stay as they were."""
    before = _state(api.store)
    assert before["counts"] and before["search"] and before["pwned"] == [{"n": 0}]
    answered = set()
    for text in WRITES:
        requests = _text_requests(api.http, text)
        assert len(requests) > 30
        for path, params in requests:
            # 200, or 404 (no entity or saved query has that key or name): the text was taken as a
            # value, not refused unread (422) nor a failure (500); a path ending in / redirects
            r = api.http.get(path, params=params, follow_redirects=True)
            assert r.status_code in (200, 404), (path, params, r.status_code, r.text[:300])
            answered.add(path.split("/")[1])
    assert answered == {"analytics", "chains", "dossiers", "entities", "exports", "search", "queries", "views"}
    assert _state(api.store) == before
    assert _counts(api.http) == before["counts"]


REFUSED = [
    ("CREATE (:Person {key: 'x'})", {}),
    ("CREATE (:Person {key: $key, name: $name})", {"key": "y", "name": "Y"}),
    ("MERGE (:Person {key: 'z'})", {}),
    ("MATCH (p:Person) SET p.pwned = true", {}),
    ("MATCH (p:Person) REMOVE p.name", {}),
    ("MATCH (:Person)-[r]->() DELETE r", {}),
    ("MATCH (n) DETACH DELETE n", {}),
]
SCHEMA_CHANGE = "CREATE INDEX FOR (n:Person) ON (n.pwned)"  # refused; not then made, as a wipe keeps indexes


def _snapshot(store) -> list[dict]:
    return store.run("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n.key AS key, n.name AS name, "
                     "n.pwned AS pwned, count(r) AS out ORDER BY key")


def test_a_store_refuses_every_write_it_was_not_told_to_make(store):
    """``run`` without ``write=True`` is read-only on both stores (FalkorDB's GRAPH.RO_QUERY,
    Neo4j's READ access mode): each write is refused with a StoreError and changes nothing;
    told to, the store makes the same writes, so the refusal was the read-only mode's."""
    g = Graph()
    body = g.add_node("Body", "body:ro", name="Read-only Panel")
    for name in ("Boyes", "Potts"):
        g.add_edge("MEMBER_OF", g.add_node("Person", f"ro|{name.lower()}", name=name, surname=name), body)
    store.write(upsert_statements(g))
    before = _snapshot(store)
    assert [(r["key"], r["out"]) for r in before] == [("body:ro", 0), ("ro|boyes", 1), ("ro|potts", 1)]
    for cypher, params in [*REFUSED, (SCHEMA_CHANGE, {})]:
        with pytest.raises(StoreError):
            store.run(cypher, params)
        assert _snapshot(store) == before, cypher
    for cypher, params in REFUSED:
        store.run(cypher, params, write=True)
    assert _snapshot(store) == []


def test_ingest_is_off_without_an_api_key(http):
    r = http.post("/documents", files={"file": ("m.txt", b"Councillor Boyes asked a question.")})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_ingest_with_a_key_needs_it_and_loads(settings):
    settings = settings.model_copy(update={"api_key": SecretStr(KEY), "row_limit": 500})
    server, thread, url = serve_app(create_app(settings))
    try:
        doc = {"file": ("m.txt", b"Councillor Boyes asked whether the register had been updated.")}
        assert httpx.post(f"{url}/documents", files=doc).status_code == 401
        r = httpx.post(f"{url}/documents", files=doc, headers={"X-API-Key": KEY})
        assert r.json() == [{"file": "m.txt", "outcome": "loaded", "reason": None}]
        assert httpx.get(f"{url}/queries/document-count").json()["rows"][0]["documents"] == 1
        big = httpx.post(f"{url}/documents", content=b"x" * (21 * 1024 * 1024),
                         headers={"X-API-Key": KEY, "content-type": "text/plain"})
        assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    finally:
        server.should_exit = True
        thread.join(timeout=30)

