"""Commands that take the graph out: export (GraphML, GEXF, CSV, FollowTheMoney) and analyse
(network analytics printed like a saved query's rows)."""

from __future__ import annotations

import functools
import shutil
import sys
import tempfile
from pathlib import Path

import click

from scrutiny.cli import configured_store, data_dir_option, main, read_settings
from scrutiny.cli.output import row_options
from scrutiny.errors import QueryParameterError


def scope_options(func):
    """--body, --since and --until, gathered into ``scope``."""
    day = click.DateTime(["%Y-%m-%d"])

    @click.option("--body", default=None, help="Only bodies whose name contains this (any case).")
    @click.option("--since", type=day, default=None, help="Only meetings on or after this day (YYYY-MM-DD).")
    @click.option("--until", type=day, default=None, help="Only meetings on or before this day (YYYY-MM-DD).")
    @functools.wraps(func)
    def wrapper(*args, body, since, until, **kwargs):
        from scrutiny.graph.snapshot import Scope
        if since and until and since > until:
            raise QueryParameterError(f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}")
        scope = Scope(body, since and f"{since:%Y-%m-%d}", until and f"{until:%Y-%m-%d}")
        return func(*args, scope=scope, **kwargs)
    return wrapper



@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["graphml", "gexf", "csv", "ftm"]))
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
@click.argument("name", type=click.Choice(["centrality", "holders", "path", "raised"]))
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
