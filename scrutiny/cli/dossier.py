"""``scrutiny dossier``: one report's or finding's whole story, as a page to read and cite."""

from __future__ import annotations

from pathlib import Path

import click

from scrutiny.cli import configured_store, data_dir_option, main, read_settings
from scrutiny.cli.exports import day
from scrutiny.errors import QueryParameterError


@main.command()
@click.argument("target", required=False)
@click.option("--out", required=True, help="File to write (.html or .md); with --all, a folder.")
@click.option("--all", "every", is_flag=True, help="One dossier per report (.html and .md), and an index.")
@click.option("--body", default=None, help="Only what was said at meetings of bodies whose name contains this.")
@click.option("--as-of", default=None, metavar="YYYY-MM-DD", help="The day to judge the response clock on (today).")
@data_dir_option
def dossier(target, out, every, body, as_of, data_dir):
    """Write the dossier of a report or finding, named by its key or words of its title:
    the report, its response clock, and every question, answer, commitment and update about
    it and its findings, in meeting order, each with its exact quote and source minutes.

    Example: scrutiny dossier "crime data integrity" --out out/dossier.html
    """
    from scrutiny.graph import dossier as gatherer
    from scrutiny.viz import dossiers
    if bool(target) == every:
        raise QueryParameterError("name one report or finding, or give --all (not both)")
    as_of = day("--as-of", as_of)
    if not every:
        suffix = Path(out).suffix.lower()
        if suffix not in dossiers.RENDER:  # refused before the store is opened
            raise QueryParameterError(f"--out {out[:80]!r}: a dossier is written as .html or .md")
    settings = read_settings(data_dir)
    with configured_store(settings) as store:
        if every:
            written = dossiers.write_all(store, Path(out), body, as_of)
            click.echo(f"{out}: {len(written)} dossiers and their index (index.html, index.md)")
            return
        d = gatherer.gather(store, target, body, as_of)
        path = dossiers.write(d, Path(out))
    click.echo(f"{path}: {d.title}: {d.summary()}")
