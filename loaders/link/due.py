"""Due phrases read as dates on the body's calendar: the one place a due phrase becomes a date.

Extraction keeps the words ("next meeting", "the autumn meeting", "by the end of
May"); this module turns them into a date given the day the promise was made and
the body's loaded meeting dates (pure).  A meeting named by the calendar ("next
meeting", "the July meeting", "the autumn meeting") falls due on the body's meeting
that matches, when one is loaded; a period falls due at its end ("the summer" ->
31 August, "later in the year" -> 31 December, "by the end of May" -> 31 May);
a span counts from the promise ("within six weeks").  What names no date ("in due
course", "a future meeting", "soon") is None: never a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from scrutiny.loaders.dates import add_days, parse_date

MONTHS = ("january february march april may june july august september october november "
          "december").split()
SEASON_END = {"spring": "05-31", "summer": "08-31", "autumn": "11-30", "winter": "02-28",
              "new year": "01-31", "financial year": "03-31", "year": "12-31"}
SEASON_MONTHS = {"spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11), "winter": (12, 1, 2)}
NUMBERS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
NUMBERS.update(a=1, an=1, couple=2, few=3)
UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_MONTH = rf"\b({'|'.join(MONTHS)})\b"
_SEASON = r"\b(spring|summer|autumn|winter)\b"


def due_date(due: str | None, made_on: str, meetings: list[str]) -> str | None:
    """The date ``due`` names, judged from ``made_on`` on the calendar ``meetings``."""
    if not due:
        return None
    text, later = " ".join(due.lower().split()), [m for m in sorted(meetings) if m > made_on]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if full := parse_date(due):  # "by 30 June 2018"
        return full
    for reader in (_meeting, _span, _year, _period):
        found = reader(text, made_on, later)
        if found is not _UNREAD:
            return found
    return None


_UNREAD = object()  # a reader that did not recognise the phrase (None means: no date)


def _meeting(text: str, made_on: str, later: list[str]):
    """'next meeting', 'in a couple of meetings' time', 'the July meeting', 'the autumn meeting'."""
    if re.search(r"\bnext\s+(?:\w+\s+)?(?:meeting|panel|committee)\b|\bcouple\s+of\s+meetings", text):
        n = 1 if "couple" in text else 0
        return later[n] if len(later) > n else None
    if m := re.search(rf"{_MONTH}(?:\s+(\d{{4}}))?\s+(?:\w+\s+)?meeting", text):
        month = MONTHS.index(m.group(1)) + 1
        held = [d for d in later if int(d[5:7]) == month and (not m.group(2) or d[:4] == m.group(2))]
        return held[0] if held else _UNREAD  # no such meeting loaded: the month itself
    if m := re.search(rf"{_SEASON}\s+(?:\w+\s+)?meeting", text):
        held = [d for d in later if int(d[5:7]) in SEASON_MONTHS[m.group(1)]]
        return held[0] if held else _UNREAD
    return _UNREAD


def _span(text: str, made_on: str, later: list[str]):
    """'within six weeks', 'in three months' time', 'within 28 days'."""
    m = re.search(r"\b(?:within|in)\s+(?:the\s+next\s+)?(\d{1,3}|[a-z]+)\s+(?:of\s+)?(day|week|month)s?\b", text)
    if not m or not (n := int(m.group(1)) if m.group(1).isdigit() else NUMBERS.get(m.group(1))):
        return _UNREAD
    return add_days(made_on, n * UNIT_DAYS[m.group(2)])


def _year(text: str, made_on: str, later: list[str]):
    """'later in 2017', 'by the end of 2018', 'during 2019': the end of that year."""
    m = re.search(r"\b(?:later\s+in|by\s+the\s+end\s+of|during|in|by)\s+((?:19|20)\d\d)\b", text)
    return f"{m.group(1)}-12-31" if m else _UNREAD


def _period(text: str, made_on: str, later: list[str]):
    """A season, 'the year', 'the financial year', 'the month' or a month: the first end of
    it on or after the day it was promised."""
    if m := re.search(r"\b(spring|summer|autumn|winter|new year|financial year|year)\b", text):
        return _next_on_or_after(made_on, SEASON_END[m.group(1)])
    if re.search(r"\bend\s+of\s+(?:the|this)\s+month\b", text):
        return _month_end(int(made_on[:4]), int(made_on[5:7]))
    if m := re.search(rf"{_MONTH}(?:\s+(\d{{4}}))?", text):
        month = MONTHS.index(m.group(1)) + 1
        if m.group(2):
            return _month_end(int(m.group(2)), month)
        return _next_on_or_after(made_on, _month_end(2001, month)[5:])
    return _UNREAD


def _month_end(year: int, month: int) -> str:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()


def _next_on_or_after(made_on: str, month_day: str) -> str:
    year = int(made_on[:4])
    candidate = f"{year}-{month_day}"
    return candidate if candidate >= made_on else f"{year + 1}-{month_day}"
