"""Who is the subject of a cue: the actor just before it, a pronoun, a speaker label, or nobody.

A sentence is cut into clauses where a later cue has its own named subject
("Councillor Boyes raised ..., the Finance Officer confirmed ..."), so each
event's quote is the words that state it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrutiny.loaders import cues
from scrutiny.loaders.mentions import Mention


@dataclass
class Cue:
    kind: str  # question, answer, stance, intention, undertake, asked_to, ask_other, would_do,
    #            passive_question, passive_answer, deliverable, future_passive
    start: int
    end: int
    verb: str = ""
    subject: Mention | None = None
    explicit: bool = False  # the subject is named right before the cue in this sentence


@dataclass
class Clause:
    start: int
    end: int
    subject: Mention | None
    cues: list[Cue] = field(default_factory=list)


PRIMARY = [
    ("question", cues.QUESTION), ("answer", cues.ANSWER), ("stance", cues.STANCE),
    ("undertake", cues.UNDERTAKE), ("asked_to", cues.ASKED_TO), ("ask_other", cues.ASK_OTHER),
    ("would_do", cues.WOULD_DO), ("passive_question", cues.PASSIVE_QUESTION),
    ("passive_answer", cues.PASSIVE_ANSWER), ("intention", cues.INTENTION),
]
SECONDARY = [("deliverable", cues.DELIVERABLE), ("future_passive", cues.FUTURE_PASSIVE)]


def find_cues(text: str, start: int, end: int, patterns) -> list[Cue]:
    found = []
    for kind, pattern in patterns:
        for m in pattern.finditer(text, start, end):
            verb = (m.groupdict().get("verb") or m.groupdict().get("weak") or m.group(0)).lower()
            found.append(Cue(kind, m.start(), m.end(), verb))
    found.sort(key=lambda c: (c.start, c.kind))
    kept: list[Cue] = []
    for cue in found:  # "asked to" inside "had been asked to": the longer reading wins
        if kept and cue.start < kept[-1].end and cue.kind == "question" and kept[-1].kind == "asked_to":
            continue
        if kept and cue.start < kept[-1].end and kept[-1].kind == "question" and cue.kind == "ask_other":
            kept[-1] = cue
            continue
        kept.append(cue)
    return kept


class SubjectFinder:
    """Remembers the last person who spoke, for "He"/"She", and the current speaker label."""

    def __init__(self, text: str):
        self.text = text
        self.last_person: Mention | None = None
        self.label: Mention | None = None

    def subject(self, unit_start: int, pos: int, mentions: list[Mention]) -> tuple[Mention | None, bool]:
        before = [m for m in mentions if unit_start <= m.start and m.end <= pos]
        if before:
            m = before[-1]
            if cues.SUBJECT_FILLER.match(self.text[m.end:pos]):
                return self._apposition(before), True
        head = self.text[unit_start:pos]
        if cues.PRONOUN.search(head) and self.last_person:
            return self.last_person, True
        if not head.strip() and self.label:
            return self.label, True
        if before and self._opens_sentence(unit_start, before[0]) and \
                re.match(r"\s+(?:also\s+)?\w+ed\b", self.text[before[0].end:]):
            return before[0], False  # "The Officer appreciated ... but stated that": same subject
        return None, False

    def _opens_sentence(self, unit_start: int, m: Mention) -> bool:
        return re.fullmatch(r"\s*(?:the|The|In response,?|In reply,?)?\s*", self.text[unit_start:m.start]) is not None

    def _apposition(self, before: list[Mention]) -> Mention:
        """"Dr. Billings, Police and Crime Commissioner, presented": the person speaks."""
        m = before[-1]
        if m.type == "Role" and len(before) > 1 and before[-2].type == "Person":
            if re.fullmatch(r"\s*,\s*(?:the\s+)?", self.text[before[-2].end:m.start]):
                return before[-2]
        return m

    def remember(self, subject: Mention | None) -> None:
        if subject is not None and subject.type == "Person":
            self.last_person = subject


def clauses(text: str, start: int, end: int, mentions: list[Mention],
            finder: SubjectFinder) -> list[Clause]:
    """Split one sentence at cues whose named subject comes after the previous cue."""
    primary = find_cues(text, start, end, PRIMARY)
    for cue in primary:
        cue.subject, cue.explicit = finder.subject(start, cue.start, mentions)
    result = [Clause(start, end, None)]
    for cue in primary:
        current = result[-1]
        if cue.explicit and cue.subject and cue.subject.start > current.start and current.cues \
                and cue.subject is not current.subject:
            cut = cue.subject.start
            article = re.search(r"\b(?:the|The)\s+$", text[max(start, cut - 6):cut])
            cut -= len(article.group(0)) if article else 0  # "..., the Finance Officer confirmed"
            current.end = _rstrip(text, current.start, cut)
            result.append(Clause(cut, end, None))
            current = result[-1]
        current.cues.append(cue)
        if current.subject is None and cue.subject is not None:
            current.subject = cue.subject
        finder.remember(cue.subject)
    for clause in result:
        clause.cues += find_cues(text, clause.start, clause.end, SECONDARY)
    return [c for c in result if c.end > c.start]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;–-"):
        end -= 1
    return end
