"""Neo4j 5 Community for the test suite: `tools/neo4j5` run as a child JVM, one per test run.

The JVM prints its Bolt URI on its first line and stops when its standard input closes,
so it ends with this process however this process ends. Community has one database, so
the suite's graphs take turns in it: `holding` reloads a named graph only when another
one has been loaded since (see `tests/conftest.py`, `Graphs`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

from scrutiny.graph.stores.neo4j import Neo4jStore
from scrutiny.settings import Settings

HARNESS = Path(__file__).resolve().parent.parent / "tools" / "neo4j5"
CLASSES, LIBS = HARNESS / "target" / "classes", HARNESS / "target" / "lib"
HEAP = "-Xmx768m"
START_TIMEOUT_S = 120


def why_not_here() -> str | None:
    """None when a Neo4j can be had here: one named by SCRUTINY_NEO4J_URI, or the harness."""
    if os.environ.get("SCRUTINY_NEO4J_URI"):
        return None
    if not shutil.which("java"):
        return "no java on PATH: install OpenJDK 17 to run the Neo4j half of the suite"
    if not (CLASSES / "scrutiny" / "Neo4jHarness.class").exists() or not LIBS.is_dir():
        return "tools/neo4j5 is not built: `make test-deps` builds it (needs Maven)"
    return None


class Neo4jServer:
    """One Neo4j reached over Bolt, and which named graph it holds now."""

    def __init__(self, work: Path):
        self.process: subprocess.Popen[str] | None = None
        self.uri = os.environ.get("SCRUTINY_NEO4J_URI") or self._start(work)
        self.store = Neo4jStore.from_settings(self.settings(work / "settings"))
        self.store.ensure_schema()
        self.holds: object = None

    def _start(self, work: Path) -> str:
        log = (work / "neo4j.log").open("w")
        self.process = subprocess.Popen(
            ["java", HEAP, "-XX:+UseSerialGC", "-cp", f"{CLASSES}:{LIBS}/*", "scrutiny.Neo4jHarness",
             str(work / "db")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)
        first: list[str] = []
        reader = threading.Thread(target=lambda: first.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(START_TIMEOUT_S)
        if not first or not first[0].startswith("bolt://"):
            self.stop()
            raise RuntimeError(f"Neo4j did not start in {START_TIMEOUT_S} s; see {work / 'neo4j.log'}")
        return first[0].strip()

    def settings(self, data_dir: Path, **extra) -> Settings:
        return Settings(store="neo4j", neo4j_uri=self.uri, data_dir=data_dir, **extra)

    def wipe(self) -> None:
        self.store.run("MATCH (n) DETACH DELETE n", write=True)
        self.holds = object()  # a fresh token: nothing named is held

    def holding(self, name: str, build: Callable[[], None]) -> None:
        """Make the database hold graph `name`, building it only if something else is there."""
        if self.holds != name:
            self.wipe()
            build()
            self.holds = name

    def stop(self) -> None:
        if getattr(self, "store", None) is not None:
            self.store.close()
        if self.process is None:
            return
        if self.process.stdin:
            self.process.stdin.close()  # the harness stops at the end of its input
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
