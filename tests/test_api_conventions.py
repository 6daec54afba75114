"""Conventions of the HTTP API a client relies on: CORS off unless configured, and the error
codes the README lists being exactly the codes the API can answer with."""

from __future__ import annotations

import re

import httpx
import pytest

import scrutiny.errors
from scrutiny.api.app import create_app
from scrutiny.api.pages import HTTP_CODES
from tests.conftest import ROOT, serve_app

ORIGIN = "https://dashboard.example"


@pytest.fixture
def served(embedded_settings, request):
    server, thread, url = serve_app(create_app(embedded_settings.model_copy(update=request.param)))
    yield url
    server.should_exit = True
    thread.join(timeout=30)


@pytest.mark.parametrize("served", [{}], indirect=True)
def test_cors_is_off_by_default(served):
    r = httpx.get(f"{served}/health", headers={"Origin": ORIGIN})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    preflight = httpx.options(f"{served}/health", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


@pytest.mark.parametrize("served", [{"cors_origins": f"{ORIGIN}, https://other.example"}], indirect=True)
def test_cors_lets_the_configured_origins_read_and_no_other(served):
    r = httpx.get(f"{served}/health", headers={"Origin": ORIGIN})
    assert r.headers["access-control-allow-origin"] == ORIGIN
    preflight = httpx.options(f"{served}/chains", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == ORIGIN
    stranger = httpx.get(f"{served}/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in stranger.headers


#: Errors the API never answers with, and why: each is raised before a server starts or
#: inside a load, whose failures are reported per file in a 200.
NOT_ANSWERED = {scrutiny.errors.ConfigError: "refused at start-up",
                scrutiny.errors.FetchError: "the API fetches nothing",
                scrutiny.errors.SavedQueryError: "raised when the queries are read, at start-up",
                scrutiny.errors.LoaderError: "an upload's failure is an outcome in the 200 body"}


def _subclasses(cls) -> set[type]:
    return {cls, *(s for sub in cls.__subclasses__() for s in _subclasses(sub))}


def _readme_codes() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## HTTP API", 1)[1].split("\n## ", 1)[0]
    errors = section[section.index("each class with one HTTP status"):section.index("Limits:")]
    return set(re.findall(r"`([a-z_]+)`", errors))


def test_the_readme_lists_exactly_the_error_codes_the_api_can_return():
    raised = _subclasses(scrutiny.errors.ScrutinyError) - {scrutiny.errors.ScrutinyError}  # the root is not
    answered = {cls.code for cls in raised - set(NOT_ANSWERED)}
    possible = answered | set(HTTP_CODES.values()) | {"internal_error"}
    assert _readme_codes() == possible


PAGING = {"limit", "offset", "format"}


@pytest.mark.parametrize("served", [{}], indirect=True)
def test_the_api_names_each_parameter_as_the_cli_does(served):
    """The query string of every saved query's route, and of /chains and /search, uses the names
    `scrutiny query run -p` takes: one name per parameter everywhere."""
    from scrutiny import queries
    paths = httpx.get(f"{served}/openapi.json").json()["paths"]

    def names(path: str) -> set[str]:
        return {p["name"] for p in paths[path]["get"].get("parameters", []) if p["in"] == "query"} - PAGING

    for query in queries.registry().values():
        assert names(f"/queries/{query.name}") == {p.name for p in query.params} - PAGING, query.name
    chains = {p.name for p in queries.get("accountability-chains").params}
    assert names("/chains") <= chains and "subject" in names("/chains")
    assert names("/search") == {p.name for p in queries.get("search-quotes").params} - PAGING
