"""Where each node of a view sits: the chain read left to right, time read top to bottom.

Columns follow an accountability chain: report or finding, who asked, the question, who
answered, the answer, the commitment, who owes it, and what later fulfilled it.  Commitments
(or, without any, the first column of events drawn) are stacked in meeting order; every
other node sits level with the mean of its placed neighbours, pushed down just enough not
to overlap.  Pure arithmetic over sorted keys: the same graph gives the same picture.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import fmean

from scrutiny.graph.model import Graph, node_id

COLUMN_GAP, ROW_GAP = 195, 96
PAPERS, ASKERS, QUESTIONS, ANSWERERS, ANSWERS, COMMITMENTS, OWERS, LATER = range(8)
COLUMN_OF = {"Report": PAPERS, "Finding": PAPERS, "Question": QUESTIONS, "Resolution": QUESTIONS,
             "Answer": ANSWERS, "Commitment": COMMITMENTS, "StatusUpdate": LATER, "AgendaItem": LATER,
             "Meeting": LATER, "MeetingFold": COMMITMENTS}
#: A meeting's events folded into one node (``viz/folds.py``) sit where its commitments would.
FOLD = "MeetingFold"
#: An actor's column is the part it plays most: asking, answering or owing.
ACTOR_COLUMN = {"ASKED_BY": ASKERS, "ADDRESSED_TO": ANSWERERS, "GIVEN_BY": ANSWERERS,
                "OWED_BY": OWERS, "OWED_TO": ASKERS}
#: The order columns are placed in: each after the ones its nodes hang from.
PLACING = (COMMITMENTS, QUESTIONS, ANSWERS, PAPERS, LATER, ASKERS, ANSWERERS, OWERS)


def columns(g: Graph) -> dict[str, int]:
    """Each node id's column."""
    parts: dict[str, Counter] = defaultdict(Counter)
    for e in g.edges.values():
        if e.type in ACTOR_COLUMN:
            parts[node_id(e.target)][ACTOR_COLUMN[e.type]] += 1
    out = {}
    for ref, node in g.nodes.items():
        nid = node_id(ref)
        played = sorted(parts[nid].items(), key=lambda kv: (-kv[1], kv[0]))
        out[nid] = COLUMN_OF.get(node.label, played[0][0] if played else OWERS)
    return out


def _when(g: Graph) -> dict[str, tuple]:
    """Sort key of a node in time: its meeting's date, then its place in the minutes."""
    return {node_id(ref): (str(n.props.get("meeting_date") or n.props.get("date") or "9999"),
                           str(n.props.get("doc") or ""), int(n.props.get("start") or 0), node_id(ref))
            for ref, n in g.nodes.items()}


def positions(g: Graph) -> dict[str, tuple[float, float]]:
    """x, y of every node id."""
    column = columns(g)
    when = _when(g)
    near: dict[str, set[str]] = defaultdict(set)
    for e in g.edges.values():
        a, b = node_id(e.source), node_id(e.target)
        near[a].add(b)
        near[b].add(a)
    ys: dict[str, float] = {}
    for col in PLACING:
        members = sorted((n for n, c in column.items() if c == col), key=when.__getitem__)
        wanted = {n: _level(n, near, ys, rank) for rank, n in enumerate(members)}
        ys.update(_spread(sorted(members, key=lambda n: (wanted[n], when[n])), wanted))
    return {n: (float(column[n] * COLUMN_GAP), ys[n]) for n in column}


def _level(node: str, near: dict[str, set[str]], ys: dict[str, float], rank: int) -> float:
    placed = [ys[m] for m in sorted(near[node]) if m in ys]
    return fmean(placed) if placed else rank * ROW_GAP


def _spread(ordered: list[str], wanted: dict[str, float]) -> dict[str, float]:
    """Each at its wanted level, or one row below the one above it."""
    out: dict[str, float] = {}
    floor = float("-inf")
    for n in ordered:
        out[n] = max(wanted[n], floor)
        floor = out[n] + ROW_GAP
    return out
