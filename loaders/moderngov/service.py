"""The ModernGov web service's XML read into typed records, and a meeting's minutes as HTML.

Pure functions: no network here.  The service (``SITE/mgWebService.asmx``)
answers ``GetCommittees``, ``GetMeetings`` and ``GetMeeting`` with plain XML;
element names are matched without namespaces and case, because installs differ.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from scrutiny.errors import FetchError


@dataclass(frozen=True)
class Committee:
    id: str
    title: str


@dataclass(frozen=True)
class LinkedDoc:
    title: str
    url: str
    restricted: bool


@dataclass(frozen=True)
class ListedItem:
    numbers: tuple[str, ...]  # minute number first, then agenda number
    title: str
    minutes_html: str | None  # only when published and not restricted
    restricted: bool
    docs: tuple[LinkedDoc, ...] = ()


@dataclass(frozen=True)
class ListedMeeting:
    id: str
    date: str | None  # ISO
    items: tuple[ListedItem, ...] = ()
    docs: tuple[LinkedDoc, ...] = field(default=())

    @property
    def has_item_minutes(self) -> bool:
        return any(item.minutes_html for item in self.items)


def parse_xml(data: bytes, what: str) -> ET.Element:
    """The root element; a document type declaration is refused, since the service never
    sends one and entity expansion is how hostile XML attacks a parser."""
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise FetchError(f"{what}: XML with a document type declaration is refused")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise FetchError(f"{what}: malformed XML ({exc})") from None


def _name(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1].lower()


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _name(child) == name]


def _all(element: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in element.iter() if _name(e) == name]


def _text(element: ET.Element, name: str) -> str:
    found = _children(element, name)
    return (found[0].text or "").strip() if found else ""


def _flag(element: ET.Element, name: str) -> bool:
    return _text(element, name).lower() in ("true", "1", "yes")


def service_date(value: str) -> str | None:
    """ISO date of the service's ``dd/mm/yyyy`` (a time after it is ignored)."""
    m = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None


def _id(element: ET.Element, name: str) -> str | None:
    """ModernGov ids are integers; anything else is ignored, since ids become file names."""
    value = _text(element, name)
    return value if re.fullmatch(r"\d{1,12}", value) else None


def committees(root: ET.Element) -> list[Committee]:
    return [Committee(cid, " ".join(_text(c, "committeetitle").split()))
            for c in _all(root, "committee") if (cid := _id(c, "committeeid"))]


def meeting_stubs(root: ET.Element) -> list[tuple[str, str | None]]:
    """(meeting id, ISO date) of every meeting listed."""
    return [(mid, service_date(_text(m, "meetingdate")))
            for m in _all(root, "meeting") if (mid := _id(m, "meetingid"))]


def _docs(element: ET.Element) -> tuple[LinkedDoc, ...]:
    return tuple(LinkedDoc(" ".join(_text(d, "title").split()), _text(d, "url"),
                           _flag(d, "isrestricted"))
                 for holder in _children(element, "linkeddocuments")
                 for d in _children(holder, "linkeddoc") if _text(d, "url"))


def _item(element: ET.Element) -> ListedItem:
    restricted = _flag(element, "isrestricted")
    body = _text(element, "minutesnonemptyhtmlbody")
    published = _flag(element, "isminutepublished") and not restricted and body
    numbers = tuple(n for n in (_text(element, "minutesitemnumber"),
                                _text(element, "agendaitemnumber")) if n)
    return ListedItem(numbers, " ".join(_text(element, "agendaitemtitle").split()),
                      body if published else None, restricted, _docs(element))


def meeting(root: ET.Element) -> ListedMeeting:
    node = root if _name(root) == "meeting" else next(iter(_all(root, "meeting")), None)
    if node is None or not _id(node, "meetingid"):
        raise FetchError("GetMeeting: no meeting in the answer")
    items = tuple(_item(i) for holder in _children(node, "agendaitems")
                  for i in _children(holder, "agendaitem"))
    return ListedMeeting(_text(node, "meetingid"), service_date(_text(node, "meetingdate")),
                   items, _docs(node))


def choose_committee(found: list[Committee], wanted: str) -> Committee:
    """By id, by exact title (any case), else by the one title containing ``wanted``."""
    key = " ".join(wanted.split()).lower()
    exact = [c for c in found if c.id == wanted.strip() or c.title.lower() == key]
    partial = [c for c in found if key in c.title.lower()]
    chosen = exact or partial
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        raise FetchError(f"no committee matches {wanted!r} ({len(found)} committees on the site)")
    names = "; ".join(f"{c.id} {c.title}" for c in chosen[:6])
    raise FetchError(f"{wanted!r} matches {len(chosen)} committees ({names}): give the id")
