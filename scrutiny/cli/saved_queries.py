"""Commands over saved queries: query list / show / run."""

from __future__ import annotations

import click

from scrutiny.cli import configured_store, data_dir_option, main, read_settings
from scrutiny.cli.output import Output, row_options
from scrutiny.errors import QueryParameterError


@main.group()
def query():
    """The saved Cypher queries: list them, show one, run one."""


@query.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="json lists every query with its parameters (name, type, default, required).")
def list_queries(fmt):
    """Every saved query: its name and title, and with --format json its parameters and columns."""
    from scrutiny.queries import registry
    if fmt == "json":
        import json
        click.echo(json.dumps([describe(q) for q in registry().values()], ensure_ascii=False, indent=1))
        return
    rows = [{"name": q.name, "parameters": ", ".join(p.name for p in q.params), "title": q.title}
            for q in registry().values()]
    Output("table", None, True, None, 0).emit(rows, ["name", "parameters", "title"])


def describe(q) -> dict:
    return {"name": q.name, "title": q.title, "description": q.description,
            "parameters": [p.describe() for p in q.params], "columns": list(q.columns)}


@query.command()
@click.argument("name")
def show(name):
    """Print a saved query's header and Cypher, pasteable into Neo4j Browser as is."""
    from scrutiny.queries import get
    q = get(name)
    click.echo(f"// {q.name}: {q.title}\n// {q.description}")
    for p in q.params:
        click.echo(f"// ${p.name} ({p.type}, default {p.shown_default()}): {p.description}")
    click.echo(q.cypher)


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    given = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryParameterError(f"--param takes key=value, got {pair!r}")
        given[key.strip()] = value
    return given


@query.command("run")
@click.argument("name")
@click.option("--param", "-p", "pairs", multiple=True,
              help="key=value, repeatable; each query's parameters: scrutiny query show NAME, "
                   "or all of them: scrutiny query list --format json.")
@click.option("--timeout-ms", type=click.IntRange(min=1), default=None,
              help="Query timeout (default SCRUTINY_QUERY_TIMEOUT_MS).")
@row_options
@data_dir_option
def run_query(name, pairs, timeout_ms, out, data_dir):
    """Run a saved query read-only. Its parameters (-p name=value) are listed by
    `scrutiny query show NAME` and `scrutiny query list --format json`.

    Example: scrutiny query run open-commitments -p body=durham --format csv
    """
    from scrutiny import queries
    given = parse_params(pairs)
    saved = queries.get(name)
    saved.bind(given)  # bad parameters fail before a store is opened
    settings = read_settings(data_dir)
    limit = out.limit or settings.row_limit
    if out.limit and "limit" not in given and any(p.name == "limit" for p in saved.params):
        given["limit"] = str(out.limit)  # --limit raises the query's own default cap too
    with configured_store(settings) as store:
        result = queries.run(store, name, given, row_limit=limit, offset=out.offset,
                             timeout_ms=timeout_ms or settings.query_timeout_ms)
    out.emit(result.rows, list(result.columns))
    if result.truncated:
        shown = f"rows {out.offset + 1} to {out.offset + len(result.rows)}"
        click.echo(f"({shown}; raise --limit or page with --offset for more)", err=True)
