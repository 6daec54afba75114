"""Events of one document: questions, challenges, answers, commitments, resolutions, status updates.

Attribution follows the text only: the asker, speaker or owner is the actor
the clause names (or "He"/"She" for the last person, or a speaker label);
agentless passives ("reassurance was given") have no actor.  Members ask;
officers, commissioners and witnesses answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from scrutiny.loaders.dates import parse_date
from scrutiny.loaders.extract import cues
from scrutiny.loaders.extract.clauses import Clause, SubjectFinder, clauses, quoted_speech
from scrutiny.loaders.extract.mentions import Mention
from scrutiny.loaders.extract.segment import Unit

MEMBER = Mention(0, 0, "Role", "Panel Member", "member")
PUBLIC = "Member of the Public"
# Small patterns of the event rules, compiled once (they run for every sentence or cue).
OPENS_WITH_VERB = re.compile(r"\s*[A-Z][a-z]+ed\b")
ENDS_SENTENCE = re.compile(r"[.;:!?]\s*$")
RELATIVE_BE = re.compile(r"\b(?:that|which|who)\s+(?:is|are|was|were)\s*$")
RELATIVE = re.compile(r"\b(?:that|which|who|whereby)\s*$")
CONDITIONAL_IF = re.compile(r"\bif\b")
PASSIVE_BEFORE = re.compile(r"\b(?:to\s+be|is|are|was|were|will\s+be|been)\s+$")
REPLY_VERB = re.compile(r"responded|replied|answered")
THAT_AFTER = re.compile(r"\s+that\b")
MINUTES_LINE = re.compile(r"^[ \t]*Minutes:", re.M)
COORDINATED = re.compile(r"\b(?:and|but|or)\s+(?:then\s+)?$")


@dataclass
class RawEvent:
    type: str
    start: int
    end: int
    item: int
    actor: Mention | None = None
    addressee: Mention | None = None
    fields: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)  # answers / arises_from: index of a RawEvent


CONJUNCT = re.compile(r"\s*(?:,|;)?\s*\b(?:and|but)\s+(?=that\b|would\b|will\b)|;\s*(?=that\b)", re.I)


def _conjuncts(text: str) -> list[tuple[int, int]]:
    """"that X be noted and that Y provide Z": the spans of each that-clause of a decision."""
    cuts = [m.span() for m in CONJUNCT.finditer(text)]
    starts = [0] + [e for _, e in cuts]
    ends = [s for s, _ in cuts] + [len(text)]
    return list(zip(starts, ends, strict=True))


def side(m: Mention | None) -> str:
    if m is None:
        return "none"
    return m.side


def _due(text: str) -> str | None:
    m = cues.DUE.search(text)
    if not m:
        return None
    due = re.sub(r"^at\s+(?:its|the)\s+meeting\s+", "", " ".join(m["due"].split()), flags=re.I)
    if "next" in due.lower():
        return "next meeting"
    return parse_date(due) or re.sub(r"^(?:at|to|for|by|in)\s+", "", due, flags=re.I)


class EventFinder:
    def __init__(self, text: str, mentions: list[Mention], panel: Mention | None):
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.by_start: dict[int, Mention] = {}
        for m in reversed(mentions):  # the first mention starting at a position wins
            self.by_start[m.start] = m
        self.panel = panel
        self.subjects = SubjectFinder(text, quoted_speech(text, mentions))
        self.events: list[RawEvent] = []
        self.last_question: dict[int, int] = {}
        self.status_intro: str | None = None
        self.item_titles: list[str] = []
        self.answer_intro: tuple[int, Mention | None] | None = None
        self.front: list[tuple[int, int]] = []
        self.procedural = False
        self.current_item = 0

    # -- units -------------------------------------------------------------------------
    def agenda_front_matter(self, items: list[tuple[int, int]]) -> None:
        """An item with a "Minutes:" line (ModernGov's layout) opens with the agenda's own
        description of it ("To receive a quarterly report ...", "A verbal update will be
        provided ..."): what was planned, not what happened, so no events come from it."""
        self.front = [(start, m.start()) for start, end in items
                      if (m := MINUTES_LINE.search(self.text, start, end))]

    def unit(self, unit: Unit, unit_mentions: list[Mention]) -> None:
        if any(start <= unit.start < end for start, end in self.front):
            return
        span = self.text[unit.start:unit.end]
        self.procedural = unit.item < len(self.item_titles) and \
            cues.PROCEDURAL_ITEM.match(self.item_titles[unit.item]) is not None
        if self._speaker_label(unit, unit_mentions, span):
            return
        before = len(self.events)
        if unit.kind == "resolution":
            self.resolution(unit, unit_mentions)
        else:
            for clause in clauses(self.text, unit.start, unit.end, unit_mentions, self.subjects):
                self.clause(unit, clause)
        self._answer_list(unit, span, before)
        self.status(unit, span)

    def _answer_list(self, unit: Unit, span: str, before: int) -> None:
        """"In response to questions it was further explained: c) ... d) ...": each point of a
        list an answer introduces is an answer by the same speaker."""
        added = self.events[before:]
        intro = next((e for e in added if e.type == "Answer"), None)
        if intro is not None and span.rstrip().endswith(":"):
            self.answer_intro = (unit.item, intro.actor)
        elif self.answer_intro and unit.marker and unit.item == self.answer_intro[0] and not added \
                and unit.kind == "sentence":
            ev = RawEvent("Answer", unit.start, unit.end, unit.item, self.answer_intro[1])
            ev.links["answers"] = self.last_question.get(unit.item)
            self.events.append(ev)
        elif not unit.marker:
            self.answer_intro = None
    def _speaker_label(self, unit, unit_mentions, span) -> bool:
        """"Mr Bob Fousert:" alone on a line names who speaks in the points below."""
        if span.rstrip().endswith(":") and len(span) < 80 and unit_mentions:
            person = unit_mentions[0]
            if person.type == "Person" and len(span.strip()) - (person.end - person.start) < 4:
                if person.side == "person":
                    person.side = "member"  # questions under a name heading are a member's
                self.subjects.label = person
                return True
        if unit.marker is None and not span.lstrip().startswith(("·", "-")):
            self.subjects.label = None if not OPENS_WITH_VERB.match(span) else self.subjects.label
        return False

    # -- sentences ---------------------------------------------------------------------
    def clause(self, unit: Unit, clause: Clause) -> None:
        quote = self.text[clause.start:clause.end]
        if quote.rstrip().endswith("?"):  # asked, not promised
            clause.cues = [c for c in clause.cues if c.kind not in ("would_do", "future_passive")]
        self.current_item = unit.item
        if self.procedural or cues.found(cues.PROCEDURAL, quote):
            return
        framing = cues.FRAMING.search(quote) is not None
        subject = clause.subject
        emitted: set[str] = set()
        for cue in clause.cues:
            who = cue.subject if cue.subject is not None else subject
            kind = self._event_for(cue, who, quote, clause, framing)
            if cue.kind == "intention" and "Answer" not in emitted:
                emitted.add("Answer")  # "it was the PCC's intention to ...": said, and promised
                self._emit("Answer", unit, clause, cue, self._owner(cue, clause, who)[0])
            if kind is None:
                continue
            family = "Question" if kind == "Challenge" else kind  # "challenged ... and asked": one
            if family not in emitted:
                emitted.add(family)
                self._emit(kind, unit, clause, cue, who)
        if "Commitment" not in emitted:
            self._agentless(unit, clause, quote, framing)

    def _agentless(self, unit: Unit, clause: Clause, quote: str, framing: bool) -> None:
        """A deliverable with no named doer: "further information would be circulated",
        "requested that a report be brought back": a commitment whose owner is null, or the
        officer a member's request was put to.  Said in an answer, it still names no doer
        ("the Commissioner advised that the response would be submitted"): null, never a guess."""
        asks = [c.start for c in clause.cues if c.kind in ("question", "passive_question")]
        for cue in clause.cues:
            if cue.kind not in ("future_passive", "request", "referral") or framing or self._hypothetical(clause, cue):
                continue
            if cue.kind == "future_passive" and any(a < cue.start for a in asks):
                continue  # "sought an assurance that they would be deployed": asked for, not promised
            if cue.kind == "future_passive" and not self._firm_passive(cue, clause):
                continue
            owner = self._request_addressee(clause, cue) if cue.kind == "request" else \
                self._referred_to(cue) if cue.kind == "referral" else None
            self._emit("Commitment", unit, clause, cue, owner)
            return

    def _plural(self, who: Mention) -> bool:
        return self.text[who.start:who.end].lower().startswith("members")

    def _hypothetical(self, clause: Clause, cue) -> bool:
        """Asked whether it could be done, or only if something happens: not an undertaking."""
        before = self.text[clause.start:cue.start]
        if cue.kind in ("request", "referral"):
            return False
        if cues.EMBEDDED_QUESTION.search(before) or cues.CONDITION.search(before) or cues.HEDGE.search(before):
            return True
        if RELATIVE_BE.search(before) or (cue.verb.split()[0] in ("is", "are", "was", "were")
                                          and RELATIVE.search(before)):
            return True  # "the items that were to be considered": a description, not a promise
        # "if ..., he would raise it": a conditional undertaking still binds its named doer
        return cue.kind != "would_do" and CONDITIONAL_IF.search(before) is not None

    def _firm_passive(self, cue, clause: Clause) -> bool:
        """"would/will/shall be done" is firm; "could/should be done" only with a recipient or a due date."""
        if cue.verb.split()[0] in ("would", "will", "shall", "is", "are", "was", "were"):
            return True
        rest = self.text[cue.start:clause.end]
        return _due(rest) is not None or re.search(
            r"\bto\s+(?:the\s+)?(?:Panel|Members|Committee|Board|members)\b|\bby\s+(?:the\s+)?[A-Z]", rest) is not None

    def _referred_to(self, cue) -> Mention | None:
        inside = self.mentions_between(cue.start, cue.end)
        return inside[0] if inside else None

    def _request_addressee(self, clause: Clause, cue) -> Mention | None:
        """"A member thanked the Commissioner ... and requested that ...": the officer asked."""
        officers = [m for m in self.mentions_between(clause.start, cue.start)
                    if m.side == "officer" and m.type in ("Person", "Role")]
        return officers[-1] if officers else None

    def _event_for(self, cue, who, quote, clause, framing) -> str | None:
        k = cue.kind
        after = self.text[cue.end:clause.end]
        if k == "question" and cue.verb in ("asked", "requested") and side(who) == "officer":
            return "Commitment" if self._asks_other(cue, clause) else None
        if k == "question" and PASSIVE_BEFORE.search(self.text, max(clause.start, cue.start - 10), cue.start):
            return None  # "questions to be asked", "The Committee is asked to note": no one asks here
        if k == "question":
            telegraphic = cue.verb[:1].isupper() and not self.text[clause.start:cue.start].strip(" -·•*\t")
            if (who is None and not telegraphic) or side(who) == "officer" or framing:
                return None
            return "Challenge" if cue.verb.split()[0] in cues.CHALLENGE_VERBS else "Question"
        if k == "passive_question":
            return None if framing else "Question"
        if k == "folded_question":
            return "Question"
        if k == "member_says":
            if who is None or side(who) != "member" or who.type == "Body" or framing or \
                    cues.POSITIVE_STANCE.match(after) or (cue.verb == "noted" and self._plural(who)):
                return None  # "Members noted that ...": the Panel takes note, it does not ask
            return "Challenge" if cues.NEGATIVE_STANCE.search(after) else "Question"
        if k == "ask_other":
            return "Commitment" if side(who) != "member" and self._asks_other(cue, clause) else None
        if k in ("answer", "stance"):
            rules = who is not None and who.type == "Role" and "chair" in who.name.lower() and \
                REPLY_VERB.fullmatch(cue.verb) is not None  # the Chair answers for the Panel
            if who is None or (side(who) == "member" and not rules):
                return None
            if k == "answer" and cue.verb in ("agreed",) and not THAT_AFTER.match(after):
                return None
            if k == "answer" and not cues.STRONG_VERB.fullmatch(cue.verb) and \
                    self.last_question.get(self.current_item) is None:
                return None  # "The Commissioner noted that ...", unprompted: an announcement
            return "Answer"  # "confirmed that he would write": the would-cue adds the commitment
        if k == "passive_answer":
            return "Answer"
        if k == "asked_to" and any(c.kind == "question" for c in clause.cues):
            return None  # a member asking whether someone could be asked to act: no undertaking
        if k in ("undertake", "asked_to", "intention"):
            return "Commitment"
        if k == "would_do" and cue.verb.startswith("should") and side(cue.subject) == "member":
            return None  # "Members should contact his office": advice to the asking side
        if k == "would_do":
            coordinated = COORDINATED.search(self.text, clause.start, cue.start)
            if cue.subject is None or not (cue.explicit or coordinated) or self._hypothetical(clause, cue) or \
                    any(c.kind == "question" and c.start < cue.start for c in clause.cues):
                return None
            return "Commitment"
        return None

    def _asks_other(self, cue, clause) -> bool:
        m = re.match(r"\s*(?:the\s+)?", self.text[cue.end:clause.end])
        target = self._mention_at(cue.end + (m.end() if m else 0))
        return target is not None and re.match(r"\s+to\s+\w+", self.text[target.end:clause.end]) is not None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end, first)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def _mention_at(self, pos: int) -> Mention | None:
        return self.by_start.get(pos)

    def _emit(self, kind, unit, clause, cue, who) -> None:
        quote = self.text[clause.start:clause.end]
        ev = RawEvent(kind, clause.start, clause.end, unit.item)
        if kind in ("Question", "Challenge"):
            ev.actor = self._passive_agent(cue, clause) if cue.kind == "passive_question" else \
                self._folded_asker(cue) if cue.kind == "folded_question" else who
            if ev.actor is not None and ev.actor.name == PUBLIC:
                ev.actor = None  # an unnamed member of the public is nobody the graph can name
            ev.addressee = self._addressee(cue, clause)
            self.last_question[unit.item] = len(self.events)
        elif kind == "Answer":
            ev.actor = None if cue.kind == "passive_answer" else who
            ev.links["answers"] = self.last_question.get(unit.item)
        else:
            ev.actor, owed_to = self._owner(cue, clause, who)
            ev.addressee = owed_to
            ev.fields["due"] = _due(quote)
            ev.links["arises_from"] = self.last_question.get(unit.item)
        self.events.append(ev)

    def _owner(self, cue, clause, who):
        if cue.kind in ("ask_other", "question"):
            m = re.match(r"\s*(?:the\s+)?", self.text[cue.end:clause.end])
            return self._mention_at(cue.end + (m.end() if m else 0)), who
        if cue.kind == "intention":
            inside = [m for m in self.mentions_between(cue.start, cue.end)]
            return (inside[0] if inside else who), None
        return who, None

    def _folded_asker(self, cue):
        """"... a question from Councillor Hopgood" names the asker; "a Member's question" a member."""
        phrase = self.text[cue.start:cue.end]
        if re.search(r"\b(?:from|by|form|of)\s*$", phrase):
            return self._mention_at(cue.end)
        inside = [m for m in self.mentions_between(cue.start, cue.end) if m.side == "member"]
        return inside[0] if inside else None

    def _passive_agent(self, cue, clause):
        if self.text[cue.start:cue.end].rstrip().endswith("by"):
            return self._mention_at(cue.end) or self._mention_at(cue.end + 1)
        return None

    def _addressee(self, cue, clause):
        m = re.match(r"\s*(?:of\s+)?(?:the\s+)?", self.text[cue.end:clause.end])
        target = self._mention_at(cue.end + (m.end() if m else 0))
        return target if target is not None and target.side != "member" else None

    # -- decisions ---------------------------------------------------------------------
    def resolution(self, unit: Unit, unit_mentions: list[Mention]) -> None:
        text = self.text[unit.start:unit.end]
        if not cues.DECIDES.search(text):
            return  # "Action 10 - Domestic Abuse": a heading under a decision head decides nothing
        self.events.append(RawEvent("Resolution", unit.start, unit.end, unit.item))
        resolution_index = len(self.events) - 1
        owner, is_action = self._resolution_owner(unit, text, unit_mentions)
        if is_action:
            ev = RawEvent("Commitment", unit.start, unit.end, unit.item, owner)
            ev.fields["due"] = _due(text)
            ev.fields["action_number"] = unit.number
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
            before = [m for m in unit_mentions if m.end <= base + asked.start()]
            return (before[-1] if before else None), True
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

    # -- progress ----------------------------------------------------------------------
    def status(self, unit: Unit, span: str) -> None:
        heading = not ENDS_SENTENCE.search(span) and len(span.split()) < 10
        accountable = cues.found(cues.ACCOUNTABLE, span)
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
        if unit.kind == "resolution" or self.procedural or cues.found(cues.PROCEDURAL, span) or any(
                e.start < unit.end and unit.start < e.end and e.type in ("Question", "Challenge")
                for e in self.events[-4:]):
            return None
        low = cues.lowered(span)
        return next((name for name, pattern in cues.PROGRESS
                     if cues.could_match(pattern, low) and pattern.search(span)), None)

    def _status_event(self, unit, span, status) -> None:
        ev = RawEvent("StatusUpdate", unit.start, unit.end, unit.item)
        ev.fields["status"] = status
        number = cues.ACTION_NUMBER.search(span)
        ev.fields["action_number"] = number["num"] if number else None
        meeting = cues.REFERS_TO_MEETING.search(span)
        ev.fields["refers_to_date"] = parse_date(span[meeting.end():meeting.end() + 40]) if meeting else None
        self.events.append(ev)
