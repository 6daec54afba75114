"""The CLI as a user runs it: load, report, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys

from scrutiny import queries
from tests.conftest import EXAMPLES


def scrutiny(*args, data_dir):
    env = {**os.environ, "SCRUTINY_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "scrutiny.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_load_then_report_prints_the_accountability_table(tmp_path):
    loaded = scrutiny("load", str(EXAMPLES), data_dir=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    assert "loaded 5, skipped 0 unchanged, failed 0" in loaded.stdout
    report = scrutiny("report", data_dir=tmp_path)
    assert report.returncode == 0, report.stderr
    assert report.stdout.startswith("5 documents, 5 meetings")
    assert "Finance Officer" in report.stdout and "next meeting" in report.stdout
    again = scrutiny("load", str(EXAMPLES), data_dir=tmp_path)
    assert "loaded 0, skipped 5 unchanged" in again.stdout


def test_errors_are_one_line_and_exit_non_zero(tmp_path):
    missing = scrutiny("extract", str(tmp_path / "nope.txt"), "--json-dir", str(tmp_path / "o"),
                       data_dir=tmp_path)
    assert missing.returncode == 1
    assert "nope.txt: No such file or directory" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_query_commands_list_show_and_run_saved_queries(tmp_path):
    listed = scrutiny("query", "list", data_dir=tmp_path)
    assert "open-commitments" in listed.stdout and "search-quotes" in listed.stdout
    shown = scrutiny("query", "show", "who-asks-most", data_dir=tmp_path)
    assert queries.get("who-asks-most").cypher in shown.stdout  # pasteable as is
    assert "// $since (date, default null)" in shown.stdout
    scrutiny("load", str(EXAMPLES), data_dir=tmp_path)
    ran = scrutiny("query", "run", "who-asks-most", "--param", "body=durham", "--format", "csv",
                   data_dir=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[0] == "body,asker,questions,challenges,meetings"
    assert ran.stdout.splitlines()[1].startswith("Durham Police and Crime Panel,")
    bad = scrutiny("query", "run", "who-asks-most", "--param", "since=last week", data_dir=tmp_path)
    assert bad.returncode == 1 and bad.stderr.strip() == "Error: parameter since must be date, got 'last week'"


def test_review_lists_unattributed_references_with_their_quotes(tmp_path):
    scrutiny("load", str(EXAMPLES), data_dir=tmp_path)
    review = scrutiny("review", data_dir=tmp_path)
    assert review.returncode == 0, review.stderr
    assert review.stdout.startswith("7 references to review")
    assert "no speaker named  In response reassurance was given" in review.stdout
