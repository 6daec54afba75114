"""The first run: what `make run` prints after loading the bundled minutes, on each store.

The store holds what `make run` loads (the five seed items and the nine Kent meetings),
loaded once per store from the checkout's root as `make run` does; `scrutiny report` runs
as a child process in a 120-column terminal.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys

import pytest

from scrutiny import queries
from scrutiny.loaders.pipeline import expand, load_paths
from tests.conftest import ROOT, store_env

MAKE_RUN_EXAMPLES = ["examples/minutes", "examples/kent-pcp-2017-18"]
# The story's figures are checked against the store's own counts, not written here: they move
# whenever extraction finds more or less in the bundled minutes.
STORY = re.compile(r"^(?P<meetings>\d+) meetings of (?P<bodies>\d+) bodies(?: \(and (?P<bare>\d+) meetings that name "
                   r"no body\))?; (?P<commitments>\d+) commitments: (?P<fulfilled>\d+) fulfilled \(at a later "
                   r"meeting\), (?P<overdue>\d+) overdue, (?P<open>\d+) open$")


def story_of(lines: list[str]) -> str:
    """The story's words: the lines before the table's header (it wraps at the terminal's width)."""
    return " ".join(itertools.takewhile(lambda line: not line.startswith("meeting "), lines))


def _load_make_run_examples(store, settings) -> None:
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        report = load_paths(store, expand(MAKE_RUN_EXAMPLES), settings)
    finally:
        os.chdir(here)
    assert len(report.loaded) == 14 and not report.failed, report


@pytest.fixture
def first_run(store_kind, graphs):
    return graphs.get(store_kind, "first-run", _load_make_run_examples)


@pytest.fixture
def first_run_env(first_run) -> dict[str, str]:
    return {**store_env(first_run[1]), "COLUMNS": "120"}


def counted(store) -> dict[str, int]:
    """What the store holds, counted directly: meetings by whether they name a body, commitments by status."""
    meetings = store.run("MATCH (m:Meeting) RETURN count(m) AS n, count(DISTINCT m.body) AS bodies, "
                         "sum(CASE WHEN m.body IS NULL THEN 1 ELSE 0 END) AS bare")[0]
    statuses = {r["s"]: r["n"] for r in store.run("MATCH (c:Commitment) RETURN c.status AS s, count(c) AS n")}
    return {"meetings": meetings["n"] - meetings["bare"], "bodies": meetings["bodies"], "bare": meetings["bare"],
            "commitments": sum(statuses.values()), **{k: statuses.get(k, 0) for k in ("fulfilled", "overdue", "open")}}


def report(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scrutiny.cli", "report", *args], capture_output=True,
                          text=True, env=env, timeout=300, cwd=ROOT)


def test_report_tells_the_story_first_then_fits_a_120_column_terminal(first_run, first_run_env):
    printed = report(env=first_run_env)
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.splitlines()
    story = STORY.match(story_of(lines))
    assert story, lines[:2]
    figures = {k: int(v or 0) for k, v in story.groupdict().items()}
    assert figures == counted(first_run[0])
    assert figures["fulfilled"] > 0 and figures["overdue"] > 0  # closure on the Kent meetings shows
    assert max(len(line) for line in lines) <= 120
    assert lines[-2].startswith("open: no later minutes of the same body show it done")
    assert re.search(rf"\b\d+ of the {figures['open']} open come from the last loaded meeting of", " ".join(lines[-2:]))


def test_report_table_shows_closure_at_the_later_meeting_and_overdue_rows(first_run_env):
    printed = report(env=first_run_env).stdout
    header = " ".join(printed.splitlines()[1:3])
    for title in ("meeting", "body", "finding or", "asked by", "owner", "what was promised", "status", "closed at"):
        assert title in header, title
    closed = " ".join(column_text(printed, 7).split())
    assert "2017-11-15: Emergency Services" in closed  # where ESN closed, and how
    assert "overdue" in printed and "2018-07-19" in printed
    assert "Kent &" in printed and "Medway PCP" in printed  # the body, short


def column_text(table: str, n: int) -> str:
    """Column ``n`` of a printed table, its wrapped lines joined: the dashes under the
    headers say where each column starts and ends."""
    lines = table.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    spans, at = [], 0
    for dashes in lines[rule].split("  "):
        spans.append((at, at + len(dashes)))
        at += len(dashes) + 2
    start, end = spans[n]
    return " ".join(line[start:end].strip() for line in lines[rule + 1:] if line[start:end].strip())


def test_report_wraps_what_was_promised_instead_of_cutting_it(first_run_env):
    """Every promise is in the table whole, its words in order across the wrapped lines."""
    rows = json.loads(report("--format", "json", env=first_run_env).stdout)
    promised = column_text(report(env=first_run_env).stdout, 5)
    longest = max((r["commitment"] for r in rows), key=len)
    assert len(longest) > 300
    assert all(" ".join(r["commitment"].split()) in promised for r in rows)


def test_report_json_and_csv_keep_every_column_unwrapped(first_run, first_run_env):
    columns = list(queries.get("accountability-chains").columns)
    as_json = report("--format", "json", env=first_run_env)
    rows = json.loads(as_json.stdout)
    assert len(rows) == counted(first_run[0])["commitments"] and all(list(r) == columns for r in rows)
    assert STORY.match(story_of(as_json.stderr.splitlines()))  # the story goes to stderr, rows stay parseable
    assert any(len(r["commitment"]) > 200 for r in rows)
    as_csv = report("--format", "csv", env=first_run_env).stdout
    assert as_csv.splitlines()[0] == ",".join(columns)
    nothing = report("--format", "csv", "--body", "no such body", env=first_run_env)
    assert nothing.returncode == 0 and nothing.stdout.splitlines() == [",".join(columns)]
