"""The HTTP API through a real client over loopback, against a real embedded store.

The server is uvicorn in a thread of this process, on a free port; the store is
loaded with the bundled minutes and the four-meeting fixture first.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from pydantic import SecretStr

from scrutiny.api.app import create_app
from scrutiny.graph.stores.embedded import EmbeddedStore
from scrutiny.settings import Settings
from tests.conftest import load_minutes_and_fixture, serve_app

PANEL_PCC = "person/body:borsetshire police and crime panel|sterling|john"


def _serve(settings: Settings):
    return serve_app(create_app(settings))


@pytest.fixture(scope="module")
def api_settings(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("api") / "data", row_limit=500)
    store = EmbeddedStore(settings.data_dir)
    store.ensure_schema()
    try:
        load_minutes_and_fixture(store, settings, "2024-10-01")
    finally:
        store.close()
    return settings


@pytest.fixture(scope="module")
def base_url(api_settings):
    server, thread, url = _serve(api_settings)
    yield url
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def http(base_url):
    with httpx.Client(base_url=base_url, timeout=30) as client:
        yield client


def _counts(http) -> list:
    return http.get("/queries/graph-counts", params={"limit": 1000}).json()["rows"]


def test_health_reports_the_store_and_what_it_holds(http):
    assert http.get("/health").json() == {"status": "ok", "store": "embedded", "documents": 9, "meetings": 9}


def test_chains_filter_by_body_owner_status_and_dates_and_page_through(http):
    got = http.get("/chains", params={"body": "borsetshire", "status": "fulfilled", "owner": "sterling",
                                      "since": "2024-01-01", "until": "2024-12-31"}).json()
    assert [(r["meeting_date"], r["holder"], r["fulfilment_method"]) for r in got["rows"]] == [
        ("2024-01-18", "Mr John Sterling", "matters_arising"), ("2024-06-20", "Mr John Sterling", "title_match")]
    first = http.get("/chains", params={"limit": 5}).json()
    second = http.get("/chains", params={"limit": 5, "offset": first["next_offset"]}).json()
    assert first["next_offset"] == 5 and second["offset"] == 5
    assert {r["commitment_key"] for r in first["rows"]}.isdisjoint(r["commitment_key"] for r in second["rows"])


def test_tabular_results_come_as_csv_on_request(http):
    r = http.get("/queries/who-asks-most", params={"body": "borsetshire", "format": "csv", "limit": 2})
    assert r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines() == ["body,asker,questions,challenges,meetings",
                                   "Borsetshire Police and Crime Panel,Councillor Lynda Snell,3,0,3",
                                   "Borsetshire Police and Crime Panel,Councillor Helen Archer,2,0,2"]


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
    hits = http.get("/search", params={"q": "estates strategy"}).json()["rows"]
    assert {h["kind"] for h in hits} == {"Commitment", "Resolution"}
    page = http.get("/views/entity", params={"target": "Sterling"})
    assert page.headers["content-type"].startswith("text/html") and "Mr John Sterling" in page.text


@pytest.mark.parametrize("path, status, code", [
    ("/queries/drop-all", 404, "not_found"),
    ("/queries/open-commitments?as_of=yesterday", 422, "invalid_parameter"),
    ("/queries/accountability-record", 422, "invalid_parameter"),
    ("/entities/alien/x", 422, "invalid_parameter"),
    ("/entities/person/nobody", 404, "not_found"),
    ("/chains?limit=100000", 422, "invalid_parameter"),
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


def test_ingest_is_off_without_an_api_key(http):
    r = http.post("/documents", files={"file": ("m.txt", b"Councillor Boyes asked a question.")})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_ingest_with_a_key_needs_it_and_loads(api_settings, tmp_path):
    settings = api_settings.model_copy(update={"api_key": SecretStr("s3cret"), "data_dir": tmp_path / "data"})
    server, thread, url = _serve(settings)
    try:
        doc = {"file": ("m.txt", b"Councillor Boyes asked whether the register had been updated.")}
        assert httpx.post(f"{url}/documents", files=doc).status_code == 401
        r = httpx.post(f"{url}/documents", files=doc, headers={"X-API-Key": "s3cret"})
        assert r.json() == [{"file": "m.txt", "outcome": "loaded", "reason": None}]
        assert httpx.get(f"{url}/health").json()["documents"] == 1
        big = httpx.post(f"{url}/documents", content=b"x" * (21 * 1024 * 1024),
                         headers={"X-API-Key": "s3cret", "content-type": "text/plain"})
        assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_openapi_schema_holds_for_generated_requests(base_url):
    """Schemathesis, stateless and bounded: for every documented operation, generated
    requests get no 500 and every response matches the documented schema."""
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck),
                             database=None)
        def check(case):
            case.call_and_validate(base_url=base_url)
        check()
