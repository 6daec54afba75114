"""The CLI as a user runs it: load, report, one-line errors, on each store (embedded and Neo4j).

The child process opens the test's store from the environment (``store_env``); the commands
that only read share the bundled minutes, loaded once per store.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scrutiny import queries
from tests.conftest import EXAMPLES, bundled, store_env


def scrutiny(*args, env):
    return subprocess.run([sys.executable, "-m", "scrutiny.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


@pytest.fixture
def bundled_env(store_kind, graphs) -> dict[str, str]:
    """The environment of a child that reads the bundled minutes on this test's store."""
    return store_env(bundled(graphs, store_kind)[1])


def test_load_then_report_prints_the_accountability_table(settings):
    env = store_env(settings)
    loaded = scrutiny("load", str(EXAMPLES), env=env)
    assert loaded.returncode == 0, loaded.stderr
    assert "loaded 5, skipped 0 unchanged, failed 0" in loaded.stdout
    report = scrutiny("report", env=env)
    assert report.returncode == 0, report.stderr
    assert report.stdout.startswith("5 meetings of 5 bodies; 16 commitments:")  # each seed item names its body
    assert "Finance Officer" in report.stdout and "next meeting" in " ".join(report.stdout.split())
    again = scrutiny("load", str(EXAMPLES), env=env)
    assert "loaded 0, skipped 5 unchanged" in again.stdout


def test_errors_are_one_line_and_exit_non_zero(tmp_path):
    env = {**os.environ, "SCRUTINY_DATA_DIR": str(tmp_path)}  # extract reads files, not a store
    missing = scrutiny("extract", str(tmp_path / "nope.txt"), "--json-dir", str(tmp_path / "o"), env=env)
    assert missing.returncode == 1
    assert "nope.txt: No such file or directory" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_query_commands_list_and_show_saved_queries(tmp_path):
    env = {**os.environ, "SCRUTINY_DATA_DIR": str(tmp_path)}  # listing and showing open no store
    listed = scrutiny("query", "list", env=env)
    assert "open-commitments" in listed.stdout and "search-quotes" in listed.stdout
    shown = scrutiny("query", "show", "who-asks-most", env=env)
    assert queries.get("who-asks-most").cypher in shown.stdout  # pasteable as is
    assert "// $since (date, default null)" in shown.stdout


def test_query_run_runs_a_saved_query_and_refuses_a_bad_parameter(bundled_env):
    ran = scrutiny("query", "run", "who-asks-most", "--param", "body=durham", "--format", "csv", env=bundled_env)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[0] == "body,asker,questions,challenges,meetings"
    assert ran.stdout.splitlines()[1].startswith("Durham Police and Crime Panel,")
    bad = scrutiny("query", "run", "who-asks-most", "--param", "since=last week", env=bundled_env)
    assert bad.returncode == 1 and bad.stderr.strip() == "Error: since 'last week' is not a date (write YYYY-MM-DD)"


def test_review_lists_unattributed_references_with_their_quotes(bundled_env):
    review = scrutiny("review", env=bundled_env)
    assert review.returncode == 0, review.stderr
    assert review.stdout.startswith("7 references to review")
    assert "no speaker named  In response reassurance was given" in review.stdout


def test_an_int_parameter_no_store_can_hold_is_refused_on_one_line(bundled_env):
    """Past 64 bits neither store can hold the number: a bad parameter, as on the API (422)."""
    big = scrutiny("query", "run", "hmicfrs-response-clock", "--param", f"overdue_only={2 ** 63}",
                   env=bundled_env)
    assert big.returncode == 1 and big.stdout == "", big.stdout[:300]
    assert big.stderr.startswith("Error: parameter overdue_only") and len(big.stderr.splitlines()) == 1, big.stderr
