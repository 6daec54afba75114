"""The sentences a dossier says, in both its formats: plain text, escaped by each renderer.

``viz.dossier_md`` and ``viz.dossier_html`` lay out the same words, so a Markdown dossier
and an HTML one of the same report read alike.
"""

from __future__ import annotations

from scrutiny.graph.dossier_records import Clock, Dossier, Outcome, Promise, Statement, Thread, counted

VERB = {"question": "asked", "answer": "answered", "commitment": "promised", "resolution": "resolved",
        "status-update": "reported progress"}
CLOCK_STATES = {
    "met": "response recorded in time",
    "missed": "response not recorded within the 56 days",
    "running": "the 56 days are still running",
    "unknown": "not known: the minutes give no publication date for it",
}


def words(text: str | None) -> str:
    """A quote as one line: the minutes' hard line breaks shown as spaces."""
    return " ".join((text or "").split())


def who_line(s: Statement) -> str:
    """'Panel Member asked the Police and Crime Commissioner' (or 'asked (no one named)')."""
    who = s.who or "(no one named)"
    if s.holder and s.holder != s.who:
        who = f"{who} ({s.holder})"
    to = f" of {s.to}" if s.to and s.kind == "question" else f" to {s.to}" if s.to else ""
    status = f" ({s.status.replace('_', ' ')})" if s.status and s.kind == "status-update" else ""
    return f"{who} {VERB.get(s.kind, s.kind)}{to}{status}"


def where(s: Statement) -> str:
    """'2017-07-20, Kent and Medway Police and Crime Panel, item 230. HMIC Reports ...'."""
    parts = [s.source.date or "undated meeting", s.source.body or "body not named"]
    return ", ".join(parts + ([f"item {s.source.item}"] if s.source.item else []))


def clock_line(c: Clock) -> str:
    if c.state == "unknown":
        return f"56-day response clock: {CLOCK_STATES['unknown']}."
    due = f"response due {c.due}"
    seen = (f"; the minutes of {c.recorded_on} record it published"
            + (f" on {c.published}" if c.published else "")) if c.recorded_on else ""
    return f"56-day response clock: {due}{seen}: {CLOCK_STATES[c.state]}."


def due_words(p: Promise) -> str:
    """', due 2018-02-08' or ', due "in due course"' (as the minutes put it), or nothing."""
    if p.due_date:
        return f", due {p.due_date}"
    return f", due “{p.due}”" if p.due else ""


def outcome_line(o: Outcome, due_date: str | None) -> str:
    if o.state == "fulfilled":
        how = f" ({o.method.replace('_', ' ')})" if o.method else ""
        return f"Fulfilled at the meeting of {o.date or 'an undated meeting'}{how}"
    if o.state == "superseded":
        return f"Superseded at the meeting of {o.date or 'an undated meeting'} by"
    if o.state == "overdue":
        return f"Overdue since {o.date or due_date or 'its due date'}"
    return f"Open: due {due_date}" if due_date else "Open: no due date given, and no later minutes show it done"


KIND = {"question": "Question", "answer": "Answer", "commitment": "Commitment", "resolution": "Resolution",
        "status-update": "Status update"}
BY_ITEM_NOTE = ("Marked (by item): said under an agenda item named for the report, "
                "though the sentence itself does not name it.")


def thread_note(t: Thread) -> str:
    """Said of a thread only the agenda item ties to the report."""
    return "" if t.named else "(by item)"


def place(t: Thread) -> str:
    """The meeting and agenda item a thread starts at: '2017-07-20, Kent ... Panel, item 230. ...'."""
    return where(t.statement or t.promises[0].statement)


def span_line(d: Dossier) -> str:
    """'Said at 2 meetings of 1 body, 2017-07-20 to 2018-09-27.'"""
    held = d.meetings()
    if not held:
        return "No question, answer, commitment or update about it is in the loaded minutes."
    bodies = {b for _, b in held if b}
    dates = [m for m, _ in held if m]
    span = f", {dates[0]} to {dates[-1]}" if len(set(dates)) > 1 else f", {dates[0]}" if dates else ""
    return f"Said at {counted(len(held), 'meeting')} of {counted(len(bodies), 'body', 'bodies')}{span}."


def heading(d: Dossier) -> str:
    return f"Dossier: {d.title}"


def byline(d: Dossier) -> str:
    pub = f"Published by {d.publisher}" if d.publisher else "Publisher not named in the minutes"
    when = f" on {d.published}" if d.published else " (no publication date in the minutes)"
    scope = f" Only meetings of bodies whose name contains '{d.body}'." if d.body else ""
    return f"{d.kind.capitalize()} key: {d.key}. {pub}{when}. Response clock judged on {d.as_of}.{scope}"
