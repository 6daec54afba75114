"""The CLI as a user runs it: load, report, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys

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
