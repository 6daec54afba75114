"""The ``scrutiny`` command: a thin shell over the library, one-line errors, non-zero exits."""

from __future__ import annotations

import csv
import functools
import json
import sys
from pathlib import Path

import click

from scrutiny.errors import ScrutinyError
from scrutiny.settings import get_settings


def one_line_errors(func):
    """ScrutinyError (and a broken pipe) become ``Error: ...`` and exit 1."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ScrutinyError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            raise click.Abort() from None
    return wrapper


def open_configured_store(settings):
    from scrutiny.graph.stores.base import open_store
    return open_store(settings)


data_dir_option = click.option("--data-dir", envvar="SCRUTINY_DATA_DIR", default=None,
                               help="Data directory of the embedded store (SCRUTINY_DATA_DIR).")


@click.group()
@click.version_option(package_name="scrutiny-graph")
def main():
    """Minutes of police governance meetings as a graph of accountability."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json-dir", type=click.Path(file_okay=False), required=True,
              help="Folder for one <stem>.json per document.")
@click.option("--url", help="Public URL of the minutes (one document).")
@click.option("--body", help="Meeting body, e.g. 'Durham Police and Crime Panel'.")
@click.option("--meeting-date", help="Date of the meeting, e.g. 2020-07-02.")
@one_line_errors
def extract(paths, json_dir, url, body, meeting_date):
    """Extract questions, answers, commitments and more from minutes into JSON.

    Example: scrutiny extract examples/minutes/*.txt --json-dir out/
    """
    from scrutiny.errors import LoaderError
    from scrutiny.loaders.extract import extract as run_extract
    from scrutiny.loaders.manifest import Metadata
    from scrutiny.loaders.pipeline import expand, read_documents
    failed = 0
    out = Path(json_dir)
    out.mkdir(parents=True, exist_ok=True)
    overrides = Metadata(url, body, meeting_date)
    for path, doc in read_documents(expand(paths), get_settings(), overrides):
        if isinstance(doc, LoaderError):
            failed += 1
            click.echo(f"Error: {doc}", err=True)
            continue
        result = run_extract(doc)
        (out / f"{path.stem}.json").write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        click.echo(f"{path}: {len(result.events)} events, {len(result.entities)} entities")
    if failed:
        raise click.ClickException(f"{failed} document(s) could not be read")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--url", help="Public URL of the minutes (one document).")
@click.option("--body", help="Meeting body, overriding any manifest.")
@click.option("--meeting-date", help="Date of the meeting, overriding any manifest.")
@data_dir_option
@one_line_errors
def load(paths, url, body, meeting_date, data_dir):
    """Load minutes (files, folders, globs) into the graph; unchanged files are skipped.

    Example: scrutiny load examples/minutes
    """
    from scrutiny.loaders.manifest import Metadata
    from scrutiny.loaders.pipeline import expand, load_paths, save_report
    settings = get_settings(data_dir=data_dir)
    files = expand(paths)
    store = open_configured_store(settings)
    try:
        with click.progressbar(length=len(files), label="loading", file=sys.stderr) as bar:
            report = load_paths(store, files, settings, Metadata(url, body, meeting_date),
                                progress=lambda _: bar.update(1))
    finally:
        store.close()
    saved = save_report(report, settings.data_dir)
    for failure in report.failed:
        click.echo(f"failed: {failure['file']}: {failure['reason']}", err=True)
    click.echo(f"{report.summary()} (report: {saved})")


@main.command()
@click.option("--body", default=None, help="Only this body (its lower-case name).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@data_dir_option
@one_line_errors
def report(body, fmt, data_dir):
    """Print the accountability table: who promised what, to whom, and its status.

    Example: scrutiny report --format csv
    """
    from scrutiny.queries import get
    store = open_configured_store(get_settings(data_dir=data_dir))
    try:
        counts = store.run(get("document-count").cypher)[0]
        query = get("accountability-chains")
        rows = store.run(query.cypher, query.bind({"body": body} if body else {}))
    finally:
        store.close()
    click.echo(f"{counts['documents']} documents, {counts['meetings']} meetings, "
               f"{len(rows)} commitments", err=fmt != "table")
    emit(rows, fmt, ["meeting_date", "body", "owner", "status", "due", "commitment"])


def emit(rows: list[dict], fmt: str, columns: list[str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else columns)
        writer.writeheader()
        writer.writerows(rows)
    else:
        click.echo(table(rows, columns))


def table(rows: list[dict], columns: list[str], width: int = 60) -> str:
    cell = lambda v: ("" if v is None else " ".join(str(v).split()))[:width]
    widths = {c: max([len(c)] + [len(cell(r.get(c))) for r in rows]) for c in columns}
    line = lambda vals: "  ".join(v.ljust(widths[c]) for c, v in zip(columns, vals)).rstrip()
    out = [line(columns), line(["-" * widths[c] for c in columns])]
    out += [line([cell(r.get(c)) for c in columns]) for r in rows]
    return "\n".join(out)


if __name__ == "__main__":
    main()
