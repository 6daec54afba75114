"""The embedded store's own machinery, for real: persistence, one server per data file.

What every store does (round trips, constraints, timeouts, full text, counts) is tested on
both stores in ``test_store.py``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from scrutiny.graph.cypher import upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.backup import wait_for_log_rewrite
from scrutiny.graph.stores.base import open_store
from scrutiny.graph.stores.embedded import EmbeddedStore
from scrutiny.graph.stores.server import ServerDir
from tests.processes import server_processes


def _person_graph(*names: str) -> Graph:
    g = Graph()
    for name in names:
        g.add_node("Person", f"test|{name.lower()}", name=name, surname=name)
    return g


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return "\nState:\tZ" not in fh.read()
    except FileNotFoundError:
        return False


@pytest.fixture
def embedded_store(embedded_settings):
    s = open_store(embedded_settings)
    yield s
    s.close()


def test_schema_another_process_created_first_is_not_an_error(embedded_store):
    """The API and a load opened together both find an index missing, and both create it
    (Neo4j's schema statements say IF NOT EXISTS instead)."""
    store = embedded_store
    store._indexed = lambda: set()  # what the slower of the two saw before the other's writes
    store.ensure_schema()
    assert ("Meeting", "date") in type(store)._indexed(store)


def test_data_survives_close_and_a_new_process(embedded_settings):
    s = EmbeddedStore(embedded_settings.data_dir)
    s.write(upsert_statements(_person_graph("Hovvels")))
    s.close()
    code = ("from scrutiny.graph.stores.embedded import EmbeddedStore as E; import sys; "
            "s = E(sys.argv[1]); print(s.run('MATCH (p:Person) RETURN p.name AS n')[0]['n']); s.close()")
    out = subprocess.run([sys.executable, "-c", code, str(embedded_settings.data_dir)],
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "Hovvels", out.stderr


def test_concurrent_openers_share_one_server_and_lose_no_writes(embedded_settings):
    code = ("import sys; from scrutiny.graph.stores.embedded import EmbeddedStore as E\n"
            "from scrutiny.graph.model import Graph\nfrom scrutiny.graph.cypher import upsert_statements\n"
            "s = E(sys.argv[1])\nfor i in range(20):\n"
            "    g = Graph(); g.add_node('Person', f'{sys.argv[2]}-{i}', name='n'); s.write(upsert_statements(g))\n"
            "print(s.dir.server_pid()); s.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(embedded_settings.data_dir), tag],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for tag in ("a", "b", "c")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    s = EmbeddedStore(embedded_settings.data_dir)
    try:
        assert s.run("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 60}]
    finally:
        s.close()


def test_last_close_stops_the_server_quickly(embedded_settings):
    s = EmbeddedStore(embedded_settings.data_dir)
    pid = s.dir.server_pid()
    started = time.monotonic()
    s.close()
    assert time.monotonic() - started < 1.0
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(pid)


def test_server_left_by_a_killed_process_is_reused(embedded_settings):
    code = ("import os, sys; from scrutiny.graph.stores.embedded import EmbeddedStore as E\n"
            "s = E(sys.argv[1]); print(s.dir.server_pid(), flush=True); os._exit(0)")
    out = subprocess.run([sys.executable, "-c", code, str(embedded_settings.data_dir)],
                         capture_output=True, text=True, timeout=60)
    orphan = int(out.stdout.strip())
    assert _running(orphan)
    s = EmbeddedStore(embedded_settings.data_dir)
    try:
        assert s.dir.server_pid() == orphan
    finally:
        s.close()


def test_a_server_still_reading_its_files_is_waited_for_not_doubled(embedded_settings, caplog):
    """A server reading a large graph answers nothing for seconds (about 15 s per 1M nodes
    here).  An opener must wait for it, never start a second server on the same files.
    Redis's key-load-delay (microseconds per key of the base snapshot) stands in for size."""
    s = EmbeddedStore(embedded_settings.data_dir)
    s.write(upsert_statements(_person_graph("Hovvels", "Boyes")))
    s.conn.bgrewriteaof()  # the graph into the log's base snapshot, which the delay applies to
    wait_for_log_rewrite(s.conn, timeout_s=30)
    first = s.dir.server_pid()
    s.close()
    server = ServerDir(embedded_settings.data_dir)
    server.wait_for_exit(first)  # its threads linger a moment after the shutdown
    subprocess.run([*server.command(), "--key-load-delay", "7000000"], check=True, timeout=30)
    deadline = time.monotonic() + 5  # it has daemonised; now its pid file and socket appear
    while not (server.running_pid() and os.path.exists(server.socket_path)) \
            and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    s = EmbeddedStore(embedded_settings.data_dir)
    try:
        waited = time.monotonic() - started
        assert s.run("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 2}]
        assert server_processes(embedded_settings.data_dir) == [server.server_pid()]
    finally:
        s.close()
        for stray in server_processes(embedded_settings.data_dir):  # a second one (the bug), or ours winding down
            os.kill(stray, signal.SIGKILL)
    assert waited > 5, "the server was not loading when the store opened: nothing was tested"
    assert "waiting for the store" in caplog.text  # the CLI shows it on stderr
