"""The PCC's response to an inspection, found where a later meeting says it was published (pure).

An HMICFRS report starts a 56-day clock (``to_graph.RESPONSE_DAYS``); the clock
stops when the minutes of the body say the response went out: "the
Commissioner's response had gone on the OPCC website on 12 June", "the PCC's
response to the inspection was published on 3 August 2023".  A response sentence
is tied to the report it names, else to the one named in its section of the agenda
item, else (when it speaks of an inspection) to the body's one inspection report
still awaiting a response.  Its stated date
(the year taken from the meeting when the minutes give none) decides whether it
was in time; without one, the meeting that recorded it is all that is known.
One pass over the body's items, in meeting order.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from scrutiny.loaders.dates import MONTHS
from scrutiny.loaders.extract.published import dated
from scrutiny.loaders.extract.segment import sentences
from scrutiny.loaders.link.evidence import StoredItem
from scrutiny.loaders.link.later import HEADING_LINE

_OUT = (r"(?:published|gone\s+(?:on|onto|up\s+on)|been\s+(?:placed|put|posted|uploaded)\s+on|"
        r"placed\s+on|put\s+on|posted|uploaded|submitted|sent|issued|made\s+public)")
RESPONSE_OUT = re.compile(
    rf"\b(?:response|reply)\b[^.;]{{0,90}}?\b(?:had|has|have|was|were)\s+(?:now\s+|since\s+|also\s+|duly\s+)?"
    rf"(?:been\s+)?{_OUT}\b|\b(?:had|has|have)\s+(?:now\s+|since\s+)?(?:published|submitted|sent|issued)\s+"
    rf"(?:his|her|their|its|the|a)\s+(?:\w+\s+){{0,2}}response\b", re.I)
INSPECTION = re.compile(r"\bHMIC|\bInspectorate\b|\binspection\b", re.I)
DAY_MONTH = re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>"
                       + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.I)


@dataclass(frozen=True)
class ClockReport:
    key: str
    title: str
    published: str
    response_due: str
    doc: str  # one document of the body that mentions it, and where
    start: int
    end: int


@dataclass(frozen=True)
class PublishedResponse:
    report: str
    meeting_date: str
    doc: str
    start: int
    end: int
    quote: str
    responded_on: str | None  # the date the minutes give for the response, if any
    confidence: float


def responses(reports: list[ClockReport], items: list[StoredItem]) -> dict[str, PublishedResponse]:
    """Report key -> the first response the body's minutes record for it."""
    named = _mentions_by_doc(reports)
    clocks = {r.key: r for r in reports}
    found: dict[str, PublishedResponse] = {}
    for item in sorted(items, key=lambda i: (i.meeting_date, i.doc, i.start)):
        for lo, hi in _sections(item.text):
            in_section = _named_in(named.get(item.doc, ([], [])), item.start + lo, item.start + hi)
            for s, e in sentences(item.text, lo, hi):
                sentence = item.text[s:e]
                if not RESPONSE_OUT.search(sentence):
                    continue
                key, confidence = _which(sentence, in_section, clocks, found, item.meeting_date)
                if key and key not in found:
                    found[key] = PublishedResponse(key, item.meeting_date, item.doc, item.start + s, item.start + e,
                                          sentence, stated_date(sentence, item.meeting_date), confidence)
    return found


def _which(sentence: str, in_section: list[str], clocks: dict[str, ClockReport], found, date: str
           ) -> tuple[str | None, float]:
    """The report the sentence names, or its section's one named report, or else the body's
    one inspection awaiting a response: each a little less sure than the one before."""
    due = {k: r for k, r in clocks.items() if r.published <= date}
    folded = " ".join(sentence.lower().split())
    by_title = [k for k, r in due.items() if r.title and r.title.lower() in folded]
    if len(by_title) == 1:
        return by_title[0], 0.9
    in_section = [k for k in dict.fromkeys(in_section) if k in due]
    if not by_title and len(in_section) == 1:
        return in_section[0], 0.8
    awaiting = [k for k in due if k not in found]
    if not by_title and not in_section and len(awaiting) == 1 and INSPECTION.search(sentence):
        return awaiting[0], 0.7
    return None, 0.0


def _sections(text: str) -> list[tuple[int, int]]:
    """An item cut at its numbered headings ("13. Custody Inspection"), which extraction
    may not have made items of."""
    cuts = [0] + [m.start() for m in HEADING_LINE.finditer(text) if m.start() > 0] + [len(text)]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def stated_date(sentence: str, meeting_date: str) -> str | None:
    """"on 12 June 2023", or "on 12 June" in the year that puts it on or before the meeting."""
    cue = RESPONSE_OUT.search(sentence)
    tail = sentence[cue.start():] if cue else sentence
    if full := dated(tail, 0, len(tail)):
        return full.date if full.precision == "day" else None
    if not (m := DAY_MONTH.search(tail)):
        return None
    year, month, day = int(meeting_date[:4]), MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
    try:
        iso = dt.date(year, month, day).isoformat()
        return iso if iso <= meeting_date else dt.date(year - 1, month, day).isoformat()
    except ValueError:  # "30 February", or 29 February of the wrong year
        return None


def _mentions_by_doc(reports: list[ClockReport]) -> dict[str, tuple[list[int], list[str]]]:
    by_doc: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in reports:
        by_doc[r.doc].append((r.start, r.key))
    return {doc: ([s for s, _ in sorted(xs)], [k for _, k in sorted(xs)]) for doc, xs in by_doc.items()}


def _named_in(mentions: tuple[list[int], list[str]], start: int, end: int) -> list[str]:
    starts, keys = mentions
    return keys[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
