"""Due dates and statuses of one body's commitments, from the closure evidence (pure).

``fulfilled``: evidence at or above ``closure.CLOSES``; ``superseded``: the same
owner promised the same thing again at a later meeting before any evidence;
``overdue``: the due date passed with no evidence ("next meeting" falls due on
the body's next meeting date); ``open`` otherwise.
"""

from __future__ import annotations

import datetime as dt
import re

from scrutiny.loaders.link.evidence import (CLOSES, Commitment, Item, Link, Outcome, StatusUpdate,
                                      promised_words, action_links, statement_links, title_links)
from scrutiny.loaders.dates import days_between

SEASON_END = {"spring": "05-31", "summer": "08-31", "autumn": "11-30", "winter": "02-28",
              "new year": "01-31", "year": "12-31"}
MONTHS = ("january february march april may june july august september october november "
          "december").split()


def due_date(due: str | None, made_on: str, meetings: list[str]) -> str | None:
    """'next meeting' -> the next meeting's date; 'the summer' -> 31 August; 'September'
    -> the end of the next September; ISO dates as they are; anything vaguer -> None."""
    if not due:
        return None
    text = due.lower()
    later = [m for m in meetings if m > made_on]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", due):
        return due
    if "next" in text:
        return later[0] if later else None
    if "couple of meetings" in text:
        return later[1] if len(later) > 1 else None
    if m := re.search(r"(spring|summer|autumn|winter|new year|year)\b", text):
        return _next_on_or_after(made_on, SEASON_END[m.group(1)])
    if m := re.search(rf"\b({'|'.join(MONTHS)})\b(?:\s+(\d{{4}}))?", text):
        month = MONTHS.index(m.group(1)) + 1
        end = (dt.date(2001 if month < 12 else 2000, month % 12 + 1, 1) - dt.timedelta(days=1))
        if m.group(2):
            return f"{m.group(2)}-{end:%m-%d}"
        return _next_on_or_after(made_on, f"{end:%m-%d}")
    return None


def _next_on_or_after(made_on: str, month_day: str) -> str:
    year = int(made_on[:4])
    candidate = f"{year}-{month_day}"
    return candidate if candidate >= made_on else f"{year + 1}-{month_day}"


def supersessions(commitments: list[Commitment]) -> dict[str, Commitment]:
    """Each commitment promised again, later, by the same owner -> the later promise."""
    found = {}
    for c in commitments:
        promised = promised_words(c.quote)
        for later in sorted(commitments, key=lambda x: x.meeting_date):
            again = promised_words(later.quote)
            if later.meeting_date > c.meeting_date and c.owner and later.owner == c.owner \
                    and promised and again and len(promised & again) / min(len(promised), len(again)) >= 0.6:
                found[c.key] = later
                break
    return found


def follow_up(commitments: list[Commitment], items: list[Item], updates: list[StatusUpdate],
              meetings: list[str], today: str) -> dict[str, Outcome]:
    """Every commitment of the body with its status, due date and evidence links."""
    replaced = supersessions(commitments)
    numbered = {c.meeting_date for c in commitments if c.action_number}
    outcomes = {}
    for c in commitments:
        links = action_links(c, updates, numbered) + statement_links(c, items, updates) \
            + title_links(c, items)
        outcomes[c.key] = _outcome(c, _best_per_target(links), replaced.get(c.key), meetings, today)
    return outcomes


def _best_per_target(links: list[Link]) -> list[Link]:
    best: dict[str, Link] = {}
    for link in links:
        if link.target not in best or link.confidence > best[link.target].confidence:
            best[link.target] = link
    return sorted(best.values(), key=lambda x: (x.meeting_date, -x.confidence))


def _outcome(c: Commitment, links: list[Link], later: Commitment | None, meetings: list[str],
             today: str) -> Outcome:
    due = due_date(c.due, c.meeting_date, meetings)
    closing = [link for link in links if link.confidence >= CLOSES]
    if later and (not closing or closing[0].meeting_date > later.meeting_date):
        link = Link(c.key, later.key, "Commitment", "promised_again", 0.7, later.meeting_date,
                    later.doc, later.quote, later.start, later.end)
        return Outcome("superseded", due, links=[link])  # the later promise carries any evidence
    if closing:
        first = closing[0]
        return Outcome("fulfilled", due, first.meeting_date,
                       days_between(c.meeting_date, first.meeting_date), links)
    return Outcome("overdue" if due and due < today else "open", due, links=links)
