"""The store reads behind a dossier: parameterised Cypher that runs alike on FalkorDB and Neo4j.

Each read takes keys grouped by label, so every lookup goes through that label's key
index; labels come from the catalog (``explore.label_of``), never from input.  Nothing
here shapes the answer: ``graph.dossier`` builds the record from these rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from scrutiny.graph import explore
from scrutiny.graph.catalog import CATALOG

#: How an event names what it is about: a question ABOUT, a commitment ADDRESSES, an update UPDATES.
LINKED = ("MATCH (s:{label} {{key: $key}})<-[:ABOUT|ADDRESSES|UPDATES]-(e) "
          "RETURN DISTINCT e.key AS key, labels(e)[0] AS label")
#: Events said under an agenda item whose title names the report ("230. HMIC Reports on ...").
UNDER_ITEM = ("MATCH (i:AgendaItem) WHERE toLower(i.title) CONTAINS toLower($title) "
              "MATCH (e)-[:IN_ITEM]->(i) RETURN DISTINCT e.key AS key, labels(e)[0] AS label")
#: What hangs off a question or answer: the answers it got, the commitments that arose from it.
FOLLOWERS = ("UNWIND $keys AS k MATCH (p:{label} {{key: k}})<-[r:ANSWERS|ARISES_FROM]-(e) "
             "RETURN DISTINCT p.key AS parent, e.key AS key, labels(e)[0] AS label")
DETAILS = ("UNWIND $keys AS k MATCH (e:{label} {{key: k}}) "
           "OPTIONAL MATCH (e)-[:EVIDENCED_BY]->(d:Document) "
           "OPTIONAL MATCH (d)-[:RECORDS]->(m:Meeting) "
           "OPTIONAL MATCH (m)-[:HELD_BY]->(b:Body) "
           "OPTIONAL MATCH (e)-[:IN_ITEM]->(i:AgendaItem) "
           "RETURN e.key AS key, labels(e)[0] AS label, properties(e) AS props, d.url AS url, "
           "d.source AS source, coalesce(m.date, e.meeting_date) AS date, b.name AS body, "
           "i.number AS item_number, i.title AS item_title")
ACTORS = ("UNWIND $keys AS k MATCH (e:{label} {{key: k}})-[w:ASKED_BY|GIVEN_BY|OWED_BY|ADDRESSED_TO|OWED_TO]->(a) "
          "RETURN e.key AS key, type(w) AS rel, a.name AS name, coalesce(w.derived, false) AS derived "
          "ORDER BY key, rel, derived, name")
OUTCOMES = ("UNWIND $keys AS k MATCH (c:Commitment {key: k})-[f:FULFILLED_BY|SUPERSEDED_BY]->(x) "
            "OPTIONAL MATCH (ed:Document {key: f.doc}) "
            "RETURN c.key AS key, type(f) AS rel, coalesce(f.quote, x.quote, x.title) AS quote, "
            "coalesce(f.meeting_date, x.meeting_date) AS date, f.method AS method, f.confidence AS confidence, "
            "ed.url AS url, ed.source AS source, x.key AS other "
            "ORDER BY key, date, confidence DESC, quote")
MENTIONS = ("MATCH (s:{label} {{key: $key}})-[e:MENTIONED_IN|EVIDENCED_BY]->(d:Document) "
            "OPTIONAL MATCH (d)-[:RECORDS]->(m:Meeting) OPTIONAL MATCH (m)-[:HELD_BY]->(b:Body) "
            "OPTIONAL MATCH (m)-[:HAS_ITEM]->(i:AgendaItem) WHERE i.start <= e.start AND e.start < i.end "
            "RETURN e.quote AS quote, e.start AS start, d.url AS url, d.source AS source, m.date AS date, "
            "b.name AS body, i.number AS item_number, i.title AS item_title "
            "ORDER BY date, source, start")
REPORT = ("MATCH (r:Report {key: $key}) OPTIONAL MATCH (r)-[:PUBLISHED_BY]->(p:Body) "
          "RETURN r.title AS title, r.published AS published, r.response_due AS response_due, "
          "p.name AS publisher LIMIT 1")
FINDINGS = ("MATCH (f:Finding)-[:IN_REPORT]->(r:Report {key: $key}) "
            "RETURN f.key AS key ORDER BY f.start, f.key")
OF_REPORT = ("MATCH (f:Finding {key: $key}) OPTIONAL MATCH (f)-[:IN_REPORT]->(r:Report) "
             "RETURN r.key AS report LIMIT 1")
TITLED = ("MATCH (n:{label}) WHERE toLower(n.title) CONTAINS toLower($text) "
          "RETURN n.key AS key, n.title AS title ORDER BY title, key LIMIT $limit")


def _labelled(label: str, cypher: str) -> str:
    CATALOG.label(label)  # a SchemaError for a label the schema lacks
    return cypher.format(label=label)


def by_label(keyed: dict[str, str]) -> dict[str, list[str]]:
    """{key: label} as {label: sorted keys}: one query per label, through its key index."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, label in sorted(keyed.items()):
        grouped[label].append(key)
    return grouped


def per_label(store, cypher: str, keyed: dict[str, str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for label, keys in by_label(keyed).items():
        rows += store.run(_labelled(label, cypher), {"keys": keys})
    return rows


def linked(store, label: str, key: str) -> dict[str, str]:
    return {r["key"]: r["label"] for r in store.run(_labelled(label, LINKED), {"key": key})}


def under_item(store, title: str) -> dict[str, str]:
    return {r["key"]: r["label"] for r in store.run(UNDER_ITEM, {"title": title})}


def followers(store, keyed: dict[str, str]) -> list[dict[str, Any]]:
    asked = {k: v for k, v in keyed.items() if v in ("Question", "Answer")}
    return per_label(store, FOLLOWERS, asked)


def details(store, keyed: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Each event's properties, meeting, body, agenda item and document (first one only)."""
    found: dict[str, dict[str, Any]] = {}
    for row in per_label(store, DETAILS, keyed):
        found.setdefault(row["key"], row)
    return found


def actors(store, keyed: dict[str, str]) -> list[dict[str, Any]]:
    return per_label(store, ACTORS, keyed)


def outcomes(store, commitments: list[str]) -> list[dict[str, Any]]:
    return store.run(OUTCOMES, {"keys": commitments}) if commitments else []


def mentions(store, label: str, key: str) -> list[dict[str, Any]]:
    return store.run(_labelled(label, MENTIONS), {"key": key})


def report(store, key: str) -> dict[str, Any] | None:
    rows = store.run(REPORT, {"key": key})
    return rows[0] if rows else None


def findings(store, key: str) -> list[str]:
    return [r["key"] for r in store.run(FINDINGS, {"key": key})]


def report_of(store, finding: str) -> str | None:
    rows = store.run(OF_REPORT, {"key": finding})
    return rows[0]["report"] if rows else None


def titled(store, text: str, limit: int = 20) -> list[tuple[str, str, str]]:
    """(kind, key, title) of reports and findings whose title contains ``text``."""
    found = []
    for label in ("Report", "Finding"):
        found += [(explore.KIND_OF[label], r["key"], r["title"])
                  for r in store.run(_labelled(label, TITLED), {"text": text, "limit": limit})]
    return found
