"""One ``Extraction`` as a neutral ``Graph`` in the schema's terms (pure; no store).

Keys come from ``keys``; a person is keyed by surname and first name or initial
(``link.people``), so "Simon Jones" is not "Martyn Jones" even where extraction
grouped them by surname.
"""

from __future__ import annotations

from typing import Any, cast

from scrutiny.graph.model import Graph
from scrutiny.loaders.dates import add_days
from scrutiny.loaders.extract.version import extractor_version
from scrutiny.loaders.keys import (
    agenda_item_key,
    body_key,
    body_scope,
    event_key,
    finding_key,
    fold,
    meeting_key,
    person_key,
    report_key,
    role_key,
)
from scrutiny.loaders.kinds import BodyKind, CommitmentStatus, EventKind, is_panel
from scrutiny.loaders.link.people import given_name, unify
from scrutiny.loaders.records import (
    AnswerEvent,
    BodyEntity,
    ChallengeEvent,
    CommitmentEvent,
    Entity,
    Event,
    Extraction,
    FindingEntity,
    PersonEntity,
    QuestionEvent,
    ReportEntity,
    ResolutionEvent,
    RoleEntity,
    StatusUpdateEvent,
)

# An event kind -> its node label: a challenge is a question with ``challenge`` set.
EVENT_LABEL: dict[str, str] = {
    EventKind.QUESTION: "Question", EventKind.CHALLENGE: "Question", EventKind.ANSWER: "Answer",
    EventKind.COMMITMENT: "Commitment", EventKind.RESOLUTION: "Resolution", EventKind.STATUS_UPDATE: "StatusUpdate"}
RESPONSE_DAYS = 56  # Police Reform and Social Responsibility Act 2011, s.55
# The actor an event of each kind must name, else it goes to review.
UNATTRIBUTED: dict[str, tuple[str, ...]] = {
    EventKind.QUESTION: ("asker",), EventKind.CHALLENGE: ("asker",), EventKind.ANSWER: ("speaker",),
    EventKind.COMMITMENT: ("owner",)}
ACTOR_EDGE = {"asker": "ASKED_BY", "addressee": "ADDRESSED_TO", "speaker": "GIVEN_BY",
              "owner": "OWED_BY", "owed_to": "OWED_TO"}


class _Keys:
    def __init__(self, ex: Extraction):
        self.doc = ex.document.id
        self.body = body_key(ex.document.body) if ex.document.body else None
        self.scope = body_scope(self.body, self.doc)

    def entity(self, e: Entity, given: str | None = None) -> tuple[str, str]:
        if isinstance(e, PersonEntity):
            return "Person", person_key(self.scope, fold(e.surname or e.name), given)
        if isinstance(e, RoleEntity):
            return "Role", role_key(self.scope, e.title or e.name)
        if isinstance(e, BodyEntity):
            return "Body", body_key(e.canonical or e.name)
        if isinstance(e, ReportEntity):
            return "Report", report_key(self.scope, e.title or e.name)
        return "Finding", finding_key(self.doc, e.id)


def to_graph(ex: Extraction) -> Graph:
    g, keys, doc = Graph(), _Keys(ex), ex.document
    d = g.add_node("Document", doc.id, source=doc.source, url=doc.url, format=doc.format,
                   title=doc.title, text=doc.text, meeting_date=doc.meeting_date, complete=False,
                   extractor=extractor_version())
    meeting = _meeting(g, keys, ex, d)
    items = {}
    for item in ex.items:
        items[item.id] = g.add_node("AgendaItem", agenda_item_key(doc.id, item.id), doc=doc.id,
                                    number=item.number, title=item.title, start=item.start,
                                    end=item.end, meeting_date=doc.meeting_date)
        g.add_edge("HAS_ITEM", meeting, items[item.id])
    people = {e.id: _people(e, doc.text) for e in ex.entities if isinstance(e, PersonEntity)}
    refs = {e.id: _entity(g, keys, e, d, doc.text, people.get(e.id)) for e in ex.entities}
    actor = _actor_of(keys, ex, refs, people)
    _offices_and_members(g, ex, refs, doc.meeting_date, actor)
    _response_clock(g, ex, refs)
    events = {ev.id: _event(g, keys, ev, d, items, doc.meeting_date) for ev in ex.events}
    for ev in ex.events:
        _event_links(g, ev, events, refs, actor)
    return g


def _people(e: PersonEntity, text: str) -> dict[tuple[int, int] | None, str | None]:
    """Each mention of a Person entity -> the first name or initial it stands for; key
    ``None`` -> the entity's own (fullest) name.  One name, with bare-surname mentions, is
    one person; two ("Ann Marsh", "Ian Marsh") are two, and a bare "Councillor Marsh"
    beside them is neither."""
    surname = e.surname
    own = given_name(e.name, surname)
    givens: dict[tuple[int, int], str | None] = {(m[0], m[1]): given_name(text[m[0]:m[1]], surname)
                                                 for m in e.mentions}
    unified = unify([own, *givens.values()])
    named = {unified[g] for g in givens.values() if unified[g]}
    out: dict[tuple[int, int] | None, str | None] = {None: unified[own]}
    if len(named | {unified[own]} - {None}) <= 1:  # one person: bare mentions are them too
        out.update(dict.fromkeys(givens, unified[own]))
    else:
        out.update({span: unified[g] for span, g in givens.items()})
    return out


def _actor_of(keys: _Keys, ex: Extraction, refs, people):
    """(entity id, span of the event) -> the node: for a person, the one its mention there names."""
    entities = {e.id: e for e in ex.entities}

    def actor(eid: str, start: int, end: int):
        if eid not in people:
            return refs[eid]
        return keys.entity(entities[eid], _person_at(people[eid], start, end))
    return actor


def _person_at(people: dict, start: int, end: int) -> str | None:
    """The given name of the entity's mention inside [start, end), else of the last one
    before it (a pronoun's antecedent), else its own."""
    spans = sorted(span for span in people if span)
    inside = [span for span in spans if start <= span[0] < end]
    before = [span for span in spans if span[0] < start]
    return people[(inside or before[-1:] or [None])[0]]


def _meeting(g: Graph, keys: _Keys, ex: Extraction, d):
    doc = ex.document
    key = meeting_key(keys.body, doc.meeting_date, doc.id)
    meeting = g.add_node("Meeting", key, date=doc.meeting_date, title=doc.title, doc=doc.id,
                         body=doc.body)
    g.add_edge("RECORDS", d, meeting)
    if doc.body:
        kind = BodyKind.PANEL if is_panel(doc.body) else BodyKind.OTHER
        body = g.add_node("Body", keys.body or body_key(doc.body), name=doc.body, kind=kind, stale=True)
        g.add_edge("HELD_BY", meeting, body)
    return meeting


def _entity(g: Graph, keys: _Keys, e: Entity, d, text: str, people=None):
    if people and isinstance(e, PersonEntity):
        return _persons(g, keys, e, d, text, people)
    label, key = keys.entity(e)
    ref = g.add_node(label, key, **_entity_props(keys, e, text))
    if e.mentions:
        s, t = e.mentions[0]
        rel = "EVIDENCED_BY" if label == "Finding" else "MENTIONED_IN"
        g.add_edge(rel, ref, d, doc=keys.doc, quote=text[s:t], start=s, end=t)
    return ref


def _entity_props(keys: _Keys, e: Entity, text: str) -> dict[str, Any]:
    """A role's, body's, report's or finding's node properties."""
    if isinstance(e, RoleEntity):
        return {"name": e.name, "title": e.title or e.name}
    if isinstance(e, BodyEntity):
        return {"name": e.name, "kind": e.kind}
    if isinstance(e, ReportEntity):
        return {"title": e.title or e.name, "year": e.year}
    s, t = e.mentions[0]
    finding = cast(FindingEntity, e)
    return {"title": finding.title or e.name, "doc": keys.doc, "kind": finding.kind, "text": finding.text,
            "quote": text[s:t], "start": s, "end": t}


def _persons(g: Graph, keys: _Keys, e: PersonEntity, d, text: str, people: dict):
    """One node per person the entity's mentions name, each with its fullest name and
    first mention; the entity's own name's node is returned."""
    spans: dict[str | None, list[tuple[int, int]]] = {}
    for span, given in sorted((s, g) for s, g in people.items() if s):
        spans.setdefault(given, []).append(span)
    own = people[None]
    for given in {own, *spans}:
        names = [" ".join(text[a:b].split()) for a, b in spans.get(given, [])]
        name = max(names + ([e.name] if given == own else []), key=len)
        ref = g.add_node("Person", keys.entity(e, given)[1], name=name,
                         surname=e.surname, honorific=e.honorific)
        if spans.get(given):
            s, t = spans[given][0]
            g.add_edge("MENTIONED_IN", ref, d, doc=keys.doc, quote=text[s:t], start=s, end=t)
    return keys.entity(e, own)


def _offices_and_members(g: Graph, ex: Extraction, refs, meeting_date, actor) -> None:
    """Person-office links, each with its document, quote and the date it was true;
    panel members' membership of the panel."""
    text, doc = ex.document.text, ex.document.id
    panel = next((refs[e.id] for e in ex.entities if isinstance(e, BodyEntity)
                  and e.name == ex.document.body), None)
    seen: set = set()
    for e in ex.entities:
        if not isinstance(e, PersonEntity):
            continue
        for held in e.holds:
            s, t = held["start"], held["end"]
            g.add_edge("HOLDS", actor(e.id, s, s + 1), refs[held["role"]], doc=doc, quote=text[s:t],
                       start=s, end=t, since=meeting_date, until=meeting_date)
        if e.side == "member" and panel:
            for s, t in e.mentions:  # each person the entity names, at their first mention
                if (ref := actor(e.id, s, t)) not in seen:
                    seen.add(ref)
                    g.add_edge("MEMBER_OF", ref, panel, doc=doc, quote=text[s:t], start=s, end=t)


def _response_clock(g: Graph, ex: Extraction, refs) -> None:
    """An inspectorate's report starts the statutory clock: the PCC responds within 56 days."""
    kinds = {e.id: e.kind for e in ex.entities if isinstance(e, BodyEntity)}
    for e in ex.entities:
        if not isinstance(e, ReportEntity):
            continue
        if e.publisher in refs:
            g.add_edge("PUBLISHED_BY", refs[e.id], refs[e.publisher])
        if e.published:
            inspected = e.publisher is not None and kinds.get(e.publisher) == BodyKind.INSPECTORATE
            due = add_days(e.published, RESPONSE_DAYS) if inspected else None
            g.add_node("Report", refs[e.id][1], published=e.published, response_due=due)


def _event(g: Graph, keys: _Keys, ev: Event, d, items, meeting_date):
    label = EVENT_LABEL[ev.type]
    props: dict[str, Any] = dict(doc=keys.doc, quote=ev.quote, start=ev.start, end=ev.end,
                                 text=ev.text, meeting_date=meeting_date)
    if isinstance(ev, QuestionEvent):
        props["challenge"] = isinstance(ev, ChallengeEvent)
    elif isinstance(ev, CommitmentEvent):
        props.update(due=ev.due, status=CommitmentStatus.OPEN, action_number=ev.action_number)
    elif isinstance(ev, StatusUpdateEvent):
        props.update(status=ev.status, action_number=ev.action_number, refers_to_date=ev.refers_to_date)
    missing = next((f for f in UNATTRIBUTED.get(ev.type, ()) if not getattr(ev, f)), None)
    props["review"] = f"no {missing} named" if missing else None
    ref = g.add_node(label, event_key(keys.doc, ev.id), **props)
    g.add_edge("EVIDENCED_BY", ref, d, doc=keys.doc, quote=ev.quote, start=ev.start, end=ev.end)
    if ev.item in items:
        g.add_edge("IN_ITEM", ref, items[ev.item])
    return ref


def _event_links(g: Graph, ev: Event, events, refs, actor) -> None:
    me = events[ev.id]
    for field, rel in ACTOR_EDGE.items():
        if (eid := getattr(ev, field, None)) in refs:
            g.add_edge(rel, me, actor(eid, ev.start, ev.end))
    rel, subjects = _subjects(ev)
    for sid in subjects:
        if sid in refs:
            g.add_edge(rel, me, refs[sid])
    if isinstance(ev, AnswerEvent) and ev.answers in events:
        g.add_edge("ANSWERS", me, events[ev.answers])
    if isinstance(ev, CommitmentEvent) and ev.arises_from in events:
        g.add_edge("ARISES_FROM", me, events[ev.arises_from])
    for cid in ev.commitments if isinstance(ev, ResolutionEvent) else []:
        if cid in events:
            g.add_edge("CREATES", me, events[cid])


def _subjects(ev: Event) -> tuple[str, list[str]]:
    """The reports, findings or commitments an event is about, and the edge to each."""
    if isinstance(ev, QuestionEvent):
        return "ABOUT", ev.about
    if isinstance(ev, CommitmentEvent):
        return "ADDRESSES", ev.addresses
    if isinstance(ev, StatusUpdateEvent):
        return "UPDATES", ev.subject
    return "", []
