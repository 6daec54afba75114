"""Links across the meetings of one body: commitments to their follow-up, offices to people.

Runs after documents load, for every body whose minutes changed (``Body.stale``).
Reads the body's facts, computes links with the pure stages
(``status``, ``holders``), and rewrites the body's derived links
in one transaction, so the result depends only on what is loaded and a
re-run is harmless.  Derived edges carry ``derived = true``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scrutiny.graph.cypher import Statement, upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.base import Store
from scrutiny.graph.version import bump_statement
from scrutiny.loaders.keys import RESPONSE_MARK, response_key, scoped_prefix
from scrutiny.loaders.kinds import CommitmentStatus, UpdateStatus
from scrutiny.loaders.link import evidence
from scrutiny.loaders.link.holders import Holding, OfficeReference, resolve
from scrutiny.loaders.link.people import aliases
from scrutiny.loaders.link.responses import ClockReport, PublishedResponse, responses
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
IN_DOCS = "MATCH (b:Body {key: $body})<-[:HELD_BY]-(:Meeting)<-[:RECORDS]-(d:Document) "
CLOCKS = (IN_DOCS + "MATCH (r:Report)-[x:MENTIONED_IN]->(d) WHERE r.response_due IS NOT NULL "
          "RETURN r.key AS key, r.title AS title, r.published AS published, r.response_due AS response_due, "
          "d.key AS doc, x.start AS start, x.end AS end")
PEOPLE = "MATCH (p:Person) WHERE p.key STARTS WITH $scope RETURN p.key AS key"
PERSON_REFS = (IN_BODY + "(e)-[r:ASKED_BY|ADDRESSED_TO|GIVEN_BY|OWED_BY]->(p:Person) "
               "WHERE coalesce(r.derived, false) = false RETURN e.key AS event, labels(e)[0] AS label, "
               "type(r) AS rel, p.key AS person")
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


@dataclass(frozen=True)
class BodyRecords:
    """What closure reads of one body: its meeting dates, commitments, updates and items."""

    meetings: list[str]
    commitments: list[evidence.StoredCommitment]
    updates: list[evidence.StoredUpdate]
    items: list[evidence.StoredItem]


def body_records(store: Store, body: str) -> BodyRecords:
    """The body's records as closure reads them (``bench/derive.py`` times closure on them)."""
    params = {"body": body}
    meetings = sorted({r["date"] for r in store.run(
        "MATCH (m:Meeting)-[:HELD_BY]->(:Body {key: $body}) RETURN m.date AS date", params) if r["date"]})
    return BodyRecords(
        meetings,
        [evidence.StoredCommitment(**r) for r in store.run(COMMITMENTS, params) if r["meeting_date"]],
        [evidence.StoredUpdate(**r) for r in store.run(UPDATES, params) if r["meeting_date"]],
        [evidence.StoredItem(**r) for r in store.run(ITEMS, params) if r["meeting_date"]])


def body_statements(store: Store, body: str, today: str) -> list[Statement]:
    params = {"body": body}
    records = body_records(store, body)
    graph = _commitments(follow_up(records.commitments, records.items, records.updates, records.meetings, today))
    _people(store, body, graph)
    clocks = [ClockReport(**r) for r in store.run(CLOCKS, params) if r["published"]]
    for response in responses(clocks, records.items).values():
        _add_response(graph, response)
    return [*clear_statements(body), *upsert_statements(graph),
            # A later document may spell the body's name differently: its meetings follow.
            Statement("MATCH (b:Body {key: $body})<-[:HELD_BY]-(m:Meeting) SET m.body = b.name", params),
            Statement("MATCH (b:Body {key: $body}) SET b.stale = false", params),
            bump_statement()]  # in the same transaction: no cached answer outlives the old links


def _people(store: Store, body: str, g: Graph) -> None:
    """Offices at a meeting resolved to their holder, and a bare "Councillor Boyes" (or an
    initial) to the one person of the body it can be: derived attributions, ``via`` the
    office or the person key the minutes used."""
    scope = {"scope": scoped_prefix(body)}
    same = aliases([r["key"] for r in store.run(PEOPLE, scope)])
    holdings = [Holding(same.get(r["person"], r["person"]), r["role"], r["date"])
                for r in store.run(HOLDINGS, scope)]
    office_refs = store.run(OFFICE_REFS, {"body": body})
    labels = {r["event"]: r["label"] for r in office_refs}
    resolved, review = resolve([OfficeReference(r["event"], r["rel"], r["role"], r["title"],
                                                r["meeting_date"]) for r in office_refs], holdings)
    for res in resolved:
        ref = res.reference
        g.add_edge(ref.rel, g.add_node(labels[ref.event], ref.event), ("Person", res.person),
                   derived=True, via=ref.role, confidence=res.confidence)
    for event, reason in review.items():
        _add_review(g, labels[event], event, reason)
    _same_people(store, body, same, g)


def _same_people(store: Store, body: str, same: dict[str, str], g: Graph) -> None:
    """What the minutes attribute to "Councillor Boyes", attributed to her fuller self too."""
    for r in store.run(PERSON_REFS, {"body": body}):
        if r["person"] in same:
            g.add_edge(r["rel"], g.add_node(r["label"], r["event"]), ("Person", same[r["person"]]),
                       derived=True, via=r["person"], confidence=0.8)


def _commitments(outcomes) -> Graph:
    """Closing links become FULFILLED_BY / SUPERSEDED_BY edges; weak links and deferrals
    are only ``review_link`` text, so no query ever shows them as what fulfilled it."""
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


def _add_response(g: Graph, res: PublishedResponse) -> None:
    """The response as a status update on the report, quoting the later minutes; its
    ``refers_to_date`` is the date the minutes give for the response (for the clock)."""
    review = "response tied to the one inspection awaiting one" if res.confidence < 0.8 else None
    me = g.add_node("StatusUpdate", response_key(res.doc, res.start), doc=res.doc, quote=res.quote,
                    start=res.start, end=res.end, text=" ".join(res.quote.split()),
                    meeting_date=res.meeting_date, status=UpdateStatus.CLOSED, refers_to_date=res.responded_on,
                    review_link=review)
    g.add_edge("UPDATES", me, ("Report", res.report))
    g.add_edge("EVIDENCED_BY", me, ("Document", res.doc), doc=res.doc, quote=res.quote,
               start=res.start, end=res.end)


def _add_review(g: Graph, label: str, key: str, reason: str) -> None:
    """A node can need a look for two reasons (a weak closure and an unknown holder): keep both."""
    known = g.nodes.get((label, key))
    earlier = known.props.get("review_link") if known else None
    g.add_node(label, key, review_link="; ".join(filter(None, [earlier, reason])))


def clear_statements(body: str) -> list[Statement]:
    """Forget the body's derived links and statuses before they are computed again."""
    params = {"body": body}
    out = [Statement(IN_BODY + f"(c:Commitment) SET c.status = '{CommitmentStatus.OPEN}', c.due_date = null, "
                     "c.fulfilled_on = null, c.days_to_fulfil = null", params),
           Statement(IN_BODY + "(e) SET e.review_link = null", params)]
    out += [Statement(IN_BODY + f"(c:Commitment)-[r:{rel}]->() DELETE r", params)
            for rel in ("FULFILLED_BY", "SUPERSEDED_BY")]
    out += [Statement(IN_BODY + f"(e)-[r:{rel}]->(:Person) WHERE r.derived = true DELETE r", params)
            for rel in ACTOR_RELS]
    out.append(Statement(IN_DOCS + "MATCH (u:StatusUpdate {doc: d.key}) WHERE u.key CONTAINS $mark "
                         "DETACH DELETE u", {**params, "mark": RESPONSE_MARK}))
    return out
