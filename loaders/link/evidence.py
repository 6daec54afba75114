"""Commitments followed to closure across the meetings of one body (pure).

Evidence, strongest first: a status update naming the commitment's action
number (and the meeting it was made at); a matters-arising or action-log line,
or a "further to the last meeting" sentence, about the same thing; a later
agenda item whose title is what was promised ("Report on Call Handling
Performance" for "a report on call handling performance").  A later promise
of the same thing by the same owner, before any evidence, supersedes the
earlier one.  Only evidence from a LATER meeting of the same body counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrutiny.loaders.extract.segment import paragraphs, sentences

#: Links at or above this confidence close a commitment; weaker ones go to review.
CLOSES = 0.5
WORD = re.compile(r"[a-z0-9]+")
STOP = frozenset("""a an the of on in to for and or at by with from into about its their his her
this that these those be been being was were is are will would should could may might can
has have had not no as it they he she we our all any some each more most other such than
then there which who whom what when where how also provide provided provides update updates
updated report reports reported reporting bring brought circulate circulated share shared
send sent give given further next last previous meeting meetings panel committee members
member information details detail paper papers item items agreed agree undertook offered
requested request requests asked ask note noted commissioner pcc chief constable officer
executive chair council councillor report's regarding relating following future later""".split())
FOLLOW_UP = re.compile(
    r"\bfurther\s+to\s+(?:the|its)\s+(?:last|previous)\s+meeting|\bmatters?\s+arising\b|"
    r"\bas\s+(?:requested|agreed|promised)\s+at\s+the\s+(?:last|previous)\b|"
    r"\b(?:has|had|have)\s+(?:now\s+)?been\s+(?:provided|circulated|sent|completed|shared|"
    r"received|arranged|actioned|done|delivered)\b|\b(?:provided|gave|presented)\s+(?:an?\s+)?"
    r"(?:update|report|briefing)\b|\bwas\s+(?:circulated|provided|sent|shared)\b", re.I)
ACTION_LOG = re.compile(r"matters?\s+arising|action\s+(?:log|tracker|sheet|list)|"
                        r"actions?\s+(?:from|of)\s+(?:the\s+)?(?:previous|last)|outstanding\s+actions", re.I)
CLOSED = {"closed", "completed", "complete", "fulfilled", "done", None}


@dataclass(frozen=True)
class Commitment:
    key: str
    meeting_date: str
    quote: str
    doc: str = ""
    start: int = 0
    end: int = 0
    owner: str | None = None
    due: str | None = None
    action_number: str | None = None


@dataclass(frozen=True)
class Item:
    key: str
    meeting_date: str
    title: str
    doc: str
    start: int
    text: str  # the item's own text, offsets from ``start`` in the document


@dataclass(frozen=True)
class StatusUpdate:
    key: str
    meeting_date: str
    quote: str
    doc: str
    start: int
    end: int
    status: str | None = None
    action_number: str | None = None
    refers_to_date: str | None = None


@dataclass(frozen=True)
class Link:
    commitment: str
    target: str
    target_label: str  # AgendaItem, StatusUpdate, Commitment (superseded by)
    method: str
    confidence: float
    meeting_date: str
    doc: str
    quote: str
    start: int
    end: int


@dataclass
class Outcome:
    status: str
    due_date: str | None = None
    fulfilled_on: str | None = None
    days_to_fulfil: int | None = None
    links: list[Link] = field(default_factory=list)


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower().replace("’", "'")) if w not in STOP
                     and not w.isdigit() and len(w) > 2)


def promised_words(text: str) -> frozenset[str]:
    """What was promised: the words after the promise verb, without the due phrase."""
    m = re.search(r"\b(?:to|would|will|be requested to|undertook to)\s+(.*)", text, re.I | re.S)
    tail = m.group(1) if m else text
    return words(re.split(r"\b(?:at|to|by|before)\s+the\s+next\s+meeting|\bin\s+the\s+(?:summer|"
                          r"spring|autumn|winter)|\bby\s+\d", tail, flags=re.I)[0])


def action_links(c: Commitment, updates: list[StatusUpdate], numbered: set[str]) -> list[Link]:
    """'Action No. 4 from the meeting held on 18 January ... completed' closes action 4 of
    that meeting; where that meeting's actions have no known numbers, it only suggests
    (below ``CLOSES``) that each of them was reported complete.  ``numbered``: dates of
    meetings whose commitments carry action numbers."""
    found = []
    for u in updates:
        if u.meeting_date <= c.meeting_date or u.status not in CLOSED or not u.action_number:
            continue
        if u.refers_to_date and u.refers_to_date != c.meeting_date:
            continue
        if c.action_number and u.action_number == c.action_number:
            confidence = 0.95 if u.refers_to_date else 0.8
            found.append(_link(c, u, "action_number", confidence))
        elif u.refers_to_date == c.meeting_date and c.meeting_date not in numbered:
            found.append(_link(c, u, "meeting_reported_complete", 0.4))
    return found


def _link(c: Commitment, u: StatusUpdate, method: str, confidence: float) -> Link:
    return Link(c.key, u.key, "StatusUpdate", method, confidence, u.meeting_date, u.doc,
                u.quote, u.start, u.end)


def statement_links(c: Commitment, items: list[Item], updates: list[StatusUpdate]) -> list[Link]:
    """Matters-arising lines, "further to the last meeting", closed status updates."""
    promised, found = promised_words(c.quote), []
    if len(promised) < 1:
        return found
    for u in updates:
        if u.meeting_date > c.meeting_date and u.status in CLOSED and _overlap(promised, words(u.quote)) >= 0.6:
            found.append(_link(c, u, "status_update", 0.7))
    for item in items:
        if item.meeting_date <= c.meeting_date:
            continue
        log = ACTION_LOG.search(item.title) is not None
        spans = [span for p in paragraphs(item.text) for span in sentences(item.text, *p)]
        for s, e in spans:
            sentence = item.text[s:e]
            if (log or FOLLOW_UP.search(sentence)) and _overlap(promised, words(sentence)) >= 0.6:
                method = "matters_arising" if log or "further to" in sentence.lower() else "follow_up"
                found.append(Link(c.key, item.key, "AgendaItem", method, 0.75 if log else 0.65,
                                  item.meeting_date, item.doc, sentence, item.start + s, item.start + e))
                break
    return found


def title_links(c: Commitment, items: list[Item]) -> list[Link]:
    """A later item titled for what was promised."""
    promised, found = promised_words(c.quote), []
    for item in items:
        title = words(item.title)
        shared = promised & title
        if item.meeting_date > c.meeting_date and len(shared) >= 2 and len(shared) / len(title) >= 0.6:
            heading_end = item.text.find(item.title)
            s = max(heading_end, 0)
            quote = item.text[s:s + len(item.title)] if heading_end >= 0 else item.text.split("\n", 1)[0]
            found.append(Link(c.key, item.key, "AgendaItem", "title_match",
                              round(0.5 + 0.4 * len(shared) / len(title | promised), 2),
                              item.meeting_date, item.doc, quote, item.start + s, item.start + s + len(quote)))
    return found


def _overlap(promised: frozenset[str], said: frozenset[str]) -> float:
    return len(promised & said) / len(promised) if promised else 0.0
