"""Events of one document: questions, challenges, answers, commitments, resolutions, status updates.

Attribution follows the text only: the asker, speaker or owner is the actor
the clause names (or "He"/"She" for the last person, or a speaker label);
agentless passives ("reassurance was given") have no actor.  Members ask;
officers, commissioners and witnesses answer.
"""

from __future__ import annotations

import bisect
import re

from scrutiny.loaders.extract import cues, prechecks
from scrutiny.loaders.extract.clauses import Clause, SubjectFinder, clauses, quoted_speech
from scrutiny.loaders.extract.decisions import DecisionRules
from scrutiny.loaders.extract.mentions import Mention
from scrutiny.loaders.extract.progress import ProgressRules
from scrutiny.loaders.extract.raw import RawEvent, due_phrase, side
from scrutiny.loaders.extract.scan import last_words
from scrutiny.loaders.extract.segment import Unit

PUBLIC = "Member of the Public"
# Small patterns of the event rules, compiled once (they run for every sentence or cue).
OPENS_WITH_VERB = re.compile(r"\s*[A-Z][a-z]+ed\b")
RELATIVE_BE = re.compile(r"\b(?:that|which|who)\s+(?:is|are|was|were)\s*$")
RELATIVE = re.compile(r"\b(?:that|which|who|whereby)\s*$")
# RELATIVE_BE, RELATIVE and COORDINATED as words read back from a cue (``scan.last_words``).
RELATIVES, BE_FORMS = frozenset({"that", "which", "who"}), frozenset({"is", "are", "was", "were"})
CONJUNCTIONS = frozenset({"and", "but", "or"})
LEADING_THAT_THE = re.compile(r"\s*(?:that\s+)?(?:the\s+)?")  # "requested that the Commissioner provide"
THAT = re.compile(r"\s*that\b", re.I)
LEADING_OF_THE = re.compile(r"\s*(?:of\s+)?(?:the\s+)?")
TO_VERB = re.compile(r"\s+to\s+\w+")
BULLET_LEAD = re.compile(r"[ \-·•*\t]*+")
RECIPIENT = re.compile(r"\bto\s+(?:the\s+)?(?:Panel|Members|Committee|Board|members)\b|\bby\s+(?:the\s+)?[A-Z]")
CONDITIONAL_IF = re.compile(r"\bif\b")
PASSIVE_BEFORE = re.compile(r"\b(?:to\s+be|is|are|was|were|will\s+be|been)\s+$")
REPLY_VERB = re.compile(r"responded|replied|answered")
THAT_AFTER = re.compile(r"\s+that\b")
MINUTES_LINE = re.compile(r"^[ \t]*Minutes:", re.M)
EXHORT = frozenset({"urged", "encouraged"})
COORDINATED = re.compile(r"\b(?:and|but|or)\s+(?:then\s+)?$")


# An agenda's description of an item is a few lines; more before "Minutes:" is a page read as
# one item, whose record that is, not its description.
FRONT_MAX = 800
# What introduces a list of questions: "The Panel discussed:", "Questions:", "Members asked the following:"
NARRATIVE = re.compile(r"\s*(?:The|A|An|Members|Councillor|Cllr|It)\b")
QUESTION_LIST = re.compile(r"\b(?:discussed|asked|raised|questioned|queried|sought|questions?|queries|"
                           r"the\s+following)\b", re.I)
RECEIVED = re.compile(r"(?:received|read)\b")
SUBMITTED = re.compile(r"(?:submitted|tabled|put|sent)\b")  # a question put in writing, quoted after

# What a member asks to be told, not sent: "asked for further information/details/clarification".
INFORMATION_ASKED = re.compile(r"\bfor\s+(?:\w+\s+){0,3}?(?:information|details|clarification|explanation)$")


def _asked_unanswered(asks: list[int], answers: list[int], pos: int) -> bool:
    """A question cue comes before ``pos`` with no answer cue between the latest one and ``pos``
    ("sought an assurance that they would be deployed": asked for, not promised)."""
    i = bisect.bisect_left(asks, pos)
    if i == 0:
        return False
    j = bisect.bisect_right(answers, asks[i - 1])
    return not (j < len(answers) and answers[j] < pos)

class EventFinder(DecisionRules, ProgressRules):
    def __init__(self, text: str, mentions: list[Mention]):
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.by_start: dict[int, Mention] = {}
        for m in reversed(mentions):  # the first mention starting at a position wins
            self.by_start[m.start] = m
        self.subjects = SubjectFinder(text, quoted_speech(text, mentions))
        self.events: list[RawEvent] = []
        self.last_question: dict[int, int] = {}
        self.answered_since_question: dict[int, set[str]] = {}  # who answered the item's last question
        self.last_speaker: dict[int, str | None] = {}  # by item: who gave its latest answer
        self.status_intro: str | None = None
        self.procedural_items: list[bool] = []  # by item: a procedural item gives no events
        self.answer_intro: tuple[int, Mention | None] | None = None
        self.front: list[tuple[int, int]] = []
        self.question_list: tuple[int, Mention | None] | None = None  # (item, asker) of a list of questions
        self.unreplied: tuple[int, int, int, Mention | None] | None = None  # a member's last point, if it asked nothing
        self.procedural = False
        self.current_item = 0

    # -- units -------------------------------------------------------------------------
    def agenda_front_matter(self, items: list[tuple[int, int]]) -> None:
        """An item with a "Minutes:" line (ModernGov's layout) opens with the agenda's own
        description of it ("To receive a quarterly report ...", "A verbal update will be
        provided ..."): what was planned, not what happened, so no events come from it."""
        self.front = [(start, m.start()) for start, end in items
                      if (m := MINUTES_LINE.search(self.text, start, end)) and m.start() - start <= FRONT_MAX]

    def unit(self, unit: Unit, unit_mentions: list[Mention]) -> None:
        if self._in_front_matter(unit.start):
            return
        span = self.text[unit.start:unit.end]
        self.procedural = unit.item < len(self.procedural_items) and self.procedural_items[unit.item]
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

    def _in_front_matter(self, pos: int) -> bool:
        """Whether ``pos`` lies in an item's front matter (spans in order, one per item)."""
        i = bisect.bisect_right(self.front, pos, key=lambda span: span[0])
        return i > 0 and pos < self.front[i - 1][1]

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
        if self.procedural or prechecks.found(cues.PROCEDURAL, quote):
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
        self._question_list(unit, clause, quote, framing, emitted)
        self._remember_point(unit, clause, subject, emitted)

    def _remember_point(self, unit: Unit, clause: Clause, subject: Mention | None, emitted: set[str]) -> None:
        """A named member's sentence that asks nothing in words ("Mr Y referred to the cuts and
        what their impact would have been") is a question when the next sentence replies to it."""
        if subject is None:  # a sentence with no cue has no subject worked out: its opening name
            lead = BULLET_LEAD.match(self.text, clause.start)
            subject = self._mention_at(lead.end() if lead else clause.start)
        named_member = subject is not None and subject.type == "Person" and side(subject) in ("member", "person")
        point = self.unreplied
        if named_member and not emitted:
            self.unreplied = (unit.item, clause.start, clause.end, subject)
        elif point is not None and subject is None and not emitted and unit.start <= point[1]:
            self.unreplied = (point[0], point[1], clause.end, point[3])  # "... and what they would mean"
        else:
            self.unreplied = None

    def _question_list(self, unit: Unit, clause: Clause, quote: str, framing: bool, emitted: set[str]) -> None:
        """"The Panel discussed:" and a list of lines ending "?": each line a question, asked by
        whoever the line introducing the list names (or nobody)."""
        if framing and quote.rstrip().endswith(":") and QUESTION_LIST.search(quote):
            first = next(iter(self.mentions_between(clause.start, clause.end)), None)
            self.question_list = (unit.item, first if first is not None and side(first) != "officer" else None)
        elif quote.rstrip().endswith("?") and self.question_list and self.question_list[0] == unit.item:
            if "Question" not in emitted:
                ev = RawEvent("Question", clause.start, clause.end, unit.item)
                ev.actor = self.question_list[1]
                self._asked(unit.item)
                self.events.append(ev)
        elif emitted or NARRATIVE.match(quote):
            self.question_list = None  # the record goes on: "The Chief Constable explained ..."

    def _agentless(self, unit: Unit, clause: Clause, quote: str, framing: bool) -> None:
        """A deliverable with no named doer: "further information would be circulated",
        "requested that a report be brought back": a commitment whose owner is null, or the
        officer a member's request was put to.  Said in an answer, it still names no doer
        ("the Commissioner advised that the response would be submitted"): null, never a guess."""
        asks = sorted(c.start for c in clause.cues if c.kind in ("question", "passive_question"))
        answered = sorted(c.start for c in clause.cues if c.kind in ("answer", "passive_answer"))
        for cue in clause.cues:
            if cue.kind not in ("future_passive", "request", "referral") or framing or self._hypothetical(clause, cue):
                continue
            if cue.kind == "future_passive" and _asked_unanswered(asks, answered, cue.start):
                continue  # "sought an assurance that they would be deployed": asked for, not promised
            if cue.kind == "future_passive" and not self._firm_passive(cue, clause):
                continue
            if cue.kind == "request" and self._asks_to_know(cue, clause):
                continue  # "asked for further information on X": a question, nothing to deliver later
            owner = self._request_addressee(clause, cue) if cue.kind == "request" else \
                self._referred_to(cue) if cue.kind == "referral" else None
            self._emit("Commitment", unit, clause, cue, owner)
            return

    def _plural(self, who: Mention) -> bool:
        return self.text[who.start:who.end].lower().startswith("members")

    def _hypothetical(self, clause: Clause, cue) -> bool:
        """Asked whether it could be done, or only if something happens: not an undertaking.
        (Each question reads the clause once for all its cues, not once per cue.)"""
        if cue.kind in ("request", "referral"):
            return False
        if any(clause.earlier(self.text, p, cue.start) for p in (cues.EMBEDDED_QUESTION, cues.CONDITION, cues.HEDGE)):
            return True
        if self._after_relative(clause, cue):
            return True  # "the items that were to be considered": a description, not a promise
        # "if ..., he would raise it": a conditional undertaking still binds its named doer
        return cue.kind != "would_do" and clause.earlier(self.text, CONDITIONAL_IF, cue.start)

    def _after_relative(self, clause: Clause, cue) -> bool:
        """RELATIVE_BE, or RELATIVE before a cue that opens with a form of "be", ends the text
        before the cue."""
        words = last_words(self.text, clause.start, cue.start, 2)
        if len(words) == 2 and words[0][0] in BE_FORMS and words[1][0] in RELATIVES and words[1][1] > 0:
            return True
        return bool(words) and cue.verb.split()[0] in BE_FORMS and words[0][0] in RELATIVES | {"whereby"}

    def _firm_passive(self, cue, clause: Clause) -> bool:
        """"would/will/shall be done" is firm; "could/should be done" only with a recipient or a due date."""
        if cue.verb.split()[0] in ("would", "will", "shall", "is", "are", "was", "were"):
            return True
        return clause.later(self.text, cues.DUE, cue.start) or clause.later(self.text, RECIPIENT, cue.start)

    def _asks_to_know(self, cue, clause: Clause) -> bool:
        return INFORMATION_ASKED.search(self.text, cue.start, cue.end) is not None and \
            due_phrase(self.text[cue.start:clause.end]) is None

    def _referred_to(self, cue) -> Mention | None:
        inside = self.mentions_between(cue.start, cue.end)
        return inside[0] if inside else None

    def _request_addressee(self, clause: Clause, cue) -> Mention | None:
        """"A member thanked the Commissioner ... and requested that ...": the officer asked."""
        officers = [m for m in self.mentions_between(clause.start, cue.start)
                    if m.side == "officer" and m.type in ("Person", "Role")]
        return officers[-1] if officers else None

    def _puts_a_point(self, who, cue) -> bool:
        """A named member who "noted that ..." puts a point; "noted the report" only takes note."""
        return who.type == "Person" and THAT.match(self.text, cue.end) is not None

    def _event_for(self, cue, who, quote, clause, framing) -> str | None:
        k = cue.kind
        if k == "question" and cue.verb in ("asked", "requested") and side(who) == "officer":
            return "Commitment" if self._asks_other(cue, clause) else None
        if k == "question" and PASSIVE_BEFORE.search(self.text, max(clause.start, cue.start - 10), cue.start):
            return None  # "questions to be asked", "The Committee is asked to note": no one asks here
        if k == "question":
            telegraphic = cue.verb[:1].isupper() and \
                BULLET_LEAD.fullmatch(self.text, clause.start, cue.start) is not None
            put = SUBMITTED.match(cue.verb) is not None  # "Mr Y had submitted the following question:"
            if (who is None and not telegraphic) or side(who) == "officer" or (framing and not put):
                return None
            return "Challenge" if cue.verb.split()[0] in cues.CHALLENGE_VERBS else "Question"
        if k == "passive_question":  # a question received is introduced by a colon, like a list
            return None if framing and not RECEIVED.match(cue.verb) else "Question"
        if k == "folded_question":
            return "Question"
        if k == "member_says":
            if who is None or side(who) != "member" or who.type == "Body" or framing or \
                    cues.POSITIVE_STANCE.match(self.text, cue.end, clause.end) or \
                    (cue.verb == "noted" and self._plural(who)):
                return None  # "Members noted that ...": the Panel takes note, it does not ask
            if cue.verb in ("noted", "indicated") and not (clause.later(self.text, cues.SHORTFALL, cue.end) or
                                                          clause.later(self.text, cues.NEGATIVE_STANCE, cue.end) or
                                                          self._puts_a_point(who, cue)):
                return None  # "Councillor Ahmed noted the report": taking note, no point put
            return "Challenge" if clause.later(self.text, cues.NEGATIVE_STANCE, cue.end) else "Question"
        if k == "ask_other":  # "asked the Commissioner to meet ...": work put on the one asked
            return "Commitment" if self._asks_other(cue, clause) else None
        if k in ("answer", "stance"):
            rules = who is not None and who.type == "Role" and "chair" in who.name.lower() and \
                REPLY_VERB.fullmatch(cue.verb) is not None  # the Chair answers for the Panel
            if who is None or (side(who) == "member" and not rules):
                return None
            if k == "answer" and cue.verb in ("agreed",) and not THAT_AFTER.match(self.text, cue.end, clause.end):
                return None
            if k == "answer" and not cues.STRONG_VERB.fullmatch(cue.verb) and \
                    self.last_question.get(self.current_item) is None and not self._goes_on_answering(cue, who):
                return None  # "The Commissioner noted that ...", unprompted: an announcement
            if k == "answer" and not cues.STRONG_VERB.fullmatch(cue.verb) and side(who) == "person" and \
                    self._answered_by_other(who):
                return None  # "Mr Fousert noted that ..." after the Commissioner answered: a new point
            return "Answer"  # "confirmed that he would write": the would-cue adds the commitment
        if k == "passive_answer":
            return "Answer"
        if k == "asked_to" and self._first_question(clause) is not None:
            return None  # a member asking whether someone could be asked to act: no undertaking
        if k in ("undertake", "asked_to", "intention"):
            return "Commitment"
        if k == "would_do" and cue.verb.startswith("should") and side(cue.subject) == "member":
            return None  # "Members should contact his office": advice to the asking side
        if k == "would_do":
            coordinated = self._coordinated(clause, cue)
            if cue.subject is None or not (cue.explicit or coordinated) or self._hypothetical(clause, cue) or \
                    self._question_before(clause, cue.start):
                return None
            return "Commitment"
        return None

    @staticmethod
    def _first_question(clause: Clause) -> int | None:
        """Where the clause's first question cue starts (worked out once per clause)."""
        if "first_question" not in clause.scans:
            clause.scans["first_question"] = min((c.start for c in clause.cues if c.kind == "question"), default=None)
        return clause.scans["first_question"]

    def _question_before(self, clause: Clause, pos: int) -> bool:
        first = self._first_question(clause)
        return first is not None and first < pos

    def _coordinated(self, clause: Clause, cue) -> bool:
        """COORDINATED ends the text before the cue: "... and (then) would"."""
        words = last_words(self.text, clause.start, cue.start, 2)
        if not words or words[0][1] == 0:
            return False
        if words[0][0] == "then":
            return len(words) == 2 and words[1][0] in CONJUNCTIONS and words[1][1] > 0
        return words[0][0] in CONJUNCTIONS

    def _goes_on_answering(self, cue, who: Mention) -> bool:
        """"He added that ...": ``who`` gave the item's latest answer, and "added" goes on with it
        (a "noted" may start a presentation's next point, not carry on an answer)."""
        return cue.verb == "added" and self.last_speaker.get(self.current_item) == who.name

    def _answered_by_other(self, who: Mention) -> bool:
        """The item's last question has its answer, from someone other than ``who``."""
        speakers = self.answered_since_question.get(self.current_item, set())
        return bool(speakers) and who.name not in speakers

    def _asks_other(self, cue, clause) -> bool:
        """The one asked is named and an act follows: "X to meet", or "that X provide"."""
        target = self._asked_one(cue, clause)
        if target is None or (target.type == "Role" and target.side != "member"
                              and self.text[target.start:target.end].endswith("s")):
            return False  # "had encouraged PCCs to ...": offices in general, nobody's work
        if cue.verb in EXHORT and target.side == "member":
            return False  # "urged Panel Members to ensure ...": members exhorting members, nothing owed
        if THAT.match(self.text, cue.end, target.start):
            return cues.BASE_VERB.match(self.text, target.end, clause.end) is not None and \
                TO_VERB.match(self.text, target.end, clause.end) is None
        return TO_VERB.match(self.text, target.end, clause.end) is not None

    def _asked_one(self, cue, clause) -> Mention | None:
        m = LEADING_THAT_THE.match(self.text, cue.end, clause.end)
        return self._mention_at(m.end() if m else cue.end)

    def _emit(self, kind, unit, clause, cue, who) -> None:
        quote = self.text[clause.start:clause.end]
        ev = RawEvent(kind, clause.start, clause.end, unit.item)
        if kind in ("Question", "Challenge"):
            ev.actor = self._passive_agent(cue, clause) if cue.kind == "passive_question" else \
                self._folded_asker(cue) if cue.kind == "folded_question" else who
            if ev.actor is not None and ev.actor.name == PUBLIC:
                ev.actor = None  # an unnamed member of the public is nobody the graph can name
            ev.addressee = self._addressee(cue, clause)
            self._asked(unit.item)
        elif kind == "Answer":
            self._replied_to(unit, cue)
            ev.actor = None if cue.kind == "passive_answer" else who
            ev.links["answers"] = self.last_question.get(unit.item)
            self.answered_since_question.setdefault(unit.item, set()).add(ev.actor.name if ev.actor else "")
            self.last_speaker[unit.item] = ev.actor.name if ev.actor else None
        else:
            ev.actor, owed_to = self._owner(cue, clause, who)
            ev.addressee = owed_to
            ev.due = due_phrase(quote)
            ev.links["arises_from"] = self.last_question.get(unit.item)
        self.events.append(ev)

    def _replied_to(self, unit: Unit, cue) -> None:
        """"The Chief Constable replied that ...": the member's point just before was a question."""
        point, self.unreplied = self.unreplied, None
        if point is not None and point[0] == unit.item and REPLY_VERB.fullmatch(cue.verb):
            self._asked(unit.item)
            self.events.append(RawEvent("Question", point[1], point[2], unit.item, point[3]))

    def _asked(self, item: int) -> None:
        """The next event is the item's latest question; nobody has answered it yet."""
        self.last_question[item] = len(self.events)
        self.answered_since_question[item] = set()
        self.last_speaker[item] = None

    def _owner(self, cue, clause, who):
        if cue.kind in ("ask_other", "question"):
            return self._asked_one(cue, clause), who
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
        if self.text[cue.start:cue.end].rstrip().endswith(("by", "from")):
            return self._mention_at(cue.end) or self._mention_at(cue.end + 1)
        return None

    def _addressee(self, cue, clause):
        m = LEADING_OF_THE.match(self.text, cue.end, clause.end)
        target = self._mention_at(m.end() if m else cue.end)
        return target if target is not None and target.side != "member" else None

