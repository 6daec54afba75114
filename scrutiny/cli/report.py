"""``scrutiny report``: the story of the loaded minutes in one line, then who promised what.

The figures come from the ``accountability-summary`` saved query, the rows from
``accountability-chains``; the table shows a readable selection of their columns, while
json, csv and tsv keep every column the query returns.
"""

from __future__ import annotations

import re
import textwrap

import click

from scrutiny.cli import configured_store, data_dir_option, main, read_settings
from scrutiny.cli.output import row_options, terminal_width

TABLE_COLUMNS = ["meeting", "body", "subject", "asker", "owner", "commitment", "status", "closed"]
TABLE_HEADERS = {"subject": "finding or report", "asker": "asked by", "owner": "owner (holder)",
                 "commitment": "what was promised", "closed": "closed at"}
TABLE_WEIGHTS = {"commitment": 3, "closed": 2, "subject": 1}
EVIDENCE_WORDS = 10  # "a few words" of the later minutes that closed a commitment

SHORT_NAMES = [("Police and Crime Panel", "PCP"), ("Police and Crime Commissioner", "PCC"),
               ("Police, Fire and Crime Panel", "PFCP"), ("Joint Audit Committee", "JAC"), (" and ", " & ")]


def short_body(name: str | None) -> str:
    """'Kent and Medway Police and Crime Panel' -> 'Kent & Medway PCP' (offices too: 'PCC')."""
    short = name or ""
    for long, abbreviation in SHORT_NAMES:
        short = short.replace(long, abbreviation)
    return short


def few_words(text: str | None, n: int = EVIDENCE_WORDS) -> str:
    words = re.sub(r"^[\s\d.·•]+", "", " ".join((text or "").split())).split()
    return " ".join(words[:n]) + (" ..." if len(words) > n else "")


def table_row(row: dict) -> dict:
    """One accountability chain as the table shows it."""
    owner = short_body(row["owner"])
    if row["holder"]:
        owner = f"{owner} ({row['holder']})" if owner else row["holder"]
    due = f" due {row['due_date']}" if row["due_date"] and row["status"] != "fulfilled" else ""
    closed = f"{row['fulfilled_on'] or 'undated'}: {few_words(row['fulfilled_by'])}" if row["fulfilled_by"] else ""
    return {"meeting": row["meeting_date"] or "undated", "body": short_body(row["body"]),
            "subject": row["subject"], "asker": short_body(row["asker"]), "owner": owner,
            "commitment": row["commitment"], "status": f"{row['status']}{due}", "closed": closed}


def story(s: dict) -> str:
    """'11 meetings of 3 bodies (and 3 meetings that name no body); 69 commitments: 17 fulfilled ...'."""
    named = s["meetings"] - s["meetings_without_body"]
    unnamed = f" (and {s['meetings_without_body']} meetings that name no body)" if s["meetings_without_body"] else ""
    superseded = f", {s['superseded']} superseded (promised again later)" if s["superseded"] else ""
    return (f"{named} meetings of {s['bodies']} bodies{unnamed}; {s['commitments']} commitments: "
            f"{s['fulfilled']} fulfilled (at a later meeting), {s['overdue']} overdue, {s['open']} open{superseded}")


def footnote(s: dict) -> str:
    return (f"open: no later minutes of the same body show it done, and no due date has passed. "
            f"{s['open_without_later_meeting']} of the {s['open']} open come from the last loaded meeting of "
            "their body, or a meeting with no date or body: no later meeting is loaded that could close them.")


@main.command()
@click.option("--body", default=None, help="Only this body (name contains).")
@row_options
@data_dir_option
def report(body, out, data_dir):
    """Print the story of the loaded minutes, then one row per commitment: the meeting, the
    finding or report, who asked, the owner (and who held that office), what was promised,
    its status and the later meeting that closed it.

    Example: scrutiny report --format csv
    """
    from scrutiny import queries
    settings = read_settings(data_dir)
    with configured_store(settings) as store:
        summary = queries.run(store, "accountability-summary", {"body": body}).rows[0]
        limit = out.limit or settings.row_limit
        chains = queries.run(store, "accountability-chains", {"body": body, "limit": limit}, row_limit=limit,
                             offset=out.offset, timeout_ms=settings.query_timeout_ms)
    click.echo(textwrap.fill(story(summary), terminal_width()), err=not out.is_table)
    if out.is_table:
        out.emit([table_row(r) for r in chains.rows], TABLE_COLUMNS, TABLE_HEADERS, TABLE_WEIGHTS)
        click.echo(textwrap.fill(footnote(summary), terminal_width()))
    else:
        out.emit(chains.rows, queries.get("accountability-chains").columns)
    if chains.truncated:
        click.echo(f"(rows {out.offset + 1} to {out.offset + len(chains.rows)}; --limit and --offset show more)",
                   err=True)
