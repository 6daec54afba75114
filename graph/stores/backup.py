"""Backup of the embedded store: a consistent snapshot in one archive.

``backup`` asks the running server (starting one if need be) for a
synchronous ``SAVE``: writes arrive as whole MULTI/EXEC blocks, so the
snapshot falls between documents, never inside one.  ``restore`` is beside it
(``restore.py``).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tarfile
import time
from pathlib import Path

import redis

from scrutiny import __version__
from scrutiny.errors import StoreError

SNAPSHOT, INFO = "graph.rdb", "scrutiny-backup.json"
COUNT_DOCUMENTS = "MATCH (d:Document) WHERE d.complete = true RETURN count(d)"


def count_documents(conn: redis.Redis, graph: str) -> int:
    try:
        reply = conn.execute_command("GRAPH.RO_QUERY", graph, COUNT_DOCUMENTS)
        return int(reply[1][0][0])
    except redis.ResponseError:
        return 0  # no graph yet


def _snapshot(conn: redis.Redis, graph: str) -> int:
    """SAVE, and the count of documents in the snapshot: the same count just before and just
    after it (SAVE may not run inside MULTI; a load writes between, so try again)."""
    for _ in range(10):
        before = count_documents(conn, graph)
        conn.execute_command("SAVE")
        if count_documents(conn, graph) == before:
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


def wait_for_log_rewrite(conn: redis.Redis, timeout_s: float = 300) -> None:
    """Until the append-only log is on and no rewrite of it runs or waits; raise if the
    rewrite failed (a full disk) or did not end in time."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        state = conn.info("persistence")
        if state.get("aof_last_bgrewrite_status") == "err":
            raise StoreError("the append-only log could not be written (is the disk full?)")
        if state["aof_enabled"] and not state["aof_rewrite_in_progress"] \
                and not state["aof_rewrite_scheduled"]:
            return
        time.sleep(0.05)
    raise StoreError(f"the append-only log was not rewritten within {timeout_s:.0f} s")
