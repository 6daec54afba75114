"""What a node says on the canvas: what a reader needs to follow a chain at a glance.

A person by name (and body, where several bodies' people are drawn), an office with its
body ("PCC, Kent and Medway"), a report by its short title, and an event by its date and
a few words of what was said ("2 Feb 2017: an update on hard to reach groups").  The full
quote is the details panel's.  Plain text throughout: vis-network draws it as text.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from typing import Any

from scrutiny.graph.label_facts import caption_of

LINE = 24  # characters per label line
#: Offices as councillors and reporters write them.
OFFICE_SHORT = {"police and crime commissioner": "PCC", "deputy police and crime commissioner": "Deputy PCC",
                "police fire and crime commissioner": "PFCC", "office of the police and crime commissioner": "OPCC",
                "chief executive": "Chief Executive"}
#: What a body's name adds nothing to once the office or person is named ("Kent and Medway").
BODY_TAIL = re.compile(r"\s*\b(police,? (fire )?and crime (panel|commissioner)|police and crime|"
                       r"joint audit committee|police)\b.*$", re.IGNORECASE)
#: How minutes introduce what was said: "The Commissioner explained that ...".
PREAMBLE = re.compile(r"^.{0,70}?\b(that|whether|about|to provide|to)\s+", re.IGNORECASE | re.DOTALL)
EVENTS = frozenset({"Question", "Answer", "Commitment", "Resolution", "StatusUpdate"})


def short(text: str | None, width: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1].rstrip(" ,;:") + "…"


def wrapped(text: str, width: int = LINE, lines: int = 3) -> str:
    """At most ``lines`` lines of ``width`` characters, the last ending "…" if cut."""
    rows = textwrap.wrap(text, width) or [""]
    if len(rows) > lines:
        rows = rows[:lines - 1] + [short(" ".join(rows[lines - 1:]), width)]
    return "\n".join(rows)


def day(iso: str | None) -> str:
    """"2017-02-02" -> "2 Feb 2017"; anything else as it is."""
    try:
        d = date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso or "")
    return f"{d.day} {d:%b %Y}"


def short_body(name: str | None) -> str:
    return BODY_TAIL.sub("", name or "").strip(" ,") or (name or "")


def gist(quote: str | None, words: int = 7) -> str:
    """A few words of what was said, after the minutes' "X explained that"."""
    text = " ".join((quote or "").split())
    cut = PREAMBLE.match(text)
    rest = text[cut.end():] if cut and len(text) - cut.end() > 15 else text
    head = rest.split()[:words]
    return " ".join(head) + ("…" if len(rest.split()) > words else "")


def office(props: dict[str, Any]) -> str:
    name = props.get("name") or props.get("title") or ""
    name = OFFICE_SHORT.get(" ".join(re.findall(r"[a-z]+", name.lower())), name)
    return f"{name}, {short_body(props['body'])}" if props.get("body") else name


def label(node_label: str, props: dict[str, Any]) -> str:
    if node_label in EVENTS and props.get("quote"):
        when = day(props.get("meeting_date"))
        return wrapped(f"{when}: {gist(props['quote'])}" if when else gist(props["quote"]), LINE + 4, 2)
    if node_label == "Role":
        return wrapped(office(props))
    if node_label == "Person" and props.get("body"):
        return wrapped(props.get("name") or "") + "\n" + short(short_body(props["body"]), LINE)
    if node_label == "Meeting":
        return f"Meeting {day(props.get('date'))}".strip()
    if node_label == "AgendaItem":
        item = f"{props.get('number') or ''} {props.get('title') or ''}".strip()
        return wrapped(f"{day(props.get('meeting_date'))}: {item}" if props.get("meeting_date") else item, lines=2)
    return wrapped(str(caption_of(node_label, props) or ""), lines=2)
