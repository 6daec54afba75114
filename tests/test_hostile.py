"""Hostile and broken inputs (``tests/hostile.py``): one line each naming the file and the
reason, or loaded for what they hold; time and memory bounded; the batch goes on.

Whether a file fails, and why, is settled while it is read, before any store is touched:
the whole batch runs on the embedded store.  What the files that load put in the graph
(odd text, very long text) is the store's part, and runs on both stores.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scrutiny.graph.stores.base import open_store
from scrutiny.loaders.read.files import read_document
from scrutiny.settings import Settings
from tests import hostile
from tests.conftest import EXAMPLES, store_env

LIMITS = {"SCRUTINY_PARSE_MEMORY_MB": "256", "SCRUTINY_PARSE_TIMEOUT_S": "20"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """The hostile files, written once: {path: what must happen}."""
    return hostile.write(tmp_path_factory.mktemp("hostile") / "hostile")


def load(settings: Settings, *paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scrutiny.cli", "load", *map(str, paths)],
                          capture_output=True, text=True, env={**store_env(settings), **LIMITS},
                          timeout=600)


def stored_documents(settings: Settings) -> dict[str, dict]:
    store = open_store(settings)
    try:
        return {r["key"]: r for r in store.run("MATCH (d:Document) RETURN d.key AS key, "
                                               "d.source AS source, d.text AS text, "
                                               "d.complete AS complete")}
    finally:
        store.close()


def test_each_hostile_file_fails_alone_with_its_reason_and_the_rest_of_the_batch_loads(
        corpus, embedded_settings):
    expected, data = corpus, embedded_settings.data_dir
    folder = next(iter(expected)).parent
    run = load(embedded_settings, *expected, EXAMPLES)
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
    assert {"file": str(folder / "utf16-no-bom.txt"),
            "warning": "decoded as UTF-16 (no byte order mark)"} in report["warnings"]
    sources = {d["source"] for d in stored_documents(embedded_settings).values() if d["complete"]}
    assert {str(p) for p in EXAMPLES.glob("*.txt")} <= sources
    for unique in ("unicode.txt", "one-long-line.txt", "nul-in-text.txt"):  # the rest repeat a text
        assert str(folder / unique) in sources


# Seconds of extraction each (thousands of sentences or numbered lines), the same on either
# store; the batch above loads them.
SLOW_TO_EXTRACT = {"one-long-line.txt", "numbers-only.txt"}


def test_what_the_hostile_files_hold_is_stored_exactly(corpus, settings):
    """Each file that loads is one complete document whose text is exactly the text read:
    invalid UTF-8, UTF-16, a NUL, bare CRs, 200,000 nested tags, a 3 MB word, a file name
    of quotes and a semicolon."""
    loads = [p for p, outcome in corpus.items()
             if outcome == hostile.LOADS and p.name not in SLOW_TO_EXTRACT]
    run = load(settings, *loads)
    assert run.returncode == 0, run.stderr
    limits = settings.model_copy(update={"parse_memory_mb": 256, "parse_timeout_s": 20})
    read = {}
    for path in loads:
        doc = read_document(path, limits)
        read.setdefault(doc.id, (str(path), doc.text))  # a repeated text stays the first file's
    stored = stored_documents(settings)
    assert set(stored) == set(read)
    for key, (source, text) in read.items():
        assert (stored[key]["source"], stored[key]["complete"]) == (source, True), key
        assert stored[key]["text"] == text, source
    assert {"\x00" in text for _, text in read.values()} == {False}  # read, a NUL is gone
