"""The ``scrutiny`` command: a thin shell over the library, one-line errors, non-zero exits.

The group and what every command shares live here; the commands live beside it by topic.
Every command, at any depth, is behind ``one_line_errors``: the group adds it, so no
command can be registered without it.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import sys

import click

from scrutiny.errors import ScrutinyError


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
    wrapper.one_line_errors = True  # type: ignore[attr-defined]
    return wrapper


class OneLineErrorsGroup(click.Group):
    """A group whose commands and subgroups all print ScrutinyError as one line."""

    group_class = type  # subgroups made with .group() are of this class too

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if cmd.callback is not None and not getattr(cmd.callback, "one_line_errors", False):
            cmd.callback = one_line_errors(cmd.callback)
        super().add_command(cmd, name)


@contextlib.contextmanager
def configured_store(settings):
    """The store the settings name, open for one command and closed whatever happens."""
    from scrutiny.graph.stores.base import open_store
    store = open_store(settings)
    try:
        yield store
    finally:
        store.close()


data_dir_option = click.option("--data-dir", envvar="SCRUTINY_DATA_DIR", default=None,
                               help="Data directory of the embedded store (SCRUTINY_DATA_DIR).")


@click.group(cls=OneLineErrorsGroup)
@click.version_option(package_name="scrutiny-graph")
def main():
    """Minutes of police governance meetings as a graph of accountability."""


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
    def cell(v: object) -> str:
        return ("" if v is None else " ".join(str(v).split()))[:width]

    widths = {c: max([len(c)] + [len(cell(r.get(c))) for r in rows]) for c in columns}

    def line(vals: list[str]) -> str:
        return "  ".join(v.ljust(widths[c]) for c, v in zip(columns, vals, strict=True)).rstrip()

    out = [line(columns), line(["-" * widths[c] for c in columns])]
    out += [line([cell(r.get(c)) for c in columns]) for r in rows]
    return "\n".join(out)


from scrutiny.cli import data, documents, fetch, saved_queries, serve  # noqa: E402,F401  (registers their commands)
