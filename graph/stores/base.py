"""The small interface every store implements, and how to open the configured one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from scrutiny.graph.cypher import BACKFILLS, Statement
from scrutiny.settings import Settings


@dataclass
class WriteSummary:
    statements: int = 0


class Store(Protocol):
    """Run parameterised Cypher, write a batch in one transaction, close.

    ``run`` is read-only unless ``write=True``: the embedded store sends
    GRAPH.RO_QUERY and Neo4j a read transaction, so a saved query or an API
    call cannot change the graph.
    """

    kind: str

    def run(self, cypher: str, params: dict[str, Any] | None = None, *,
            write: bool = False, timeout_ms: int | None = None) -> list[dict[str, Any]]: ...

    def write(self, statements: list[Statement]) -> WriteSummary: ...

    def ensure_schema(self) -> None: ...

    def fulltext(self, text: str, limit: int) -> list[dict[str, Any]]: ...

    def counts(self) -> list[dict[str, Any]]:
        """``{kind: node|relationship, name, count}`` per label and type, from the store's statistics."""
        ...

    def close(self) -> None: ...


def fulltext_terms(text: str) -> list[str]:
    """The words of a search, stripped of every full-text operator (RediSearch and Lucene
    syntax differ; user text must mean only its words on both): at most 16, all required."""
    return [w[:40] for w in re.findall(r"\w+", text or "")][:16]


def open_store(settings: Settings) -> Store:
    """The store the settings name, with its schema in place and earlier graphs brought up to it."""
    if settings.store == "neo4j":
        from scrutiny.graph.stores.neo4j import Neo4jStore
        store: Store = Neo4jStore.from_settings(settings)
    else:
        from scrutiny.graph.stores.embedded import EmbeddedStore
        store = EmbeddedStore.from_settings(settings)
    try:
        store.ensure_schema()
        for statement in BACKFILLS:
            store.run(statement.cypher, statement.params, write=True)
    except BaseException:
        store.close()
        raise
    return store
