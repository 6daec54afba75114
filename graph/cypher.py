"""Cypher text built from the schema, never from input: batched upserts and DDL.

Labels and relationship types are interpolated only after ``CATALOG``
validated them (``Graph.add_node``/``add_edge`` and ``Catalog.label``);
every value travels as a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from scrutiny.graph.catalog import CATALOG
from scrutiny.graph.model import Graph
from scrutiny.graph.schema import BOOKKEEPING

BATCH_SIZE = 500

#: Labels whose quotes the full-text index covers (one place for both stores); events first,
#: since the embedded store's search keeps this order among equal scores.
QUOTED_LABELS = tuple(s.name for s in sorted(CATALOG.shown(), key=lambda s: not s.event) if s.quoted)


@dataclass(frozen=True)
class Statement:
    cypher: str
    params: dict[str, Any]


def _batches(rows: list, size: int = BATCH_SIZE) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def search_text(quote: str | None) -> str | None:
    """A quote's words joined by single spaces. RediSearch splits words on spaces but not on
    line breaks or curly apostrophes, which minutes are full of; Lucene splits on all of them.
    Indexing this instead of the quote makes both stores find the same words."""
    return " ".join(re.findall(r"\w+", quote)) if quote else None


def _props(label: str, props: dict[str, Any]) -> dict[str, Any]:
    if label in QUOTED_LABELS and props.get("quote"):
        return {**props, "search": search_text(props["quote"])}
    return props


def node_statements(graph: Graph) -> Iterator[Statement]:
    for label, nodes in sorted(graph.nodes_by_label().items()):
        CATALOG.label(label)
        cypher = (f"UNWIND $rows AS row MERGE (n:{label} {{key: row.key}}) "
                  "SET n += row.props")
        rows = [{"key": n.key, "props": _props(label, n.props)} for n in nodes]
        for batch in _batches(rows):
            yield Statement(cypher, {"rows": batch})


def edge_statements(graph: Graph) -> Iterator[Statement]:
    """Edges that carry a ``doc`` are one per document (the same person holds the same
    office in many minutes, each its own evidence); the others are one per pair."""
    for (rel, src, dst), edges in sorted(graph.edges_by_signature().items()):
        CATALOG.check_relationship(rel, src, dst)
        for per_doc in (True, False):
            rows = [{"src": e.source[1], "dst": e.target[1], "doc": e.props.get("doc"),
                     "props": e.props} for e in edges if ("doc" in e.props) == per_doc]
            pattern = f"[r:{rel} {{doc: row.doc}}]" if per_doc else f"[r:{rel}]"
            cypher = (f"UNWIND $rows AS row MATCH (a:{src} {{key: row.src}}) "
                      f"MATCH (b:{dst} {{key: row.dst}}) MERGE (a)-{pattern}->(b) "
                      "SET r += row.props")
            for batch in _batches(rows):
                yield Statement(cypher, {"rows": batch})


def upsert_statements(graph: Graph) -> list[Statement]:
    """All statements that write ``graph``: nodes first, then the edges between them."""
    return [*node_statements(graph), *edge_statements(graph)]


#: The tail of a statement that binds ``m`` to meetings and ``o`` to documents recording them:
#: a meeting's ``doc`` and ``title`` are those of its first document by key, whatever the order
#: its documents were loaded or removed in.
MEETING_FIRST_DOCUMENT = ("WITH m, min(o.key) AS first MATCH (f:Document {key: first}) "
                          "SET m.doc = f.key, m.title = f.title")


def delete_document_statements(doc_key: str) -> list[Statement]:
    """Remove what one document contributed: its facts, items, meeting links and itself."""
    return remove_documents_statements("MATCH (d:Document {key: $doc})", {"doc": doc_key})


def remove_documents_statements(match: str, params: dict[str, Any]) -> list[Statement]:
    """Remove what the documents ``match`` binds to ``d`` contributed (``match`` is fixed
    text; its values travel in ``params``).

    Shared entities (people, offices, bodies, reports) stay; only their evidence edges into
    these documents go with them.  A meeting is shared by every document of it (minutes and
    a supplementary item): it goes with the last of them, and otherwise stays with the
    others' items and links.
    """
    owned = [label for label, spec in CATALOG.labels.items()
             if "doc" in spec.properties and label not in ("Document", "Meeting")]
    statements = [f"{match} MATCH (n:{label} {{doc: d.key}}) DETACH DELETE n" for label in owned]
    statements += [f"{match} MATCH ()-[r:{rel} {{doc: d.key}}]->() DELETE r"
                   for rel, spec in sorted(CATALOG.relationships.items()) if "doc" in spec.properties]
    others = (f"{match} MATCH (d)-[:RECORDS]->(m:Meeting) WITH m, collect(d.key) AS gone "
              "OPTIONAL MATCH (m)<-[:RECORDS]-(o:Document) WHERE NOT o.key IN gone ")
    statements += [others + "WITH m, count(o) AS kept WHERE kept = 0 DETACH DELETE m",
                   others + "WITH m, o WHERE o IS NOT NULL " + MEETING_FIRST_DOCUMENT,
                   f"{match} DETACH DELETE d"]
    return [Statement(cypher, params) for cypher in statements]


#: Bring graphs written by earlier versions up to the schema; cheap when nothing is missing.
BACKFILLS = (
    Statement("MATCH (m:Meeting) WHERE m.body IS NULL MATCH (m)-[:HELD_BY]->(b:Body) "
              "SET m.body = b.name", {}),
    # A graph written before `search` existed: its quotes searched as they are, until reloaded.
    *(Statement(f"MATCH (n:{label}) WHERE n.search IS NULL AND n.quote IS NOT NULL SET n.search = n.quote", {})
      for label in QUOTED_LABELS),
)


def neo4j_schema_statements() -> list[str]:
    """Constraints and indexes for Neo4j 5, derived from the schema."""
    out = [f"CREATE CONSTRAINT {cls.__name__.lower()}_key IF NOT EXISTS "
           f"FOR (n:{cls.__name__}) REQUIRE n.key IS UNIQUE" for cls in BOOKKEEPING]
    for label, spec in CATALOG.labels.items():
        out.append(f"CREATE CONSTRAINT {label.lower()}_key IF NOT EXISTS "
                   f"FOR (n:{label}) REQUIRE n.key IS UNIQUE")
        out += [f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
                for prop in spec.indexed]
    labels = "|".join(QUOTED_LABELS)
    # Every word indexed, stop words too ("the" is a word of a quote, as on the embedded store);
    # the search asks for each word's plural forms (Neo4jStore.fulltext) instead of stemming.
    out.append(f"CREATE FULLTEXT INDEX quote_words IF NOT EXISTS FOR (n:{labels}) ON EACH [n.search] "
               "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}")
    return out
