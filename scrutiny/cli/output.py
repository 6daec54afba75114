"""How every row-printing command prints rows: one set of options, one writer per format.

``table`` wraps cells to fit the terminal (120 columns when output is not a terminal);
json, ndjson, csv and tsv keep every column and every character.  The columns are those
the query declares, so a CSV header is the same whether or not there are rows.
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
import shutil
import sys
import textwrap
from collections.abc import Mapping, Sequence

import click

from scrutiny.errors import unknown_names

FORMATS = ("table", "json", "csv", "tsv")
MIN_WIDTH = 6  # narrower than this, a wrapped column is unreadable
MAX_WORD = 12  # a column keeps words up to this long whole ("Commissioner"); longer ones break
PLAIN_WIDTH = 120  # the width a table is fitted to when stdout is not a terminal


def row_options(func):
    """--format, --nl, --columns, --no-headers, --limit and --offset, gathered into ``out``."""
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help="table wraps to the terminal; json, csv and tsv keep every column, unwrapped.")
    @click.option("--nl", is_flag=True, help="Newline-delimited JSON: one object per line.")
    @click.option("--columns", default=None, help="Only these columns, in this order: a,b,c.")
    @click.option("--no-headers", is_flag=True, help="csv and tsv without the header line.")
    @click.option("--limit", type=click.IntRange(min=1), default=None,
                  help="Most rows, a positive integer (default SCRUTINY_ROW_LIMIT).")
    @click.option("--offset", type=click.IntRange(min=0), default=0, help="Rows to skip first, for paging.")
    @functools.wraps(func)
    def wrapper(*args, fmt, nl, columns, no_headers, limit, offset, **kwargs):
        out = Output("nl" if nl else fmt, columns, not no_headers, limit, offset)
        return func(*args, out=out, **kwargs)
    return wrapper


class Output:
    """The printing choices of one command run."""

    def __init__(self, fmt: str, columns: str | None, headers: bool, limit: int | None, offset: int):
        self.fmt, self.headers, self.limit, self.offset = fmt, headers, limit, offset
        self.columns = [c.strip() for c in columns.split(",") if c.strip()] if columns else None

    @property
    def is_table(self) -> bool:
        return self.fmt == "table"

    def chosen(self, available: Sequence[str]) -> list[str]:
        """The --columns asked for, each checked against what the rows have."""
        if not self.columns:
            return list(available)
        unknown = [c for c in self.columns if c not in available]
        if unknown:
            raise unknown_names("column", unknown, available)
        return self.columns

    def emit(self, rows: list[dict], columns: Sequence[str], headers: Mapping[str, str] | None = None,
             weights: Mapping[str, int] | None = None) -> None:
        """Rows in the chosen format; ``headers`` and ``weights`` only shape the table."""
        cols = self.chosen(columns)
        if self.fmt == "table":
            click.echo(table(rows, cols, headers, weights))
        elif self.fmt == "json":
            click.echo(json.dumps([{c: r.get(c) for c in cols} for r in rows], ensure_ascii=False, indent=1))
        elif self.fmt == "nl":
            for r in rows:
                click.echo(json.dumps({c: r.get(c) for c in cols}, ensure_ascii=False))
        else:
            write_delimited(rows, cols, "\t" if self.fmt == "tsv" else ",", self.headers)


def write_delimited(rows: list[dict], columns: list[str], delimiter: str, headers: bool) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, delimiter=delimiter, extrasaction="ignore",
                            lineterminator="\n")
    if headers:
        writer.writeheader()
    writer.writerows(rows)


def terminal_width() -> int:
    return shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).split())


def fitted_widths(natural: dict[str, int], least: dict[str, int], width: int,
                  weights: Mapping[str, int]) -> dict[str, int]:
    """Column widths within ``width``: the column widest for its weight gives way first,
    down to its ``least`` (its longest word, so that a date or a name is not broken)."""
    widths = dict(natural)
    room = width - 2 * (len(widths) - 1)
    while sum(widths.values()) > room:
        can_give = [c for c in widths if widths[c] > least[c]]
        if not can_give:
            break
        widest = max(can_give, key=lambda c: widths[c] / weights.get(c, 1))
        widths[widest] -= 1
    return widths


def longest_word(texts: list[str]) -> int:
    return max((len(w) for t in texts for w in t.split()), default=0)


def table(rows: list[dict], columns: list[str], headers: Mapping[str, str] | None = None,
          weights: Mapping[str, int] | None = None, width: int | None = None) -> str:
    """Rows as aligned columns, each cell wrapped (never cut) to fit ``width``."""
    titles = [(headers or {}).get(c, c) for c in columns]
    cells = [[cell_text(r.get(c)) for c in columns] for r in rows]
    texts = {c: [t] + [row[i] for row in cells] for i, (c, t) in enumerate(zip(columns, titles, strict=True))}
    natural = {c: max(len(t) for t in texts[c]) for c in columns}
    least = {c: min(natural[c], max(MIN_WIDTH, min(longest_word(texts[c]), MAX_WORD))) for c in columns}
    widths = fitted_widths(natural, least, width or terminal_width(), weights or {})

    def lines(values: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(v, widths[c], break_on_hyphens=False) or [""]
                   for c, v in zip(columns, values, strict=True)]
        return ["  ".join(part.ljust(widths[c]) for c, part in zip(columns, parts, strict=True)).rstrip()
                for parts in itertools.zip_longest(*wrapped, fillvalue="")]

    body = [lines(row) for row in cells]
    gap = [""] if any(len(b) > 1 for b in body) else []  # a blank line parts wrapped rows
    out = lines(titles) + lines(["-" * widths[c] for c in columns])
    for n, row_lines in enumerate(body):
        out += (gap if n else []) + row_lines
    return "\n".join(out)
