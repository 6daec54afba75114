"""Neo4j 5 store: the official driver, read transactions for reads, ``database_`` always named."""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j import GraphDatabase, Query, RoutingControl
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

from scrutiny.errors import ConfigError, QueryTimeout, StoreError, StoreUnavailable
from scrutiny.graph.catalog import CATALOG
from scrutiny.graph.cypher import Statement, neo4j_schema_statements
from scrutiny.graph.stores.base import WriteSummary, candidate_limit, fulltext_terms, rank_hits, word_forms
from scrutiny.graph.stores.results import plain
from scrutiny.settings import Settings


def _translate(exc: Exception) -> StoreError:
    if isinstance(exc, (ServiceUnavailable, AuthError)):
        return StoreUnavailable(f"Neo4j unreachable: {exc}")
    code = getattr(exc, "code", "") or ""
    if "TransactionTimedOut" in code or "Timeout" in code:
        return QueryTimeout(f"query timed out: {getattr(exc, 'message', exc)}")
    return StoreError(getattr(exc, "message", None) or str(exc))


def count_query() -> str:
    """One statement counting every label and relationship type the schema declares, each
    part answered from Neo4j's count store; names come from the catalog."""
    parts = ([f"MATCH (n:`{label}`) RETURN 'node' AS kind, '{label}' AS name, count(n) AS count"
              for label in CATALOG.labels]
             + [f"MATCH ()-[r:`{rel}`]->() RETURN 'relationship' AS kind, '{rel}' AS name, count(r) AS count"
                for rel in CATALOG.relationships])
    return " UNION ALL ".join(parts)


def lucene_all(terms: list[str]) -> str:
    """Every term required, in any of the forms `rank_hits` takes for it; each form quoted, so
    that a word such as OR or NOT is only a word."""
    return " ".join("+(" + " OR ".join(f'"{f}"' for f in word_forms(t)) + ")" for t in terms)


class Neo4jStore:
    """A Neo4j 5 database reached with a driver the caller may inject.

    Example:
        store = Neo4jStore(GraphDatabase.driver(uri, auth=(user, password)))
    """

    kind = "neo4j"

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j", timeout_ms: int = 10_000):
        self.driver = driver
        self.database = database
        self.timeout_ms = timeout_ms

    @classmethod
    def from_settings(cls, settings: Settings) -> Neo4jStore:
        if not settings.neo4j_uri:
            raise ConfigError("SCRUTINY_STORE=neo4j needs SCRUTINY_NEO4J_URI")
        auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
        # Warnings about property keys no graph has yet (a fresh database) are noise to users.
        driver = GraphDatabase.driver(settings.neo4j_uri, auth=auth, notifications_min_severity="OFF")
        try:
            driver.verify_connectivity()
        except Exception as exc:
            driver.close()
            raise _translate(exc) from exc
        return cls(driver, settings.neo4j_database, settings.query_timeout_ms)

    def run(self, cypher: str, params: dict[str, Any] | None = None, *,
            write: bool = False, timeout_ms: int | None = None) -> list[dict[str, Any]]:
        query = Query(cypher, timeout=(timeout_ms or self.timeout_ms) / 1000)
        try:
            records, _, keys = self.driver.execute_query(
                query, params or {}, database_=self.database,
                routing_=RoutingControl.WRITE if write else RoutingControl.READ)
        except (Neo4jError, ServiceUnavailable, ClientError) as exc:
            raise _translate(exc) from exc
        return [{k: plain(r[k]) for k in keys} for r in records]

    def write(self, statements: list[Statement]) -> WriteSummary:
        def work(tx):
            for st in statements:
                tx.run(st.cypher, st.params).consume()
        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except (Neo4jError, ServiceUnavailable) as exc:
            raise _translate(exc) from exc
        return WriteSummary(statements=len(statements))

    def ensure_schema(self) -> None:
        for ddl in neo4j_schema_statements():
            self.run(ddl, write=True)

    def fulltext(self, text: str, limit: int) -> list[dict[str, Any]]:
        terms = fulltext_terms(text)
        if not terms:
            return []
        rows = self.run(
            "CALL db.index.fulltext.queryNodes('quote_words', $text) YIELD node, score "
            "RETURN node.key AS key, labels(node)[0] AS label, node.quote AS quote, "
            "node.doc AS doc, score ORDER BY score DESC LIMIT $limit",
            {"text": lucene_all(terms), "limit": candidate_limit(limit)})
        return rank_hits(terms, rows, limit)

    def counts(self) -> list[dict[str, Any]]:
        return self.run(count_query())

    def close(self) -> None:
        self.driver.close()
