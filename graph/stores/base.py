"""The small interface every store implements, and how to open the configured one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from scrutiny.graph.cypher import BACKFILLS, Statement, search_text
from scrutiny.settings import Settings


@dataclass
class WriteSummary:
    statements: int = 0


class Store(Protocol):
    """Run parameterised Cypher, write a batch, close.

    ``write`` sends a batch in one transaction. Neo4j rolls a failed one back; the embedded
    store's MULTI/EXEC does not (the statements beside a failed one stay written), so a
    caller that needs all or nothing undoes a failed batch itself, as the loader does
    (``loaders.pipeline.write_document``).

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


def candidate_limit(limit: int) -> int:
    """How many hits to take from a store's index before ranking them the same way on both."""
    return max(limit * 10, 500)


def _stem(word: str) -> str:
    """A plural folded to its singular: the one inflection both indexes' analyzers agree on."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def word_forms(term: str) -> list[str]:
    """Every word `_stem` folds to the same stem as ``term``: what an index without stemming
    must be asked for so that it finds what `rank_hits` keeps."""
    stem = _stem(term)
    forms = {stem, stem + "s"}
    if stem.endswith("y") and len(stem) > 1:
        forms.add(stem[:-1] + "ies")
    return sorted(f for f in forms if _stem(f) == stem)


def rank_hits(terms: list[str], hits: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The hits whose quote has every term, best first by one score both stores give alike.

    RediSearch and Lucene stem and score differently, so their own scores and near misses
    would make the same search answer differently on each store. The quote's words are the
    ones both indexes read (``search_text``). Score: the share of them that are search terms
    (a short quote about exactly this ranks first).
    """
    wanted = {_stem(t) for t in terms}
    ranked = []
    for hit in hits:
        words = [_stem(w) for w in (search_text(hit.get("quote")) or "").split()]
        if words and wanted <= set(words):
            score = round(sum(w in wanted for w in words) / len(words), 6)
            ranked.append({**hit, "score": score})
    ranked.sort(key=lambda h: (-h["score"], h["key"]))
    return ranked[:limit]


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
