"""Closure on real minutes: nine consecutive meetings of the Kent and Medway Police and Crime
Panel (2017-18), every commitment's fate read by hand (``../shared/corpus/kent-pcp-2017-18``),
scored by the shared ``score_closure.py`` exactly as the issue measures it.

The floors sit a little below what the linker reaches (21/21 statuses, 10/10 fulfilments
linked to the right meeting and sentence, no lookalike linked), so that extraction moving a
commitment's words slightly does not fail the suite, while a real regression does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SHARED, needs_shared, store_env

SUMMARY = re.compile(r"closure: status (\d+)/(\d+) \([\d.]+\); fulfilled links right (\d+)/(\d+); "
                     r"trap links (\d+)")


def test_kent_commitments_are_followed_to_their_fate(settings):
    corpus = needs_shared(SHARED / "corpus" / "kent-pcp-2017-18")
    scorer = needs_shared(SHARED / "tools" / "score_closure.py")
    beside = Path(sys.executable).with_name("scrutiny")  # the CLI of the interpreter running tests
    cli = str(beside) if beside.exists() else shutil.which("scrutiny")
    assert cli, "the scrutiny command is not installed"
    command = [sys.executable, str(scorer), cli, str(corpus), "--verbose"]
    # the scorer loads into a fresh store of its own data dir; on Neo4j, into the emptied database
    out = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT,
                         env=store_env(settings))
    m = SUMMARY.search(out.stdout)
    assert m, out.stdout + out.stderr
    right, total, linked, links, traps = map(int, m.groups())
    assert (total, links) == (21, 10)
    assert right >= 19, out.stdout      # >= 90% of statuses
    assert linked >= 9, out.stdout      # fulfilments linked to the right meeting and evidence
    assert traps == 0, out.stdout       # never a sentence that only resembles the evidence
