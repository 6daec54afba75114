"""Helpers for tests that run scrutiny as separate processes against one data directory."""

from __future__ import annotations

import collections
import os
import subprocess
import sys

from scrutiny.graph.stores.server import ServerDir


def cli(*args, data_dir=None, env: dict | None = None, env_extra: dict | None = None,
        cwd=None) -> subprocess.Popen:
    """``scrutiny ARGS`` started in its own process (in ``cwd``) on ``data_dir``, or on the
    store ``env`` names (``tests.conftest.store_env(settings)``: either store)."""
    if data_dir is None and env is None:
        raise TypeError("cli() needs data_dir or env")
    env = {**(env if env is not None else os.environ), **(env_extra or {})}
    if data_dir is not None:
        env["SCRUTINY_DATA_DIR"] = str(data_dir)
    return subprocess.Popen([sys.executable, "-m", "scrutiny.cli", *args], env=env, cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def fingerprint(store) -> dict:
    """Every node key by label and every relationship by type and end keys: what 'identical'
    means (load times differ from run to run)."""
    nodes = store.run("MATCH (n) RETURN labels(n)[0] AS label, n.key AS key")
    rels = store.run("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.key AS a, b.key AS b, r.doc AS d")
    return {"nodes": collections.Counter((r["label"], r["key"]) for r in nodes),
            "rels": collections.Counter((r["t"], r["a"], r["b"], r["d"]) for r in rels)}


def server_processes(data_dir) -> list[int]:
    """Pids of database servers on ``data_dir`` (a server names its socket in its title)."""
    socket = ServerDir(data_dir).socket_path.encode()
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/cmdline", "rb") as fh:
                    if b"redis-server" in (line := fh.read()) and socket in line:
                        found.append(int(entry.name))
            except OSError:
                pass  # gone while we looked
    return found
