"""The graph's version: new after every load, derivation and restore that changes the graph,
the same when nothing changed, and stored in the graph (so every process sees it)."""

from __future__ import annotations

import subprocess

from scrutiny.graph.stores.base import open_store
from scrutiny.graph.version import EMPTY, read_version
from scrutiny.loaders.pipeline import expand, load_paths
from tests.conftest import EXAMPLES, store_env
from tests.processes import cli

FIRST, SECOND = sorted(EXAMPLES.glob("*.txt"))[:2]


def _finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return out


def test_each_load_that_changes_the_graph_makes_a_new_version_and_one_that_does_not_keeps_it(
        store, settings):
    assert read_version(store) == EMPTY
    load_paths(store, expand([str(FIRST)]), settings)
    first = read_version(store)
    load_paths(store, expand([str(FIRST)]), settings)  # already loaded: skipped, nothing written
    assert read_version(store) == first != EMPTY
    load_paths(store, expand([str(SECOND)]), settings)
    assert read_version(store) not in (first, EMPTY)


def test_a_load_by_another_process_is_seen_at_the_next_read(store, settings):
    load_paths(store, expand([str(FIRST)]), settings)
    before = read_version(store)
    _finish(cli("load", str(SECOND), env=store_env(settings)))
    assert read_version(store) != before


def test_a_restored_store_has_a_version_no_earlier_graph_had(tmp_path):
    data, archive = tmp_path / "data", tmp_path / "b.tar.gz"
    _finish(cli("load", str(FIRST), data_dir=data))
    backed_up = _version_at(data)
    _finish(cli("backup", str(archive), data_dir=data))
    _finish(cli("load", str(SECOND), data_dir=data))
    loaded_after = _version_at(data)
    _finish(cli("restore", str(archive), data_dir=data))
    assert _version_at(data) not in (backed_up, loaded_after, EMPTY)


def _version_at(data) -> str:
    from scrutiny.settings import Settings
    store = open_store(Settings(data_dir=data))
    try:
        return read_version(store)
    finally:
        store.close()
