"""Fixtures: real embedded stores in temporary directories, the bundled minutes, the shared corpora."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from scrutiny.graph import version
from scrutiny.graph.stores.base import open_store
from scrutiny.loaders.pipeline import expand, load_paths
from scrutiny.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "minutes"
SHARED = Path(os.environ.get("SCRUTINY_SHARED", ROOT.parent / "shared"))


STORES = ("embedded", "neo4j")

# pytest-xdist's workers export COLUMNS=80; the CLI tests expect the width scrutiny fits a
# table to when its output is not a terminal, as in a run without workers.
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """The run's one Neo4j, started on first use. Missing Java or jars skip the Neo4j half
    with the reason; under CI they fail it, since CI must test both stores."""
    from tests.neo4j_server import Neo4jServer, why_not_here
    reason = why_not_here()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Neo4j half of the suite, and cannot: {reason}")
        pytest.skip(reason)
    server = Neo4jServer(tmp_path_factory.mktemp("neo4j"))
    yield server
    server.stop()


@pytest.fixture(params=STORES)
def store_kind(request) -> str:
    """Each test that takes it runs once per store."""
    if request.param == "neo4j":
        request.getfixturevalue("neo4j_server")
    return request.param


@pytest.fixture
def settings(store_kind, tmp_path, request) -> Settings:
    """Settings for an empty store of this test's kind (Neo4j is emptied for it)."""
    if store_kind == "neo4j":
        server = request.getfixturevalue("neo4j_server")
        server.wipe()
        return server.settings(tmp_path / "data")
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def store(settings):
    s = open_store(settings)
    yield s
    s.close()


@pytest.fixture
def embedded_settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def store_env(settings: Settings) -> dict[str, str]:
    """The environment a `scrutiny` child process needs to open the same store."""
    env = {**os.environ, "SCRUTINY_DATA_DIR": str(settings.data_dir), "SCRUTINY_STORE": settings.store}
    if settings.neo4j_uri:
        env["SCRUTINY_NEO4J_URI"] = settings.neo4j_uri
    return env


VOLATILE = {"loaded_at", "linked_at"}  # when a load ran differs from run to run, not what it wrote


def graph_contents(store) -> tuple[list, list]:
    """Every node (label, properties) and relationship (type, end keys, properties), sorted:
    what two graphs must share to be the same graph (not the version: it is new at every load)."""
    nodes = [r for r in store.run("MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props")
             if r["label"] != version.LABEL]
    rels = store.run("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.key AS a, b.key AS b, properties(r) AS props")

    def clean(props):
        return json.dumps({k: v for k, v in sorted(props.items()) if k not in VOLATILE}, sort_keys=True)
    return (sorted((r["label"], clean(r["props"])) for r in nodes),
            sorted((r["t"], r["a"], r["b"], clean(r["props"])) for r in rels))


class Graphs:
    """Named graphs loaded once per store and shared by the tests that only read them.

    On the embedded store each has its own directory, kept for the run. Neo4j Community has
    one database, so there a graph is rebuilt whenever another was loaded since.
    """

    def __init__(self, request, tmp_path_factory):
        self.request, self.tmp = request, tmp_path_factory
        self.embedded: dict[str, tuple] = {}

    def get(self, kind: str, name: str, build) -> tuple:
        """(store, settings) holding graph `name`; ``build(store, settings)`` loads it."""
        if kind == "embedded":
            if name not in self.embedded:
                settings = Settings(data_dir=self.tmp.mktemp(name) / "data")
                store = open_store(settings)
                build(store, settings)
                self.embedded[name] = (store, settings)
            return self.embedded[name]
        server = self.request.getfixturevalue("neo4j_server")
        settings = server.settings(self.tmp.mktemp(name) / "data")
        server.holding(name, lambda: build(server.store, settings))
        return server.store, settings

    def close(self) -> None:
        for store, _ in self.embedded.values():
            store.close()


@pytest.fixture(scope="session")
def graphs(request, tmp_path_factory):
    g = Graphs(request, tmp_path_factory)
    yield g
    g.close()


def _load_bundled(store, settings) -> None:
    report = load_paths(store, expand([str(EXAMPLES)]), settings)
    assert not report.failed, report.failed


def bundled(graphs: Graphs, kind: str) -> tuple:
    """(store, settings) holding the bundled minutes, loaded once per store."""
    return graphs.get(kind, "sample", _load_bundled)


@pytest.fixture
def sample_store(store_kind, graphs):
    """The bundled minutes, loaded once per store."""
    return bundled(graphs, store_kind)[0]


FIXTURE_AS_OF = "2024-10-01"  # the day the four-meeting fixture's commitments are judged on


def _load_minutes_and_fixture_graph(store, settings) -> None:
    report = load_minutes_and_fixture(store, settings, FIXTURE_AS_OF)
    assert len(report.loaded) == 9 and not report.failed, report.failed


def minutes_and_fixture(graphs: Graphs, kind: str) -> tuple:
    """(store, settings) holding the bundled minutes and the four-meeting fixture, linked as of
    ``FIXTURE_AS_OF``, loaded once per store for every module that reads them."""
    return graphs.get(kind, "minutes-and-fixture", _load_minutes_and_fixture_graph)


def load_minutes_and_fixture(store, settings: Settings, today: str):
    """The bundled minutes and the four-meeting fixture, loaded from the checkout's root so
    that sources are stored relative and results read the same on any machine."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return load_paths(store, expand(["examples/minutes", "tests/fixtures/borsetshire"]),
                          settings, today=today)
    finally:
        os.chdir(here)


def load_meetings(graphs: Graphs, kind: str, name: str, body: str, meetings: dict[str, str],
                  today: str):
    """A store holding one body's meetings ({date: minutes text}), loaded as a user would:
    files and a manifest in a folder, then ``load`` with linking as of ``today``."""
    def build(store, settings):
        folder = graphs.tmp.mktemp(name)
        rows = ["file,url,body,meeting_date"]
        for date, text in meetings.items():
            (folder / f"{date}.txt").write_text(text)
            rows.append(f"{date}.txt,https://{name}.example.gov.uk/{date},{body},{date}")
        (folder / "manifest.csv").write_text("\n".join(rows) + "\n")
        report = load_paths(store, expand([str(folder)]), settings, today=today)
        assert len(report.loaded) == len(meetings) and not report.failed, report
    return graphs.get(kind, name, build)[0]


KENT = ROOT / "examples" / "kent-pcp-2017-18"
KENT_AS_OF = "2018-09-27"  # the last of the nine meetings: commitments are judged on that day


def _load_kent(store, settings) -> None:
    report = load_paths(store, expand([str(KENT)]), settings, today=KENT_AS_OF)
    assert len(report.loaded) == 9 and not report.failed, report.failed


def kent(graphs: Graphs, kind: str) -> tuple:
    """(store, settings) holding the nine bundled Kent meetings, linked as of ``KENT_AS_OF``."""
    return graphs.get(kind, "kent", _load_kent)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_app(app):
    """``app`` on a real uvicorn server on loopback: (server, thread, base URL)."""
    import threading
    import time

    import uvicorn
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def needs_shared(path: Path) -> Path:
    """The shared corpus beside the checkout; CI always has it, so there its absence fails."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} not present, and CI must score against the shared corpus")
        pytest.skip(f"{path} not present (the shared corpus sits beside the checkout)")
    return path
