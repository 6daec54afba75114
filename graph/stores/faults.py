"""What the embedded store says when its server, its disk or its files fail.

Each fault is one line naming the data directory (or the file) and what to do: the CLI
prints it as it is, the API answers it with its class's status.  Nothing here waits.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from scrutiny.errors import StoreCorrupt, StoreFault, StoreUnavailable
from scrutiny.graph.stores.sockets import command_line

if TYPE_CHECKING:
    from scrutiny.graph.stores.server import ServerDir

RESTORE = "restore a backup: scrutiny restore ARCHIVE"
LOG_TAIL_BYTES = 8192


def reply_fault(server: ServerDir, reply: str) -> StoreFault:
    """A server that answers ``reply`` (an error) instead of serving: MISCONF is its disk."""
    first = reply.strip().split(". ")[0][:160]
    if reply.startswith("MISCONF"):
        return StoreFault(f"the embedded store in {server.root.parent} cannot write to its disk "
                          f"({first}): free space on the disk holding {server.root} or make it "
                          f"writable; the server resumes once a save succeeds (see {server.log_path})")
    return StoreFault(f"the embedded store in {server.root.parent} answered with an error "
                      f"({first}); see {server.log_path}")


def last_complaint(log_path: Path) -> str | None:
    """The server's last warning in its log (``pid:M date time # text``), on one line."""
    try:
        with open(log_path, "rb") as fh:
            fh.seek(max(0, os.path.getsize(log_path) - LOG_TAIL_BYTES))
            tail = fh.read().decode(errors="replace")
    except OSError:
        return None
    found = re.findall(r"^\d+:[A-Z] [^#\n]* # (.+)$", tail, re.MULTILINE)
    return " ".join(found[-1].split())[:300] if found else None


def did_not_start(server: ServerDir, detail: str | None = None) -> StoreUnavailable:
    """The server exited, or never answered; why, from its log or its own output."""
    reason = detail or last_complaint(server.log_path) or "it did not answer"
    return StoreUnavailable(f"the embedded store in {server.root.parent} did not start: {reason} "
                            f"(see {server.log_path}); if its files are damaged, {RESTORE}")


def unusable(data_dir: Path, exc: OSError) -> StoreUnavailable:
    """The data directory (or a file in it) cannot be created, opened or written."""
    where = exc.filename or data_dir
    return StoreUnavailable(f"cannot use the data directory {data_dir}: {where}: "
                            f"{exc.strerror or exc}; give SCRUTINY_DATA_DIR (or --data-dir) a "
                            f"writable directory, or {RESTORE} --data-dir NEW_DIR")


def corrupt(server: ServerDir) -> StoreCorrupt:
    """Text that cannot be read back: what the server loaded from its files is damaged."""
    return StoreCorrupt(f"the embedded store in {server.root.parent} holds damaged text: its "
                        f"append-only log {server.root / 'appendonlydir'} is corrupted; {RESTORE}")


def lock_holder(lock_path: Path) -> str | None:
    """``pid N (command)`` of the process holding ``lock_path``'s flock, from /proc/locks."""
    try:
        inode = os.stat(lock_path).st_ino
        with open("/proc/locks") as fh:
            locks = fh.read().splitlines()
    except OSError:
        return None
    for line in locks:
        fields = line.split()
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[5].endswith(f":{inode}"):
            pid = int(fields[4])
            command = command_line(pid).replace(b"\0", b" ").decode(errors="replace").strip()
            return f"pid {pid} ({command[:80] or 'unknown command'})"
    return None
