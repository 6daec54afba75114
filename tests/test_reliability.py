"""Crash safety and concurrency, for real: separate processes, kill -9, one store.

A document is written in one store transaction (a MULTI/EXEC block on the embedded store,
one write transaction on Neo4j) that ends by marking it complete, so whatever dies (the
loader, or the embedded database server) each document is either wholly in the graph or
absent, and a re-run completes to the graph a clean load builds.  Killing the loader is
tested on both stores; what kills or shares the embedded server is embedded by nature.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import datetime as dt
import os
import signal
import subprocess
import time

import httpx
import pytest

from scrutiny.graph.stores.embedded import EmbeddedStore
from scrutiny.graph.stores.neo4j import Neo4jStore
from scrutiny.graph.stores.server import ServerDir
from scrutiny.settings import Settings
from tests.conftest import EXAMPLES, free_port, store_env
from tests.processes import cli, fingerprint, server_processes

COPIES = 12  # of each bundled document: 60 meetings, a load of several seconds


def corpus(folder):
    """Distinct meetings from the bundled texts: each copy has its own date and body."""
    folder.mkdir()
    rows = []
    texts = sorted(EXAMPLES.glob("*.txt"))
    for n in range(COPIES):
        for m, path in enumerate(texts):
            name = f"copy-{n:02d}-{path.name}"
            (folder / name).write_text(path.read_text() + f"\n\nCopy {n}.")
            day = dt.date(2019, 1, 1) + dt.timedelta(days=7 * (n * len(texts) + m))
            rows.append({"file": name, "body": f"Copyshire {m} Police and Crime Panel",
                         "meeting_date": day.isoformat()})
    with (folder / "manifest.csv").open("w", newline="") as fh:
        writer = csv.DictWriter(fh, ["file", "body", "meeting_date"])
        writer.writeheader()
        writer.writerows(rows)
    return folder


def load(folder, settings: Settings) -> subprocess.CompletedProcess:
    proc = cli("load", str(folder), env=store_env(settings))
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@contextlib.contextmanager
def opened(settings: Settings):
    """The store as it is, without the schema work of ``open_store`` (this only looks)."""
    store = (Neo4jStore.from_settings(settings) if settings.store == "neo4j"
             else EmbeddedStore(settings.data_dir))
    try:
        yield store
    finally:
        store.close()


def per_document(store) -> dict[str, collections.Counter]:
    """What each document contributed: its own nodes by label and edges by type.  Links derived
    across meetings are left out: they depend on which other documents are in."""
    parts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in store.run("MATCH (n) WHERE n.doc IS NOT NULL RETURN n.doc AS doc, "
                       "labels(n)[0] AS what, count(*) AS n"):
        parts[r["doc"]][r["what"]] += r["n"]
    for r in store.run("MATCH ()-[e]->() WHERE e.doc IS NOT NULL AND coalesce(e.derived, false) "
                       "= false AND NOT type(e) IN ['FULFILLED_BY', 'SUPERSEDED_BY'] "
                       "RETURN e.doc AS doc, type(e) AS what, count(*) AS n"):
        parts[r["doc"]][r["what"]] += r["n"]
    return parts


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The corpus loaded once, undisturbed: the graph every recovery must reach, on either
    store.  The two stores build the same graph from the same files (the fingerprint and
    every document's contents are equal), so one clean load on the embedded store, seconds
    against a minute on a Neo4j just started, is the reference for both."""
    root = tmp_path_factory.mktemp("clean")
    folder = corpus(root / "minutes")
    settings = Settings(data_dir=root / "data")
    load(folder, settings)
    with opened(settings) as store:
        return folder, fingerprint(store), per_document(store)


def complete_documents(settings: Settings) -> int:
    if settings.store == "embedded" and not ServerDir(settings.data_dir).alive():
        return 0  # opening it would start a server: not while the load may be starting one
    with opened(settings) as store:
        return store.run("MATCH (d:Document) WHERE d.complete = true RETURN count(d) AS n")[0]["n"]


def kill_mid_load(folder, settings: Settings, victim) -> int:
    """Start a load, wait until some documents are in, kill -9 ``victim(proc)``; the count of
    documents seen just before the kill."""
    proc = cli("load", str(folder), env=store_env(settings))
    deadline = time.monotonic() + 120
    seen = 0
    while seen < 8 and time.monotonic() < deadline:
        time.sleep(0.05)
        seen = complete_documents(settings)
    assert proc.poll() is None, "the load finished before it could be interrupted"
    os.kill(victim(proc), signal.SIGKILL)
    proc.communicate(timeout=120)
    return seen


def assert_whole_documents_then_recovers(folder, settings: Settings, clean_prints, clean_parts,
                                         may_finish: bool = False):
    with opened(settings) as store:
        partial = per_document(store)
        docs = store.run("MATCH (d:Document) RETURN d.key AS key, d.complete AS complete")
    total = sum(1 for _ in folder.glob("*.txt"))
    assert 0 < len(docs) <= total if may_finish else 0 < len(docs) < total
    for doc in docs:  # present means complete, with exactly what a clean load gives it
        assert doc["complete"] is True
        assert partial[doc["key"]] == clean_parts[doc["key"]], doc["key"]
    assert set(partial) <= {d["key"] for d in docs}  # nothing of a document that is not in
    rerun = load(folder, settings)
    assert "failed 0" in rerun.stdout
    with opened(settings) as store:
        assert fingerprint(store) == clean_prints


def test_killing_the_loader_leaves_whole_documents_and_a_rerun_completes_the_graph(clean, settings):
    folder, prints, parts = clean
    seen = kill_mid_load(folder, settings, victim=lambda proc: proc.pid)
    assert seen >= 8
    assert_whole_documents_then_recovers(folder, settings, prints, parts)


def test_killing_the_database_server_loses_no_finished_document(clean, embedded_settings):
    """Embedded only: the loader's own store server, started on the data directory, is killed.
    The loader's store starts a server again and goes on, or stops if a write was in flight."""
    folder, prints, parts = clean
    data = embedded_settings.data_dir
    kill_mid_load(folder, embedded_settings, victim=lambda proc: ServerDir(data).server_pid())
    assert_whole_documents_then_recovers(folder, embedded_settings, prints, parts, may_finish=True)


def server_identity(data_dir) -> str | None:
    """The run id of the server answering on the directory's socket (unique per start)."""
    server = ServerDir(data_dir)
    if not server.alive():
        return None
    conn = server.client("scrutiny-test-probe")
    try:
        return conn.info("server")["run_id"]
    finally:
        conn.close()


def test_the_api_reads_while_a_load_writes_with_one_server_and_no_lost_write(tmp_path):
    """Embedded only: the API and a load, started together, share one embedded server."""
    folder, data, port = corpus(tmp_path / "minutes"), tmp_path / "data", free_port()
    api = cli("serve", "--port", str(port), data_dir=data)
    loader = cli("load", str(folder), data_dir=data)  # started together: one server must win
    base, answers, failures = f"http://127.0.0.1:{port}", collections.Counter(), []
    servers: set[str | None] = set()
    try:
        with httpx.Client(base_url=base, timeout=30) as http:
            while loader.poll() is None or not answers:
                assert api.poll() is None, api.communicate()[1]  # a dead API would never answer
                for path in ("/health", "/chains?limit=5", "/queries/graph-counts"):
                    try:
                        status = http.get(path).status_code
                    except httpx.ConnectError:
                        continue  # still starting
                    answers[status] += 1
                    if status != 200:
                        failures.append((path, status))
                servers.add(server_identity(data))
            out, err = loader.communicate(timeout=600)
            assert loader.returncode == 0, err
            documents = http.get("/queries/document-count").json()["rows"][0]["documents"]
            assert len(server_processes(data)) == 1
    finally:
        api.send_signal(signal.SIGINT)
        api.communicate(timeout=60)
    assert not failures, failures
    assert answers[200] > 10
    assert len(servers - {None}) == 1  # the same one server throughout
    assert documents == COPIES * 5
    assert api.returncode == 0
    deadline = time.monotonic() + 10
    while server_processes(data) and time.monotonic() < deadline:
        time.sleep(0.1)  # the server's threads wind down just after it saves
    assert server_processes(data) == []  # a clean exit leaves no orphan
