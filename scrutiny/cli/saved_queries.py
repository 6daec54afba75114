"""Commands over saved queries: the accountability report, and query list / show / run."""

from __future__ import annotations

import click

from scrutiny.cli import configured_store, data_dir_option, emit, main, table
from scrutiny.errors import QueryParameterError
from scrutiny.settings import get_settings

REPORT_COLUMNS = ["meeting_date", "body", "owner", "holder", "status", "due", "due_date",
                  "commitment", "fulfilled_by"]


@main.command()
@click.option("--body", default=None, help="Only this body (name contains).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@data_dir_option
def report(body, fmt, data_dir):
    """Print the accountability table: who promised what, its status, and what fulfilled it.

    Example: scrutiny report --format csv
    """
    from scrutiny import queries
    settings = get_settings(data_dir=data_dir)
    with configured_store(settings) as store:
        counts = queries.run(store, "document-count").rows[0]
        chains = queries.run(store, "accountability-chains", {"body": body},
                             row_limit=settings.row_limit, timeout_ms=settings.query_timeout_ms)
    click.echo(f"{counts['documents']} documents, {counts['meetings']} meetings, "
               f"{len(chains.rows)} commitments", err=fmt != "table")
    emit(chains.rows, fmt, REPORT_COLUMNS)


@main.group()
def query():
    """The saved Cypher queries: list them, show one, run one."""


@query.command("list")
def list_queries():
    """Name and title of every saved query."""
    from scrutiny.queries import registry
    rows = [{"name": q.name, "title": q.title} for q in registry().values()]
    click.echo(table(rows, ["name", "title"], width=100))


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
@click.option("--param", "-p", "pairs", multiple=True, help="key=value, repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--limit", type=int, default=None, help="Most rows (default SCRUTINY_ROW_LIMIT).")
@click.option("--timeout-ms", type=int, default=None, help="Query timeout (default SCRUTINY_QUERY_TIMEOUT_MS).")
@data_dir_option
def run_query(name, pairs, fmt, limit, timeout_ms, data_dir):
    """Run a saved query read-only.

    Example: scrutiny query run open-commitments --param body=durham --format csv
    """
    from scrutiny import queries
    settings = get_settings(data_dir=data_dir)
    given = parse_params(pairs)
    queries.get(name).bind(given)  # bad parameters fail before a store is opened
    with configured_store(settings) as store:
        result = queries.run(store, name, given, row_limit=limit or settings.row_limit,
                             timeout_ms=timeout_ms or settings.query_timeout_ms)
    emit(result.rows, fmt, list(result.columns))
    if result.truncated:
        click.echo(f"(first {len(result.rows)} rows; raise --limit for more)", err=True)
