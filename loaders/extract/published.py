"""When the minutes say a report was published: the date the 56-day clock starts from (pure).

"the inspection report HMICFRS published on 9 May 2023", "published by the
Inspectorate on 2nd October 2022", "the report (published March 2024)", "which
was published on 12/10/2023", "On 3 July 2023 HMICFRS published its report".
The date must sit in the same sentence as the report's mention, close after a
publishing cue (or just before one: "On 3 July 2023 ... published").

A month without a day ("published March 2024") reads as the FIRST of the month with
``precision = "month"``: the clock then starts at the earliest day the text allows,
so a response counted late is late on any reading, and the graph says how exact it
is.  A day without a year ("published on 9 May") gives None: no year is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny.loaders.dates import MONTHS, find_dates

CUE = re.compile(r"\b(?:published|publication|released)\b", re.I)
MONTH_YEAR = re.compile(r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True))
                        + r")\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
SENTENCE_END = re.compile(r"[.;!?](?=\s+[A-Z0-9(\"'‘“]|\s*$)|\n\s*\n")
AFTER_CUE = 60  # "published by Her Majesty's Inspectorate on 2nd October 2022"
BEFORE_CUE = 40  # "On 3 July 2023 HMICFRS published ..."
REACH = 200  # how far from the report's mention the cue may be, within the sentence


@dataclass(frozen=True)
class Published:
    date: str  # ISO YYYY-MM-DD
    precision: str  # "day" or "month"


def published_date(text: str, start: int, end: int) -> str | None:
    """The ISO publication date of the report mentioned at ``text[start:end]``, or None."""
    found = published(text, start, end)
    return found.date if found else None


def published(text: str, start: int, end: int) -> Published | None:
    """The publication date with its precision: the cue nearest the mention wins."""
    lo, hi = _sentence(text, start, end)
    lo, hi = max(lo, start - REACH), min(hi, end + REACH)
    cues = sorted(CUE.finditer(text, lo, hi), key=lambda m: _distance(m, start, end))
    for cue in cues:
        found = dated(text, cue.end(), min(hi, cue.end() + AFTER_CUE), first=True) or \
            dated(text, max(lo, cue.start() - BEFORE_CUE), cue.start(), first=False)
        if found:
            return found
    return None


def dated(text: str, lo: int, hi: int, first: bool = True) -> Published | None:
    """The first (or last) full date or month-and-year in ``text[lo:hi]``."""
    window = text[lo:hi]
    found = [(s, Published(iso, "day")) for s, _, iso in find_dates(window)]
    days = [(s, e) for s, e, _ in find_dates(window)]
    found += [(m.start(), Published(f"{m['year']}-{MONTHS[m['month'].lower()]:02d}-01", "month"))
              for m in MONTH_YEAR.finditer(window)
              if not any(s <= m.start() < e for s, e in days)]  # "9 May 2023" is a day, not a month
    if not found:
        return None
    found.sort(key=lambda x: x[0])
    return found[0][1] if first else found[-1][1]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span: from the last stop before it to the next stop after it."""
    lo = 0
    for m in SENTENCE_END.finditer(text, max(0, start - 600), start):
        lo = m.end()
    stop = SENTENCE_END.search(text, end)
    return lo, stop.start() if stop else len(text)


def _distance(cue: re.Match, start: int, end: int) -> tuple[int, int]:
    """Cues after the mention first ("the report HMICFRS published on ..."), then nearest."""
    after = cue.start() >= end
    return (0 if after else 1, cue.start() - end if after else start - cue.end())
