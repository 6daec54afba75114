"""Progress on earlier findings, recommendations and actions, in open vocabulary: "had been
put in place", "now live", "remains open", and the numbered lines of an action log."""

from __future__ import annotations

import re

from scrutiny.loaders.dates import parse_date
from scrutiny.loaders.extract import cues, prechecks
from scrutiny.loaders.extract.raw import FinderState, RawEvent
from scrutiny.loaders.extract.segment import Unit
from scrutiny.loaders.kinds import UpdateStatus

ENDS_SENTENCE = re.compile(r"[.;:!?]\s*$")
NOTHING_DONE = re.compile(r"\b[Nn]o\s+(?:[\w-]+\s+){0,7}$")
RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who)\s+$")
PAPER_VERB = re.compile(r"\b(?:published|submitted|received|circulated)$")


class ProgressRules(FinderState):
    """Status updates: progress words on an accountable thing, or a change reported done."""

    def status(self, unit: Unit, span: str) -> None:
        heading = not ENDS_SENTENCE.search(span) and len(span.split()) < 10
        accountable = prechecks.found(cues.ACCOUNTABLE, span)
        status = accountable and next((name for name, pattern in cues.STATUS_WORDS if pattern.search(span)), None)
        if accountable and status and not heading:
            self._status_event(unit, span, status)
            self.status_intro = status if span.rstrip().endswith(":") else None
        elif not heading and (progress := self._progress(unit, span)):
            self._status_event(unit, span, progress)
        elif self.status_intro and unit.marker and cues.ACTION_NUMBER.search(span):
            self._status_event(unit, span, self.status_intro)
        elif not unit.marker:
            self.status_intro = None

    def _progress(self, unit: Unit, span: str) -> str | None:
        """A change reported in a sentence that asks and promises nothing."""
        if unit.kind == "resolution" or self.procedural or prechecks.found(cues.PROCEDURAL, span) or any(
                e.start < unit.end and unit.start < e.end and e.type in ("Question", "Challenge")
                for e in self.events[-4:]):
            return None
        low = prechecks.lowered(span)
        for name, pattern in cues.PROGRESS:
            if prechecks.could_match(pattern, low) and (m := pattern.search(span)):
                # "no questions had been received": nothing was done, so nothing progressed
                # "a decision ..., which had been published": a paper's history told in a relative
                # clause describes it ("a poor process, which had been addressed" still reports)
                if NOTHING_DONE.search(span, max(0, m.start() - 80), m.start()) or \
                        (RELATIVE_BEFORE.search(span, max(0, m.start() - 12), m.start()) and PAPER_VERB.search(m[0])):
                    return None
                return name
        return None

    def _status_event(self, unit, span, status) -> None:
        ev = RawEvent("StatusUpdate", unit.start, unit.end, unit.item)
        ev.status = UpdateStatus(status)
        number = cues.ACTION_NUMBER.search(span)
        ev.action_number = number["num"] if number else None
        meeting = cues.REFERS_TO_MEETING.search(span)
        ev.refers_to_date = parse_date(span[meeting.end():meeting.end() + 40]) if meeting else None
        self.events.append(ev)
