"""The API's response cache through a real client over loopback: an answer is never served
once a load has changed the graph (the load in another process), ETag and 304 work, and the
cache stays within its own bounds however many distinct requests come."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from scrutiny.api.app import create_app
from scrutiny.api.cache import ResponseCache
from scrutiny.api.version_reads import SharedVersionReads
from scrutiny.loaders.pipeline import expand, load_paths
from tests.conftest import EXAMPLES, serve_app, store_env
from tests.processes import cli

FIRST, SECOND = sorted(EXAMPLES.glob("*.txt"))[:2]
ROUTES = ("/queries/document-count", "/chains?limit=50", "/search?text=report")


class CachedClient(httpx.Client):
    """A client of the test's server, with that server's cache beside it for its accounting."""

    cache: ResponseCache


@pytest.fixture
def api(store, settings):
    """A server on a store holding one document, its cache reachable as ``api.cache``."""
    load_paths(store, expand([str(FIRST)]), settings)
    app = create_app(settings, cache=ResponseCache(max_entries=32, max_bytes=256 * 1024))
    server, thread, url = serve_app(app)
    try:
        with CachedClient(base_url=url, timeout=60) as client:
            client.cache = app.state.cache
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def _load_in_another_process(path, settings) -> None:
    proc = cli("load", str(path), env=store_env(settings))
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err


def test_a_repeated_request_is_answered_from_the_cache_with_the_same_bytes_and_etag(api):
    first = api.get("/chains?limit=50&offset=0")
    hits = api.cache.hits
    again = api.get("/chains?offset=0&limit=50")  # the same parameters in another order
    assert first.status_code == again.status_code == 200
    assert api.cache.hits == hits + 1
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert again.headers["cache-control"] == "no-cache"


def test_no_cached_answer_is_served_after_another_process_loads_a_document(api, settings):
    before = {route: api.get(route) for route in ROUTES}
    assert all(r.status_code == 200 for r in before.values())
    _load_in_another_process(SECOND, settings)
    for route, old in before.items():
        new = api.get(route)
        assert new.status_code == 200
        assert new.headers["etag"] != old.headers["etag"], route
    count = api.get("/queries/document-count").json()["rows"][0]["documents"]
    assert (before["/queries/document-count"].json()["rows"][0]["documents"], count) == (1, 2)
    assert api.get("/chains?limit=50").content != before["/chains?limit=50"].content


def test_a_matching_if_none_match_is_answered_304_until_the_graph_changes(api, settings):
    tag = api.get("/queries/document-count").headers["etag"]
    unchanged = api.get("/queries/document-count", headers={"If-None-Match": tag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == tag
    listed = api.get("/queries/document-count", headers={"If-None-Match": f'"other", W/{tag}'})
    assert listed.status_code == 304
    other = api.get("/queries/document-count", headers={"If-None-Match": '"other"'})
    assert other.status_code == 200 and other.json()["rows"][0]["documents"] == 1
    _load_in_another_process(SECOND, settings)
    changed = api.get("/queries/document-count", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert changed.json()["rows"][0]["documents"] == 2


def test_many_distinct_requests_keep_the_cache_within_its_entries_and_bytes(api):
    sizes = set()
    for n in range(1, 121):
        answer = api.get(f"/search?text=report&limit={n}")
        assert answer.status_code == 200
        sizes.add(len(answer.content))
    cache = api.cache
    assert 0 < len(cache) <= cache.max_entries and 0 < cache.bytes <= cache.max_bytes
    assert cache.bytes == sum(a.size for a in cache._answers.values())  # the accounting is exact
    assert len(sizes) > 1  # the requests were distinct answers, not one answer again


def test_an_error_is_not_kept_and_health_is_not_cached(api):
    assert api.get("/entities/person/nobody-at-all").status_code == 404
    assert api.get("/health").status_code == 200
    assert len(api.cache) == 0
    assert "etag" not in api.get("/health").headers


def test_the_least_recently_used_answer_goes_first():
    from scrutiny.api.cache import Answer
    cache = ResponseCache(max_entries=2, max_bytes=10_000)
    for key in ("a", "b"):
        cache.put(key, Answer(200, (), b"x"))
    assert cache.get("a") is not None  # "b" is now the least recently used
    cache.put("c", Answer(200, (), b"x"))
    assert (cache.get("a") is not None, cache.get("b"), cache.get("c") is not None) == (True, None, True)


def test_an_answer_larger_than_the_cache_is_not_kept():
    from scrutiny.api.cache import Answer
    cache = ResponseCache(max_entries=8, max_bytes=1_000)
    cache.put("big", Answer(200, (), b"x" * 2_000))
    assert (len(cache), cache.bytes) == (0, 0)



class _SlowStore:
    """A store whose first version read blocks until released; it reads ``number`` as it starts."""

    def __init__(self):
        self.number, self.calls, self.release = 1, 0, threading.Event()

    def run(self, cypher, params=None, **_):
        self.calls += 1
        seen = self.number
        if self.calls == 1:
            self.release.wait(60)
        return [{"number": seen, "token": "t"}]


def test_a_version_read_that_started_before_a_request_is_not_the_one_it_gets():
    """Requests that come while a read runs share the next read, which sees a load that
    committed meanwhile; the read already running answers only those that came before it."""
    store = _SlowStore()

    async def scenario():
        reads = SharedVersionReads(store)
        first = asyncio.ensure_future(reads.read())
        while store.calls == 0:
            await asyncio.sleep(0.01)
        store.number = 2  # a load commits while the first read runs
        later = [asyncio.ensure_future(reads.read()) for _ in range(3)]
        await asyncio.sleep(0.05)
        store.release.set()
        return await first, [await f for f in later]

    assert asyncio.run(scenario()) == ("1-t", ["2-t", "2-t", "2-t"])
    assert store.calls == 2  # three requests, one read
