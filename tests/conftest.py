"""Fixtures: real embedded stores in temporary directories, the bundled minutes, the shared corpora."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from scrutiny.graph.stores.embedded import EmbeddedStore
from scrutiny.loaders.pipeline import expand, load_paths
from scrutiny.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "minutes"
SHARED = Path(os.environ.get("SCRUTINY_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def store(settings):
    s = EmbeddedStore(settings.data_dir)
    s.ensure_schema()
    yield s
    s.close()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """The bundled minutes loaded once into a real embedded store."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("sample") / "data")
    s = EmbeddedStore(settings.data_dir)
    s.ensure_schema()
    report = load_paths(s, expand([str(EXAMPLES)]), settings)
    assert not report.failed, report.failed
    yield s
    s.close()


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


def load_meetings(tmp_path_factory, name: str, body: str, meetings: dict[str, str], today: str):
    """A store holding one body's meetings ({date: minutes text}), loaded as a user would:
    files and a manifest in a folder, then ``load`` with linking as of ``today``."""
    folder = tmp_path_factory.mktemp(name)
    rows = ["file,url,body,meeting_date"]
    for date, text in meetings.items():
        (folder / f"{date}.txt").write_text(text)
        rows.append(f"{date}.txt,https://{name}.example.gov.uk/{date},{body},{date}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n")
    settings = Settings(data_dir=tmp_path_factory.mktemp(f"{name}-data") / "data")
    store = EmbeddedStore(settings.data_dir)
    store.ensure_schema()
    report = load_paths(store, expand([str(folder)]), settings, today=today)
    assert len(report.loaded) == len(meetings) and not report.failed, report
    return store


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
