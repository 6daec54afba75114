"""Restore of the embedded store from a backup archive (``backup.py``).

It needs the store to itself.  It first proves the snapshot in a scratch folder beside
the store: a server started on it alone, the append-only log turned on (which rewrites
it from the restored data), the documents counted.  Only then are the current files
moved aside (never deleted) and the proven ones moved in; if the store does not start on
them, the old files are put back.  Whatever fails (a bad archive, a full disk), the
scratch folder is removed and the old store is left as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import tarfile
from pathlib import Path
from typing import IO

import redis
from falkordb import FalkorDB

from scrutiny.errors import StoreError
from scrutiny.graph.stores.backup import INFO, SNAPSHOT, count_documents, wait_for_log_rewrite
from scrutiny.graph.stores.server import ServerDir, other_clients, shutdown
from scrutiny.graph.version import bump_statement

LOG_DIR = "appendonlydir"
CHUNK = 1 << 20


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
            _copy(_member(tar, SNAPSHOT), into / SNAPSHOT)
    except (OSError, KeyError, AttributeError, tarfile.TarError, ValueError, EOFError) as exc:
        raise StoreError(f"{archive}: not a scrutiny backup ({exc})") from None
    return info


def _copy(source: IO[bytes], dest: Path) -> None:
    """Copy, telling a write that fails (a full disk) from an archive that cannot be read."""
    with open(dest, "wb") as out:
        while chunk := source.read(CHUNK):
            try:
                out.write(chunk)
                out.flush()
            except OSError as exc:
                raise StoreError(f"cannot write {dest}: {exc.strerror} (is the disk full?)") from None


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


def _rebuild_log(server: ServerDir, graph: str) -> int:
    """Start on the snapshot alone, switch the append-only log on, wait for its rewrite."""
    server.start(appendonly=False)
    conn = server.client("scrutiny-restore")
    try:
        documents = count_documents(conn, graph)
        _bump(conn, graph)
        conn.config_set("appendonly", "yes")
        wait_for_log_rewrite(conn)
    finally:
        conn.close()
    _stop(server)
    return documents


def _bump(conn: redis.Redis, graph: str) -> None:
    """A new graph version in the restored files: no answer cached from the graph before the
    restore (or from the one backed up) can match it."""
    bump = bump_statement()
    FalkorDB(connection_pool=conn.connection_pool).select_graph(graph).query(bump.cypher, bump.params)


def _stop(server: ServerDir) -> None:
    """Shut the server down, saving (the rebuilt files are what it leaves)."""
    conn = server.client("scrutiny-restore")
    try:
        pid = server.server_pid()
        shutdown(conn, server.socket_path)
        server.wait_for_exit(pid)
    finally:
        conn.close()


def _discard(scratch: ServerDir) -> None:
    """A scratch server and its folder, gone whatever state they were left in."""
    if pid := scratch.running_pid():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # nothing of it is kept
        scratch.wait_for_exit(pid)
    shutil.rmtree(scratch.root.parent, ignore_errors=True)


def _prove(scratch: ServerDir, archive: Path) -> tuple[dict, int]:
    """The archive unpacked in ``scratch``, a server started on it and its log rebuilt."""
    scratch.root.mkdir(parents=True)
    info = _read_archive(archive, scratch.root)
    graph = info.get("graph", "scrutiny")
    try:
        found = _rebuild_log(scratch, graph)
    except (StoreError, redis.RedisError) as exc:
        raise StoreError(f"{archive}: the snapshot does not start ({exc})") from None
    if found != info.get("documents", found):
        raise StoreError(f"{archive}: the snapshot holds {found} documents, the backup said "
                         f"{info['documents']}")
    return info, found


def _swap_in(server: ServerDir, scratch: ServerDir, graph: str, documents: int) -> Path | None:
    """The current files aside, the proven ones in, and the store started on them once;
    if it does not start, the old files go back."""
    aside = _move_aside(server)
    try:
        for name in (SNAPSHOT, LOG_DIR):
            shutil.move(str(scratch.root / name), server.root / name)
        server.start()
        conn = server.client("scrutiny-restore")
        try:
            found = count_documents(conn, graph)
        finally:
            conn.close()
        _stop(server)
        if found != documents:
            raise StoreError(f"the restored store holds {found} documents, not {documents}")
    except BaseException:
        _put_back(server, aside)
        raise
    return aside


def _put_back(server: ServerDir, aside: Path | None) -> None:
    """Undo ``_swap_in``: stop what it started, remove what it moved in, bring the old back."""
    if pid := server.running_pid():
        os.kill(pid, signal.SIGKILL)  # a server on the files being thrown away
        server.wait_for_exit(pid)
    for path in server.root.iterdir():
        if path.name != server.lock_path.name:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    if aside is not None:
        for path in aside.iterdir():
            shutil.move(str(path), server.root / path.name)
        aside.rmdir()


def restore(data_dir: Path, archive: Path) -> tuple[dict, Path | None]:
    """Replace the store in ``data_dir`` by the backup; (its description, where the old files went)."""
    server = ServerDir(data_dir)
    with server.locked():
        _stop_if_idle(server)
        scratch = ServerDir(server.root.parent / "falkordb.restoring")
        _discard(scratch)  # left by a restore that was killed
        try:
            info, documents = _prove(scratch, archive)
            aside = _swap_in(server, scratch, info.get("graph", "scrutiny"), documents)
        except OSError as exc:
            raise StoreError(f"restore failed, the store in {data_dir} is unchanged: "
                             f"{exc.filename or ''}: {exc.strerror or exc}") from None
        except (StoreError, redis.RedisError) as exc:
            raise StoreError(f"{exc}; the store in {data_dir} is unchanged") from None
        finally:
            _discard(scratch)
    return info, aside
