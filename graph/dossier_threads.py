"""The threads of a dossier's part: what the store links to a subject, grouped as a reader
follows it (a question, its answers, what was promised on it, what became of that).

Named events are those the minutes tie to the subject (ABOUT, ADDRESSES, UPDATES); events
under an agenda item named for a report come after them as ``named=False`` threads, since
only their place in the minutes links them.  Answers and commitments that follow a question
join its thread, wherever they were found.
"""

from __future__ import annotations

from typing import Any

from scrutiny.graph import dossier_reads as reads
from scrutiny.graph import explore
from scrutiny.graph.dossier_records import Outcome, Promise, Source, Statement, Thread
from scrutiny.loaders.kinds import CommitmentStatus

CLOSED = (CommitmentStatus.FULFILLED, CommitmentStatus.SUPERSEDED)
DOERS = ("ASKED_BY", "GIVEN_BY", "OWED_BY")  # who asked, answered or owes; the rest are whom


def threads_of(store, named: dict[str, str], near: dict[str, str], body: str | None) -> tuple[Thread, ...]:
    """``named`` and ``near`` are {event key: label}; with ``body``, only its meetings' threads."""
    near = {k: v for k, v in near.items() if k not in named}
    follows = reads.followers(store, {**named, **near})
    keyed = {**named, **near, **{r["key"]: r["label"] for r in follows}}
    rows = reads.details(store, keyed)
    said = _statements(store, keyed, rows)
    promises = _promises(store, {k: said[k] for k in said if keyed[k] == "Commitment"}, rows)
    children: dict[str, list[str]] = {}
    for r in follows:
        children.setdefault(r["parent"], []).append(r["key"])
    placed = {child for kids in children.values() for child in kids}
    threads = [_thread(key, keyed, said, promises, children, key in named)
               for key in (*named, *near) if key not in placed and key in said]
    kept = [t for t in threads if not body or body.lower() in (_first(t).source.body or "").lower()]
    return tuple(sorted(kept, key=lambda t: _order(_first(t))))


def _thread(key, keyed, said, promises, children, named: bool) -> Thread:
    kids = sorted(set(_descendants(key, children)) - {key}, key=lambda k: _order(said[k]))
    answers = tuple(said[k] for k in kids if keyed[k] == "Answer")
    own = [key] if keyed[key] == "Commitment" else []
    owed = tuple(promises[k] for k in own + kids if k in promises)
    return Thread(None if own else said[key], answers, owed, named=named)


def _first(thread: Thread) -> Statement:
    return thread.statement or thread.promises[0].statement


def _order(s: Statement) -> tuple[str, str, int, str]:
    """Meeting order, then the order of the minutes."""
    return (s.source.date or "9999", s.source.document or "", s.start, s.key)


def _descendants(key: str, children: dict[str, list[str]]) -> list[str]:
    out, todo = [], [key]
    while todo:
        k = todo.pop()
        out.append(k)
        todo += [c for c in children.get(k, []) if c not in out]
    return out


def _statements(store, keyed: dict[str, str], rows: dict[str, dict[str, Any]]) -> dict[str, Statement]:
    who: dict[str, dict[str, str]] = {}
    for r in reads.actors(store, keyed):
        if r["derived"] and r["rel"] not in DOERS:
            continue
        role = "holder" if r["derived"] else ("who" if r["rel"] in DOERS else "to")
        who.setdefault(r["key"], {}).setdefault(role, r["name"])
    said = {}
    for key, r in rows.items():
        item = " ".join(x for x in (r["item_number"], r["item_title"]) if x) or None
        source = Source(r["date"], r["body"], item, r["url"] or r["source"])
        p = r["props"]
        said[key] = Statement(explore.KIND_OF[r["label"]], key, p["quote"], source, p["start"], p["end"],
                              status=p.get("status"), **who.get(key, {}))
    return said


def _promises(store, commitments: dict[str, Statement], rows: dict[str, dict[str, Any]]) -> dict[str, Promise]:
    ends: dict[str, dict[str, Any]] = {}
    for r in reads.outcomes(store, sorted(commitments)):
        ends.setdefault(r["key"], r)
    promises = {}
    for key, s in commitments.items():
        c = rows[key]["props"]
        status, end = c.get("status") or CommitmentStatus.OPEN, ends.get(key)
        if end and status in CLOSED:
            where = Source(end["date"], None, None, end["url"] or end["source"])
            outcome = Outcome(str(status), end["date"], end["quote"], where, end["method"])
        else:
            outcome = Outcome(str(status), c.get("due_date") if status == CommitmentStatus.OVERDUE else None)
        promises[key] = Promise(s, c.get("due"), c.get("due_date"), outcome)
    return promises
