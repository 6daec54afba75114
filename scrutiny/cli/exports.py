"""Commands that take the graph out: export (GraphML, GEXF, CSV, FollowTheMoney) and analyse
(network analytics printed like a saved query's rows)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import sys
import tempfile
from pathlib import Path

import click

from scrutiny.cli import configured_store, data_dir_option, main, read_settings
from scrutiny.cli.output import row_options
from scrutiny.errors import QueryParameterError, bad_date


def scope_options(func):
    """--body, --since and --until, gathered into ``scope``; a day that is not one is refused
    in the words the API uses (``errors.bad_date``)."""
    @click.option("--body", default=None, help="Only bodies whose name contains this (any case).")
    @click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only meetings on or after this day.")
    @click.option("--until", default=None, metavar="YYYY-MM-DD", help="Only meetings on or before this day.")
    @functools.wraps(func)
    def wrapper(*args, body, since, until, **kwargs):
        from scrutiny.graph.snapshot import Scope
        since, until = day("--since", since), day("--until", until)
        if since and until and since > until:
            raise QueryParameterError(f"--since {since} is after --until {until}")
        return func(*args, scope=Scope(body, since, until), **kwargs)
    return wrapper


def day(option: str, value: str | None) -> str | None:
    """``value`` as a YYYY-MM-DD day, or None; QueryParameterError when it is not one."""
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise bad_date(option, value)



@main.command()
@click.argument("fmt", metavar="{graphml|gexf|csv|ftm}")  # checked by exports.get, in its words
@click.option("--out", required=True, help="File to write (a folder for csv); - writes a file format to stdout.")
@scope_options
@data_dir_option
def export(fmt, out, scope, data_dir):
    """Write the graph, or one body's part of it in a period, for other tools:
    graphml and gexf (Gephi), csv (spreadsheets, neo4j-admin import), ftm (Aleph).

    Example: scrutiny export gexf --out out/accountability.gexf --body kent
    """
    from scrutiny.graph import exports
    chosen = exports.get(fmt)
    if out == "-" and chosen.folder:
        raise QueryParameterError(f"{fmt} writes a folder of files: give --out a folder, not -")
    settings = read_settings(data_dir)
    with configured_store(settings) as store:
        if out == "-":
            done = _to_stdout(store, fmt, scope)
        else:
            done = exports.export(store, fmt, Path(out), scope)
    where = "stdout" if out == "-" else str(done.path)
    click.echo(f"{where}: {done.nodes} nodes, {done.edges} relationships as {fmt}", err=out == "-")


def _to_stdout(store, fmt: str, scope):
    from scrutiny.graph import exports
    with tempfile.TemporaryDirectory(prefix="scrutiny-export-") as tmp:
        done = exports.export(store, fmt, Path(tmp) / f"export{exports.get(fmt).suffix}", scope)
        with done.path.open("rb") as written:
            shutil.copyfileobj(written, sys.stdout.buffer)
        sys.stdout.flush()
    return done



@main.command()
@click.argument("name", metavar="{centrality|holders|path|raised}")  # checked by analytics.get
@click.option("--from", "source", default=None, help="path: where the chain starts (a name, or an id Label/key).")
@click.option("--to", "target", default=None, help="path: where it ends.")
@scope_options
@row_options
@data_dir_option
def analyse(name, source, target, scope, out, data_dir):
    """Network analytics over the graph, or one body's part of it in a period:
    centrality (who is asked, answers, owes), holders (commitments kept by each owner),
    path (how two entities are connected, with quotes), raised (reports taken up or not).

    Example: scrutiny analyse path --from "Matthew Scott" --to "Crime Data Integrity"
    """
    from scrutiny.graph import analytics
    analytics.get(name)  # a bad name or missing --from/--to fails before a store is opened
    if name == "path" and not (source and target):
        raise QueryParameterError("path needs --from and --to")
    settings = read_settings(data_dir)
    with configured_store(settings) as store:
        table = analytics.analyse(store, name, scope, source=source, target=target)
    rows = table.rows[out.offset:][:out.limit or settings.row_limit]
    out.emit(rows, list(table.columns))
    if len(rows) < len(table.rows) - out.offset:
        click.echo(f"(rows {out.offset + 1} to {out.offset + len(rows)} of {len(table.rows)}; "
                   "raise --limit or page with --offset for more)", err=True)
