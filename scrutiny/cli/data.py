"""Commands over the data directory itself: backup and restore of the embedded store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from scrutiny.cli import data_dir_option, main
from scrutiny.errors import ConfigError
from scrutiny.settings import get_settings


def _embedded(settings):
    if settings.store != "embedded":
        raise ConfigError("backup and restore are for the embedded store; for Neo4j use "
                          "neo4j-admin database dump / load")


@main.command()
@click.argument("dest", required=False, type=click.Path(dir_okay=False, path_type=Path))
@data_dir_option
def backup(dest, data_dir):
    """Write a consistent snapshot of the graph to DEST (.tar.gz), even while it is in use.

    Example: scrutiny backup backups/scrutiny.tar.gz
    """
    from scrutiny.graph.stores.backup import backup as run_backup
    settings = get_settings(data_dir=data_dir)
    _embedded(settings)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    dest = dest or settings.data_dir.parent / f"scrutiny-backup-{stamp}.tar.gz"
    info = run_backup(settings.data_dir, dest, settings.graph_name)
    click.echo(f"{dest}: {info['documents']} documents, taken {info['created']}")


@main.command()
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@data_dir_option
def restore(archive, data_dir):
    """Replace the graph by a backup; the store must be idle (stop the API and loads first).
    The files it replaces are kept beside it, never deleted.

    Example: scrutiny restore backups/scrutiny.tar.gz
    """
    from scrutiny.graph.stores.restore import restore as run_restore
    settings = get_settings(data_dir=data_dir)
    _embedded(settings)
    info, aside = run_restore(settings.data_dir, archive)
    kept = f"; the replaced files are in {aside}" if aside else ""
    click.echo(f"restored {info['documents']} documents from {info['created']}{kept}")
