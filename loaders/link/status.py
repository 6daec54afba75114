"""Due dates and statuses of one body's commitments, from the closure evidence (pure).

``fulfilled``: evidence at or above ``evidence.CLOSES``; ``superseded``: the same
owner promised the same thing again at a later meeting before any evidence;
``overdue``: the due date passed with no evidence (``due`` reads the phrase on the
body's calendar; a later "the report had been deferred to the autumn" moves the
date), so a promise due at a meeting that never mentions it is overdue from that
meeting; ``open`` otherwise, and always for a commitment whose words the source
cut off.  The body's text is indexed once (``later.Index``);
each commitment then reads the postings of its own words, so a body's linking
grows with its text, not with the square of its meetings.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections import defaultdict

from scrutiny.loaders.dates import days_between
from scrutiny.loaders.extract.segment import paragraphs
from scrutiny.loaders.kinds import CommitmentStatus
from scrutiny.loaders.link import match
from scrutiny.loaders.link.due import due_date
from scrutiny.loaders.link.evidence import (
    CLOSES,
    ActionLog,
    Link,
    Outcome,
    StoredCommitment,
    StoredItem,
    StoredUpdate,
    action_links,
)
from scrutiny.loaders.link.later import CUT_OFF, Index
from scrutiny.loaders.link.topic import Topic, surroundings, topic_of


def topics(commitments: list[StoredCommitment], items: list[StoredItem]) -> dict[str, Topic]:
    """Each commitment's topic, read in its own item (the sentence before it, its paragraph)."""
    by_doc: dict[str, list[StoredItem]] = defaultdict(list)
    for item in items:
        by_doc[item.doc].append(item)
    ordered = {doc: sorted(its, key=lambda i: i.start) for doc, its in by_doc.items()}
    starts = {doc: [i.start for i in its] for doc, its in ordered.items()}
    out, paras = {}, {}  # an item's paragraphs, found once for all its commitments
    for c in commitments:
        its = ordered.get(c.doc, [])
        n = bisect.bisect_right(starts[c.doc], c.start) - 1 if its else -1
        if n >= 0 and its[n].key not in paras:
            paras[its[n].key] = paragraphs(its[n].text)
        context, before = surroundings(its[n].text, c.start - its[n].start, c.end - its[n].start,
                                       paras[its[n].key]) if n >= 0 else ("", "")
        out[c.key] = topic_of(c.quote, context, before)
    return out


INSTEAD = re.compile(r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|replac(?:e|ed|ing))\b", re.I)


def supersessions(commitments: list[StoredCommitment], topic: dict[str, Topic]) -> dict[str, StoredCommitment]:
    """Each commitment promised again, later, by the same owner -> the later promise: the
    same named thing (most of the shorter core), or a later promise that says it replaces
    it ("instead of a stand-alone briefing, the figures would form part of ...").  The
    owner's later promises sharing a core word are read in date order, up to the first
    that replaces it."""
    ordered = sorted(commitments, key=lambda x: (x.meeting_date, x.start))
    by_word: dict[tuple[str, str], list[int]] = defaultdict(list)  # positions in ``ordered``
    for n, c in enumerate(ordered):
        for w in topic[c.key].words:
            by_word[(c.owner or "", w)].append(n)
    found = {}
    for c in commitments:
        core = topic[c.key].core
        if not c.owner or not core:
            continue
        later = bisect.bisect_right(ordered, c.meeting_date, key=lambda x: x.meeting_date)
        postings = [p[bisect.bisect_left(p, later):] for w in core if (p := by_word.get((c.owner, w)))]
        again = next((ordered[n] for n, _ in itertools.groupby(heapq.merge(*postings))
                      if _replaces(core, ordered[n], topic[ordered[n].key])), None)
        if again:
            found[c.key] = again
    return found


def _replaces(core: frozenset[str], later: StoredCommitment, said: Topic) -> bool:
    if INSTEAD.search(later.quote):
        return len(core & said.words) >= min(2, len(core))
    return len(core) >= 2 and bool(said.core) and len(core & said.core) / min(len(core), len(said.core)) >= 0.6


def follow_up(commitments: list[StoredCommitment], items: list[StoredItem], updates: list[StoredUpdate],
              meetings: list[str], today: str) -> dict[str, Outcome]:
    """Every commitment of the body with its status, due date and evidence links."""
    index, topic = Index(items, meetings), topics(commitments, items)
    replaced = supersessions(commitments, topic)
    numbered = {c.meeting_date for c in commitments if c.action_number}
    log = ActionLog(updates)
    outcomes = {}
    for c in commitments:
        if CUT_OFF.search(c.quote):
            outcomes[c.key] = Outcome(CommitmentStatus.OPEN, notes=["the source cut off what was promised"])
            continue
        found = action_links(c, log.candidates(c, numbered), numbered) + match.links(c, topic[c.key], index)
        outcome = _outcome(c, _best_per_target(found), replaced.get(c.key), meetings, today)
        outcomes[c.key] = _deferred(c, topic[c.key], index, outcome, meetings, today)
    return outcomes


def _best_per_target(links: list[Link]) -> list[Link]:
    best: dict[str, Link] = {}
    for link in links:
        if link.target not in best or link.confidence > best[link.target].confidence:
            best[link.target] = link
    return sorted(best.values(), key=lambda x: (x.meeting_date, -x.confidence))


def _outcome(c: StoredCommitment, links: list[Link], later: StoredCommitment | None, meetings: list[str],
             today: str) -> Outcome:
    due = due_date(c.due, c.meeting_date, meetings)
    closing = [link for link in links if link.confidence >= CLOSES]
    weak = [f"possible closure ({x.method}, {x.confidence}): {' '.join(x.quote.split())[:200]}"
            for x in links if x.confidence < CLOSES]
    if later and (not closing or closing[0].meeting_date > later.meeting_date):
        link = Link(c.key, later.key, "Commitment", "promised_again", 0.7, later.meeting_date,
                    later.doc, later.quote, later.start, later.end)
        # the later promise carries any evidence
        return Outcome(CommitmentStatus.SUPERSEDED, due, links=[link], notes=weak)
    if closing:
        first = closing[0]
        return Outcome(CommitmentStatus.FULFILLED, due, first.meeting_date,
                       days_between(c.meeting_date, first.meeting_date), closing, weak)
    return Outcome(_due_or_open(due, today), due, notes=weak)


def _deferred(c: StoredCommitment, topic: Topic, index: Index, out: Outcome, meetings: list[str],
              today: str) -> Outcome:
    """"The update had been deferred to the July meeting": the same commitment, due later."""
    unsettled = out.status in (CommitmentStatus.OPEN, CommitmentStatus.OVERDUE)
    if not unsettled or not (found := match.deferral(c, topic, index)):
        return out
    unit, to = found
    out.due_date = due_date(to.strip() or None, unit.meeting_date, meetings)
    out.status = _due_or_open(out.due_date, today)
    out.notes.append(f"deferred on {unit.meeting_date} (due {out.due_date or 'unknown'}): "
                     f"{' '.join(unit.text.split())[:200]}")
    return out


def _due_or_open(due: str | None, today: str) -> CommitmentStatus:
    """No closing evidence: overdue once the due date has passed, open until then."""
    return CommitmentStatus.OVERDUE if due and due < today else CommitmentStatus.OPEN
