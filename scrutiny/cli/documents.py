"""Commands over documents: extract to JSON, load into the graph, review what needs a human."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from scrutiny.cli import configured_store, data_dir_option, main, read_settings, settings_for
from scrutiny.cli.output import row_options
from scrutiny.errors import LoaderError, failed_document, no_documents, no_such_path, some_failed
from scrutiny.settings import get_settings


def documents_named(paths: tuple[str, ...]) -> list[Path]:
    """The documents the arguments name; an argument that names none is an error, since
    loading nothing is not success."""
    from scrutiny.loaders.pipeline import DOCUMENT_SUFFIXES, expand
    found: list[Path] = []
    for raw in paths:
        files = [p for p in expand([raw]) if os.path.lexists(p)]  # a dangling link fails on its own
        if not files and Path(raw).is_dir():
            raise no_documents(raw, DOCUMENT_SUFFIXES)
        if not files:
            raise no_such_path(raw)
        found += files
    return list(dict.fromkeys(found))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json-dir", type=click.Path(file_okay=False), required=True,
              help="Folder for one <stem>.json per document.")
@click.option("--url", help="Public URL of the minutes (one document).")
@click.option("--body", help="Meeting body, e.g. 'Durham Police and Crime Panel'.")
@click.option("--meeting-date", help="Date of the meeting, e.g. 2020-07-02.")
def extract(paths, json_dir, url, body, meeting_date):
    """Extract questions, answers, commitments and more from minutes into JSON.

    Example: scrutiny extract examples/minutes/*.txt --json-dir out/
    """
    from scrutiny.loaders.extract.limited import extract_limited
    from scrutiny.loaders.pipeline import read_documents
    from scrutiny.loaders.read.manifest import Metadata
    failed = 0
    out = Path(json_dir)
    out.mkdir(parents=True, exist_ok=True)
    overrides = Metadata(url, body, meeting_date)
    settings = get_settings()
    for path, doc in read_documents(documents_named(paths), settings, overrides):
        try:
            if isinstance(doc, LoaderError):
                raise doc
            result = extract_limited(doc, settings)  # under the limits of parsing
        except LoaderError as exc:
            failed += 1
            click.echo(failed_document(exc.source, exc.reason), err=True)
            continue
        (out / f"{path.stem}.json").write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        click.echo(f"{path}: {len(result.events)} events, {len(result.entities)} entities")
    if failed:
        raise click.ClickException(some_failed(failed, "read or extracted", f"the rest are in {out}"))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--url", help="Public URL of the minutes (one document).")
@click.option("--body", help="Meeting body, overriding any manifest.")
@click.option("--meeting-date", help="Date of the meeting, overriding any manifest.")
@data_dir_option
def load(paths, url, body, meeting_date, data_dir):
    """Load minutes (files, folders, globs) into the graph; unchanged files are skipped.

    Example: scrutiny load examples/minutes
    """
    from scrutiny.loaders.pipeline import load_paths
    from scrutiny.loaders.read.manifest import Metadata
    files = documents_named(paths)
    settings = settings_for(data_dir, create=True)
    with configured_store(settings) as store, \
            click.progressbar(length=len(files), label="loading", file=sys.stderr) as bar:
        report = load_paths(store, files, settings, Metadata(url, body, meeting_date),
                            progress=lambda _: bar.update(1))
    show_load_report(report, settings)


def show_load_report(report, settings) -> None:
    """Warnings and failures one line each on stderr, the summary on stdout; exit 1 when a
    document failed (the others are loaded)."""
    from scrutiny.loaders.pipeline import save_report
    saved = save_report(report, settings.data_dir)
    for note in report.warnings:
        click.echo(f"warning: {note['file']}: {note['warning']}", err=True)
    for failure in report.failed:
        click.echo(failed_document(failure['file'], failure['reason']), err=True)
    click.echo(f"{report.summary()} (report: {saved})")
    if report.failed:
        raise click.ClickException(some_failed(len(report.failed), "loaded", "the rest are in the graph"))


@main.command()
@click.option("--body", default=None, help="Only this body (name contains).")
@row_options
@data_dir_option
def review(body, out, data_dir):
    """List references a person should check, with their quotes: no named asker, speaker or
    owner; an office whose holder at that date is unknown or ambiguous; a closure too weak
    to count.

    Example: scrutiny review --body durham
    """
    from scrutiny import queries
    settings = read_settings(data_dir)
    limit = out.limit or settings.row_limit
    with configured_store(settings) as store:
        result = queries.run(store, "unresolved-references", {"body": body, "limit": limit}, row_limit=limit,
                             offset=out.offset, timeout_ms=settings.query_timeout_ms)
    click.echo(f"{len(result.rows)} references to review", err=not out.is_table)
    columns = ["meeting_date", "body", "kind", "reason", "quote"]
    out.emit(result.rows, columns if out.is_table else result.columns)
