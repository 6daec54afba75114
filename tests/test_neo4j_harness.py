"""The suite's Neo4j leaves nothing behind: a test run that dies without cleaning up still
stops its JVM, because the harness stops when its standard input closes."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.neo4j_server import why_not_here

CRASHING_RUN = """
import os, sys, pathlib
sys.path.insert(0, sys.argv[1])
from tests.neo4j_server import Neo4jServer
server = Neo4jServer(pathlib.Path(sys.argv[2]))
print(server.process.pid, server.store.run("RETURN 1 AS one")[0]["one"], flush=True)
os._exit(3)  # no stop(), no atexit, no finally: as a run killed mid-way
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().split()[2] != "Z"  # a zombie has stopped; only its parent's wait is left


def test_a_run_that_dies_without_cleaning_up_leaves_no_jvm(tmp_path):
    if reason := why_not_here():
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    if os.environ.get("SCRUTINY_NEO4J_URI"):
        pytest.skip("an external Neo4j is named: this run starts none of its own")
    run = subprocess.run([sys.executable, "-c", CRASHING_RUN, str(ROOT), str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 3, run.stderr
    pid, one = map(int, run.stdout.split())
    assert one == 1
    deadline = time.monotonic() + 120
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _alive(pid), f"the JVM {pid} outlived the run that started it"
