"""Faults of the embedded store, for real: a socket someone else owns, a server killed under a
store, a disk that refuses writes, damaged or unusable data directories.

Every fault must end in one line naming the place and what to do, never a hang or a
traceback, and what can be recovered (a killed server) is recovered by the store itself.
We run as root here, so the faults are made with files and processes, not permission bits.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pytest

from scrutiny.errors import StoreFault, StoreUnavailable, StoreUntrusted
from scrutiny.graph.stores.embedded import EmbeddedStore
from scrutiny.graph.stores.server import ServerDir
from scrutiny.graph.stores.sockets import SOCKET_PATH_MAX, private_dir, socket_path
from tests.conftest import EXAMPLES, free_port
from tests.processes import cli, server_processes


@pytest.fixture
def runtime(monkeypatch):
    """A base of our own for the private socket directory: the real /tmp one is shared with
    every other test run on this machine. Short and outside tmp_path, whose length depends on
    how pytest was run (a worker of pytest-xdist adds a folder), so the socket fits."""
    base = Path(tempfile.mkdtemp(prefix="scr-run-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(base))
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def long_data_dir(tmp_path):
    """A data directory whose socket path in it would be too long for AF_UNIX."""
    data = tmp_path / ("d" * (SOCKET_PATH_MAX - len(str(tmp_path)))) / "data"
    assert len(str(data / "falkordb" / "server.sock")) > SOCKET_PATH_MAX
    return data


class Squatter:
    """A listening socket at ``path`` that records whatever is sent to it."""

    def __init__(self, path: str):
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(8)
        self.received, self.accepted, self.reading = b"", 0, False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            self.reading = True
            conn.settimeout(2)
            try:
                while chunk := conn.recv(4096):
                    self.received += chunk
            except OSError:
                pass
            conn.close()
            self.reading = False

    def close(self):
        """Stop listening once whoever connected has been accepted and read to the end."""
        deadline = time.monotonic() + 5
        while self.pending() and time.monotonic() < deadline:
            time.sleep(0.01)
        self.listener.close()

    def pending(self) -> bool:
        return bool(select.select([self.listener], [], [], 0)[0]) or self.reading



def test_a_runtime_directory_too_long_for_a_socket_falls_back_to_tmp(monkeypatch, long_data_dir):
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/" + "x" * 120)
    assert private_dir() == Path("/tmp") / f"scrutiny-{os.getuid()}"
    assert len(socket_path(long_data_dir)) <= SOCKET_PATH_MAX


def test_a_long_data_directory_puts_its_socket_in_a_private_directory(runtime, long_data_dir):
    store = EmbeddedStore(long_data_dir)
    try:
        store.run("CREATE (:Person {key: 'k'})", write=True)
        assert store.run("MATCH (p:Person) RETURN p.key AS key") == [{"key": "k"}]
        folder = os.path.dirname(store.dir.socket_path)
        info = os.lstat(folder)
    finally:
        store.close()
    assert folder == str(private_dir()) and folder.startswith(str(runtime))
    assert (info.st_mode & 0o777, info.st_uid) == (0o700, os.getuid())


def _symlink(folder):
    real = folder.with_name("real")
    real.mkdir(mode=0o700)
    folder.symlink_to(real)


def _open_mode(folder):
    folder.mkdir()
    folder.chmod(0o755)


def _other_owner(folder):
    if os.getuid() != 0:
        pytest.skip("giving a directory to another user needs root")
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)


def _a_file(folder):
    folder.write_text("")


@pytest.mark.parametrize("make, reason", [
    (_symlink, "symbolic link"), (_open_mode, "mode is 755"),
    (_other_owner, "belongs to uid 65534"), (_a_file, "not a directory")])
def test_a_private_directory_that_is_not_ours_alone_is_refused(runtime, long_data_dir, make, reason):
    make(private_dir())
    with pytest.raises(StoreUntrusted, match=reason) as caught:
        EmbeddedStore(long_data_dir)
    assert str(private_dir()) in str(caught.value)
    assert server_processes(long_data_dir) == []


def test_a_squatted_socket_is_refused_before_anything_is_sent(runtime, long_data_dir):
    """Another process listening where our server would: the store connects, sees the peer
    is not its server, and sends nothing (the attack received the loader's writes)."""
    path = ServerDir(long_data_dir).socket_path
    private_dir().mkdir(mode=0o700)
    squatter = Squatter(path)
    try:
        with pytest.raises(StoreUntrusted, match=f"refusing the socket {path}: it is answered by "
                                                 f"pid {os.getpid()}"):
            EmbeddedStore(long_data_dir)
    finally:
        squatter.close()
    # the refusal names the squatter's pid, which only a connected peer check can know; the
    # squatter may not have accepted yet (the kernel's backlog completes the connection)
    assert squatter.received == b""
    assert os.path.exists(path) and server_processes(long_data_dir) == []


def test_the_cli_refuses_a_squatted_socket_in_one_line(tmp_path):
    """In the data directory too: a socket there that our server does not answer."""
    data = tmp_path / "data"
    (data / "falkordb").mkdir(parents=True)
    squatter = Squatter(str(data / "falkordb" / "server.sock"))
    try:
        proc = cli("report", data_dir=data)
        out, err = proc.communicate(timeout=120)
    finally:
        squatter.close()
    assert proc.returncode == 1
    assert err.count("\n") == 1 and err.startswith("Error: refusing the socket "), err
    assert squatter.received == b""


def _kill_server(data_dir) -> int:
    server = ServerDir(data_dir)
    pid = server.server_pid()
    assert pid and server.alive()
    os.kill(pid, signal.SIGKILL)
    server.wait_for_exit(pid)
    assert not server.alive()
    return pid


def test_a_store_whose_server_was_killed_starts_it_again_on_the_next_call(embedded_settings):
    store = EmbeddedStore(embedded_settings.data_dir)
    try:
        store.run("CREATE (:Person {key: 'before'})", write=True)
        killed = _kill_server(embedded_settings.data_dir)
        assert store.run("MATCH (p:Person) RETURN p.key AS key") == [{"key": "before"}]
        _kill_server(embedded_settings.data_dir)
        store.run("CREATE (:Person {key: 'after'})", write=True)  # a write finds it again too
        keys = store.run("MATCH (p:Person) RETURN p.key AS key ORDER BY key")
        assert keys == [{"key": "after"}, {"key": "before"}]
        assert server_processes(embedded_settings.data_dir) == [store.dir.server_pid()] != [killed]
    finally:
        store.close()


def test_the_api_answers_again_after_its_database_server_is_killed(tmp_path):
    data, port = tmp_path / "data", free_port()
    api = cli("serve", "--port", str(port), data_dir=data)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            _wait_for_health(http, api)
            _kill_server(data)
            assert http.get("/health").status_code == 200
            assert ServerDir(data).alive()
    finally:
        api.send_signal(signal.SIGINT)
        api.communicate(timeout=60)


def _wait_for_health(http: httpx.Client, api) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert api.poll() is None, api.communicate()[1]
        try:
            if http.get("/health").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)  # still starting
    raise AssertionError("the API did not come up")


class SaveBreaker:
    """The directory's own server, started so that it can be made unable to save: its save
    directory removed under it, as a full disk fails a save, after which it answers MISCONF
    to writes and to PING.  (Only a server started with protected configs enabled may be
    moved to another directory.)"""

    def __init__(self, tmp_path):
        self.data, self.gone = tmp_path / "data", tmp_path / "gone"
        self.server = ServerDir(self.data)
        self.server.root.mkdir(parents=True)
        subprocess.run([*self.server.command(), "--enable-protected-configs", "yes"],
                       check=True, timeout=30)
        self.server.wait_until_up()
        self.conn = self.server.client("scrutiny-test")

    def break_saves(self) -> None:
        self.gone.mkdir()
        self.conn.config_set("dir", str(self.gone))
        self.gone.rmdir()
        self.conn.bgsave()
        deadline = time.monotonic() + 30
        while self.conn.info("persistence")["rdb_last_bgsave_status"] != "err":
            assert time.monotonic() < deadline, "the save did not fail: nothing would be tested"
            time.sleep(0.05)

    def stop(self) -> None:
        self.conn.close()
        for pid in server_processes(self.data):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def saves(tmp_path):
    breaker = SaveBreaker(tmp_path)
    yield breaker
    breaker.stop()


def test_a_server_that_cannot_write_its_disk_is_a_fault_not_a_server_starting(saves):
    saves.break_saves()
    load = cli("load", str(EXAMPLES), data_dir=saves.data)
    _, load_err = load.communicate(timeout=120)
    report = cli("report", data_dir=saves.data)  # was: waited 30 minutes for it to "start"
    _, report_err = report.communicate(timeout=120)
    for proc, err in ((load, load_err), (report, report_err)):
        assert proc.returncode == 1
        assert err.count("\n") == 1, err
        assert err.startswith(f"Error: the embedded store in {saves.data} cannot write to its "
                              "disk (MISCONF"), err
        assert "free space on the disk" in err


def test_a_long_lived_store_reports_a_disk_it_cannot_write_in_one_line(saves):
    store = EmbeddedStore(saves.data)
    try:
        store.run("CREATE (:Person {key: 'a'})", write=True)
        saves.break_saves()
        with pytest.raises(StoreFault, match="cannot write to its disk"):
            store.run("CREATE (:Person {key: 'b'})", write=True)
        assert store.run("MATCH (p:Person) RETURN p.key AS key") == [{"key": "a"}]  # reads go on
    finally:
        store.close()


def _one_line_error(*args, data_dir) -> str:
    proc = cli(*args, data_dir=data_dir)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert err.count("\n") == 1 and err.startswith("Error: "), err  # no traceback
    return err


def test_a_data_directory_that_is_a_file_is_refused_in_one_line(tmp_path):
    data = tmp_path / "data"
    data.write_text("not a directory")
    err = _one_line_error("report", data_dir=data)
    assert f"data directory {data} is a file, not a directory" in err
    with pytest.raises(StoreUnavailable) as refused:  # the store says so too, to the API and the library
        EmbeddedStore(data, "scrutiny")
    assert f"cannot use the data directory {data}: {data}/falkordb: Not a directory" in str(refused.value)
    assert "scrutiny restore" in str(refused.value)


def test_a_server_that_cannot_open_its_files_says_why_in_one_line(tmp_path):
    data = tmp_path / "data"
    (data / "falkordb" / "server.log").mkdir(parents=True)  # where the server must write
    err = _one_line_error("report", data_dir=data)
    assert f"the embedded store in {data} did not start: " in err
    assert "Can't open the log file" in err


def _loaded_then_closed(tmp_path):
    data = tmp_path / "data"
    proc = cli("load", str(EXAMPLES), data_dir=data)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert server_processes(data) == []
    logs = list((data / "falkordb" / "appendonlydir").glob("*.incr.aof"))
    assert len(logs) == 1
    return data, logs[0]


def test_a_garbled_append_only_log_names_the_file_and_restore(tmp_path):
    data, log = _loaded_then_closed(tmp_path)
    body = log.read_bytes()
    log.write_bytes(body[:40] + b"garbage" + body[47:])  # a command broken in the middle
    err = _one_line_error("report", data_dir=data)
    assert f"the embedded store in {data} did not start: Bad file format reading the append " \
           f"only file appendonlydir/{log.name}" in err
    assert "scrutiny restore" in err


def test_damaged_text_in_the_log_names_it_and_restore(tmp_path):
    """Bytes changed in place: the server loads the log, and the text read back is not UTF-8."""
    data, log = _loaded_then_closed(tmp_path)
    body = log.read_bytes()
    assert body.count(b"Commissioner") > 3
    log.write_bytes(body.replace(b"Commissioner", b"Commissi\xffner"))
    err = _one_line_error("report", data_dir=data)
    assert f"the embedded store in {data} holds damaged text: its append-only log " \
           f"{data}/falkordb/appendonlydir is corrupted; restore a backup: scrutiny restore" in err
