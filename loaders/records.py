"""Typed records of the extraction contract (shared/spec/extraction-output.md).

``Extraction.to_json()`` is the public, versioned ``scrutiny.extraction/1``
format; ``Extraction.from_json()`` reads it back so that the graph loader can
start from extract output as well as from a fresh read.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Literal, TypedDict, cast

from scrutiny.loaders.kinds import BodyKind, EntityKind, EventKind, FindingKind, UpdateStatus

SCHEMA_VERSION = "scrutiny.extraction/1"


def content_id(text: str) -> str:
    """Stable id of a document's text: whitespace-folded, so re-saves don't change it."""
    normalised = " ".join(text.split())
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass
class DocumentText:
    """A document as read: its text (what offsets index) and what is known about it."""

    source: str
    format: str  # text, html, pdf
    text: str
    url: str | None = None
    title: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return content_id(self.text)


@dataclass
class Item:
    """An agenda item: its number as printed, its title, and the span of text it covers."""

    id: str
    number: str | None
    title: str
    start: int
    end: int


Side = Literal["member", "officer", "person", "none"]  # who a mention speaks for


class OfficeHeld(TypedDict):
    """A person holds an office where the text says so: the role's id and the span."""

    role: str
    start: int
    end: int


class _Typed:
    """A record whose kind is its class: ``type`` follows ``id`` in its JSON."""

    type: ClassVar[str]

    def to_json(self) -> dict[str, Any]:
        own = asdict(self)  # type: ignore[call-overload]  # every subclass is a dataclass
        return {"id": own.pop("id"), "type": str(self.type), **own}


@dataclass(kw_only=True)
class Entity(_Typed):
    """Something the text names, with the spans of its mentions; one subclass per
    ``EntityKind``, whose fields are the kind's extra fields in the JSON."""

    type: ClassVar[EntityKind]
    id: str
    name: str
    mentions: list[list[int]] = field(default_factory=list)



@dataclass(kw_only=True)
class PersonEntity(Entity):
    """A person; ``roles`` and ``holds`` are the offices the text says they hold."""

    type = EntityKind.PERSON
    honorific: str | None = None
    surname: str | None = None
    roles: list[str] = field(default_factory=list)
    side: Side = "person"
    holds: list[OfficeHeld] = field(default_factory=list)


@dataclass(kw_only=True)
class RoleEntity(Entity):
    """An office ("Police and Crime Commissioner"); ``title`` is its normalised name."""

    type = EntityKind.ROLE
    title: str
    body: str | None = None
    side: Side = "officer"


@dataclass(kw_only=True)
class BodyEntity(Entity):
    """A body; ``canonical`` is the lexicon's name for it."""

    type = EntityKind.BODY
    kind: BodyKind = BodyKind.OTHER
    canonical: str | None = None
    side: Side = "officer"


@dataclass(kw_only=True)
class ReportEntity(Entity):
    """A report: an inspectorate's, the force's or the body's own paper."""

    type = EntityKind.REPORT
    title: str
    publisher: str | None = None
    year: int | None = None
    published: str | None = None  # YYYY-MM-DD where the text gives it


@dataclass(kw_only=True)
class FindingEntity(Entity):
    """A finding, concern or recommendation quoted from a report under discussion."""

    type = EntityKind.FINDING
    report: str | None = None
    kind: FindingKind = FindingKind.OTHER
    text: str = ""
    title: str = ""


@dataclass(kw_only=True)
class Event(_Typed):
    """An accountability event read from ``quote`` (``text[start:end]``) in an item; one
    subclass per ``EventKind``, whose fields are the kind's extra fields in the JSON."""

    type: ClassVar[EventKind]
    id: str
    item: str | None
    quote: str
    start: int
    end: int
    text: str = ""  # the quote with its whitespace folded



@dataclass(kw_only=True)
class QuestionEvent(Event):
    """A question put by ``asker`` (an entity id, or None when no one is named)."""

    type = EventKind.QUESTION
    asker: str | None = None
    addressee: str | None = None
    about: list[str] = field(default_factory=list)  # Report and Finding ids


@dataclass(kw_only=True)
class ChallengeEvent(QuestionEvent):
    """A member disputing or criticising, not only asking."""

    type = EventKind.CHALLENGE


@dataclass(kw_only=True)
class AnswerEvent(Event):
    """An answer given by ``speaker``, to the question ``answers`` where one was put."""

    type = EventKind.ANSWER
    speaker: str | None = None
    answers: str | None = None


@dataclass(kw_only=True)
class CommitmentEvent(Event):
    """An undertaking by ``owner`` to do something later."""

    type = EventKind.COMMITMENT
    owner: str | None = None
    owed_to: str | None = None
    due: str | None = None  # YYYY-MM-DD, "next meeting", free text
    arises_from: str | None = None  # the question or resolution it answers to
    addresses: list[str] = field(default_factory=list)
    action_number: str | None = None


@dataclass(kw_only=True)
class ResolutionEvent(Event):
    """A decision of the meeting, with the commitments it creates."""

    type = EventKind.RESOLUTION
    commitments: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class StatusUpdateEvent(Event):
    """Progress reported on earlier findings, reports or commitments."""

    type = EventKind.STATUS_UPDATE
    subject: list[str] = field(default_factory=list)
    status: UpdateStatus | None = None
    action_number: str | None = None
    refers_to_date: str | None = None


ENTITY_CLASS: dict[str, type[Entity]] = {c.type: c for c in (
    PersonEntity, RoleEntity, BodyEntity, ReportEntity, FindingEntity)}
EVENT_CLASS: dict[str, type[Event]] = {c.type: c for c in (
    QuestionEvent, ChallengeEvent, AnswerEvent, CommitmentEvent, ResolutionEvent, StatusUpdateEvent)}


def _record[R: _Typed](classes: dict[str, type[R]], data: dict[str, Any]) -> R:
    """A record of the class its ``type`` names, from the fields that class declares."""
    cls = classes[data["type"]]
    declared = {f.name for f in fields(cast(Any, cls))}
    return cls(**{k: v for k, v in data.items() if k in declared})


@dataclass
class Extraction:
    """One document's extraction: the ``scrutiny.extraction/1`` JSON as records."""

    document: DocumentText
    items: list[Item]
    entities: list[Entity]
    events: list[Event]

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        return {
            "schema": SCHEMA_VERSION,
            "document": {"id": doc.id, "source": doc.source, "url": doc.url,
                         "format": doc.format, "title": doc.title, "body": doc.body,
                         "meeting_date": doc.meeting_date, "warnings": doc.warnings,
                         "text": doc.text},
            "items": [asdict(i) for i in self.items],
            "entities": [e.to_json() for e in self.entities],
            "events": [e.to_json() for e in self.events],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        d = data["document"]
        doc = DocumentText(source=d["source"], format=d["format"], text=d["text"],
                           url=d.get("url"), title=d.get("title"), body=d.get("body"),
                           meeting_date=d.get("meeting_date"), warnings=d.get("warnings", []))
        items = [Item(**i) for i in data.get("items", [])]
        entities = [_record(ENTITY_CLASS, e) for e in data.get("entities", [])]
        events = [_record(EVENT_CLASS, {"item": None, **e}) for e in data.get("events", [])]
        return cls(doc, items, entities, events)
