"""The graph as FollowTheMoney entities, one JSON object a line, for Aleph and the ftm
tools.  People and bodies become Person and PublicBody; offices Position, held through
Occupancy and joined through Membership; the minutes PlainText (with their text, for
Aleph's search) and inspection reports Article; meetings and every accountability event
(question, answer, commitment, resolution, status update, agenda item) Event, whose
``involved`` names the people and bodies; findings Note.  Every other relationship is an
UnknownLink whose ``role`` is the relationship and whose ``description`` its quote, so no
link is lost, and each entity and link carries ``proof``: the minutes it was read from.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PurePath
from typing import TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from scrutiny.graph.exports.networkx_formats import caption
from scrutiny.graph.label_facts import ACTORS
from scrutiny.graph.model import Edge, Graph, Node

SCHEMA = {"Person": "Person", "Body": "PublicBody", "Role": "Position", "Document": "PlainText",
          "Report": "Article", "Finding": "Note", "Meeting": "Event", "AgendaItem": "Event",
          "Question": "Event", "Answer": "Event", "Commitment": "Event", "Resolution": "Event",
          "StatusUpdate": "Event"}
# relationships that are a property of one entity, not a link of their own
FOLDED = {"OF_BODY": ("organization", False), "HELD_BY": ("organizer", False),
          "IN_REPORT": ("entity", False), "EVIDENCED_BY": ("proof", False), "RECORDS": ("proof", True)}


def entity_id(*parts: object) -> str:
    """Stable across exports: the same node or link always gets the same id."""
    return model.make_entity("Thing").make_id("scrutiny", *parts) or ""


def _node_id(ref: tuple[str, str]) -> str:
    return entity_id(ref[0], ref[1])


def _from_node(node: Node, doc_ids: dict[str, str]) -> EntityProxy:
    p = node.props
    e = model.make_entity(SCHEMA[node.label])
    e.id = _node_id((node.label, node.key))
    e.add("name", caption(node)[:500])
    e.add("country", "gb")
    if node.label == "Document":
        e.add("title", p.get("title"))
        e.add("fileName", PurePath(str(p.get("source", node.key))).name)
        e.add("sourceUrl", p.get("url"))
        e.add("date", p.get("meeting_date"))
        e.add("bodyText", p.get("text"))
    elif node.label == "Report":
        e.add("title", p.get("title"))
        e.add("publishedAt", p.get("published"))
    elif node.label in ("Meeting", "AgendaItem"):
        e.add("date", p.get("date") or p.get("meeting_date"))
    elif node.label == "Finding":
        e.add("description", p.get("text") or p.get("quote"))
    elif node.label not in ACTORS:  # an accountability event
        e.add("description", p.get("quote"))
        e.add("date", p.get("meeting_date"))
        e.add("summary", _summary(node))
    if node.label == "Person":
        e.add("title", p.get("honorific"))
    if p.get("doc") in doc_ids:
        e.add("proof", doc_ids[p["doc"]])
    return e


def _summary(node: Node) -> str:
    status = node.props.get("status")
    due = node.props.get("due")
    said = node.label.lower() + (f", {status}" if status else "") + (f", due {due}" if due else "")
    return said


def _link(edge: Edge, doc_ids: dict[str, str]) -> EntityProxy:
    """A relationship that is an entity of its own: Occupancy, Membership, UnknownLink."""
    p = edge.props
    parts = (edge.type, *edge.source, *edge.target, p.get("doc") or "")
    if edge.type == "HOLDS":
        e = model.make_entity("Occupancy")
        e.add("holder", _node_id(edge.source))
        e.add("post", _node_id(edge.target))
        e.add("startDate", p.get("since"))
        e.add("endDate", p.get("until"))
    elif edge.type == "MEMBER_OF":
        e = model.make_entity("Membership")
        e.add("member", _node_id(edge.source))
        e.add("organization", _node_id(edge.target))
    else:
        e = model.make_entity("UnknownLink")
        e.add("subject", _node_id(edge.source))
        e.add("object", _node_id(edge.target))
        e.add("role", edge.type.lower().replace("_", " "))
        e.add("date", p.get("meeting_date"))
    e.id = entity_id(*parts)
    e.add("description", p.get("quote"))
    if p.get("doc") in doc_ids:
        e.add("proof", doc_ids[p["doc"]])
    return e


def _fold(edge: Edge, entities: dict[tuple[str, str], EntityProxy], g: Graph) -> bool:
    """Set a folded relationship as its entity's property; False when it is not folded."""
    if edge.type == "PUBLISHED_BY":  # Article.publisher is a name, not an entity: link it too
        entities[edge.source].add("publisher", g.nodes[edge.target].props.get("name"))
    if edge.type in FOLDED:
        prop, reverse = FOLDED[edge.type]
        holder, other = (edge.target, edge.source) if reverse else (edge.source, edge.target)
        entities[holder].add(prop, _node_id(other))
        return True
    if SCHEMA[edge.source[0]] == "Event" and edge.target[0] in ("Person", "Body"):
        entities[edge.source].add("involved", _node_id(edge.target))  # asked by, owed by, ...
    return False


def entities(g: Graph) -> Iterator[EntityProxy]:
    """Every node and relationship of ``g`` as FollowTheMoney entities."""
    doc_ids = {n.key: _node_id(ref) for ref, n in g.nodes.items() if n.label == "Document"}
    made = {ref: _from_node(n, doc_ids) for ref, n in g.nodes.items() if n.label in SCHEMA}
    links = [_link(e, doc_ids) for e in g.edges.values()
             if e.source in made and e.target in made and not _fold(e, made, g)]
    yield from made.values()
    yield from links


def write(g: Graph, out: TextIO) -> int:
    """Write ``g`` as FtM JSON lines; returns how many entities were written."""
    n = 0
    for entity in entities(g):
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n
