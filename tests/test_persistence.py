"""Data outlives every entry point, and a backup brings a graph back exactly.

Embedded only, on purpose: these are the embedded store's file features (its server saves
the data directory and stops with its last client; ``backup`` and ``restore`` archive that
directory, and refuse a Neo4j store).  What any entry point writes reaching the store it
names is tested on both stores elsewhere: the CLI's load and report in ``test_cli.py``, the
API's ingest in ``test_api.py``.
"""

from __future__ import annotations

import signal
import time

import httpx

from scrutiny.graph.stores.embedded import EmbeddedStore
from tests.conftest import EXAMPLES, ROOT, free_port
from tests.processes import cli, fingerprint, server_processes

KEY = "a-key-of-24-characters!!"


def finish(proc, timeout=300):
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def no_server_left(data) -> bool:
    deadline = time.monotonic() + 10
    while server_processes(data) and time.monotonic() < deadline:
        time.sleep(0.1)  # its threads wind down just after it saves
    return server_processes(data) == []


def start_api(data, **env):
    port = free_port()
    api = cli("serve", "--port", str(port), data_dir=data, env_extra=env)
    http = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            http.get("/health")
            return api, http
        except httpx.ConnectError:
            time.sleep(0.1)
    raise AssertionError(f"the API did not start: {finish(api, 5)}")


def stop_api(api, http) -> int:
    http.close()
    api.send_signal(signal.SIGINT)
    return finish(api, 60)[0]


def documents_held(http) -> int:
    return http.get("/queries/document-count").json()["rows"][0]["documents"]


def graph_of(data) -> dict:
    store = EmbeddedStore(data)
    try:
        return fingerprint(store)
    finally:
        store.close()


def test_each_cli_command_leaves_no_server_and_the_next_finds_the_data(tmp_path):
    data = tmp_path / "data"
    assert finish(cli("load", str(EXAMPLES), data_dir=data))[0] == 0
    assert no_server_left(data)
    code, out, _ = finish(cli("report", data_dir=data))
    assert code == 0 and out.startswith("5 meetings of 5 bodies; 16 commitments")
    assert no_server_left(data)


def test_what_the_api_ingested_is_there_after_it_restarts(tmp_path):
    data = tmp_path / "data"
    api, http = start_api(data, SCRUTINY_API_KEY=KEY)
    doc = {"file": ("m.txt", b"Councillor Boyes asked whether the register had been updated.")}
    assert http.post("/documents", files=doc, headers={"X-API-Key": KEY}).status_code == 200
    assert stop_api(api, http) == 0
    assert no_server_left(data)
    api, http = start_api(data)
    try:
        assert documents_held(http) == 1
        sources = http.get("/queries/accountability-record", params={"who": "boyes"}).json()
        assert [r["source"] for r in sources["rows"]] == ["upload:m.txt"]  # not a temporary path
    finally:
        stop_api(api, http)


def test_a_backup_taken_while_the_api_serves_restores_the_same_graph(tmp_path):
    data, archive = tmp_path / "data", tmp_path / "backups" / "b.tar.gz"
    assert finish(cli("load", str(EXAMPLES), data_dir=data))[0] == 0
    before = graph_of(data)
    api, http = start_api(data)
    try:
        code, out, err = finish(cli("backup", str(archive), data_dir=data))
        assert code == 0, err
        assert out.startswith(f"{archive}: 5 documents, taken ")
        code, _, err = finish(cli("restore", str(archive), data_dir=data))
        assert code == 1 and "is in use (1 connection(s)): stop the API and any load" in err
        assert documents_held(http) == 5  # refused, and nothing disturbed
    finally:
        assert stop_api(api, http) == 0
    fixture = ROOT / "tests" / "fixtures" / "borsetshire"
    assert finish(cli("load", str(fixture), data_dir=data))[0] == 0
    assert graph_of(data) != before
    code, out, err = finish(cli("restore", str(archive), data_dir=data))
    assert code == 0, err
    assert "restored 5 documents" in out and "the replaced files are in" in out
    assert graph_of(data) == before
    assert list(data.glob("falkordb.before-restore-*/appendonlydir"))


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "b.tar.gz"
    bogus.write_bytes(b"not an archive")
    code, _, err = finish(cli("restore", str(bogus), data_dir=tmp_path / "data"))
    assert code == 1
    assert err.strip() == (f"Error: {bogus}: not a scrutiny backup (not a gzip file); the store in "
                           f"{tmp_path / 'data'} is unchanged")
