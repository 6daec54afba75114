"""Backup and restore of the embedded store: a consistent snapshot in one archive.

``backup`` asks the running server (starting one if need be) for a
synchronous ``SAVE``: writes arrive as whole MULTI/EXEC blocks, so the
snapshot falls between documents, never inside one.  ``restore`` needs the
store to itself; it moves the current files aside (never deletes them),
starts a server on the snapshot without the append-only log, then turns the
log on, which rewrites it from the restored data before the server stops.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import tarfile
import time
from pathlib import Path
from typing import IO

import redis

from scrutiny import __version__
from scrutiny.errors import StoreError
from scrutiny.graph.stores.server import ServerDir, other_clients, shutdown

SNAPSHOT, INFO = "graph.rdb", "scrutiny-backup.json"
COUNT_DOCUMENTS = "MATCH (d:Document) WHERE d.complete = true RETURN count(d)"


def _documents(conn: redis.Redis, graph: str) -> int:
    try:
        reply = conn.execute_command("GRAPH.RO_QUERY", graph, COUNT_DOCUMENTS)
        return int(reply[1][0][0])
    except redis.ResponseError:
        return 0  # no graph yet


def _snapshot(conn: redis.Redis, graph: str) -> int:
    """SAVE, and the count of documents in the snapshot: the same count just before and just
    after it (SAVE may not run inside MULTI; a load writes between, so try again)."""
    for _ in range(10):
        before = _documents(conn, graph)
        conn.execute_command("SAVE")
        if _documents(conn, graph) == before:
            return before
    raise StoreError("the graph kept changing during the backup: try again when loads pause")


def backup(data_dir: Path, dest: Path, graph: str = "scrutiny") -> dict:
    """Write ``dest`` (a .tar.gz of the snapshot and a description); the description."""
    from scrutiny.graph.stores.embedded import EmbeddedStore
    store = EmbeddedStore(data_dir, graph)
    try:
        documents = _snapshot(store.conn, graph)
        info = {"scrutiny": __version__, "graph": graph, "documents": documents,
                "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        with tarfile.open(part, "w:gz") as tar:
            tar.add(store.dir.root / SNAPSHOT, arcname=SNAPSHOT)
            blob = json.dumps(info, indent=1).encode()
            member = tarfile.TarInfo(INFO)
            member.size, member.mtime = len(blob), int(time.time())
            tar.addfile(member, io.BytesIO(blob))
        part.replace(dest)
    finally:
        store.close()
    return info


def _member(tar: tarfile.TarFile, name: str) -> IO[bytes]:
    """The regular file ``name`` of the archive (KeyError if absent, TarError if not a file)."""
    member = tar.extractfile(name)
    if member is None:
        raise tarfile.TarError(f"{name} is not a regular file")
    return member


def _read_archive(archive: Path, into: Path) -> dict:
    """Only the two known members are taken, by name: nothing else in an archive is written."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            info = json.loads(_member(tar, INFO).read())
            with open(into / SNAPSHOT, "wb") as out:
                shutil.copyfileobj(_member(tar, SNAPSHOT), out)
    except (OSError, KeyError, AttributeError, tarfile.TarError, ValueError) as exc:
        raise StoreError(f"{archive}: not a scrutiny backup ({exc})") from None
    return info


def _stop_if_idle(server: ServerDir) -> None:
    if server.status() == "down":
        return
    server.wait_until_up()
    conn = server.client("scrutiny-restore")
    try:
        if busy := other_clients(conn, "scrutiny-restore"):
            raise StoreError(f"the store in {server.root.parent} is in use ({busy} connection(s)):"
                             " stop the API and any load, then restore")
        pid = server.server_pid()
        shutdown(conn, server.socket_path)
        server.wait_for_exit(pid)
    finally:
        conn.close()


def _move_aside(server: ServerDir) -> Path | None:
    """The current database files into a sibling folder; the lock file stays (it is held)."""
    present = [p for p in server.root.iterdir() if p.name != server.lock_path.name]
    if not present:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = server.root.with_name(f"falkordb.before-restore-{stamp}")
    aside.mkdir()
    for path in present:
        shutil.move(str(path), aside / path.name)
    return aside


def wait_for_log_rewrite(conn: redis.Redis, timeout_s: float = 300) -> None:
    """Until the append-only log is on and no rewrite of it runs or waits."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        state = conn.info("persistence")
        if state["aof_enabled"] and not state["aof_rewrite_in_progress"] \
                and not state["aof_rewrite_scheduled"]:
            return
        time.sleep(0.05)


def _rebuild_log(server: ServerDir, graph: str) -> int:
    """Start on the snapshot alone, switch the append-only log on, wait for its rewrite."""
    server.start(appendonly=False)
    conn = server.client("scrutiny-restore")
    try:
        documents = _documents(conn, graph)
        conn.config_set("appendonly", "yes")
        wait_for_log_rewrite(conn)
        pid = server.server_pid()
        shutdown(conn, server.socket_path)
        server.wait_for_exit(pid)
    finally:
        conn.close()
    return documents


def restore(data_dir: Path, archive: Path) -> tuple[dict, Path | None]:
    """Replace the store in ``data_dir`` by the backup; (its description, where the old files went)."""
    server = ServerDir(data_dir)
    with server.locked():
        _stop_if_idle(server)
        staging = server.root.with_name("falkordb.restoring")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        info = _read_archive(archive, staging)
        aside = _move_aside(server)
        shutil.move(str(staging / SNAPSHOT), server.root / SNAPSHOT)
        staging.rmdir()
        found = _rebuild_log(server, info.get("graph", "scrutiny"))
    if found != info.get("documents", found):
        raise StoreError(f"{archive}: restored {found} documents, the backup said "
                         f"{info['documents']}")
    return info, aside
