"""What `scrutiny load` is pointed at, as a user runs it: only regular files are read (a FIFO
or a device, named or met in a folder, is refused in one line and never read, so the load
neither hangs nor fills memory), and a manifest with wrong types refuses the documents whose
entries are wrong, naming the manifest and the entry, while the rest of the folder loads.
The batch rule holds: every failure one line on stderr, the others loaded, exit code 1."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from scrutiny.graph.stores.base import open_store
from scrutiny.settings import Settings
from tests.conftest import EXAMPLES, ROOT

MINUTES = sorted(EXAMPLES.glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "borsetshire").glob("*.txt"))


def _load(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`scrutiny load ARGS` in ``cwd`` on the embedded store in ``cwd/data``; a load that blocks
    on what it reads fails here instead of hanging the suite."""
    env = {**os.environ, "SCRUTINY_DATA_DIR": str(cwd / "data")}
    return subprocess.run([sys.executable, "-m", "scrutiny.cli", "load", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def _failures(done: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in done.stderr, done.stderr
    return sorted(line for line in done.stderr.splitlines() if line.startswith("failed: "))


def _documents(cwd: Path) -> dict[str, str | None]:
    """Source -> meeting date of every document the load wrote."""
    store = open_store(Settings(data_dir=cwd / "data"))
    try:
        return {r["source"]: r["date"] for r in store.run(
            "MATCH (d:Document) WHERE d.complete = true RETURN d.source AS source, d.meeting_date AS date")}
    finally:
        store.close()


def _copy(folder: Path, names: str, first: int = 0) -> None:
    folder.mkdir(exist_ok=True)
    for i, name in enumerate(names.split()):
        (folder / f"{name}.txt").write_text(MINUTES[first + i].read_text(encoding="utf-8"), encoding="utf-8")


def test_fifos_devices_and_sockets_are_refused_in_one_line_and_regular_files_and_links_load(tmp_path):
    _copy(tmp_path, "good")
    os.mkfifo(tmp_path / "pipe.txt")
    folder = tmp_path / "minutes"
    _copy(folder, "real", first=1)
    os.mkfifo(folder / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(folder / "socket.txt"))
        (folder / "link.txt").symlink_to(MINUTES[2])
        (folder / "to-pipe.txt").symlink_to(tmp_path / "pipe.txt")
        done = _load("pipe.txt", "/dev/zero", "good.txt", "minutes", cwd=tmp_path)
    assert done.returncode == 1
    assert _failures(done) == ["failed: /dev/zero: not a regular file (a character device)",
                               "failed: minutes/pipe.txt: not a regular file (a FIFO)",
                               "failed: minutes/socket.txt: not a regular file (a socket)",
                               "failed: minutes/to-pipe.txt: not a regular file (a FIFO)",
                               "failed: pipe.txt: not a regular file (a FIFO)"]
    assert "loaded 3, skipped 0 unchanged, failed 5" in done.stdout
    assert sorted(_documents(tmp_path)) == ["good.txt", "minutes/link.txt", "minutes/real.txt"]


BODY = "Borsetshire Police and Crime Panel"


def test_a_manifest_with_wrong_types_refuses_only_the_documents_whose_entries_are_wrong(tmp_path):
    keyed, listed = tmp_path / "keyed", tmp_path / "listed"
    _copy(keyed, "a b c d e f")
    (keyed / "manifest.json").write_text(json.dumps({
        "a.txt": BODY, "b.txt": {"body": BODY, "meeting_date": 20240118},
        "c.txt": {"body": BODY, "meeting_date": "2024-13-45"}, "d.txt": {"body": [BODY]},
        "e.txt": {"body": BODY, "meeting_date": "14 March 2024"}}))
    _copy(listed, "g h i", first=6)
    (listed / "manifest.json").write_text(json.dumps(["g.txt", {"file": 7}, {"file": "h.txt", "url": 5}]))
    (listed / "manifest.csv").write_text(f"file,url,body,meeting_date\ni.txt,,{BODY},soon\n")
    done = _load("keyed", "listed", cwd=tmp_path)
    assert done.returncode == 1
    assert _failures(done) == [
        'failed: keyed/a.txt: keyed/manifest.json entry "a.txt": text, not an object of url, body, '
        "meeting_date, title",
        'failed: keyed/b.txt: keyed/manifest.json entry "b.txt": meeting_date is a number, not text',
        "failed: keyed/c.txt: keyed/manifest.json entry \"c.txt\": meeting_date '2024-13-45' is not a date",
        'failed: keyed/d.txt: keyed/manifest.json entry "d.txt": body is a list, not text',
        "failed: listed/h.txt: listed/manifest.json entry 3: url is a number, not text",
        "failed: listed/i.txt: listed/manifest.csv row 2: meeting_date 'soon' is not a date",
        'failed: listed/manifest.json: entry 1: text, not an object with a "file"',
        'failed: listed/manifest.json: entry 2: its "file" is a number, not a file name']
    loaded = _documents(tmp_path)
    assert sorted(loaded) == ["keyed/e.txt", "keyed/f.txt", "listed/g.txt"]
    assert loaded["keyed/e.txt"] == "2024-03-14"  # its entry was right, so its metadata is kept


def test_a_manifest_that_holds_no_entries_is_said_once_and_one_that_cannot_be_read_refuses_its_folder(
        tmp_path):
    empty, broken, piped = tmp_path / "empty", tmp_path / "broken", tmp_path / "piped"
    _copy(empty, "a b")
    (empty / "manifest.json").write_text('"Borsetshire Police and Crime Panel"')
    _copy(broken, "c", first=2)
    (broken / "manifest.json").write_text('{"c.txt": {"body": ')
    _copy(piped, "d", first=3)
    os.mkfifo(piped / "manifest.csv")
    done = _load("empty", "broken", "piped", cwd=tmp_path)
    assert done.returncode == 1
    assert _failures(done) == [
        "failed: broken/c.txt: broken/manifest.json cannot be read: Expecting value: line 1 column 20 (char 19)",
        "failed: empty/manifest.json: text, not a list or an object of entries",
        "failed: piped/d.txt: piped/manifest.csv cannot be read: not a regular file (a FIFO)"]
    assert sorted(_documents(tmp_path)) == ["empty/a.txt", "empty/b.txt"]
