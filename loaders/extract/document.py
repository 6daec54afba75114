"""Extraction: one ``DocumentText`` in, one ``Extraction`` (the spec's JSON) out.

segment -> mentions -> events -> reports/findings -> entities with ids.  Pure:
no store, no network.  Entities are grouped within the document only; the
graph loader resolves them across documents of one body.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import cast

from scrutiny.loaders.dates import find_dates
from scrutiny.loaders.extract import anchored, cues
from scrutiny.loaders.extract.events import EventFinder, RawEvent
from scrutiny.loaders.extract.findings import find_findings
from scrutiny.loaders.extract.lexicon import lexicons
from scrutiny.loaders.extract.mentions import Mention, find_mentions
from scrutiny.loaders.extract.names import with_bare_names
from scrutiny.loaders.extract.published import published_date
from scrutiny.loaders.extract.reports import find_reports, group_reports, listed_reports
from scrutiny.loaders.extract.scan import Covered, SpanIndex
from scrutiny.loaders.extract.segment import segment
from scrutiny.loaders.kinds import BodyKind, FindingKind, is_panel
from scrutiny.loaders.records import (
    AnswerEvent,
    BodyEntity,
    ChallengeEvent,
    CommitmentEvent,
    DocumentText,
    Entity,
    Event,
    Extraction,
    FindingEntity,
    Item,
    PersonEntity,
    QuestionEvent,
    ReportEntity,
    ResolutionEvent,
    RoleEntity,
    Side,
    StatusUpdateEvent,
)

PLACE = r"(?:(?!The\b|By\b|Of\b|Made\b)[A-Z][a-z]+[ \-](?:and[ \-])?){1,4}"
BODY_IN_HEADER = re.compile(
    rf"\b({PLACE}Police,?\s+(?:Fire\s+)?(?:and|&)\s+Crime\s+Panel|{PLACE}(?:Joint\s+)?Audit\s+Committee)\b")
HEADER_CHARS = 600
POSSESSIVE = re.compile(r"['’]s\b")
DECISION_SUBJECT = re.compile(r"\b[Tt]hat\s+$")


def describe(doc: DocumentText) -> DocumentText:
    """Fill title, body and meeting date from the text where the metadata lacks them."""
    head = doc.text[:HEADER_CHARS]
    if not doc.title:
        lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
        if lines and lines[0].lower() in ("agenda item", "agenda and minutes") and len(lines) > 1:
            lines = lines[1:]
        doc.title = lines[0][:200] if lines else None
    if not doc.meeting_date:
        dates = [d for d in find_dates(head) if not re.search(
            r"held on\s*$|dated\s*$", head[max(0, d[0] - 20):d[0]], re.I)]
        doc.meeting_date = dates[0][2] if dates else None
    if not doc.body and (m := BODY_IN_HEADER.search(head)):
        doc.body = " ".join(m.group(1).split())
    return doc


def _synthetic(text: str, real: list[Mention], body: str | None) -> list[Mention]:
    """"a member" and "the Panel": actors the text names by function, not by name."""
    found = [Mention(m.start(), m.end(), "Role", "Member of the Public", "member")
             for m in anchored.match_around(text, cues.MEMBER_HEAD, cues.PUBLIC_PHRASE)]
    public = Covered([(p.start, p.end) for p in found])  # members never overlap each other
    for m in anchored.match_around(text, cues.MEMBER_HEAD, cues.MEMBER_PHRASE):
        if not public.covers(m.start()):
            found.append(Mention(m.start(), m.end(), "Role", "Panel Member", "member"))
    members = Covered([(x.start, x.end) for x in found])
    for m in anchored.match_around(text, cues.PANEL_HEAD, cues.PANEL_PHRASE, back=1):
        if members.covers(m.start()) or _office_of(text, m.start(), real):
            continue  # "a member of the Panel" is a member, "the Chairman of the Panel" an office
        name = body if body and is_panel(body) else m["name"]
        found.append(Mention(m.start("name"), m.end("name"), "Body", name, "member", kind="panel"))
    for m in anchored.read_back(text, anchored.heads(text, cues.COLLECTIVE_HEAD), cues.COLLECTIVE, 60):
        decided = DECISION_SUBJECT.search(text, max(0, m.start() - 8), m.start())
        if not cues.ACTS_AFTER.match(text, m.end()) and not decided:
            continue  # a doer only as the subject of what it does, or of a decision ("That the working group develop")
        name = " ".join(m["name"].split())
        found.append(Mention(m.start("name"), m.end("name"), "Body", name, "officer", kind="other"))
    return [s for s in sorted(found, key=lambda x: x.start) if not _overlaps(s, real)]


def _office_of(text: str, start: int, real: list[Mention]) -> bool:
    """"the Chairman of the Panel": "the Panel" completes the office before it."""
    i = bisect.bisect_left(real, start, key=lambda r: r.start)
    return i > 0 and real[i - 1].type == "Role" and re.fullmatch(r"\s+of\s+", text[real[i - 1].end:start]) is not None


def _overlaps(m: Mention, ordered: list[Mention]) -> bool:
    """Whether ``m`` overlaps one of ``ordered`` (sorted, non-overlapping mentions)."""
    i = bisect.bisect_right(ordered, m.start, key=lambda r: r.start)
    return (i > 0 and ordered[i - 1].end > m.start) or (i < len(ordered) and ordered[i].start < m.end)


def extract(doc: DocumentText) -> Extraction:
    doc = describe(doc)
    text = doc.text
    items, units = segment(text, doc.title)
    real = with_bare_names(text, find_mentions(text))
    mentions = sorted(real + _synthetic(text, real, doc.body), key=lambda m: m.start)
    finder = EventFinder(text, mentions)
    # a procedural title silences an item, not a document whose first line is all we have
    finder.procedural_items = [bool(len(items) > 1 or item.number) and
                               cues.PROCEDURAL_ITEM.match(item.title) is not None for item in items]
    finder.agenda_front_matter([(item.start, item.end) for item in items])
    starts = [m.start for m in mentions]
    for unit in units:
        first = bisect.bisect_left(starts, unit.start)
        last = bisect.bisect_left(starts, unit.end, first)
        finder.unit(unit, [m for m in mentions[first:last] if m.end <= unit.end])
    builder = _EntityBuilder(text, items)
    for m in real:
        builder.actor(m)
    builder.link_appositions(real)
    builder.reports(find_reports(text) + listed_reports(text, units))
    builder.findings(find_findings(text, units), items)
    events = _events(finder.events, builder, items, text)
    return Extraction(doc, items, builder.entities(), events)


class _EntityBuilder:
    def __init__(self, text: str, items: list[Item]):
        self.text = text
        self.items = items
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.spans: dict[str, set[tuple[int, int]]] = {}
        self.report_spans: list[tuple[int, int, str]] = []
        self.report_index = SpanIndex([])
        self.item_starts = [item.start for item in items]

    def actor(self, m: Mention) -> str:
        key = (m.type, (m.surname or m.name).lower())
        ent = self.by_key.get(key)
        if ent is None:
            name = max(m.name, m.surface or "", key=len) if m.type == "Role" else m.surface or m.name
            ent = self._entity(m, f"e{len(self.by_key) + 1}", name)
            self.by_key[key] = ent
        elif m.type == "Person" and len(m.name) > len(ent.name):
            ent.name = m.name
        elif m.type == "Role" and m.surface and len(m.surface) > len(ent.name):
            ent.name = m.surface  # the fullest form the text uses ("Chief Executive Officer")
        seen = self.spans.setdefault(ent.id, set())
        if m.end > m.start and (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            ent.mentions.append([m.start, m.end])
        return ent.id

    @staticmethod
    def _entity(m: Mention, eid: str, name: str) -> Entity:
        side = cast(Side, m.side)
        if m.type == "Person":
            return PersonEntity(id=eid, name=name, honorific=m.honorific, surname=m.surname, side=side)
        if m.type == "Role":
            return RoleEntity(id=eid, name=name, title=m.name, side=side)
        return BodyEntity(id=eid, name=name, kind=BodyKind(m.kind or "other"), canonical=m.name, side=side)

    def link_appositions(self, mentions: list[Mention]) -> None:
        """"Dr. Billings, Police and Crime Commissioner" and "Chief Constable Rhodes":
        the person holds the office (a rank that is an office, such as Chief Constable)."""
        for i, (a, b) in enumerate(itertools.pairwise(mentions)):
            if a.type == "Person" and b.type == "Role" and \
                    re.fullmatch(r"\s*(?:,|\()\s*(?:the\s+)?", self.text[a.end:b.start]):
                held = self._office_held(b, mentions[i + 2] if i + 2 < len(mentions) else None)
                if held is not None:
                    self._holds(a, self.by_key[("Role", held.name.lower())].id, held.end)
        for m in mentions:
            office = re.sub(r"^(?:Temporary|Acting)\s+", "", m.honorific or "")
            if m.type == "Person" and office.lower() in lexicons().role_titles:
                role = self.by_key.get(("Role", office.lower()))
                if role is None:
                    role = RoleEntity(id=f"e{len(self.by_key) + 1}", name=office, title=office,
                                      side=cast(Side, m.side))
                    self.by_key[("Role", office.lower())] = role
                self._holds(m, role.id, m.end)

    def _office_held(self, office: Mention, after: Mention | None) -> Mention | None:
        """"Mr Phillips, the PCC's Chief Finance Officer": an office in the possessive names
        whose officer the person is; the office held is the one after it."""
        if not POSSESSIVE.match(self.text, office.end):
            return office
        if after is not None and after.type == "Role" and \
                re.fullmatch(r"['’]s\s+", self.text[office.end:after.start]):
            return after
        return None

    def _holds(self, person_mention: Mention, role_id: str, end: int) -> None:
        m = person_mention
        person = self.by_key[("Person", (m.surname or m.name).lower())]
        assert isinstance(person, PersonEntity)
        if role_id not in person.roles:
            person.roles.append(role_id)
            person.holds.append({"role": role_id, "start": m.start, "end": end})

    def reports(self, found) -> None:
        hmic = self.by_key.get(("Body", "hmicfrs"))
        for title, group in group_reports(found).items():
            context = " ".join(self.text[max(0, m.start - 80):m.end + 40] for m in group)
            inspected = hmic and re.search(r"\bHMIC|Inspectorate|[Ii]nspection", context)
            ent = ReportEntity(id=f"e{len(self.by_key) + 1}", name=title, title=title,
                               mentions=[[m.start, m.end] for m in group],
                               publisher=hmic.id if hmic and inspected else None,
                               year=next((m.year for m in group if m.year), None),
                               published=next(filter(None, map(self._published_after, group)), None))
            self.by_key[("Report", title.lower())] = ent
            self.report_spans += [(m.start, m.end, ent.id) for m in group]
        self.report_index = SpanIndex(self.report_spans)

    def _published_after(self, m) -> str | None:
        """"... which HMICFRS published on 12 October 2023": the date the report's sentence gives."""
        return published_date(self.text, m.start, m.end)

    def findings(self, spans, items) -> None:
        for n, f in enumerate(spans, 1):
            report = self.report_in(self._item_span(f.start))
            quote = self.text[f.start:f.end]
            self.by_key[("Finding", str(n))] = FindingEntity(
                id=f"f{n}", name=" ".join(quote.split())[:120], mentions=[[f.start, f.end]],
                report=report, kind=FindingKind(f.kind), text=quote, title=quote[:120])

    def _item_span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.item_starts, pos) - 1  # items are in order and do not overlap
        if i >= 0 and pos < self.items[i].end:
            return self.items[i].start, self.items[i].end
        return 0, len(self.text)

    def report_in(self, span: tuple[int, int]) -> str | None:
        ids = self.report_index.inside(*span)
        return ids[0] if ids else None

    def entities(self) -> list[Entity]:
        return list(self.by_key.values())


def _events(raw: list[RawEvent], builder: _EntityBuilder, items, text) -> list[Event]:
    ids = [f"ev{n}" for n in range(1, len(raw) + 1)]
    created: dict[int, list[int]] = {}  # resolution index -> the commitments it creates
    for n, ev in enumerate(raw):
        if (resolution := ev.links.get("resolution")) is not None:
            created.setdefault(resolution, []).append(n)
    out = []
    for n, ev in enumerate(raw):
        about = builder.report_index.inside(ev.start, ev.end)
        if not about and ev.item < len(items):
            item = items[ev.item]
            head = builder.report_in((item.start, min(item.end, item.start + len(item.title) + 40)))
            about = [head] if head else []
        actor = builder.actor(ev.actor) if ev.actor is not None else None
        other = builder.actor(ev.addressee) if ev.addressee is not None else None
        common = dict(id=ids[n], item=items[ev.item].id if ev.item < len(items) else None,
                      quote=text[ev.start:ev.end], start=ev.start, end=ev.end,
                      text=" ".join(text[ev.start:ev.end].split()))
        out.append(_event(ev, common, actor, other, about, ids, created.get(n, [])))
    return out


def _event(ev: RawEvent, common: dict, actor, other, about, ids, creates) -> Event:
    def link(key: str) -> str | None:
        index = ev.links.get(key)
        return ids[index] if index is not None else None

    if ev.type in ("Question", "Challenge"):
        cls = ChallengeEvent if ev.type == "Challenge" else QuestionEvent
        return cls(**common, asker=actor, addressee=other, about=about)
    if ev.type == "Answer":
        return AnswerEvent(**common, speaker=actor, answers=link("answers"))
    if ev.type == "Commitment":
        return CommitmentEvent(**common, owner=actor, owed_to=other, due=ev.due,
                               arises_from=link("arises_from") or link("resolution"),
                               addresses=about, action_number=ev.action_number)
    if ev.type == "Resolution":
        return ResolutionEvent(**common, commitments=[ids[i] for i in creates])
    return StatusUpdateEvent(**common, subject=about, status=ev.status, action_number=ev.action_number,
                             refers_to_date=ev.refers_to_date)
