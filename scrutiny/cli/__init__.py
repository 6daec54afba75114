"""The ``scrutiny`` command: a thin shell over the library, one-line errors, non-zero exits.

The group and what every command shares live here; the commands live beside it by topic.
Every command, at any depth, is behind ``one_line_errors``: the group adds it, so no
command can be registered without it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path

import click

from scrutiny.errors import ConfigError, ScrutinyError, file_error


def one_line_errors(func):
    """ScrutinyError, an OSError on a file (an unwritable --out) and a broken pipe become
    ``Error: ...`` and exit 1."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ScrutinyError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            raise click.Abort() from None
        except OSError as exc:
            raise click.ClickException(file_error(exc)) from None
    wrapper.one_line_errors = True  # type: ignore[attr-defined]
    return wrapper


class OneLineErrorsGroup(click.Group):
    """A group whose commands and subgroups all print their errors as one line: a usage error
    too names its command's --help instead of printing the usage block."""

    group_class = type  # subgroups made with .group() are of this class too

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if cmd.callback is not None and not getattr(cmd.callback, "one_line_errors", False):
            cmd.callback = one_line_errors(cmd.callback)
        super().add_command(cmd, name)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()  # the help itself, not an error
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = f" (see: {exc.ctx.command_path} --help)" if exc.ctx else ""
            click.echo(f"Error: {exc.format_message()}{where}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


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


def settings_for(data_dir, create: bool):
    """The settings of this command; the embedded store's data directory checked first, and
    created only when ``create`` (by ``load``): a read of a directory with no store is an error."""
    from scrutiny.settings import get_settings
    settings = get_settings(data_dir=data_dir)
    if settings.store == "embedded":
        check_data_dir(Path(settings.data_dir), create)
    return settings


def check_data_dir(path: Path, create: bool) -> None:
    if path.exists() and not path.is_dir():
        raise ConfigError(f"data directory {path} is a file, not a directory (SCRUTINY_DATA_DIR, --data-dir)")
    if not create and not (path / "falkordb").is_dir():
        raise ConfigError(f"no store at {path}: load minutes first (scrutiny load PATH --data-dir {path})")
    existing = next(p for p in (path, *path.parents) if p.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ConfigError(f"data directory {path} is not writable ({existing} does not allow it)")


def read_settings(data_dir):
    return settings_for(data_dir, create=False)


from scrutiny.cli import data, documents, dossier, exports, fetch, report, saved_queries, serve  # noqa: E402,F401  (registers their commands)
