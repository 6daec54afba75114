"""A dossier: one report (or finding) and everything the minutes say about it, as a typed record.

For a journalist to read and cite: the report, its publisher and the 56-day response clock;
then the report itself and each of its findings, and under each, in meeting order across
bodies, every question with who asked whom and what was answered, every commitment with
its owner, due date and fate (fulfilled where, with the evidence; overdue since when;
superseded by what), every status update, each with its exact quote and source minutes.
The renderers (``viz.dossier_md``, ``viz.dossier_html``) only lay this record out.
"""

from __future__ import annotations

import datetime as dt

from scrutiny import queries
from scrutiny.errors import NotFound, ambiguous_name
from scrutiny.graph import dossier_reads as reads
from scrutiny.graph import explore
from scrutiny.graph.dossier_records import Clock, Dossier, Part, Source
from scrutiny.graph.dossier_threads import threads_of


def find(store, target: str) -> tuple[str, str]:
    """(kind, key) of the report or finding ``target`` names: its key, or words of its title.
    Several titles containing the words and none equal to them: an error listing them."""
    if kind := explore.locate(store, target, ("report", "finding")):
        return kind, target
    found = reads.titled(store, target)
    exact = [f for f in found if f[2].strip().lower() == target.strip().lower()]
    if len(found) == 1 or len(exact) == 1:
        kind, key, _ = (exact or found)[0]
        return kind, key
    if not found:
        raise NotFound(f"no report or finding has the key or a title containing {target[:80]!r}")
    raise ambiguous_name("reports or findings", target, [f"{title} ({kind} {key})" for kind, key, title in found])


def gather(store, target: str, body: str | None = None, as_of: str | None = None) -> Dossier:
    """The dossier of the report or finding ``target`` names (see ``find``); with ``body``,
    only what was said at meetings of bodies whose name contains it."""
    kind, key = find(store, target)
    as_of = as_of or dt.date.today().isoformat()
    report_key = key if kind == "report" else reads.report_of(store, key)
    facts = explore.entity(store, kind, key)
    paper = reads.report(store, report_key) if report_key else None
    subjects = [("report", report_key)] if report_key else []
    subjects += [("finding", f) for f in reads.findings(store, report_key)] if report_key else [(kind, key)]
    parts = tuple(_part(store, k, s, body) for k, s in subjects)
    return Dossier(kind=kind, key=key, title=facts.get("title") or key,
                   publisher=paper["publisher"] if paper else None, published=paper["published"] if paper else None,
                   clock=clock(store, report_key, as_of) if report_key else Clock("unknown"),
                   mentions=_mentions(store, kind, key, body), parts=parts, as_of=as_of, body=body)


def _part(store, kind: str, key: str, body: str | None) -> Part:
    facts = explore.entity(store, kind, key)
    label = explore.label_of(kind)
    named = reads.linked(store, label, key)
    near = reads.under_item(store, facts["title"]) if kind == "report" else {}
    return Part(kind=kind, key=key, title=facts.get("title") or key,
                finding_kind=facts.get("finding_kind") if kind == "finding" else None,
                quote=facts.get("quote") if kind == "finding" else None,
                threads=threads_of(store, named, near, body))


def _mentions(store, kind: str, key: str, body: str | None) -> tuple[Source, ...]:
    rows = reads.mentions(store, explore.label_of(kind), key)
    found = [Source(r["date"], r["body"], _item(r["item_number"], r["item_title"]), r["url"] or r["source"])
             for r in rows if not body or body.lower() in (r["body"] or "").lower()]
    return tuple(dict.fromkeys(found))


def _item(number: str | None, title: str | None) -> str | None:
    return " ".join(x for x in (number, title) if x) or None


def clock(store, report_key: str, as_of: str) -> Clock:
    """The report's row of the saved ``hmicfrs-response-clock`` query, as a Clock."""
    rows = queries.run(store, "hmicfrs-response-clock", {"as_of": as_of, "limit": 10_000}).rows
    row = next((r for r in rows if r["report_key"] == report_key), None)
    if row is None:
        return Clock("unknown")  # the minutes give no publication date (or it is no inspection)
    if row["past_clock"]:
        state = "missed"
    elif row["response_recorded_on"]:
        state = "met"
    else:
        state = "running"
    return Clock(state, row["response_due"], row["response_recorded_on"], row["response_published"],
                 row["response"])
