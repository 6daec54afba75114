"""Hostile and broken inputs (``tests/hostile.py``): one line each naming the file and the
reason, or loaded for what they hold; time and memory bounded; the batch goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from scrutiny.graph.stores.embedded import EmbeddedStore
from tests import hostile
from tests.conftest import EXAMPLES


def test_each_hostile_file_fails_alone_with_its_reason_and_the_rest_of_the_batch_loads(tmp_path):
    expected = hostile.write(tmp_path / "hostile")
    data = tmp_path / "data"
    env = {**os.environ, "SCRUTINY_DATA_DIR": str(data), "SCRUTINY_PARSE_MEMORY_MB": "256",
           "SCRUTINY_PARSE_TIMEOUT_S": "20"}
    run = subprocess.run([sys.executable, "-m", "scrutiny.cli", "load", *map(str, expected),
                          str(EXAMPLES)], capture_output=True, text=True, env=env, timeout=600)
    failures = {}
    for line in run.stderr.splitlines():
        if line.startswith("failed: "):
            path, _, reason = line[len("failed: "):].partition(": ")
            assert path not in failures, f"{path} reported twice"
            failures[path] = reason
    wrong = {str(p): (outcome, failures.get(str(p))) for p, outcome in expected.items()
             if (outcome == hostile.LOADS) != (str(p) not in failures)
             or outcome != hostile.LOADS and outcome not in failures[str(p)]}
    assert not wrong, wrong
    assert "Traceback" not in run.stderr
    errors = len([o for o in expected.values() if o != hostile.LOADS])
    assert run.returncode == 1
    assert run.stderr.strip().endswith(f"{errors} document(s) could not be loaded; the rest are "
                                       "in the graph")
    report = json.loads(next((data / "load-reports").glob("*.json")).read_text())
    assert len(report["failed"]) == errors
    assert {"file": str(tmp_path / "hostile" / "utf16-no-bom.txt"),
            "warning": "decoded as UTF-16 (no byte order mark)"} in report["warnings"]
    store = EmbeddedStore(data)
    try:
        sources = {r["s"] for r in store.run("MATCH (d:Document) WHERE d.complete = true "
                                             "RETURN d.source AS s")}
    finally:
        store.close()
    assert {str(p) for p in EXAMPLES.glob("*.txt")} <= sources
    for unique in ("unicode.txt", "one-long-line.txt", "nul-in-text.txt"):  # the rest repeat a text
        assert str(tmp_path / "hostile" / unique) in sources
