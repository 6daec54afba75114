"""Faults of the embedded store, for real: a socket someone else owns, a server killed under a
store, a disk that refuses writes, damaged or unusable data directories.

Every fault must end in one line naming the place and what to do, never a hang or a
traceback, and what can be recovered (a killed server) is recovered by the store itself.
We run as root here, so the faults are made with files and processes, not permission bits.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import time

import pytest

from scrutiny.errors import StoreUntrusted
from scrutiny.graph.stores.embedded import EmbeddedStore
from scrutiny.graph.stores.server import ServerDir
from scrutiny.graph.stores.sockets import SOCKET_PATH_MAX, private_dir
from tests.processes import cli, server_processes


@pytest.fixture
def runtime(tmp_path, monkeypatch):
    """A base of our own for the private socket directory: the real /tmp one is shared with
    every other test run on this machine."""
    base = tmp_path / "run"
    base.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(base))
    return base


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
    assert squatter.accepted >= 1  # it did connect, and checked
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
