"""The embedded default store: FalkorDB (bundled by falkordblite) in a data directory.

A document's statements go in one MULTI/EXEC block, so no other client's
command runs between them and the append-only file records them together.

A store outlives its server if need be: when the server is killed (or stopped by another
command while this store's connection was dead), the next call finds or starts one again
under the directory's lock and carries on.  A read lost with the server is run again; a
write is sent only on a connection just seen to answer.
"""

from __future__ import annotations

import atexit
import os
import threading
import uuid
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.graph import Graph as FalkorGraph

from scrutiny.errors import QueryParameterError, QueryTimeout, StoreError, StoreUnavailable
from scrutiny.graph.catalog import CATALOG
from scrutiny.graph.cypher import QUOTED_LABELS, Statement
from scrutiny.graph.schema import BOOKKEEPING
from scrutiny.graph.stores.base import WriteSummary, candidate_limit, fulltext_terms, rank_hits
from scrutiny.graph.stores.faults import corrupt
from scrutiny.graph.stores.results import falkor_rows
from scrutiny.graph.stores.server import ServerDir, other_clients, shutdown
from scrutiny.settings import Settings

# Replies of a server that refuses every write, whatever the query (not a query's own error).
SERVER_FAULTS = ("MISCONF", "READONLY", "OOM", "NOAUTH", "MASTERDOWN", "NOREPLICAS")


def _translate(exc: Exception, server: ServerDir) -> StoreError:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, redis.ConnectionError):
        return StoreUnavailable(f"embedded store unreachable: {text}")
    if isinstance(exc, UnicodeDecodeError):  # every text the loader writes is valid UTF-8
        return corrupt(server)
    if text.startswith(SERVER_FAULTS):
        return server.fault(text)  # the server cannot serve any query, not this one
    if "timed out" in text.lower():
        return QueryTimeout(f"query timed out: {text}")
    return StoreError(text)


def _already_there(exc: Exception) -> bool:
    """FalkorDB's answer to creating an index or constraint that exists."""
    text = str(exc).lower()
    return "already indexed" in text or "already exists" in text


def _refuse_nul(value: Any) -> None:
    """FalkorDB's client writes parameters into the query text, which the server reads as a
    C string: a NUL would cut the query short.  No document or parameter needs one."""
    if isinstance(value, str) and "\x00" in value:
        raise QueryParameterError("a parameter contains a NUL character")
    if isinstance(value, dict):
        for v in value.values():
            _refuse_nul(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _refuse_nul(v)


class EmbeddedStore:
    """FalkorDB in ``data_dir``, shared by every process that opens the same directory.

    Example:
        store = EmbeddedStore(Path("data"))
        store.run("MATCH (d:Document) RETURN count(d) AS n")
        store.close()
    """

    kind = "embedded"

    def __init__(self, data_dir, graph_name: str = "scrutiny", timeout_ms: int = 10_000):
        self.dir = ServerDir(data_dir)
        self.graph_name = graph_name
        self.timeout_ms = timeout_ms
        self.client_name = f"scrutiny-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._reconnecting = threading.Lock()  # the API calls from several threads
        self._connect()
        self._closed = False
        atexit.register(self.close)

    def _connect(self) -> None:
        """Under the lock: the directory's server found or started, and a connection held."""
        with self.dir.locked():
            self.dir.ensure_running()
            conn = self.dir.client(self.client_name)
            conn.ping()  # hold a connection before the lock goes: close() counts it
        self.conn = conn
        self.db = FalkorDB(connection_pool=conn.connection_pool)
        self.graph: FalkorGraph = self.db.select_graph(self.graph_name)

    def _reconnect(self) -> None:
        """After the server was lost: connect to the one running now, or start one."""
        with self._reconnecting:
            if self._answers():
                return  # another thread reconnected first
            stale = self.conn.connection_pool
            self._connect()
            stale.disconnect()

    def _answers(self) -> bool:
        try:
            return bool(self.conn.ping())
        except redis.ConnectionError:
            return False

    def _ready_to_write(self) -> None:
        """A write goes only on a connection that answers: once sent, it is not repeated."""
        if not self._answers():
            self._reconnect()

    @classmethod
    def from_settings(cls, settings: Settings) -> EmbeddedStore:
        return cls(settings.data_dir, settings.graph_name, settings.query_timeout_ms)

    def run(self, cypher: str, params: dict[str, Any] | None = None, *,
            write: bool = False, timeout_ms: int | None = None) -> list[dict[str, Any]]:
        _refuse_nul(params)
        try:
            if write:
                self._ready_to_write()
            try:
                result = self._query(cypher, params, write, timeout_ms)
            except redis.ConnectionError:
                if write:
                    raise
                self._reconnect()  # a read is safe to run again on the server found now
                result = self._query(cypher, params, write, timeout_ms)
        except (redis.RedisError, ValueError) as exc:
            if not write and "empty key" in str(exc):
                return []  # nothing written yet: the graph has no key until its first write
            raise _translate(exc, self.dir) from exc
        return falkor_rows(result)

    def _query(self, cypher: str, params: dict[str, Any] | None, write: bool,
               timeout_ms: int | None):
        call = self.graph.query if write else self.graph.ro_query
        return call(cypher, params or {}, timeout=timeout_ms or self.timeout_ms)

    def write(self, statements: list[Statement]) -> WriteSummary:
        """Run ``statements`` as one MULTI/EXEC block; raise if any of them failed."""
        for st in statements:
            _refuse_nul(st.params)
        try:
            self._ready_to_write()
            pipe = self.conn.pipeline(transaction=True)
            for st in statements:
                query = self.graph._build_params_header(st.params) + st.cypher
                pipe.execute_command("GRAPH.QUERY", self.graph_name, query, "--compact")
            replies = pipe.execute(raise_on_error=False)
        except redis.RedisError as exc:
            raise _translate(exc, self.dir) from exc
        errors = [r for r in replies if isinstance(r, Exception)]
        if errors:
            raise _translate(errors[0], self.dir)
        return WriteSummary(statements=len(statements))

    def ensure_schema(self) -> None:
        """Exact-match indexes, unique key constraints and the quote full-text index."""
        have = self._indexed()
        indexed = {label: ("key", *spec.indexed) for label, spec in CATALOG.labels.items()}
        for label, props in {**indexed, **{cls.__name__: ("key",) for cls in BOOKKEEPING}}.items():
            for prop in props:
                if (label, prop) not in have:
                    self._create(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
            self._unique(label)
        for label in QUOTED_LABELS:
            if (label, "search", "FULLTEXT") not in have:
                self._create("CALL db.idx.fulltext.createNodeIndex($label, 'search')", {"label": label})

    def _create(self, cypher: str, params: dict[str, Any] | None = None) -> None:
        """Run one schema statement: another process that opened the store at the same moment
        (the API and a load started together) may have created the same index first."""
        try:
            self.run(cypher, params, write=True)
        except StoreError as exc:
            if not _already_there(exc):
                raise

    def _indexed(self) -> set[tuple[str, ...]]:
        """(label, property) of every index, and (label, property, type) per index type."""
        rows = self.run("CALL db.indexes() YIELD label, properties, types "
                        "RETURN label, properties, types")
        have: set[tuple[str, ...]] = set()
        for row in rows:
            for prop in row["properties"]:
                kinds = row["types"].get(prop, []) if isinstance(row["types"], dict) else []
                have.add((row["label"], prop))
                have.update((row["label"], prop, k) for k in kinds)
        return have

    def _unique(self, label: str) -> None:
        try:
            self.conn.execute_command("GRAPH.CONSTRAINT", "CREATE", self.graph_name,
                                      "UNIQUE", "NODE", label, "PROPERTIES", 1, "key")
        except redis.ResponseError as exc:
            if not _already_there(exc):
                raise _translate(exc, self.dir) from exc

    def fulltext(self, text: str, limit: int) -> list[dict[str, Any]]:
        terms = fulltext_terms(text)
        if not terms:
            return []
        rows: list[dict[str, Any]] = []
        for label in QUOTED_LABELS:
            rows += self.run(
                "CALL db.idx.fulltext.queryNodes($label, $text) YIELD node, score "
                "RETURN node.key AS key, $label AS label, node.quote AS quote, "
                "node.doc AS doc, score ORDER BY score DESC LIMIT $limit",
                {"label": label, "text": " ".join(terms), "limit": candidate_limit(limit)})
        return rank_hits(terms, rows, limit)

    def counts(self) -> list[dict[str, Any]]:
        rows = self.run("CALL db.meta.stats() YIELD labels, relTypes RETURN labels, relTypes")
        if not rows:
            return []
        stats = rows[0]
        return ([{"kind": "node", "name": k, "count": n} for k, n in stats["labels"].items()
                 if k in CATALOG.labels]  # not the bookkeeping labels: they state no fact
                + [{"kind": "relationship", "name": k, "count": n} for k, n in stats["relTypes"].items()])

    def close(self) -> None:
        """Disconnect; the last client out saves and stops the server."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        with self.dir.locked():
            try:
                if other_clients(self.conn, self.client_name) == 0:
                    shutdown(self.conn, self.dir.socket_path)
            except (redis.RedisError, StoreError):
                pass  # the server is already gone, or its socket is no longer ours
            finally:
                self.conn.close()
                self.conn.connection_pool.disconnect()
