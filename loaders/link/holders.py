"""'The PCC' at a meeting, resolved to the person who held that office then (pure).

Who held an office comes from appositions anywhere in the same body's minutes
("Dr. Billings, Police and Crime Commissioner", "Chief Constable Rhodes"),
each dated by its meeting.  A reference resolves when one person's known
tenure covers the meeting date, or, outside every tenure, when one holder is
nearest and within ``REACH_DAYS``.  Two people covering the same date is
ambiguous: the reference stays with the office and goes to review.  Offices
that many hold at once (a panel member) never resolve to one person.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrutiny.loaders.dates import days_between

REACH_DAYS = 366
MANY_HOLDERS = frozenset({"panel member", "member", "independent member", "co-opted member",
                          "councillor", "officer", "panel members", "members"})


@dataclass(frozen=True)
class Holding:
    person: str
    role: str
    date: str


@dataclass(frozen=True)
class OfficeReference:
    event: str
    rel: str  # ASKED_BY, ADDRESSED_TO, GIVEN_BY, OWED_BY
    role: str
    title: str
    meeting_date: str | None


@dataclass(frozen=True)
class Resolved:
    reference: OfficeReference
    person: str
    confidence: float


def tenures(holdings: list[Holding]) -> dict[str, dict[str, tuple[str, str]]]:
    """Office -> person -> (first, last) date the minutes show them holding it."""
    spans: dict[str, dict[str, tuple[str, str]]] = {}
    for h in holdings:
        first, last = spans.setdefault(h.role, {}).get(h.person, (h.date, h.date))
        spans[h.role][h.person] = (min(first, h.date), max(last, h.date))
    return spans


def resolve(refs: list[OfficeReference], holdings: list[Holding]
            ) -> tuple[list[Resolved], dict[str, str]]:
    """Resolved references, and the reason each unresolvable one needs a human look."""
    spans = tenures([h for h in holdings if h.date])
    resolved, review = [], {}
    for ref in refs:
        if ref.title.lower() in MANY_HOLDERS or not ref.meeting_date:
            continue
        holders = spans.get(ref.role, {})
        person, confidence, reason = _holder(holders, ref.meeting_date)
        if person:
            resolved.append(Resolved(ref, person, confidence))
        elif reason:
            review[ref.event] = f"{reason}: {ref.title} on {ref.meeting_date}"
    return resolved, review


def _holder(holders: dict[str, tuple[str, str]], date: str) -> tuple[str | None, float, str | None]:
    if not holders:
        return None, 0.0, "office holder unknown"
    covering = [p for p, (first, last) in holders.items() if first <= date <= last]
    if len(covering) == 1:
        return covering[0], 0.9, None
    if len(covering) > 1:
        return None, 0.0, "ambiguous office holder (" + ", ".join(sorted(covering)) + ")"
    distance = {p: min(abs(days_between(first, date)), abs(days_between(last, date)))
                for p, (first, last) in holders.items()}
    nearest = sorted(distance.items(), key=lambda kv: kv[1])
    if nearest[0][1] <= REACH_DAYS and (len(nearest) == 1 or nearest[1][1] > REACH_DAYS):
        return nearest[0][0], 0.7, None
    return None, 0.0, "office holder unknown at that date"
