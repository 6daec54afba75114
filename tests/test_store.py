"""The store interface (``graph/stores/base.py``, ``Store``), for real, on both stores.

Every test here takes ``store``: an empty store of each kind, the embedded FalkorDB in a
temporary directory and the run's Neo4j 5 wiped for it. What only the embedded server's
processes and files do is in ``test_store_embedded.py``.
"""

from __future__ import annotations

import time

import pytest

from scrutiny.errors import QueryTimeout, StoreError
from scrutiny.graph.cypher import Statement, upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.base import fulltext_terms, open_store, rank_hits
from scrutiny.loaders.pipeline import write_document


def person_graph(*names: str) -> Graph:
    g = Graph()
    for name in names:
        g.add_node("Person", f"test|{name.lower()}", name=name, surname=name)
    return g


def people(store) -> list[str]:
    return [r["key"] for r in store.run("MATCH (p:Person) RETURN p.key AS key ORDER BY key")]


def until_unique(store) -> None:
    """FalkorDB builds a constraint asynchronously; Neo4j's is in force once created."""
    if store.kind == "embedded":
        time.sleep(0.2)


TEXTS = {
    "quotes and markup": 'line one\nsaid "quoted" \\ back ’curly’ and <script>alert(1)</script>',
    "line ends and spaces": "a\r\nb\rc\td  \n\n  e\u00a0f\u2028g ",
    "beyond the BMP": "Cllr Zoë Ørsted — “Pam?” 🚓 مرحبا 你好 \U0001f600",
    "Cypher-looking": "'}) MATCH (n) DETACH DELETE n //",
    "long": "word " * 200_000,
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_store_round_trip_keeps_text_exactly(store, text):
    g = Graph()
    g.add_node("Document", "sha256:x", source="s", format="text", text=text)
    store.write(upsert_statements(g))
    assert store.run("MATCH (d:Document {key: $k}) RETURN d.text AS t", {"k": "sha256:x"}) == [{"t": text}]
    assert store.run("MATCH (d:Document) WHERE d.text = $t RETURN d.key AS k", {"t": text}) \
        == [{"k": "sha256:x"}]


def test_store_write_is_idempotent(store):
    for _ in range(2):
        store.write(upsert_statements(person_graph("Boyes", "Potts")))
    assert store.run("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 2}]


def test_unique_constraint_rejects_duplicate_key(store):
    store.write(upsert_statements(person_graph("Boyes")))
    until_unique(store)
    # The stores word it differently: FalkorDB "unique constraint violation on node of type
    # Person", Neo4j "Node(0) already exists with label `Person` and property `key` = ...".
    with pytest.raises(StoreError, match="unique constraint|already exists"):
        store.run("CREATE (:Person {key: 'test|boyes', name: 'again'})", write=True)
    assert store.run("MATCH (p:Person) RETURN p.name AS name") == [{"name": "Boyes"}]


def test_a_document_whose_write_fails_half_way_is_neither_complete_nor_left_behind(store):
    """Neo4j rolls a failed batch back; the embedded store's MULTI/EXEC does not (it writes the
    rest, the mark of completion included), so the loader removes a document whose write
    failed. Either way, nothing of the failed document remains."""
    store.write(upsert_statements(person_graph("Boyes")))
    until_unique(store)
    g = Graph()
    doc = g.add_node("Document", "sha256:half", source="half.txt", format="text", text="t", complete=False)
    answer = g.add_node("Answer", "sha256:half#ev1", doc="sha256:half", quote="q", start=0, end=1)
    g.add_edge("EVIDENCED_BY", answer, doc, doc="sha256:half", quote="q", start=0, end=1)
    batch = [*upsert_statements(g), Statement("CREATE (:Person {key: 'test|boyes', name: 'again'})", {})]
    with pytest.raises(StoreError):
        write_document(store, batch, "sha256:half")
    assert store.run("MATCH (n) WHERE n.key STARTS WITH 'sha256:half' RETURN n.key AS key") == []
    assert people(store) == ["test|boyes"]


def test_read_only_run_refuses_writes(store):
    with pytest.raises(StoreError):
        store.run("CREATE (:Person {key: 'x', name: 'x'})")
    with pytest.raises(StoreError):
        store.run("MERGE (p:Person {key: 'test|boyes'}) SET p.name = 'x'")
    assert store.run("MATCH (p:Person {key: 'x'}) RETURN p") == []


def test_opening_a_store_again_keeps_its_schema_and_its_data(store, settings):
    """The API and a load open the same store, each bringing the schema up to date."""
    store.write(upsert_statements(person_graph("Hovvels")))
    again = open_store(settings)
    try:
        again.ensure_schema()
        assert people(again) == ["test|hovvels"]
        until_unique(again)
        with pytest.raises(StoreError):
            again.run("CREATE (:Person {key: 'test|hovvels', name: 'again'})", write=True)
    finally:
        again.close()
    assert people(store) == ["test|hovvels"]


# A count over n thousand rows: slow on both stores, yet small in memory on both (FalkorDB
# materialises a range, so one range of 50 million would cost it gigabytes).
SLOW_COUNT = ("UNWIND range(1, $n) AS x UNWIND range(1, 1000) AS y "
              "WITH x + y AS z WHERE z % 7 = 0 RETURN count(z) AS c")


def slow_count(n: int) -> int:
    per_residue = [sum(1 for y in range(1, 1001) if (r + y) % 7 == 0) for r in range(7)]
    return sum(per_residue[x % 7] for x in range(1, n + 1))


def test_query_may_run_past_five_seconds_when_its_timeout_allows(store):
    """redis-py reads with a 5 s socket timeout unless told otherwise; the store's own
    per-query timeout must be what limits a query, on either store.  The size is found by
    trial, so the query runs 5 to 10 s however fast (or busy) the machine is."""
    store.run(SLOW_COUNT, {"n": 2000})  # Neo4j plans the query and warms up, outside the timing
    n, took = 5000, 0.0
    for _ in range(5):
        start = time.perf_counter()
        rows = store.run(SLOW_COUNT, {"n": n}, timeout_ms=60_000)
        took = time.perf_counter() - start
        assert rows == [{"c": slow_count(n)}]
        if took > 5:
            break
        n = int(n * 7.5 / max(took, 0.05))  # aim past 5 s with room for a machine's jitter
    assert took > 5, f"{n} thousand rows never took 5 s"


def test_query_past_its_timeout_fails_as_a_timeout(store):
    store.run("MERGE (:Person {key: 'p', name: 'p'})", write=True)
    start = time.perf_counter()
    with pytest.raises(QueryTimeout):
        store.run(SLOW_COUNT, {"n": 200_000}, timeout_ms=200)  # 10 s to a minute untimed
    assert time.perf_counter() - start < 5
    assert store.run("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 1}]  # still usable


def test_the_store_timeout_applies_when_a_query_names_none(settings):
    store = open_store(settings.model_copy(update={"query_timeout_ms": 200}))
    try:
        with pytest.raises(QueryTimeout):
            store.run(SLOW_COUNT, {"n": 200_000})
    finally:
        store.close()


QUOTES = {
    ("Question", "q|estates"): "What progress has been made on the estates strategy?",
    ("Answer", "a|estate"): "The estate strategy is agreed.",
    ("Commitment", "c|lines"): "The Commissioner will publish the estate\nstrategy’s costs.",
    ("Question", "q|cost"): "Estate costs rose.",
    ("Answer", "a|policing"): "The strategy for policing is new.",
    ("Resolution", "r|words"): "Whether or not the estate is sold, and if so to whom.",
}


def quote_graph() -> Graph:
    g = Graph()
    for (label, key), quote in QUOTES.items():
        g.add_node(label, key, quote=quote, doc="sha256:d")
    return g


def hits(store, text: str, limit: int = 50) -> list[tuple[str, str, float]]:
    return [(h["label"], h["key"], h["score"]) for h in store.fulltext(text, limit)]


def scanned(text: str, limit: int = 50) -> list[tuple[str, str, float]]:
    """What a search must find: every quote with all its words, by scanning them all."""
    every = [{"label": label, "key": key, "quote": quote, "doc": "sha256:d"}
             for (label, key), quote in QUOTES.items()]
    return [(h["label"], h["key"], h["score"]) for h in rank_hits(fulltext_terms(text), every, limit)]


def test_fulltext_finds_quotes_having_every_word_ranked_alike_on_both_stores(store):
    store.write(upsert_statements(quote_graph()))  # searchable once written, on both
    assert hits(store, "estates strategy") == scanned("estates strategy") == [
        ("Answer", "a|estate", 0.4),  # 2 of its 5 words; "estates" is also "estate"
        ("Commitment", "c|lines", 0.222222),  # across a line break and a ’s
        ("Question", "q|estates", 0.222222),
    ]
    assert hits(store, "estates strategy", limit=1) == [("Answer", "a|estate", 0.4)]
    rows = store.fulltext("costs", 5)
    assert {(r["key"], r["doc"], r["quote"]) for r in rows} == {
        ("q|cost", "sha256:d", QUOTES[("Question", "q|cost")]),
        ("c|lines", "sha256:d", QUOTES[("Commitment", "c|lines")])}


@pytest.mark.parametrize("text", ["estate AND NOT strategy", "estat*", '"estate', "estate~ -sold",
                                  "quote:estate", "(estate) || [sold]", "estate\\", "@quote:{x}",
                                  "Estate; costs", "ESTATES"])
def test_fulltext_operators_are_only_words(store, text):
    """A user's search means its words on both stores, whatever Lucene or RediSearch would
    make of the rest."""
    store.write(upsert_statements(quote_graph()))
    assert hits(store, text) == scanned(text)


@pytest.mark.parametrize("text", ["", "  ", "*", "-", '""'])
def test_fulltext_without_a_word_finds_nothing(store, text):
    store.write(upsert_statements(quote_graph()))
    assert store.fulltext(text, 10) == []


@pytest.mark.parametrize("text", ["the estate", "is so", "the", "or not"])
def test_fulltext_finds_common_words_too(store, text):
    """English stop words ("the", "or") are words of a quote like any other."""
    store.write(upsert_statements(quote_graph()))
    assert hits(store, text) == scanned(text)


def counts(store) -> dict[tuple[str, str], int]:
    """Non-zero counts: the embedded store lists the labels it has seen (FalkorDB's
    statistics), Neo4j every label and type of the schema, zero or not."""
    return {(r["kind"], r["name"]): r["count"] for r in store.counts() if r["count"]}


def test_counts_are_the_graphs_labels_and_types(store):
    assert counts(store) == {}
    g = person_graph("Boyes", "Potts")
    doc = g.add_node("Document", "sha256:x", source="s", format="text", text="t")
    meeting = g.add_node("Meeting", "m|1", date="2024-01-01")
    g.add_edge("RECORDS", doc, meeting)
    g.add_edge("MENTIONED_IN", ("Person", "test|boyes"), doc)
    g.add_edge("MENTIONED_IN", ("Person", "test|potts"), doc)
    store.write(upsert_statements(g))
    assert counts(store) == {("node", "Person"): 2, ("node", "Document"): 1, ("node", "Meeting"): 1,
                             ("relationship", "RECORDS"): 1, ("relationship", "MENTIONED_IN"): 2}
    store.run("MATCH (p:Person {key: 'test|potts'}) DETACH DELETE p", write=True)
    assert counts(store) == {("node", "Person"): 1, ("node", "Document"): 1, ("node", "Meeting"): 1,
                             ("relationship", "RECORDS"): 1, ("relationship", "MENTIONED_IN"): 1}
