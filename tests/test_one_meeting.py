"""Two documents of one meeting (minutes and the commissioner's report to it; minutes and a
re-published copy under another name) keep every node and link, whatever order they are
loaded in, however often, and when one of them is replaced by a new version of its file.

Each sequence of loads is compared, node by node and relationship by relationship with
their properties, with a clean load of both documents on the same kind of store.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny.graph.stores.base import open_store
from scrutiny.loaders.pipeline import expand, load_paths
from scrutiny.settings import Settings
from tests.conftest import SHARED, graph_contents, needs_shared

TODAY = "2026-11-01"
POOL = SHARED / "corpus" / "pool"
KENT = SHARED / "corpus" / "kent-pcp-2017-18"
# Each pair: (body, date, first file, second file).  The South Yorkshire pair are two real,
# different documents of the panel's meeting of 11 September 2014.
PAIRS = {
    "minutes-and-report": ("South Yorkshire Police and Crime Panel", "2014-09-11",
                           POOL / "south-yorks-pcp-2014-09-11-jay-report.txt",
                           POOL / "south-yorks-pcp-pcc-report-jay-2014-09-11.txt"),
    "minutes-and-republished": ("Kent and Medway Police and Crime Panel", "2017-02-02",
                                KENT / "2017-02-02.txt", None),
}
CORRECTION = ("\n\nCorrection published after the meeting\n\nMinutes:\n\nThe Chairman agreed that the "
              "Commissioner would write to Members about the response to the consultation.\n")
# Loads in order: "a"/"b" the two documents, "a-old" an earlier version of the file a.
SEQUENCES = {"a then b": ["a", "b"], "b then a": ["b", "a"], "a b a": ["a", "b", "a"],
             "both twice": ["a b", "a b"],
             "b, old a, then a": ["b", "a-old", "a"], "old a, b, then a": ["a-old", "b", "a"]}


def _texts(pair: str) -> dict[str, str]:
    """The two documents' texts, and an earlier version of the first (its first half)."""
    _, _, first, second = PAIRS[pair]
    a = needs_shared(first).read_text(encoding="utf-8")
    b = needs_shared(second).read_text(encoding="utf-8") if second else a + CORRECTION
    return {"a": a, "b": b, "a-old": a[:len(a) // 2]}


def _folder(tmp_path: Path, pair: str) -> Path:
    """a.txt and b.txt with a manifest saying both are of one meeting of one body."""
    body, date, _, _ = PAIRS[pair]
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "manifest.csv").write_text(f"file,url,body,meeting_date\na.txt,,{body},{date}\n"
                                         f"b.txt,,{body},{date}\n")
    return folder


class Stores:
    """A fresh store of one kind for each sequence: a new directory, or Neo4j emptied."""

    def __init__(self, kind: str, tmp_path: Path, request):
        self.kind, self.tmp, self.request, self.opened = kind, tmp_path, request, 0

    def fresh(self):
        self.opened += 1
        if self.kind == "neo4j":
            server = self.request.getfixturevalue("neo4j_server")
            server.wipe()
            return server.store, server.settings(self.tmp / f"data{self.opened}"), False
        settings = Settings(data_dir=self.tmp / f"data{self.opened}")
        return open_store(settings), settings, True


def _run(stores: Stores, folder: Path, texts: dict[str, str], steps: list[str]):
    """Each step writes its files (a-old is written as a.txt) and loads them; the graph after."""
    store, settings, own = stores.fresh()
    try:
        for step in steps:
            names = step.split()
            for name in names:
                (folder / f"{name.removesuffix('-old')}.txt").write_text(texts[name], encoding="utf-8")
            report = load_paths(store, expand([str(folder / f"{n.removesuffix('-old')}.txt") for n in names]),
                                settings, today=TODAY)
            assert not report.failed, report.failed
        return graph_contents(store)
    finally:
        if own:
            store.close()


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_every_order_of_loading_two_documents_of_one_meeting_gives_the_clean_graph(
        pair, store_kind, tmp_path, request):
    texts, folder = _texts(pair), _folder(tmp_path, pair)
    stores = Stores(store_kind, tmp_path, request)
    clean_nodes, clean_rels = _run(stores, folder, texts, ["a b"])
    meeting = [n for n in clean_nodes if n[0] == "Meeting"]
    recorded = [r for r in clean_rels if r[0] == "RECORDS"]
    assert len(meeting) == 1 and len(recorded) == 2, (meeting, recorded)
    items = {r[2].split("#")[0] for r in clean_rels if r[0] == "HAS_ITEM"}
    assert len(items) == 2, "each document's agenda items hang from the one meeting"
    differences = {}
    for name, steps in SEQUENCES.items():
        nodes, rels = _run(stores, folder, texts, steps)
        differences[name] = {"relationships lost": [r for r in clean_rels if r not in rels],
                             "relationships left over": [r for r in rels if r not in clean_rels],
                             "nodes lost": [n for n in clean_nodes if n not in nodes],
                             "nodes left over": [n for n in nodes if n not in clean_nodes]}
    assert {name: {k: v for k, v in d.items() if v} for name, d in differences.items()} == \
        dict.fromkeys(SEQUENCES, {})
