"""Restore never leaves a worse store than it found: the snapshot is proven before the swap,
a failed swap puts the old files back, a full disk leaves nothing behind, a held lock is
named.  Embedded only: restore is the embedded store's file feature."""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import tarfile

import pytest

from scrutiny.errors import StoreError, StoreUnavailable
from scrutiny.graph.stores.restore import restore
from scrutiny.graph.stores.server import ServerDir
from tests.conftest import EXAMPLES
from tests.processes import cli, server_processes

ONE = sorted(EXAMPLES.glob("*.txt"))[0]


def finish(proc, timeout=300):
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A real backup of the five bundled documents."""
    root = tmp_path_factory.mktemp("backup")
    assert finish(cli("load", str(EXAMPLES), data_dir=root / "data"))[0] == 0
    code, _, err = finish(cli("backup", str(root / "b.tar.gz"), data_dir=root / "data"))
    assert code == 0, err
    return root / "b.tar.gz"


@pytest.fixture
def one_document(tmp_path):
    """The store a restore must leave alone when it fails: one document in it."""
    data = tmp_path / "data"
    code, _, err = finish(cli("load", str(ONE), data_dir=data))
    assert code == 0, err
    return data


def documents(data) -> str:
    """"N documents": what the store at ``data`` holds, read through the CLI."""
    code, out, err = finish(cli("query", "run", "document-count", "--format", "json", data_dir=data))
    assert code == 0, err
    return f"{json.loads(out)[0]['documents']} documents"


def assert_left_as_it_was(data):
    assert documents(data) == "1 documents"
    assert sorted(p.name for p in data.iterdir()) == ["falkordb", "load-reports"]  # no leftovers
    assert server_processes(data) == []


def test_a_snapshot_that_does_not_start_is_refused_before_the_swap(tmp_path, one_document):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        for name, blob in (("graph.rdb", b"REDIS0011 not a snapshot"),
                           ("scrutiny-backup.json", json.dumps({"documents": 5}).encode())):
            member = tarfile.TarInfo(name)
            member.size = len(blob)
            tar.addfile(member, io.BytesIO(blob))
    code, _, err = finish(cli("restore", str(bogus), data_dir=one_document))
    assert code == 1 and err.count("\n") == 1, err
    assert err.startswith(f"Error: {bogus}: the snapshot does not start (the embedded store in ")
    assert err.rstrip().endswith(f"the store in {one_document} is unchanged")
    assert_left_as_it_was(one_document)


def test_a_restore_that_runs_out_of_disk_removes_its_files_and_keeps_the_store(archive, one_document):
    """A file-size limit stands in for a full disk: writes past it fail, as ENOSPC would."""
    with tarfile.open(archive) as tar:
        size = tar.getmember("graph.rdb").size
    limit = size // 2

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.Popen([sys.executable, "-m", "scrutiny.cli", "restore", str(archive),
                             "--data-dir", str(one_document)], preexec_fn=small_disk,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    code, _, err = finish(proc)
    assert code == 1 and err.count("\n") == 1, err
    assert f"cannot write {one_document}/falkordb.restoring/falkordb/graph.rdb: File too large" in err
    assert err.rstrip().endswith(f"the store in {one_document} is unchanged")
    assert_left_as_it_was(one_document)


def test_a_store_that_does_not_start_after_the_swap_gets_its_old_files_back(
        archive, one_document, monkeypatch):
    """The scratch server proves the snapshot; the store's own start then fails (injected
    here: nothing real fails at exactly that point on demand)."""
    real_start, store_root = ServerDir.start, ServerDir(one_document).root

    def start(self, appendonly=True):
        if self.root == store_root:
            raise StoreUnavailable("the embedded store did not start: injected")
        real_start(self, appendonly)

    before = sorted(p.name for p in store_root.iterdir())
    monkeypatch.setattr(ServerDir, "start", start)
    with pytest.raises(StoreError, match="injected; the store in .* is unchanged"):
        restore(one_document, archive)
    monkeypatch.undo()
    assert sorted(p.name for p in store_root.iterdir()) == before
    assert_left_as_it_was(one_document)


def test_a_restore_waiting_for_the_lock_says_who_holds_it(archive, one_document):
    lock = ServerDir(one_document).lock_path
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'a+'); "
         "fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(120)", str(lock)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        proc = cli("restore", str(archive), data_dir=one_document)
        said = proc.stderr.readline()  # blocks until it says why it waits
        assert f"waiting for pid {holder.pid} ({sys.executable} -c import fcntl" in said
        assert f"which holds the lock of the store in {one_document}" in said
    finally:
        holder.kill()
        holder.wait()
    code, out, err = finish(proc)
    assert code == 0, err
    assert "restored 5 documents" in out
    assert documents(one_document) == "5 documents"
