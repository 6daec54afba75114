"""Loading into each real store: idempotent, provenance exact, changed files replaced."""

from __future__ import annotations

from scrutiny.graph.cypher import Statement
from scrutiny.graph.stores.base import open_store
from scrutiny.loaders.pipeline import expand, load_paths
from scrutiny.settings import Settings
from tests.conftest import EXAMPLES, KENT, graph_contents

FACTS = ("Question", "Answer", "Commitment", "Resolution", "StatusUpdate")


def _counts(store) -> tuple:
    nodes = store.run("MATCH (n) RETURN labels(n)[0] AS l, count(n) AS c ORDER BY l")
    rels = store.run("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c ORDER BY t")
    keys = store.run("MATCH (n) RETURN n.key AS k ORDER BY k")
    return nodes, rels, keys


def test_every_stored_fact_quotes_its_document_exactly(sample_store):
    for label in FACTS:
        rows = sample_store.run(
            f"MATCH (f:{label})-[e:EVIDENCED_BY]->(d:Document) "
            "RETURN f.quote AS quote, f.start AS s, f.end AS e, d.text AS text, e.quote AS eq")
        for row in rows:
            assert row["quote"] == row["text"][row["s"]:row["e"]] == row["eq"]
    held = sample_store.run("MATCH (f) WHERE f.doc IS NOT NULL AND f.quote IS NOT NULL "
                            "AND NOT (f)-[:EVIDENCED_BY]->(:Document) RETURN count(f) AS n")
    assert held == [{"n": 0}]


def test_loading_twice_leaves_an_identical_graph(store, settings):
    files = expand([str(EXAMPLES)])
    first = load_paths(store, files, settings)
    before = _counts(store)
    second = load_paths(store, files, settings)
    assert len(first.loaded) == len(files) and not first.failed
    assert second.skipped == [str(f) for f in files] and not second.loaded
    assert _counts(store) == before


def test_a_file_read_by_an_earlier_extractor_is_read_again_and_replaces_its_old_events(store, settings, tmp_path):
    doc = tmp_path / "minutes.txt"
    doc.write_text("Councillor Boyes asked whether the register had been updated. The Commissioner "
                   "explained that it had been, and would circulate it to Members.")
    load_paths(store, [doc], settings)
    before = _counts(store)
    # what a store loaded by an older build holds: its own events, and that build's mark
    store.write([Statement("MATCH (d:Document) SET d.extractor = $old", {"old": "an-earlier-build"}),
                 Statement("MATCH (q:Question) SET q.quote = $quote", {"quote": "what the old rules found"})])
    again = load_paths(store, [doc], settings)
    assert again.loaded == [str(doc)] and not again.skipped
    assert _counts(store) == before
    assert store.run("MATCH (q:Question) RETURN q.quote AS quote") == [
        {"quote": "Councillor Boyes asked whether the register had been updated."}]
    assert load_paths(store, [doc], settings).skipped == [str(doc)]


def test_changed_file_replaces_its_own_subgraph(store, settings, tmp_path):
    doc = tmp_path / "minutes.txt"
    doc.write_text("Councillor Boyes asked whether the register had been updated.")
    load_paths(store, [doc], settings)
    doc.write_text("Councillor Hovvels asked if a further report could be produced.")
    load_paths(store, [doc], settings)
    rows = store.run("MATCH (q:Question) RETURN q.quote AS quote")
    assert rows == [{"quote": "Councillor Hovvels asked if a further report could be produced."}]
    assert store.run("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 1}]


def test_bad_files_are_reported_and_the_rest_of_the_batch_loads(store, settings, tmp_path):
    tmp_path = tmp_path / "batch"
    tmp_path.mkdir()
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    good = tmp_path / "good.txt"
    good.write_text("The PCC explained that the plan was on track.")
    report = load_paths(store, sorted(tmp_path.iterdir()), settings)
    assert report.loaded == [str(good)]
    reasons = {f["file"].rsplit("/", 1)[-1]: f["reason"] for f in report.failed}
    assert set(reasons) == {"empty.txt", "garbage.txt", "broken.pdf"}
    assert "no text" in reasons["empty.txt"] and "binary" in reasons["garbage.txt"]


def test_extracting_ahead_on_two_workers_gives_the_graph_of_loading_one_document_at_a_time(tmp_path):
    """The Kent meetings and the examples, loaded as one batch extracted two at a time, make
    the very graph that loading each file on its own, on one worker, makes (links included)."""
    files = expand([str(EXAMPLES), str(KENT)])
    two = Settings(data_dir=tmp_path / "batch", load_workers=2)
    one = Settings(data_dir=tmp_path / "single", load_workers=1)
    batch, single = open_store(two), open_store(one)
    try:
        report = load_paths(batch, files, two, today="2018-09-27")
        for f in files:
            load_paths(single, [f], one, today="2018-09-27")
        assert len(report.loaded) == len(files) and not report.failed
        assert graph_contents(batch) == graph_contents(single)
    finally:
        batch.close()
        single.close()
