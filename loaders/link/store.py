"""Links across the meetings of one body: commitments to their follow-up, offices to people.

Runs after documents load, for every body whose minutes changed (``Body.stale``).
Reads the body's facts, computes links with the pure stages
(``status``, ``holders``), and rewrites the body's derived links
in one transaction, so the result depends only on what is loaded and a
re-run is harmless.  Derived edges carry ``derived = true``.
"""

from __future__ import annotations

import datetime as dt

from scrutiny.graph.cypher import Statement, upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.base import Store
from scrutiny.loaders.link import evidence
from scrutiny.loaders.link.holders import Holding, OfficeReference, resolve
from scrutiny.loaders.link.status import follow_up

ACTOR_RELS = ("ASKED_BY", "ADDRESSED_TO", "GIVEN_BY", "OWED_BY")
IN_BODY = ("MATCH (b:Body {key: $body})<-[:HELD_BY]-(m:Meeting)-[:HAS_ITEM]->(i:AgendaItem)"
           "<-[:IN_ITEM]-")
COMMITMENTS = (IN_BODY + "(c:Commitment) OPTIONAL MATCH (c)-[r:OWED_BY]->(o) WHERE coalesce(r.derived, false) = false "
               "RETURN c.key AS key, c.meeting_date AS meeting_date, c.quote AS quote, c.doc AS doc, "
               "c.start AS start, c.end AS end, o.key AS owner, c.due AS due, "
               "c.action_number AS action_number ORDER BY c.meeting_date, c.doc, c.start")
UPDATES = (IN_BODY + "(u:StatusUpdate) RETURN u.key AS key, u.meeting_date AS meeting_date, "
           "u.quote AS quote, u.doc AS doc, u.start AS start, u.end AS end, u.status AS status, "
           "u.action_number AS action_number, u.refers_to_date AS refers_to_date")
ITEMS = ("MATCH (b:Body {key: $body})<-[:HELD_BY]-(m:Meeting)-[:HAS_ITEM]->(i:AgendaItem) "
         "MATCH (d:Document {key: i.doc}) RETURN i.key AS key, m.date AS meeting_date, "
         "i.title AS title, i.doc AS doc, i.start AS start, substring(d.text, i.start, i.end - i.start) AS text")
HOLDINGS = ("MATCH (p:Person)-[h:HOLDS]->(r:Role) WHERE r.key STARTS WITH $scope "
            "RETURN p.key AS person, r.key AS role, h.since AS date")
OFFICE_REFS = (IN_BODY + "(e)-[r:ASKED_BY|ADDRESSED_TO|GIVEN_BY|OWED_BY]->(o:Role) "
               "WHERE coalesce(r.derived, false) = false RETURN e.key AS event, labels(e)[0] AS label, type(r) AS rel, "
               "o.key AS role, o.title AS title, e.meeting_date AS meeting_date")


def stale_bodies(store: Store) -> list[str]:
    return [r["key"] for r in store.run("MATCH (b:Body) WHERE b.stale = true RETURN b.key AS key")]


def derive_all(store: Store, today: str | None = None) -> int:
    bodies = stale_bodies(store)
    for body in bodies:
        store.write(body_statements(store, body, today or dt.date.today().isoformat()))
    return len(bodies)


def body_statements(store: Store, body: str, today: str) -> list[Statement]:
    params = {"body": body}
    meetings = sorted({r["date"] for r in store.run(
        "MATCH (m:Meeting)-[:HELD_BY]->(:Body {key: $body}) RETURN m.date AS date", params) if r["date"]})
    commitments = [evidence.Commitment(**r) for r in store.run(COMMITMENTS, params) if r["meeting_date"]]
    updates = [evidence.StatusUpdate(**r) for r in store.run(UPDATES, params) if r["meeting_date"]]
    items = [evidence.Item(**r) for r in store.run(ITEMS, params) if r["meeting_date"]]
    outcomes = follow_up(commitments, items, updates, meetings, today)
    holdings = [Holding(**r) for r in store.run(HOLDINGS, {"scope": f"body:{body}|"})]
    office_refs = store.run(OFFICE_REFS, params)
    labels = {r["event"]: r["label"] for r in office_refs}
    resolved, review = resolve([OfficeReference(r["event"], r["rel"], r["role"], r["title"],
                                                r["meeting_date"]) for r in office_refs], holdings)
    graph = _derived_graph(outcomes, resolved, review, labels)
    return [*clear_statements(body), *upsert_statements(graph),
            # A later document may spell the body's name differently: its meetings follow.
            Statement("MATCH (b:Body {key: $body})<-[:HELD_BY]-(m:Meeting) SET m.body = b.name", params),
            Statement("MATCH (b:Body {key: $body}) SET b.stale = false", params)]


def _derived_graph(outcomes, resolved, review, labels) -> Graph:
    """Closing links become FULFILLED_BY / SUPERSEDED_BY edges; weak links and deferrals
    are only ``review_link`` text, so no query ever shows them as what fulfilled it."""
    g = _commitments(outcomes)
    for res in resolved:
        ref = res.reference
        me = g.add_node(labels[ref.event], ref.event)
        g.add_edge(ref.rel, me, ("Person", res.person), derived=True, via=ref.role,
                   confidence=res.confidence)
    for event, reason in review.items():
        _add_review(g, labels[event], event, reason)
    return g


def _commitments(outcomes) -> Graph:
    g = Graph()
    for key, out in outcomes.items():
        me = g.add_node("Commitment", key, status=out.status, due_date=out.due_date,
                        fulfilled_on=out.fulfilled_on, days_to_fulfil=out.days_to_fulfil,
                        review_link="; ".join(out.notes) or None)
        for x in out.links:
            rel = "SUPERSEDED_BY" if x.target_label == "Commitment" else "FULFILLED_BY"
            g.add_edge(rel, me, (x.target_label, x.target), method=x.method, confidence=x.confidence,
                       meeting_date=x.meeting_date, doc=x.doc, quote=x.quote, start=x.start, end=x.end,
                       derived=True)
    return g


def _add_review(g: Graph, label: str, key: str, reason: str) -> None:
    """A node can need a look for two reasons (a weak closure and an unknown holder): keep both."""
    known = g.nodes.get((label, key))
    earlier = known.props.get("review_link") if known else None
    g.add_node(label, key, review_link="; ".join(filter(None, [earlier, reason])))


def clear_statements(body: str) -> list[Statement]:
    """Forget the body's derived links and statuses before they are computed again."""
    params = {"body": body}
    out = [Statement(IN_BODY + "(c:Commitment) SET c.status = 'open', c.due_date = null, "
                     "c.fulfilled_on = null, c.days_to_fulfil = null", params),
           Statement(IN_BODY + "(e) SET e.review_link = null", params)]
    out += [Statement(IN_BODY + f"(c:Commitment)-[r:{rel}]->() DELETE r", params)
            for rel in ("FULFILLED_BY", "SUPERSEDED_BY")]
    out += [Statement(IN_BODY + f"(e)-[r:{rel}]->(:Person) WHERE r.derived = true DELETE r", params)
            for rel in ACTOR_RELS]
    return out
