"""p50/p95 latency of every saved query on a large synthetic graph in the embedded store.

The graph has the shape of the fixtures: bodies hold meetings, meetings have items,
items hold questions (asked by members, addressed to offices), answers, commitments
(owed by offices, a share fulfilled by a later item) and resolutions.  --full builds
about 1M nodes; the default about 20k.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from common import arguments, print_table

from scrutiny import queries
from scrutiny.errors import ScrutinyError
from scrutiny.graph.cypher import upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.embedded import EmbeddedStore

PARAMS = {"accountability-record": {"who": "member 1"}, "report-trail": {"subject": "inspection 3"},
          "search-quotes": {"text": "report"}, "open-commitments": {"as_of": "2025-01-01"},
          "hmicfrs-response-clock": {"as_of": "2025-01-01"}}
# How analysts mostly ask: about one body ("Body 7 ..."; the space keeps out Body 70-79).
ONE_BODY = {"body": "body 7 "}
PER_BODY = ("accountability-chains", "open-commitments", "unanswered-questions", "who-is-asked-most")


def body_graph(b: int, meetings: int, rnd: random.Random) -> Graph:
    g, body, body_name = Graph(), ("Body", f"body {b}"), f"Body {b} Police and Crime Panel"
    g.add_node(*body, name=body_name, kind="panel")
    people = [g.add_node("Person", f"b{b}|member {p}", name=f"Councillor Member {p}") for p in range(12)]
    offices = [g.add_node("Role", f"b{b}|{t}", name=t, title=t) for t in
               ("Police and Crime Commissioner", "Chief Constable", "Chief Executive")]
    report = g.add_node("Report", f"inspection {b % 50}", title=f"PEEL Inspection {b % 50}",
                        published="2023-01-01", response_due="2023-02-26")
    for m in range(meetings):
        date = f"{2015 + m // 6}-{(m % 6) * 2 + 1:02d}-15"
        doc = g.add_node("Document", f"doc {b}-{m}", source=f"m{b}-{m}.txt", format="text", text="",
                         complete=True, meeting_date=date)
        meeting = g.add_node("Meeting", f"b{b}|{date}", date=date, body=body_name)
        g.add_edge("RECORDS", doc, meeting)
        g.add_edge("HELD_BY", meeting, body)
        for i in range(4):
            item = g.add_node("AgendaItem", f"{b}-{m}#i{i}", doc=doc[1], title=f"Item {i} report", meeting_date=date)
            g.add_edge("HAS_ITEM", meeting, item)
            for e in range(3):
                _events(g, rnd, f"{b}-{m}-{i}-{e}", doc, item, date, people, offices, report)
    return g


def _events(g, rnd, key, doc, item, date, people, offices, report) -> None:
    common = dict(doc=doc[1], start=0, end=10, meeting_date=date)
    q = g.add_node("Question", f"q{key}", quote=f"Councillor asked about report {key}", **common)
    a = g.add_node("Answer", f"a{key}", quote=f"The PCC explained report {key}", **common)
    c = g.add_node("Commitment", f"c{key}", quote=f"The PCC agreed to provide a report {key}",
                   status=rnd.choice(["open", "overdue", "fulfilled", "superseded"]), due_date=date, **common)
    for node in (q, a, c):
        g.add_edge("EVIDENCED_BY", node, doc, doc=doc[1], quote="x", start=0, end=1)
        g.add_edge("IN_ITEM", node, item)
    g.add_edge("ASKED_BY", q, rnd.choice(people))
    g.add_edge("ADDRESSED_TO", q, rnd.choice(offices))
    g.add_edge("ABOUT", q, report)
    g.add_edge("GIVEN_BY", a, rnd.choice(offices))
    g.add_edge("ANSWERS", a, q)
    g.add_edge("OWED_BY", c, rnd.choice(offices))
    g.add_edge("ARISES_FROM", c, q)
    if rnd.random() < 0.4:
        g.add_edge("FULFILLED_BY", c, item, method="title_match", confidence=0.8, meeting_date=date,
                   doc=doc[1], quote="x", start=0, end=1)


def build(store, bodies: int, meetings: int) -> int:
    rnd, nodes = random.Random(7), 0
    for b in range(bodies):
        g = body_graph(b, meetings, rnd)
        store.write(upsert_statements(g))
        nodes += len(g.nodes)
    return nodes


def latencies(store, name: str, params: dict, runs: int, timeout_ms: int) -> list[float] | None:
    """Milliseconds of each run; fewer runs for a query slower than two seconds; None when
    it times out (reported, not fatal: one slow query must not lose an hour's build)."""
    samples: list[float] = []
    while len(samples) < (runs if not samples or samples[0] < 2000 else 3):
        t0 = time.perf_counter()
        try:
            queries.run(store, name, params, row_limit=1000, timeout_ms=timeout_ms)
        except ScrutinyError:
            return None
        samples.append((time.perf_counter() - t0) * 1000)
    return sorted(samples)


def _keep_option(parser) -> None:
    parser.add_argument("--graph", type=Path, metavar="DIR",
                        help="build the graph in DIR and keep it; a later run with the same DIR reuses it")


def timed_rows(store, runs: int, timeout_ms: int) -> list[list[str]]:
    rows = []
    plans = [(name, PARAMS.get(name, {})) for name in sorted(queries.registry())]
    plans += [(f"{name} (one body)", {**PARAMS.get(name, {}), **ONE_BODY}) for name in PER_BODY]
    for label, params in plans:
        samples = latencies(store, label.split(" (")[0], params, max(runs, 5) * 4, timeout_ms)
        if samples is None:
            rows.append([label, f"> {timeout_ms // 1000} s", "timed out"])
            continue
        p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
        rows.append([label, f"{samples[len(samples) // 2]:.1f}", f"{p95:.1f}"])
    return rows


def main() -> None:
    args = arguments(__doc__, _keep_option)
    bodies, meetings = (240, 100) if args.full else (40, 12)
    timeout_ms = 30_000
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(args.graph or Path(tmp) / "data", timeout_ms=timeout_ms)
        try:
            store.ensure_schema()
            start = time.perf_counter()
            existing = store.run("MATCH (n) RETURN count(n) AS n")[0]["n"]
            nodes = existing or build(store, bodies, meetings)
            note = f"built in {time.perf_counter() - start:.0f} s" if not existing else f"kept in {args.graph}"
            rows = timed_rows(store, args.runs, timeout_ms)
        finally:
            store.close()
    print_table(f"Saved queries on {nodes:,} nodes ({note})", ["query", "p50 ms", "p95 ms"], rows)


if __name__ == "__main__":
    main()
