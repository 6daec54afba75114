"""The embedded store for real: round trips, persistence, one server per data file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from scrutiny.errors import QueryTimeout, StoreError
from scrutiny.graph.cypher import upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.backup import wait_for_log_rewrite
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


def test_store_round_trip_keeps_text_exactly(store):
    text = 'line one\nsaid "quoted" \\ back ’curly’ and <script>alert(1)</script>'
    g = Graph()
    g.add_node("Document", "sha256:x", source="s", format="text", text=text)
    store.write(upsert_statements(g))
    assert store.run("MATCH (d:Document {key: $k}) RETURN d.text AS t", {"k": "sha256:x"}) == [{"t": text}]


def test_store_write_is_idempotent(store):
    for _ in range(2):
        store.write(upsert_statements(_person_graph("Boyes", "Potts")))
    assert store.run("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 2}]


def test_unique_constraint_rejects_duplicate_key(store):
    store.write(upsert_statements(_person_graph("Boyes")))
    time.sleep(0.2)  # FalkorDB builds constraints asynchronously
    with pytest.raises(StoreError, match="unique constraint"):
        store.run("CREATE (:Person {key: 'test|boyes', name: 'again'})", write=True)


def test_read_only_run_refuses_writes(store):
    with pytest.raises(StoreError):
        store.run("CREATE (:Person {key: 'x', name: 'x'})")
    assert store.run("MATCH (p:Person {key: 'x'}) RETURN p") == []


def test_schema_another_process_created_first_is_not_an_error(store):
    """The API and a load opened together both find an index missing, and both create it."""
    store._indexed = lambda: set()  # what the slower of the two saw before the other's writes
    store.ensure_schema()
    assert ("Meeting", "date") in type(store)._indexed(store)


def test_data_survives_close_and_a_new_process(settings):
    s = EmbeddedStore(settings.data_dir)
    s.write(upsert_statements(_person_graph("Hovvels")))
    s.close()
    code = ("from scrutiny.graph.stores.embedded import EmbeddedStore as E; import sys; "
            "s = E(sys.argv[1]); print(s.run('MATCH (p:Person) RETURN p.name AS n')[0]['n']); s.close()")
    out = subprocess.run([sys.executable, "-c", code, str(settings.data_dir)],
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "Hovvels", out.stderr


def test_concurrent_openers_share_one_server_and_lose_no_writes(settings):
    code = ("import sys; from scrutiny.graph.stores.embedded import EmbeddedStore as E\n"
            "from scrutiny.graph.model import Graph\nfrom scrutiny.graph.cypher import upsert_statements\n"
            "s = E(sys.argv[1])\nfor i in range(20):\n"
            "    g = Graph(); g.add_node('Person', f'{sys.argv[2]}-{i}', name='n'); s.write(upsert_statements(g))\n"
            "print(s.dir.server_pid()); s.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(settings.data_dir), tag],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for tag in ("a", "b", "c")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    s = EmbeddedStore(settings.data_dir)
    try:
        assert s.run("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 60}]
    finally:
        s.close()


def test_last_close_stops_the_server_quickly(settings):
    s = EmbeddedStore(settings.data_dir)
    pid = s.dir.server_pid()
    started = time.monotonic()
    s.close()
    assert time.monotonic() - started < 1.0
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(pid)


def test_server_left_by_a_killed_process_is_reused(settings):
    code = ("import os, sys; from scrutiny.graph.stores.embedded import EmbeddedStore as E\n"
            "s = E(sys.argv[1]); print(s.dir.server_pid(), flush=True); os._exit(0)")
    out = subprocess.run([sys.executable, "-c", code, str(settings.data_dir)],
                         capture_output=True, text=True, timeout=60)
    orphan = int(out.stdout.strip())
    assert _running(orphan)
    s = EmbeddedStore(settings.data_dir)
    try:
        assert s.dir.server_pid() == orphan
    finally:
        s.close()


def test_a_server_still_reading_its_files_is_waited_for_not_doubled(settings, caplog):
    """A server reading a large graph answers nothing for seconds (about 15 s per 1M nodes
    here).  An opener must wait for it, never start a second server on the same files.
    Redis's key-load-delay (microseconds per key of the base snapshot) stands in for size."""
    s = EmbeddedStore(settings.data_dir)
    s.write(upsert_statements(_person_graph("Hovvels", "Boyes")))
    s.conn.bgrewriteaof()  # the graph into the log's base snapshot, which the delay applies to
    wait_for_log_rewrite(s.conn, timeout_s=30)
    first = s.dir.server_pid()
    s.close()
    server = ServerDir(settings.data_dir)
    server.wait_for_exit(first)  # its threads linger a moment after the shutdown
    subprocess.run([*server.command(), "--key-load-delay", "7000000"], check=True, timeout=30)
    deadline = time.monotonic() + 5  # it has daemonised; now its pid file and socket appear
    while not (server.running_pid() and os.path.exists(server.socket_path)) \
            and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    s = EmbeddedStore(settings.data_dir)
    try:
        waited = time.monotonic() - started
        assert s.run("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 2}]
        assert server_processes(settings.data_dir) == [server.server_pid()]
    finally:
        s.close()
        for stray in server_processes(settings.data_dir):  # a second one (the bug), or ours winding down
            os.kill(stray, signal.SIGKILL)
    assert waited > 5, "the server was not loading when the store opened: nothing was tested"
    assert "waiting for the store" in caplog.text  # the CLI shows it on stderr


SLOW_COUNT = "UNWIND range(1, $n) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS c"


def test_query_may_run_past_five_seconds_when_its_timeout_allows(store):
    """redis-py reads with a 5 s socket timeout unless told otherwise; the store's own
    per-query timeout must be what limits a query."""
    store.run("MERGE (:Probe {key: 'p'})", write=True)
    n = 50_000_000  # about 6 s on these machines
    start = time.perf_counter()
    rows = store.run(SLOW_COUNT, {"n": n}, timeout_ms=60_000)
    if time.perf_counter() - start < 5:
        pytest.skip("this machine counted too fast to pass redis-py's default read timeout")
    assert rows == [{"c": n // 7}]


def test_query_past_its_timeout_fails_as_a_timeout(store):
    store.run("MERGE (:Probe {key: 'p'})", write=True)
    with pytest.raises(QueryTimeout):
        store.run(SLOW_COUNT, {"n": 50_000_000}, timeout_ms=200)
    assert store.run("MATCH (p:Probe) RETURN count(p) AS n") == [{"n": 1}]
