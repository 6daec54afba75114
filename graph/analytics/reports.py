"""Which inspection reports and findings the members took up: for each report or finding the
minutes mention, how many questions were about it at meetings on or after its publication
(any meeting when the date is unknown).  Those with none are the saved query
``reports-never-raised``'s rows.
"""

from __future__ import annotations

from collections import defaultdict

from scrutiny.graph.analytics.actors import name_of
from scrutiny.graph.model import Graph

SUBJECTS = ("Report", "Finding")


def _published(g: Graph) -> dict[tuple[str, str], str | None]:
    out = {ref: n.props.get("published") for ref, n in g.nodes.items() if ref[0] in SUBJECTS}
    for e in g.edges.values():
        if e.type == "IN_REPORT" and not out.get(e.source):
            out[e.source] = g.nodes[e.target].props.get("published")
    return out


def _mentioned(g: Graph) -> dict[tuple[str, str], list[tuple[str, str | None]]]:
    """Each subject's (meeting date, body) where the minutes mention or evidence it."""
    meeting_of = {e.source: e.target for e in g.edges.values() if e.type == "RECORDS"}
    body_of = {e.source: e.target for e in g.edges.values() if e.type == "HELD_BY"}
    out = defaultdict(list)
    for e in g.edges.values():
        if e.type in ("MENTIONED_IN", "EVIDENCED_BY") and e.source[0] in SUBJECTS and e.target in meeting_of:
            m = meeting_of[e.target]
            body = body_of.get(m)
            out[e.source].append((g.nodes[m].props.get("date") or "", body and name_of(g.nodes[body])))
    return out


def raised(g: Graph) -> list[dict]:
    published = _published(g)
    asked = defaultdict(list)
    for e in g.edges.values():
        if e.type == "ABOUT" and e.target[0] in SUBJECTS:
            asked[e.target].append(g.nodes[e.source].props.get("meeting_date") or "")
    rows = []
    for ref, seen in _mentioned(g).items():
        when = published.get(ref)
        after = sorted(d for d in asked[ref] if not when or d >= when)
        rows.append({"kind": ref[0], "title": name_of(g.nodes[ref]), "published": when,
                     "first_mentioned": min((d for d, _ in seen if d), default=None),
                     "body": min((b for _, b in seen if b), default=None),
                     "questions": len(after), "first_raised": after[0] if after else None, "key": ref[1]})
    return sorted(rows, key=lambda r: (r["questions"], r["kind"] != "Report", r["first_mentioned"] or "",
                                       r["title"], r["key"]))
