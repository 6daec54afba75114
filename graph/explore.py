"""Read the graph around one entity: the entity with its provenance, its neighbourhood.

Shared by the API and the views.  Labels come from ``KINDS`` (the schema's own
names, with the kinds ``label_facts`` declares), never from input: a kind the
caller gives is looked up here first.
Neighbourhoods come back as the neutral ``Graph`` every exporter reads.
"""

from __future__ import annotations

from typing import Any

from scrutiny.errors import NotFound, QueryParameterError, unknown_name
from scrutiny.graph.catalog import CATALOG
from scrutiny.graph.label_facts import labels_of
from scrutiny.graph.model import Graph

KINDS = {spec.facts.kind: spec.name for spec in CATALOG.shown()}  # "status-update" -> "StatusUpdate"
KIND_OF = {label: kind for kind, label in KINDS.items()}
NAMED = tuple(spec.name for spec in CATALOG.shown() if spec.facts.named)  # what a search by name looks through
#: What happens at a meeting: a view folds these by the meeting they were said at.
AT_MEETINGS = labels_of("event", "structure") - {"Document"}
#: What a node shows: no document text, which can be megabytes.
SHOWN = ("name", "title", "quote", "date", "meeting_date", "status", "due", "due_date",
         "url", "source", "kind", "published", "response_due", "number", "honorific", "doc",
         "start", "end", "challenge", "fulfilled_on")


def label_of(kind: str) -> str:
    if kind not in KINDS:
        raise unknown_name("kind", kind, KINDS)
    return KINDS[kind]


def _shown(props: dict[str, Any]) -> dict[str, Any]:
    return {k: props[k] for k in SHOWN if props.get(k) is not None}


def _properties(store, kind: str, key: str) -> dict[str, Any]:
    """What the entity shows of itself; NotFound when there is no such entity."""
    label = label_of(kind)
    CATALOG.label(label)
    rows = store.run(f"MATCH (n:{label} {{key: $key}}) RETURN properties(n) AS props", {"key": key})
    if not rows:
        raise NotFound(f"no {kind} with key {key[:120]!r}")
    return _shown(rows[0]["props"])


def entity(store, kind: str, key: str) -> dict[str, Any]:
    """The entity's properties and every place a document states it (quote, offsets, URL)."""
    props = _properties(store, kind, key)
    label = label_of(kind)
    evidence = store.run(
        f"MATCH (n:{label} {{key: $key}})-[e:MENTIONED_IN|EVIDENCED_BY]->(d:Document) "
        "OPTIONAL MATCH (d)-[:RECORDS]->(m:Meeting) "
        "RETURN e.quote AS quote, e.start AS start, e.end AS end, d.key AS document, "
        "coalesce(d.url, d.source) AS source, m.date AS meeting_date "
        "ORDER BY meeting_date, source, start", {"key": key})
    return {**_own_kind_apart(kind, props), "kind": kind, "key": key, "provenance": evidence}


def _own_kind_apart(kind: str, props: dict[str, Any]) -> dict[str, Any]:
    """A node's own ``kind`` property (a finding's "recommendation", a body's "panel") as
    ``finding_kind``/``body_kind``: ``kind`` always names what the entity is."""
    own = {k: v for k, v in props.items() if k != "kind"}
    if "kind" in props:
        own[f"{kind.replace('-', '_')}_kind"] = props["kind"]
    return own


def find_named(store, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """People, offices, bodies and reports whose name or title contains ``text``."""
    found = []
    for label in NAMED:
        found += [{**row, "kind": KIND_OF[label]} for row in store.run(
            f"MATCH (n:{label}) WHERE toLower(coalesce(n.name, n.title)) CONTAINS toLower($text) "
            "RETURN n.key AS key, coalesce(n.name, n.title) AS name ORDER BY name LIMIT $limit",
            {"text": text, "limit": limit})]
    return found[:limit]


def neighbourhood(store, kind: str, key: str, depth: int = 1, cap: int = 200) -> tuple[Graph, int]:
    """Nodes within ``depth`` hops (documents and their text left out), at most ``cap``;
    also how many more were reached and left out."""
    start = _properties(store, kind, key)  # NotFound before anything else
    if not 1 <= depth <= 3:
        raise QueryParameterError("depth must be between 1 and 3")
    g, frontier, left_out = Graph(), [(label_of(kind), key)], 0
    g.add_node(*frontier[0], **start)
    for _ in range(depth):
        reached = []
        for label, node_key in frontier:
            for row in _neighbours(store, label, node_key):
                other = (row["label"], row["key"])
                if other not in g.nodes and len(g.nodes) >= cap:
                    left_out += 1
                    continue
                if other not in g.nodes:
                    reached.append(other)
                g.add_node(*other, **_shown(row["props"]))
                ends = ((label, node_key), other) if row["out"] else (other, (label, node_key))
                g.add_edge(row["type"], *ends, **_shown(row["rel"]))
        frontier = reached
    _fill(store, g)
    return g, left_out


def _neighbours(store, label: str, key: str) -> list[dict[str, Any]]:
    CATALOG.label(label)
    rows = []
    for out, pattern in ((True, "-[r]->"), (False, "<-[r]-")):
        rows += [{**r, "out": out} for r in store.run(
            f"MATCH (n:{label} {{key: $key}}){pattern}(m) WHERE NOT m:Document "
            "RETURN type(r) AS type, properties(r) AS rel, labels(m)[0] AS label, m.key AS key, "
            "properties(m) AS props ORDER BY type, key LIMIT 1000", {"key": key})]
    return rows


def _fill(store, g: Graph) -> None:
    """Each fact's source minutes (one query for all of them)."""
    docs = sorted({n.props["doc"] for n in g.nodes.values() if n.props.get("doc")})
    sources = {r["key"]: r["source"] for r in store.run(
        "UNWIND $keys AS k MATCH (d:Document {key: k}) RETURN d.key AS key, coalesce(d.url, d.source) AS source",
        {"keys": docs})} if docs else {}
    for node in g.nodes.values():
        if node.props.get("doc") in sources:
            node.props["source"] = sources[node.props["doc"]]


def locate(store, key: str, kinds: tuple[str, ...] = tuple(KINDS)) -> str | None:
    """The kind of the node with this key (each lookup uses its label's key index)."""
    for kind in kinds:
        if store.run(f"MATCH (n:{label_of(kind)} {{key: $key}}) RETURN 1 AS found LIMIT 1", {"key": key}):
            return kind
    return None


def merged_neighbourhoods(store, roots: list[tuple[str, str]], depth: int, cap: int) -> tuple[Graph, int]:
    """Several entities' neighbourhoods as one graph, still at most ``cap`` nodes."""
    g, left_out = Graph(), 0
    for kind, key in roots:
        if len(g.nodes) >= cap:
            left_out += 1
            continue
        part, missed = neighbourhood(store, kind, key, depth, cap - len(g.nodes))
        g.merge(part)
        left_out += missed
    return g, left_out



#: Who each kind of event names: asked by, addressed to, answered by, owed by/to.
ATTRIBUTIONS = {"Question": "ASKED_BY|ADDRESSED_TO", "Answer": "GIVEN_BY", "Commitment": "OWED_BY|OWED_TO"}


def with_people(store, g: Graph, cap: int) -> int:
    """Complete the chains a view draws: each question's first answer, each event's askers,
    speakers and owners as the minutes name them (not the derived holders), and the body
    each person or office belongs to (``body`` property); at most ``cap`` nodes in all.
    Returns how many more were reached and left out."""
    answers = store.run(
        "UNWIND $keys AS k MATCH (a:Answer)-[:ANSWERS]->(q:Question {key: k}) "
        "RETURN q.key AS key, a.key AS other, properties(a) AS props ORDER BY k, a.start",
        {"keys": _keys(g, "Question")})
    first = {r["key"]: r for r in reversed(answers)}  # the answer said first, as the saved query picks
    left_out = sum(_join(g, cap, ("Answer", r["other"]), "ANSWERS", ("Question", r["key"]), r["props"])
                   for r in sorted(first.values(), key=lambda r: r["key"]))
    for label, types in ATTRIBUTIONS.items():
        for r in store.run(
                f"UNWIND $keys AS k MATCH (e:{label} {{key: k}})-[r:{types}]->(a) "
                "WHERE coalesce(r.derived, false) = false "
                "RETURN e.key AS key, type(r) AS type, labels(a)[0] AS label, a.key AS other, "
                "properties(a) AS props ORDER BY k, type, other", {"keys": _keys(g, label)}):
            left_out += _join(g, cap, (label, r["key"]), r["type"], (r["label"], r["other"]), r["props"], new=1)
    _name_bodies(store, g)
    return left_out


def _keys(g: Graph, label: str) -> list[str]:
    return sorted(key for (lab, key) in g.nodes if lab == label)


def _join(g: Graph, cap: int, source, type_: str, target, props, new: int = 0) -> int:
    """Add the edge and its new end (``source``, or with ``new=1`` the target); 1 when
    the end is new and the graph already holds ``cap`` nodes, so nothing is added."""
    added = (source, target)[new]
    if added not in g.nodes and len(g.nodes) >= cap:
        return 1
    g.add_node(*added, **_shown(props))
    g.add_edge(type_, source, target)
    return 0


def _name_bodies(store, g: Graph) -> None:
    """A person's or office's key begins with its body's (loaders/keys.py: ``body:<key>|``)."""
    scoped = {ref: ref[1][5:].split("|", 1)[0] for ref in g.nodes
              if ref[0] in ("Person", "Role") and ref[1].startswith("body:")}
    names = {r["key"]: r["name"] for r in store.run(
        "UNWIND $keys AS k MATCH (b:Body {key: k}) RETURN b.key AS key, b.name AS name",
        {"keys": sorted(set(scoped.values()))})} if scoped else {}
    for ref, body in scoped.items():
        if body in names:
            g.nodes[ref].props["body"] = names[body]


def name_meetings(store, g: Graph) -> None:
    """Each event's, agenda item's and meeting's meeting (``meeting_key``) and the body that
    held it (``body``), read from its minutes in one query: what a view groups them by."""
    held = {ref: n.props["doc"] for ref, n in g.nodes.items() if ref[0] in AT_MEETINGS and n.props.get("doc")}
    rows = store.run(
        "UNWIND $keys AS k MATCH (:Document {key: k})-[:RECORDS]->(m:Meeting) "
        "RETURN k AS doc, m.key AS meeting, m.body AS body ORDER BY doc, meeting",
        {"keys": sorted(set(held.values()))}) if held else []
    meetings = {r["doc"]: r for r in reversed(rows)}  # a document records one meeting; the first if more
    for ref, doc in held.items():
        if doc in meetings:
            g.nodes[ref].props.update(meeting_key=meetings[doc]["meeting"], body=meetings[doc]["body"])
