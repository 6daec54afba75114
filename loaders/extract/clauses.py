"""Who is the subject of a cue: the actor just before it, a pronoun, a speaker label, or nobody.

A sentence is cut into clauses where a later cue has its own named subject
("Councillor Boyes raised ..., the Finance Officer confirmed ..."), so each
event's quote is the words that state it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from scrutiny.loaders.extract import cues, prechecks
from scrutiny.loaders.extract.mentions import Mention
from scrutiny.loaders.extract.scan import Earlier, Forward, ends_with


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
    scans: dict = field(default_factory=dict, repr=False, compare=False)  # by pattern, made once

    def earlier(self, text: str, pattern: re.Pattern, pos: int) -> bool:
        """Whether ``pattern`` matches in ``text[self.start:pos]`` (``pos`` a word start)."""
        if (scan := self.scans.get(("earlier", pattern))) is None:
            scan = self.scans[("earlier", pattern)] = Earlier(pattern, text[self.start:self.end])
        return scan.before(pos - self.start)

    def later(self, text: str, pattern: re.Pattern, pos: int) -> bool:
        """Whether ``pattern`` matches in ``text[pos:self.end]``, positions asked in order."""
        if (scan := self.scans.get(("later", pattern))) is None:
            scan = self.scans[("later", pattern)] = Forward(pattern, text[self.start:self.end])
        return scan.search(pos - self.start) is not None


PRIMARY = [
    ("question", cues.QUESTION), ("answer", cues.ANSWER), ("stance", cues.STANCE),
    ("undertake", cues.UNDERTAKE), ("asked_to", cues.ASKED_TO), ("ask_other", cues.ASK_OTHER),
    ("would_do", cues.WOULD_DO), ("passive_question", cues.PASSIVE_QUESTION),
    ("passive_answer", cues.PASSIVE_ANSWER), ("intention", cues.INTENTION),
    ("member_says", cues.MEMBER_SAYS), ("folded_question", cues.FOLDED_QUESTION),
]
SECONDARY = [("future_passive", cues.FUTURE_PASSIVE), ("request", cues.REQUEST), ("referral", cues.REFERRAL)]


WEAK = [("weak_answer", cues.ANSWER_WEAK_ANY)]
ALL_FAMILIES = PRIMARY + SECONDARY + WEAK


def _verb(m: re.Match) -> str:
    return (m.groupdict().get("verb") or m.groupdict().get("weak") or m.group(0)).lower()


def possible(low: str) -> set[str]:
    """The cue kinds a sentence could hold: those whose pre-check stems occur in it (``low``
    is its ``prechecks.lowered`` form).  Worked out once per sentence, for all its clauses."""
    return {kind for kind, pattern in ALL_FAMILIES if prechecks.could_match(pattern, low)}


def find_cues(text: str, start: int, end: int, patterns, kinds: set[str]) -> list[Cue]:
    """Cues of the given patterns in text[start:end], of the ``kinds`` the sentence could hold."""
    found = [Cue(kind, m.start(), m.end(), _verb(m)) for kind, pattern in patterns
             if kind in kinds for m in pattern.finditer(text, start, end)]
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


# A finite verb right after a noun phrase makes it a clause's subject: "the Commissioner
# thanked ... and confirmed", "that the Commissioner was considering ... and would bring".
FINITE_AFTER = re.compile(
    r"\s*(?:,[^,]{1,60},\s*)?(?:(?:also|then|further|subsequently|again|however|had|has|have|"
    r"was|were|is|are|would|will|could|had\s+also)\s+)*(?:[a-z]+ed|said|felt|thought|told|"
    r"gave|made|took|sought|undertook|knew|understood|was|were|had|has|would|will|set|put|"
    r"went|spoke|wrote|met|led|noted|agreed)\b")
CLAUSE_OPENING = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|but|while|whilst|that|when|where|whereas|although|as)\s+)"
    r"(?:(?:In\s+(?:response|reply|answer)|Responding|Replying)[^,]{0,80},\s*)?(?:the\s+|The\s+)?$")
PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he)\b(?=" + FINITE_AFTER.pattern + ")")


# Quoted speech: "The Commissioner's statement was as follows: “... I will ...": who opened the
# quote speaks its "I" and "we".
QUOTE_OPENS = re.compile(r":\s*[‘“\"']")
QUOTE_CLOSES = re.compile(r"[’”\"'](?=\s*(?:\n|$))|[’”\"']\s*\n\s*\n")
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\s+(?:(?:also|then|have|had|am|are|can|shall|will|would)\s+)*$")
# The same two tails as words, read back from a cue (``scan.ends_with``): the patterns above say
# what they are, these are how they are checked.
PRONOUN_WORDS = frozenset({"He", "She", "he", "she"}), frozenset({"also", "further", "then", "had", "subsequently"})
FIRST_PERSON_WORDS = frozenset({"I", "We", "we"}), frozenset({"also", "then", "have", "had", "am", "are", "can",
                                                             "shall", "will", "would"})


def quoted_speech(text: str, mentions: list[Mention]) -> list[tuple[int, int, Mention]]:
    """(start, end, speaker) of each quotation opened after an actor and a colon."""
    found = []
    closes = Forward(QUOTE_CLOSES, text)
    for m in QUOTE_OPENS.finditer(text):
        speaker = _last_actor_before(mentions, m.start() - 300, m.start())
        if speaker is None or "." in text[speaker.end:m.start()]:
            continue  # the speaker must be named in the sentence that opens the quote
        close = closes.search(m.end())
        found.append((m.end(), close.start() if close else len(text), speaker))
    return found


def _last_actor_before(mentions: list[Mention], lowest: int, pos: int) -> Mention | None:
    """The last person or office of ``mentions`` (sorted by start) inside ``[lowest, pos)``:
    found by bisection and read back over the window only."""
    i = bisect.bisect_left(mentions, pos, key=lambda x: x.start)
    while i > 0 and mentions[i - 1].start >= lowest:
        i -= 1
        if mentions[i].end <= pos and mentions[i].type in ("Person", "Role"):
            return mentions[i]
    return None


class SubjectFinder:
    """Who a cue's verb belongs to: the actor named just before it, the subject of its
    clause (coordinated verbs share it), "He"/"She" for the last actor spoken of, or the
    current speaker label."""

    def __init__(self, text: str, quotes: list[tuple[int, int, Mention]] | None = None):
        self.text = text
        self.last_actor: Mention | None = None
        self.label: Mention | None = None
        self.quotes = quotes or []

    def subject(self, unit_start: int, pos: int, mentions: list[Mention]) -> tuple[Mention | None, bool]:
        before = _nearest_before(mentions, unit_start, pos)
        if before:
            m = before[-1]
            if cues.SUBJECT_FILLER.fullmatch(self.text, m.end, pos):
                # a relative binds to the nearest noun phrase, governed or not ("referred to the IOPC, who")
                if RELATIVE.search(self.text, m.end, pos) or not self._governed(unit_start, m):
                    return self._apposition(before), True
                if (governing := self._head_of(unit_start, before)) is not None:
                    return governing, True
        if self.last_actor and ends_with(self.text, unit_start, pos, *PRONOUN_WORDS):
            return self.last_actor, True
        if ends_with(self.text, unit_start, pos, *FIRST_PERSON_WORDS) and (speaker := self._quoting(pos)):
            return speaker, True
        if self.label and not NON_SPACE.search(self.text, unit_start, pos):
            return self.label, True
        found = self._clause_subject(unit_start, pos, before)
        return (found if found is not None else self.label), False

    def _governed(self, unit_start: int, m: Mention) -> bool:
        """A mention after a preposition is no subject: in "Her appointment as Deputy Chair would
        provide continuity" nobody undertakes anything."""
        return bool(GOVERNED.search(self.text, max(unit_start, m.start - 30), m.start))

    def _head_of(self, unit_start: int, before: list[Mention]) -> Mention | None:
        """"The Chief Executive of the OPCC would": the phrase's head, the actor the preposition
        hangs off, when the two are next to each other and the head is itself no object."""
        if len(before) < 2:
            return None
        head, tail = before[-2], before[-1]
        if OF_PHRASE.fullmatch(self.text, head.end, tail.start) and not self._governed(unit_start, head):
            return self._apposition(before[:-1])
        return None

    def _quoting(self, pos: int) -> Mention | None:
        return next((who for start, end, who in self.quotes if start <= pos < end), None)

    def _clause_subject(self, unit_start: int, pos: int, before: list[Mention]) -> Mention | None:
        """The nearest noun phrase or pronoun before ``pos`` that heads a clause."""
        pronoun = None
        for p in PRONOUN_SUBJECT.finditer(self.text, max(unit_start, pos - 400), pos):
            pronoun = p
        first = max(0, len(before) - NEAREST)
        for i in range(len(before) - 1, first - 1, -1):
            m = before[i]
            if pronoun and pronoun.start() > m.end:
                break
            if CLAUSE_OPENING.search(self._opening(unit_start, m.start)) and FINITE_AFTER.match(self.text, m.end):
                return self._apposition(before[:i + 1])
        return self.last_actor if pronoun else None

    def _opening(self, unit_start: int, pos: int) -> str:
        """The words before a mention, at most ``OPENING`` characters: the work per mention is
        bounded whatever the sentence's length.  A cut window cannot pass for a sentence start."""
        if pos - unit_start <= OPENING:
            return self.text[unit_start:pos]
        return "\x00" + self.text[pos - OPENING:pos]

    def _apposition(self, before: list[Mention]) -> Mention:
        """"Dr. Billings, Police and Crime Commissioner, presented": the person speaks; and
        "Nicola Calway from the OPCC, who provided": the person, not the body she is from."""
        m = before[-1]
        if m.type == "Body" and len(before) > 1 and before[-2].type == "Person" and \
                FROM_BODY.fullmatch(self.text, before[-2].end, m.start):
            return before[-2]
        if m.type == "Role" and len(before) > 1 and before[-2].type == "Person":
            if re.fullmatch(r"\s*,\s*(?:the\s+)?", self.text[before[-2].end:m.start]):
                return before[-2]
        return m

    def sentence_subject(self, start: int, mentions: list[Mention]) -> Mention | None:
        """The actor a sentence opens with ("The Commissioner introduced the report"), so that
        the next sentence's "He" can refer to it even when no cue named it."""
        first = next((m for m in mentions if m.start >= start), None)
        opening = self.text[start:first.start] if first is not None else ""
        if first is None or not SENTENCE_OPENING.fullmatch(opening):
            return None
        return first if FINITE_AFTER.match(self.text, first.end) else None

    def remember(self, subject: Mention | None) -> None:
        """He/She refer back to one actor: a person or an office, never a body or "Members"."""
        if subject is not None and subject.type in ("Person", "Role") and \
                subject.name not in PLURAL_ACTORS:
            self.last_actor = subject


PLURAL_ACTORS = {"Panel Member"}
GOVERNED = re.compile(r"\b(?:as|of|for|to|with|about|into|under|within|towards|regarding|concerning)\s+"
                      r"(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:(?:Deputy|Vice|Acting|Interim)\s+)?$")
RELATIVE = re.compile(r"\b(?:who|which)\b", re.I)
# Possessive: a long run of spaces between two names is read once, not once per split of it.
OF_PHRASE = re.compile(r"\s*+(?:,\s*+)?(?:of|from|at|for|to)\s++(?:the\s+)?")
FROM_BODY = re.compile(r"\s*+(?:,\s*+)?(?:from|of|at)\s++(?:the\s+)?")
SENTENCE_OPENING = re.compile(r"\s*+(?:[\d.()a-z]{1,4}\s++)?(?:the|The)?\s*+")
NON_SPACE = re.compile(r"\S")
NEAREST = 8  # noun phrases looked at, nearest first, for a clause's subject
TAIL = NEAREST + 2  # the mentions before a cue that any rule reads (an apposition looks one further)


def _nearest_before(mentions: list[Mention], start: int, pos: int) -> list[Mention]:
    """The last ``TAIL`` mentions (sorted by start) inside ``[start, pos)``, in order: found by
    bisection, so a cue late in a long sentence does not read every mention before it."""
    i = bisect.bisect_left(mentions, pos, key=lambda m: m.start)
    found: list[Mention] = []
    while i > 0 and len(found) < TAIL and mentions[i - 1].start >= start:
        i -= 1
        if mentions[i].end <= pos:
            found.append(mentions[i])
    return found[::-1]
OPENING = 120  # characters before one: the longest clause opening ("In response to ..., the")


def _either_side(cue: Cue) -> bool:
    """"noted", "indicated": a member's point or an officer's answer, as the subject decides."""
    return cue.kind == "member_says" and cue.verb in ("noted", "indicated")


def clauses(text: str, start: int, end: int, mentions: list[Mention],
            finder: SubjectFinder) -> list[Clause]:
    """Split one sentence at cues whose named subject comes after the previous cue."""
    low = prechecks.lowered(text[start:end])
    kinds = possible(low)
    primary = find_cues(text, start, end, PRIMARY, kinds)
    blocking = [p for p in primary if not _either_side(p)]  # "noted" leaves room for an officer's answer
    ends = list(itertools.accumulate((p.end for p in blocking), max))
    weak = [c for c in find_cues(text, start, end, WEAK, kinds) if not _overlaps_any(c, blocking, ends)]
    primary = sorted(primary + weak, key=lambda c: c.start)
    for cue in primary:  # in order, so that "he" refers to the subject of the verb before it
        cue.subject, cue.explicit = finder.subject(start, cue.start, mentions)
        finder.remember(cue.subject)
    # "Deputy Chief Constable Irvine noted changes ...": a named officer's weak verb, no "that"
    primary = [c for c in primary if c.kind != "weak_answer" or (
        c.explicit and c.subject is not None and c.subject.side == "officer")]
    for cue in primary:
        if cue.kind == "weak_answer":
            cue.kind = "answer"
    result = [Clause(start, end, None)]
    for cue in primary:
        current = result[-1]
        if cue.explicit and cue.subject and cue.subject.start > current.start and current.cues \
                and not _complement(text, start, cue.subject.start) \
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
    for clause in result:
        clause.cues += find_cues(text, clause.start, clause.end, SECONDARY, kinds)
    finder.remember(finder.sentence_subject(start, mentions))
    return [c for c in result if c.end > c.start]


def _overlaps_any(cue: Cue, ordered: list[Cue], ends: list[int]) -> bool:
    """Whether ``cue`` overlaps one of ``ordered`` (sorted by start; ``ends`` their running
    maximum end): the furthest end among those starting before ``cue`` ends."""
    i = bisect.bisect_left(ordered, cue.end, key=lambda c: c.start)
    return i > 0 and ends[i - 1] > cue.start


def _complement(text: str, start: int, pos: int) -> bool:
    """"confirmed that the Chief Constable had agreed to ...": the subject of a reported
    clause stays inside the clause that reports it."""
    return re.search(r"\bthat\s+(?:the\s+)?$", text[max(start, pos - 10):pos]) is not None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;–-"):
        end -= 1
    return end
