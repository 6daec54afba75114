"""What a person sees of ``scrutiny serve``: where it serves and a line per request, and its
HTML pages (``/``, ``/docs``, ``/redoc``) in a real browser, offline: everything they load
comes from the server itself."""

from __future__ import annotations

import time

import httpx
import pytest

from scrutiny import queries
from scrutiny.graph.stores.base import open_store
from scrutiny.loaders.pipeline import expand, load_paths
from tests.browser import Page
from tests.conftest import EXAMPLES, free_port
from tests.processes import cli
from tests.test_persistence import finish, start_api


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from scrutiny.settings import Settings
    settings = Settings(data_dir=tmp_path_factory.mktemp("pages") / "data")
    store = open_store(settings)
    try:
        assert len(load_paths(store, expand([str(EXAMPLES)]), settings).loaded) == 5
    finally:
        store.close()
    api, http = start_api(settings.data_dir)
    yield api, http
    http.close()
    api.terminate()
    finish(api, 60)


@pytest.fixture
def page(tmp_path):
    p = Page(tmp_path)
    yield p
    p.close()


def fetched(page: Page) -> list[str]:
    """What the page asked a network for (data: URLs are the browser's own icons)."""
    return [r for r in page.requests() if not r.startswith("data:")]


def _serve_one_request(data, *flags) -> list[str]:
    port = free_port()
    api = cli("serve", "--port", str(port), *flags, data_dir=data)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/health")
            break
        except httpx.ConnectError:
            time.sleep(0.1)
    api.terminate()
    return finish(api, 60)[1].splitlines() + [str(port)]


def test_serve_says_where_it_serves_and_logs_each_request_unless_quiet(tmp_path):
    *lines, port = _serve_one_request(tmp_path / "data")
    assert lines[0] == f"Serving on http://127.0.0.1:{port} (docs at /docs); Ctrl-C to stop"
    assert [line.split(" - ", 1)[1] for line in lines[1:]] == ['"GET /health HTTP/1.1" 200 OK']
    *lines, port = _serve_one_request(tmp_path / "data", "--quiet")
    assert lines == [f"Serving on http://127.0.0.1:{port} (docs at /docs); Ctrl-C to stop"]


def test_the_index_says_what_the_store_holds_with_a_form_per_saved_query(served, page):
    url = str(served[1].base_url).rstrip("/")
    page.open(f"{url}/", settle="true")
    text = page.evaluate("document.body.innerText")
    assert "5 documents of 5 meetings in the embedded store" in text
    names = page.evaluate("[...document.querySelectorAll('form')].map(f => f.getAttribute('action'))")
    assert names == ["/views/entity", *(f"/queries/{q}" for q in queries.registry())]
    links = page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert {"/docs", "/redoc", "/views/query/open-commitments"} <= set(links)
    assert fetched(page) == [f"{url}/"] and page.evaluate("document.scripts.length") == 0


@pytest.mark.parametrize("path, drawn", [
    ("/docs", "document.querySelectorAll('.opblock').length > 20"),
    ("/redoc", "document.querySelectorAll('[data-section-id]').length > 20"),
])
def test_the_api_docs_draw_offline_from_the_server_alone(served, page, path, drawn):
    url = str(served[1].base_url).rstrip("/")
    page.open(f"{url}{path}", settle=drawn)
    assert all(r.startswith((f"{url}/", f"blob:{url}/")) for r in fetched(page)), fetched(page)
    assert f"{url}/openapi.json" in fetched(page)


def test_serve_open_opens_the_index_in_the_users_browser(tmp_path):
    """--open hands the index's URL to the browser the environment names (BROWSER, as
    Python's webbrowser reads it): here a command that writes the URL down."""
    opened = tmp_path / "opened.txt"
    port = free_port()
    api = cli("serve", "--port", str(port), "--quiet", "--open", data_dir=tmp_path / "data",
              env_extra={"BROWSER": f"sh -c 'echo %s > {opened}'"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not opened.exists():
        time.sleep(0.1)
    api.terminate()
    finish(api, 60)
    assert opened.read_text().strip() == f"http://127.0.0.1:{port}/"
