"""Dates as minutes write them, read into ISO ``YYYY-MM-DD``.

"2nd July 2020", "Thursday, 16th November, 2017 10.30 am", "3 FEBRUARY 2021",
"18/08/2023", "2020-07-02".  Unparseable text gives ``None``, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE)
NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)?\d\d)\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
PATTERNS = (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, NUMERIC)


def _build(match: re.Match) -> str | None:
    month = match["month"]
    month_no = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    year = int(match["year"])
    year = year + 2000 if year < 100 else year
    try:
        return dt.date(year, month_no, int(match["day"])).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in ``text`` as (start, end, iso), in order of position."""
    found: dict[int, tuple[int, int, str]] = {}
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            iso = _build(m)
            if iso and not any(s <= m.start() < e for s, e, _ in found.values()):
                found[m.start()] = (m.start(), m.end(), iso)
    return [found[k] for k in sorted(found)]


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO, or None."""
    if not text:
        return None
    dates = find_dates(text)
    return dates[0][2] if dates else None


def add_days(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def days_between(start_iso: str, end_iso: str) -> int:
    return (dt.date.fromisoformat(end_iso) - dt.date.fromisoformat(start_iso)).days
