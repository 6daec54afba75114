"""Typed records of the extraction contract (shared/spec/extraction-output.md).

``Extraction.to_json()`` is the public, versioned ``scrutiny.extraction/1``
format; ``Extraction.from_json()`` reads it back so that the graph loader can
start from extract output as well as from a fresh read.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

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
    id: str
    number: str | None
    title: str
    start: int
    end: int


@dataclass
class Entity:
    id: str
    type: str  # a kinds.EntityKind: Person, Role, Body, Report, Finding
    name: str
    mentions: list[list[int]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "name": self.name,
                "mentions": self.mentions, **self.extra}


@dataclass
class Event:
    id: str
    type: str  # a kinds.EventKind: Question, Challenge, Answer, Commitment, Resolution, StatusUpdate
    item: str | None
    quote: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "item": self.item, "quote": self.quote,
                "start": self.start, "end": self.end, **self.fields}


@dataclass
class Extraction:
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
        entities = [Entity(e["id"], e["type"], e["name"], e.get("mentions", []),
                           {k: v for k, v in e.items()
                            if k not in ("id", "type", "name", "mentions")})
                    for e in data.get("entities", [])]
        base = ("id", "type", "item", "quote", "start", "end")
        events = [Event(e["id"], e["type"], e.get("item"), e["quote"], e["start"], e["end"],
                        {k: v for k, v in e.items() if k not in base})
                  for e in data.get("events", [])]
        return cls(doc, items, entities, events)
