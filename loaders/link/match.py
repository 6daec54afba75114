"""The evidence rules of ``evidence`` applied to one commitment over its body's ``Index`` (pure).

Every rule asks two things of a later text: does it report delivery (or is it the
delivered thing itself, a titled item), and does it name the same thing, by at
least two of the commitment's telling words, or by the whole of its core?  A
shared subject alone ("mental health", "the Cadet scheme") is never enough.
"""

from __future__ import annotations

import re

from scrutiny.loaders.link.evidence import Link, StoredCommitment, reports_actions, unit_link
from scrutiny.loaders.link.later import Index, LaterUnit
from scrutiny.loaders.link.topic import Topic

ISSUES_RAISED = re.compile(r"\bupdated\s+(?:the\s+)?(?:panel|members|committee)\s+on\s+(?:the\s+|some\s+)?"
                           r"(?:issues|matters|questions|points)\s+raised\b", re.I)


def links(c: StoredCommitment, topic: Topic, index: Index) -> list[Link]:
    return sentence_links(c, topic, index) + title_links(c, topic, index) + blanket_links(c, topic, index)


def same_thing(topic: Topic, unit: LaterUnit, index: Index, strict: bool = False) -> bool:
    """Two telling words in common (or the whole named core), one of them from the core
    when the commitment names one.  ``strict`` (a sentence with no delivery verb) wants
    most of the named core's weight said again ("which school in Folkestone" is not
    answered without Folkestone), or, when nothing is named, half the topic's."""
    v = index.vocabulary
    telling = [w for w in topic.words & unit.words if v.telling(w)]
    whole_core = bool(topic.core) and topic.core <= unit.words and any(v.telling(w) for w in topic.core)
    if not strict:
        from_core = not topic.core or any(v.telling(w) for w in topic.core & unit.words)
        return (len(telling) >= 2 or whole_core) and from_core
    said = v.coverage(topic.core, unit.words) >= 0.6 if topic.core else \
        v.coverage(topic.words, unit.words) >= 0.5
    return len(telling) >= 2 and said


def sentence_links(c: StoredCommitment, topic: Topic, index: Index) -> list[Link]:
    """In the review of the commitment's own meeting: a sentence reporting the thing
    delivered, or, in its list of updates on issues raised, about the very thing even
    without a delivery verb.  Anywhere later: a sentence reporting delivery that says
    the thing again more fully (three telling words, most of the named core)."""
    found: dict[str, Link] = {}
    for u in index.after(c.meeting_date, topic.words, topic.core, headings=False):
        kind = _kind(topic, u, index, u.reviews == c.meeting_date, u.delivered)
        if not kind:
            continue
        link = unit_link(c, u, kind[0], round(kind[1] + 0.1 * _strength(topic, u, index), 2))
        if u.item not in found or link.confidence > found[u.item].confidence:
            found[u.item] = link
    return list(found.values())


def _kind(topic: Topic, u: LaterUnit, index: Index, mine: bool, says_delivered: bool):
    """(method, base confidence) of a later sentence as evidence, or None."""
    if mine and says_delivered and same_thing(topic, u, index):
        return "matters_arising", 0.75
    if mine and u.listed and same_thing(topic, u, index, strict=bool(topic.core)):
        return "reported_back", 0.6
    if mine and same_thing(topic, u, index, strict=True):
        return "reported_back", 0.55
    if says_delivered and _said_fully(topic, u, index):
        return "follow_up", 0.6
    if u.listed and same_thing(topic, u, index, strict=True):
        return "reported_back", 0.35  # an update on some other meeting's issues: review
    return None


def _said_fully(topic: Topic, unit: LaterUnit, index: Index) -> bool:
    v = index.vocabulary
    telling = [w for w in topic.words & unit.words if v.telling(w)]
    return len(telling) >= 3 and (not topic.core or v.coverage(topic.core, unit.words) >= 0.6)


def _strength(topic: Topic, unit: LaterUnit, index: Index) -> float:
    """0-1: how much of the thing the sentence says again (telling weight shared, 20 = all)."""
    v = index.vocabulary
    return min(1.0, v.mass(w for w in topic.words & unit.words if v.telling(w)) / 20)


def title_links(c: StoredCommitment, topic: Topic, index: Index) -> list[Link]:
    """A later item (or heading) whose title is the promised thing: most of the named core
    in the title and half the title's weight in the core, or two telling words of the
    topic making most of the title's weight."""
    v, found = index.vocabulary, []
    for u in index.after(c.meeting_date, topic.words, topic.core, headings=True):
        if u.minutes or not u.words:
            continue  # a heading that notes minutes (of this body or another) delivers nothing
        by_core = min(v.coverage(topic.core, u.words), v.coverage(u.words, topic.core) + 0.1) \
            if topic.core else 0.0
        by_topic = v.coverage(u.words, topic.words) \
            if sum(v.telling(w) for w in topic.words & u.words) >= 2 else 0.0
        fit = max(by_core, by_topic)
        if fit >= 0.6:
            found.append(unit_link(c, u, "title_match", round(0.5 + 0.3 * min(fit, 1.0), 2), opening=True))
    return found


def blanket_links(c: StoredCommitment, topic: Topic, index: Index) -> list[Link]:
    """"The Commissioner had provided an update on items for further action" in the review
    of the commitment's meeting delivers its owner's requests for information (0.6); a
    note that issues raised were updated on names nothing, so it only goes to review."""
    if not topic.informational:
        return []
    found = []
    for u in index.reviewing(c.meeting_date):
        if reports_actions(u.text):
            owned = c.owner is not None and _office(c.owner) in u.text.lower()
            found.append(unit_link(c, u, "actions_update", 0.6 if owned else 0.4))
        elif ISSUES_RAISED.search(u.text):
            found.append(unit_link(c, u, "issues_update", 0.3))
    return found


def _office(owner: str) -> str:
    """'body:kent ...|police and crime commissioner' -> 'commissioner', as minutes say it."""
    return owner.rsplit("|", 1)[-1].split()[-1]


def deferral(c: StoredCommitment, topic: Topic, index: Index) -> tuple[LaterUnit, str] | None:
    """The first later sentence saying this very thing was deferred, and to when."""
    for u in index.after(c.meeting_date, topic.words, topic.core, headings=False):
        if u.deferred_to is not None and same_thing(topic, u, index):
            return u, u.deferred_to
    return None
