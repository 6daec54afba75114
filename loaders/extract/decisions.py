"""Decisions: each point of a RESOLVED block is a resolution, and the work it sets up a
commitment, judged conjunct by conjunct ("... be noted and that the Commissioner provide
an update": the second sets up work, and its subject owns it)."""

from __future__ import annotations

import re

from scrutiny.loaders.extract import cues
from scrutiny.loaders.extract.mentions import Mention
from scrutiny.loaders.extract.raw import FinderState, RawEvent, due_phrase
from scrutiny.loaders.extract.segment import Unit, between

# Read from the start of a run of spaces only, and possessively: a run of spaces is read once,
# not once per split of it between the two optional parts.
CONJUNCT = re.compile(r"(?<!\s)\s*+(?:[,;]\s*+)?\b(?:and|but)\s+(?=that\b|would\b|will\b)|;\s*+(?=that\b)", re.I)


def _conjuncts(text: str) -> list[tuple[int, int]]:
    """"that X be noted and that Y provide Z": the spans of each that-clause of a decision."""
    return between([m.span() for m in CONJUNCT.finditer(text)], len(text))


class DecisionRules(FinderState):
    """Resolutions, and the commitments the points of a decision block create."""

    def resolution(self, unit: Unit, unit_mentions: list[Mention]) -> None:
        text = self.text[unit.start:unit.end]
        if not cues.DECIDES.search(text):
            return  # "Action 10 - Domestic Abuse": a heading under a decision head decides nothing
        # the quote keeps its head ("RESOLVED that ..."): that word is what makes it a decision
        self.events.append(RawEvent("Resolution", unit.start if unit.lead is None else unit.lead, unit.end, unit.item))
        resolution_index = len(self.events) - 1
        owner, is_action = self._resolution_owner(unit, text, unit_mentions)
        if is_action:
            ev = RawEvent("Commitment", unit.start, unit.end, unit.item, owner)
            ev.due = due_phrase(text)
            ev.action_number = unit.number
            ev.links["resolution"] = resolution_index
            self.events.append(ev)

    def _resolution_owner(self, unit, text, unit_mentions):
        """The first conjunct of a decision that sets up work ("... be noted and that the
        Commissioner provide an update"), and who must do it; (None, False) when none does."""
        for start, end in _conjuncts(text):
            owner, is_action = self._conjunct_owner(unit, text, start, end, unit_mentions)
            if is_action:
                return owner, True
        return None, False

    def _conjunct_owner(self, unit, text, start, end, unit_mentions):
        part = text[start:end]
        base = unit.start + start
        if through := cues.RESOLUTION_THROUGH.search(part):
            return self._mention_at(base + through.end() + self._skip_the(base + through.end())), True
        if asked := cues.RESOLUTION_ASKED.search(part):
            # the decision's subject, not a party it consults ("the Clerk, in consultation with the Chair, be ...")
            before = [m for m in unit_mentions if base <= m.start and m.end <= base + asked.start()]
            return (before[0] if before else None), True
        subject = re.match(r"\s*(?:that|That|THAT)?\s*(?:[Tt]he\s+)?", part)
        first = self._mention_at(base + (subject.end() if subject else 0))
        if first is not None and (cues.BASE_VERB.match(self.text, first.end) or
                                  cues.SUBJUNCTIVE_ACT.match(self.text, first.end)):
            return first, True
        if cues.RESOLUTION_PASSIVE_ACTION.search(part):
            return None, True
        return None, False

    def _skip_the(self, pos: int) -> int:
        m = re.match(r"(?:the\s+)?", self.text[pos:pos + 5])
        return m.end() if m else 0
