"""One body's minutes, indexed once by content word, for finding what later meetings said.

Each agenda item is cut into sections (a numbered heading line after a blank
line starts one, for headings extraction did not mark as items) and each section
into sentences.  A section that reviews the minutes of an earlier meeting of the
body ("Minutes of the Panel held on 28 March 2017", "Matters arising", "Action
log") is tagged with the meeting it reviews, so that a report back in it can be
tied to that meeting's undertakings.  Text the source cut off is kept out: what
it hid is unknown, and an unknown is never evidence.  Building the index is
linear in the body's text; each commitment then reads only the postings of its
own words.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from scrutiny.loaders.dates import find_dates
from scrutiny.loaders.extract.segment import paragraphs, sentences
from scrutiny.loaders.link import evidence
from scrutiny.loaders.link.words import Vocabulary, words

HEADING_LINE = re.compile(r"(?:\A|(?<=\n\n))[ \t]*\d{1,3}[A-Z]?\.[ \t]+(?P<title>[A-Z‘'\"][^\n]{2,150}?)[ \t]*$", re.M)
REVIEW_TITLE = re.compile(r"^\W*(?:(?:the\s+)?minutes\b|matters\s+arising|action\s+(?:log|tracker|sheet|"
                          r"list|points)|actions?\s+(?:from|of|arising)|outstanding\s+actions|"
                          r"review\s+of\s+actions)", re.I)
# Scraped minutes glue a heading, numbered point or bullet onto the sentence before it:
# "transitioned to ESN.Additional item", "(Verbal Update)1.The Commissioner", "meeting;·The".
GLUED = re.compile(r"(?<=[A-Za-z)])(?=\d{1,2}\.[A-Z][a-z])|(?<=[A-Z]{2}[.!?])(?=[A-Z][a-z])|(?<=\S)(?=[·•▪●◦])")
# "The Commissioner updated the Panel on some issues raised with him", "provided brief
# updates regarding questions asked at a previous Panel meeting": what follows are updates.
UPDATE_LIST = re.compile(r"\b(?:updated|gave|provided)\s+(?:the\s+panel\s+|members\s+)?(?:with\s+)?(?:\w+\s+)?"
                         r"(?:updates?\s+)?(?:on|regarding|about)\s+(?:some\s+|the\s+|a\s+number\s+of\s+)?"
                         r"(?:issues|questions|matters|points|items)\s+(?:raised|asked)\b", re.I)
#: How far after a commitment its evidence is looked for: minutes that report a promise
#: kept do so within a year or two; what is not reported in three is not found by topic.
HORIZON_YEARS = 3
CUT_OFF = re.compile(r"\.\.\.\s*view the full minutes text|\[text cut off in the source\]|"
                     r"\[?(?:text|content) (?:truncated|cut off)\]?", re.I)


@dataclass(frozen=True)
class LaterUnit:
    """A sentence, or a section's heading (``heading``), of a later meeting."""
    item: str
    meeting_date: str
    doc: str
    start: int
    end: int
    text: str
    words: frozenset[str]
    section: str        # the section's title
    reviews: str | None  # date of the meeting whose minutes this section reviews
    heading: bool = False
    opening: str = ""   # headings: the heading and its first paragraph, the quote to show
    opening_end: int = 0
    listed: bool = False  # follows "updated the Panel on issues raised" in its section
    minutes: bool = False  # the section notes minutes or opens a document (a dated title)

    # Read once per sentence, however many commitments it is weighed for.
    @cached_property
    def delivered(self) -> bool:
        """The sentence reports something delivered (``evidence.delivered``)."""
        return evidence.delivered(self.text)

    @cached_property
    def deferred_to(self) -> str | None:
        """What follows "deferred" in the sentence (``evidence.deferred_to``)."""
        return evidence.deferred_to(self.text)


class Index:
    def __init__(self, items, meetings: list[str]):
        self.meetings = sorted(meetings)
        units = [u for item in items for u in _units(item, self.meetings)]
        self.units = sorted(units, key=lambda u: (u.meeting_date, u.doc, u.start))
        self._dates = [u.meeting_date for u in self.units]
        self.vocabulary = Vocabulary(u.words for u in self.units if not u.heading)
        self.postings: dict[str, list[int]] = defaultdict(list)  # in meeting order
        self._review: dict[str, list[LaterUnit]] = defaultdict(list)
        for n, unit in enumerate(self.units):
            for w in unit.words:
                self.postings[w].append(n)
            if unit.reviews and not unit.heading:
                self._review[unit.reviews].append(unit)

    def after(self, date: str, ws: frozenset[str], core: frozenset[str] = frozenset(),
              headings: bool | None = None) -> list[LaterUnit]:
        """Units of the ``HORIZON_YEARS`` after ``date`` sharing a telling word of ``ws`` or
        any word of ``core``; ``headings``: only those (True) or none of them (False).
        Bounded per commitment, so a body's linking grows with its meetings, not their square."""
        until = f"{int(date[:4]) + HORIZON_YEARS:04d}{date[4:]}"
        v = self.vocabulary
        keys = {w for w in ws if v.telling(w)} | core
        # Units are in meeting order, so the horizon is one span of unit numbers.
        first, last = bisect.bisect_right(self._dates, date), bisect.bisect_right(self._dates, until)
        hits: set[int] = set()
        for w in keys:
            posting = self.postings.get(w, [])
            hits.update(posting[bisect.bisect_left(posting, first):bisect.bisect_left(posting, last)])
        return [self.units[n] for n in sorted(hits) if headings is None or self.units[n].heading == headings]

    def reviewing(self, date: str) -> list[LaterUnit]:
        """Every sentence of a later section that reviews the minutes of ``date``."""
        return self._review.get(date, [])


def _units(item, meetings: list[str]) -> list[LaterUnit]:
    text, out = item.text, []
    heads = [(m.start(), m["title"]) for m in HEADING_LINE.finditer(text) if m.start() > 0
             and not re.search(r"[.;:,]$", m["title"])]
    bounds, paras = [(0, item.title)] + heads, paragraphs(text)
    for n, (s, title) in enumerate(bounds):
        e = bounds[n + 1][0] if n + 1 < len(bounds) else len(text)
        cut = CUT_OFF.search(text, s, e)
        e = cut.start() if cut else e
        mine = [(a, min(b, e)) for a, b in paras if a < e and b > s]
        out += _section(item, title, s, e, mine, _reviews(title, item.meeting_date, meetings))
    return out


def _section(item, title: str, s: int, e: int, paras, reviews: str | None) -> list[LaterUnit]:
    """The heading unit (when the section starts with its title) and the sentences after it."""
    text, out = item.text, []
    line_end = text.find("\n", s, e)
    line_end = e if line_end < 0 else line_end
    head = title and " ".join(title.split()).lower() in " ".join(text[s:line_end].split()).lower()
    body = line_end if head else s
    paras = [(max(a, body), b) for a, b in paras if b > body]
    if head:
        opening_end = paras[0][1] if paras else line_end
        minutes = bool(REVIEW_TITLE.search(title) or find_dates(title))
        out.append(LaterUnit(item.key, item.meeting_date, item.doc, item.start + s, item.start + line_end,
                        text[s:line_end], words(title), title, reviews, True,
                        text[s:opening_end], item.start + opening_end, minutes=minutes))
    listed = False
    for p in paras:
        for a, b in _pieces(text, sentences(text, *p)):
            out.append(LaterUnit(item.key, item.meeting_date, item.doc, item.start + a, item.start + b,
                            text[a:b], words(text[a:b]), title, reviews, listed=listed))
            listed = listed or bool(UPDATE_LIST.search(text, a, b))
    return out


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, cut again where scraping glued two together."""
    out = []
    for a, b in spans:
        cuts = [a] + [m.start() for m in GLUED.finditer(text, a, b) if a < m.start() < b] + [b]
        out += [(x, y) for x, y in itertools.pairwise(cuts) if text[x:y].strip()]
    return out


def _reviews(title: str, meeting_date: str, meetings: list[str]) -> str | None:
    """The earlier meeting of this body whose minutes a section reviews: the date its
    title names, or the body's previous meeting when it names none.  A date that is no
    meeting of this body is another body's minutes, noted, not reviewed."""
    if not title or not REVIEW_TITLE.search(title):
        return None
    named = [iso for _, _, iso in find_dates(title)]
    if named:
        return named[0] if named[0] in meetings and named[0] < meeting_date else None
    n = bisect.bisect_left(meetings, meeting_date)
    return meetings[n - 1] if n else None
