"""A dossier's small timeline, as inline SVG: one row per kind of statement, one column per
meeting, a dot sized by how many were said there, and each commitment's line from the
meeting that made it to the one that closed it (or the day it fell due).

Colours are the views' own (``graph.label_facts``, ``viz.styles``); every text is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from html import escape

from scrutiny.graph.dossier_records import Dossier
from scrutiny.graph.label_facts import FACTS
from scrutiny.loaders.kinds import CommitmentStatus
from scrutiny.viz.styles import STATUS_COLOUR

ROWS = {"question": "Question", "answer": "Answer", "commitment": "Commitment", "status-update": "StatusUpdate",
        "resolution": "Resolution"}
WIDTH, LEFT, RIGHT, TOP, ROW = 760, 110, 80, 18, 22


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date) if date else None
    except ValueError:
        return None


def timeline(d: Dossier) -> str:
    said = Counter((s.source.date, s.kind) for s in d.statements() if _day(s.source.date) and s.kind in ROWS)
    spans = [(p.statement.source.date, p.outcome.date, p.outcome.state) for p in d.promises()
             if _day(p.statement.source.date) and _day(p.outcome.date)]
    dates = {date for date, _ in said} | {end for _, end, _ in spans}
    days = sorted(day for day in map(_day, dates) if day)
    if not days:
        return ""
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)

    def x(date: str | None) -> float:
        day = _day(date) or first
        return LEFT + (WIDTH - LEFT - RIGHT) * ((day - first).days / span if last > first else 0.5)

    rows = list(ROWS)
    height = TOP + ROW * len(rows) + 55
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' class='timeline' viewBox='0 0 {WIDTH} {height}' "
             f"width='{WIDTH}' height='{height}' role='img' aria-label='Timeline of the meetings'>"]
    for i, kind in enumerate(rows):
        y = TOP + ROW * i
        parts.append(f"<text x='4' y='{y + 4}' font-size='11' font-family='sans-serif'>"
                     f"{escape(FACTS[ROWS[kind]].display)}</text>"
                     f"<line x1='{LEFT - 8}' x2='{WIDTH - RIGHT + 8}' y1='{y}' y2='{y}' stroke='#eee'/>")
    for start, end, state in spans:
        y = TOP + ROW * rows.index("commitment")
        tip = escape(f"commitment of {start}: {state} {end}")
        parts.append(f"<line x1='{x(start):.1f}' x2='{x(end):.1f}' y1='{y}' y2='{y}' stroke-width='3' "
                     f"stroke='{STATUS_COLOUR.get(CommitmentStatus(state), '#999')}'><title>{tip}</title></line>")
    for (date, kind), n in sorted(said.items()):
        y = TOP + ROW * rows.index(kind)
        parts.append(f"<circle cx='{x(date):.1f}' cy='{y}' r='{3 + 2 * math.sqrt(n):.1f}' "
                     f"fill='{FACTS[ROWS[kind]].colour}' stroke='#555'><title>{escape(f'{date}: {n} {kind}')}"
                     "</title></circle>")
    base = TOP + ROW * len(rows)
    for day in days:
        at = x(day.isoformat())
        parts.append(f"<line x1='{at:.1f}' x2='{at:.1f}' y1='{TOP - 8}' y2='{base - 10}' stroke='#ccc' "
                     f"stroke-dasharray='2,3'/><text font-size='10' font-family='sans-serif' "
                     f"transform='translate({at:.1f},{base}) rotate(35)'>{escape(day.isoformat())}</text>")
    return "".join(parts) + "</svg>"
