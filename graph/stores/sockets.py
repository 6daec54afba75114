"""Where the embedded server's socket lives, and who may answer on it.

The socket sits in the data directory when its path fits AF_UNIX's 107 bytes.  Otherwise
it goes in a private directory, ``$XDG_RUNTIME_DIR/scrutiny-UID`` or ``/tmp/scrutiny-UID``,
which must be a real directory of ours with mode 0700: in a shared /tmp another user could
otherwise create the path first and receive everything the loader writes.  Every
connection then checks its peer (SO_PEERCRED) before sending a byte: the listening process
must run as us and be this directory's database server.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import stat
import struct
from collections.abc import Callable
from pathlib import Path

from redis.connection import UnixDomainSocketConnection

from scrutiny.errors import StoreUntrusted

SOCKET_PATH_MAX = 100  # AF_UNIX paths are limited to 107 bytes
SOCKET_NAME = "server.sock"


def private_dir() -> Path:
    """The fallback directory for sockets whose path in the data directory is too long:
    under $XDG_RUNTIME_DIR, or under /tmp when that is unset or itself too long to hold one."""
    name = f"scrutiny-{os.getuid()}"
    folder = Path(os.environ.get("XDG_RUNTIME_DIR") or "/tmp") / name
    if len(str(folder / _fallback_name(Path("/")))) > SOCKET_PATH_MAX:
        folder = Path("/tmp") / name
    return folder


def _fallback_name(root: Path) -> str:
    """The socket's name in the private directory: a digest of the data directory."""
    return f"{hashlib.sha1(str(root).encode()).hexdigest()[:16]}.sock"


def socket_path(root: Path) -> str:
    """The socket of the server on ``root``: in it, or in the private directory."""
    path = str(root / SOCKET_NAME)
    if len(path) <= SOCKET_PATH_MAX:
        return path
    return str(private_dir() / _fallback_name(root))


def ensure_private(path: str, root: Path) -> None:
    """Create the fallback directory if need be, and refuse it unless it is ours alone."""
    folder = Path(path).parent
    if folder == root:
        return
    try:
        with contextlib.suppress(FileExistsError):  # whatever is there is checked below
            folder.mkdir(mode=0o700)
        info = folder.lstat()
    except OSError as exc:
        raise StoreUntrusted(f"cannot use the socket directory {folder}: {exc.strerror}") from None
    problem = _unsafe(info)
    if problem:
        raise StoreUntrusted(f"refusing the socket directory {folder}: {problem}; it must be a "
                             "directory of yours with mode 0700 (remove it, or set XDG_RUNTIME_DIR)")


def _unsafe(info: os.stat_result) -> str | None:
    if stat.S_ISLNK(info.st_mode):
        return "it is a symbolic link"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a directory"
    if info.st_uid != os.getuid():
        return f"it belongs to uid {info.st_uid}, not {os.getuid()}"
    if info.st_mode & 0o077:
        return f"its mode is {stat.S_IMODE(info.st_mode):o}, not 700"
    return None


def command_line(pid: int) -> bytes:
    """The command line of ``pid`` (empty if it is gone)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def serves(pid: int, path: str) -> bool:
    """Whether ``pid`` is a database server listening on ``path`` (it names it in its title)."""
    return path.encode() in command_line(pid)


def peer(sock: socket.socket) -> tuple[int, int]:
    """(pid, uid) of the process at the other end of a connected Unix socket."""
    creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    pid, uid, _gid = struct.unpack("3i", creds)
    return pid, uid


class TrustedSocketConnection(UnixDomainSocketConnection):
    """A connection that checks who listens before it sends anything.

    ``expected_pid`` gives the pid of the server this directory started, when known."""

    def __init__(self, *, expected_pid: Callable[[], int | None] = lambda: None, **kwargs):
        super().__init__(**kwargs)
        self.expected_pid = expected_pid

    def _connect(self) -> socket.socket:
        sock = super()._connect()
        pid, uid = peer(sock)
        known = self.expected_pid()
        if uid == os.getuid() and serves(pid, self.path) and known in (None, pid):
            return sock
        sock.close()
        who = command_line(pid).replace(b"\0", b" ").decode(errors="replace").strip()[:60]
        raise StoreUntrusted(f"refusing the socket {self.path}: it is answered by pid {pid} "
                             f"(uid {uid}, {who or 'unknown'}), not this data directory's "
                             "database server; stop that process or remove the socket")
