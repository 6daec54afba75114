"""People named without an honorific: attendance lists, initials, keyed initials.

Minutes name people in three ways no honorific pattern sees:
- an attendance list entry with its key, "Melvyn Neate (MN) Chair", after which the
  minutes write "MN raised ..." (the key resolves through the same document's list);
- an initial and a surname, "C Irvine noted", "M Buttery, S Abbott and F Topliss";
- a full name opening a sentence before a verb, "Mags Godderidge notified that ...".
``with_bare_names`` adds all three to the mentions the other patterns found.
Which side a listed person sits on follows the list heading ("Committee Members:" or
"Present:" is the asking side; "In Attendance:" or "Officers:" the answering side).
Pure functions over text; ``mentions`` drops any candidate that overlaps a lexicon phrase.
"""

from __future__ import annotations

import bisect
import re

from scrutiny.loaders.extract import anchored
from scrutiny.loaders.extract.lexicon import lexicons
from scrutiny.loaders.extract.mentions import NOT_NAMES, Mention
from scrutiny.loaders.extract.scan import Covered

# "McCarthy", "O’Keefe", "Shaw-Wright", "Zoë": a capital, then letters that may hold one more.
WORD = r"(?:Mc|Mac|O['’])?[A-ZÀ-Ý][a-zà-ÿ]+(?:['’\-][A-ZÀ-Ý][a-zà-ÿ]+)?"
KEYED = re.compile(rf"\b(?P<name>{WORD}(?:[ \t]+{WORD}){{1,2}})[ \t]*\((?P<key>[A-Z][A-Za-z]{{1,3}})\)")
INITIAL_NAME = re.compile(rf"(?<![\w.])(?!(?:II|III|IV|VI|VII|VIII|IX)[ \t])"  # "Elizabeth II Court"
                          rf"(?P<init>(?:[A-Z]\.?[ \t]?){{1,2}})[ \t]?(?P<surname>{WORD})\b"
                          r"(?![ \t]+[A-Z][a-z])")
FULL_NAME_SUBJECT = re.compile(
    rf"(?:^|(?<=[.:]\s)|(?<=\n))(?P<name>{WORD}[ \t]+{WORD})(?=[ \t]+(?:also[ \t]+)?(?:[a-z]+ed|said|was|had)\b)", re.M)
# Every label that opens a line of an attendance list sets the side of the names after it:
# "Members:", "Present:" ask; "In Attendance:", "Officers:", "Office of the PCC (OPCC):" answer.
LIST_HEADING = re.compile(r"^[ \t]*(?P<head>[A-Z][^\n:;]{1,80}?)[ \t]*:(?!\d)", re.M)
ASKING_HEADS = re.compile(r"^(?:(?:committee|panel|board|independent|co-opted)\s+)?members?\b|^present\b|"
                          r"^councillors\b|^chair\b", re.I)
NOT_LIST_HEADS = re.compile(r"^(?:minutes|agenda|date|time|venue|location|contact|note|resolved|action|"
                            r"item|decision|recommendation|supporting|additional|media|apologies)", re.I)
NOT_FIRST_NAMES = NOT_NAMES | {"Item", "Minutes", "Agenda", "Date", "Time", "Location", "Venue", "Contact",
                               "Apologies", "Declarations", "Media", "Supporting", "Additional", "Note",
                               "Resolved", "Action", "Actions", "Meeting", "Page", "Present"}


class Sides:
    """Which side of an attendance list each position is on: the list headings, found once."""

    def __init__(self, text: str):
        self.heads = [(m.end(), m["head"].strip()) for m in LIST_HEADING.finditer(text)]
        self.ends = [end for end, _ in self.heads]

    def at(self, pos: int) -> str:
        """The side of the list that holds ``pos``; "person" outside any list."""
        i = bisect.bisect_right(self.ends, pos) - 1
        if i < 0 or pos - self.ends[i] > 1500 or NOT_LIST_HEADS.match(self.heads[i][1]):
            return "person"
        return "member" if ASKING_HEADS.search(self.heads[i][1]) else "officer"


def _plausible(words: list[str]) -> bool:
    return all(w not in NOT_FIRST_NAMES and len(w) > 1 for w in words)


def keyed_people(text: str, sides: Sides) -> tuple[list[Mention], dict[str, Mention]]:
    """"Melvyn Neate (MN)": the person, and the key the minutes then use for them."""
    found: list[Mention] = []
    keys: dict[str, Mention] = {}
    for m in KEYED.finditer(text):
        words = m["name"].split()
        while len(words) > 2 and not _plausible(words):
            words = words[1:]  # "Commissioner Roger Hirst (RH)": the name is the words before the key
        if not _plausible(words):
            continue
        person = Mention(m.end("name") - len(" ".join(words)), m.end("name"), "Person", " ".join(words),
                         sides.at(m.start()), None, words[-1])
        found.append(person)
        keys.setdefault(m["key"], person)
    return found, keys


KEY_WORD = re.compile(r"(?<![\w(])(\w+)(?![\w)])")


def key_references(text: str, keys: dict[str, Mention]) -> list[Mention]:
    """"PL raised that ...": a key of the attendance list, used as a name."""
    if not keys:
        return []
    # A key is a whole word, so each word is looked up, not tried against every key in turn.
    return [Mention(m.start(), m.end(), "Person", keys[m.group(1)].name, keys[m.group(1)].side,
                    None, keys[m.group(1)].surname, surface=m.group(1))
            for m in KEY_WORD.finditer(text) if m.group(1) in keys]


def initial_names(text: str, sides: Sides) -> list[Mention]:
    """"C Irvine", "S. Sahani": an initial and a surname (not "A Member", not "I Am")."""
    found = []
    for m in INITIAL_NAME.finditer(text):
        surname, initials = m["surname"], m["init"].replace(".", "").split()
        if not _plausible([surname]) or len(surname) < 3:
            continue
        if initials in (["A"], ["I"]) and not re.search(r"[,:;(]\s*$|\band\s+$", text[max(0, m.start() - 6):m.start()]):
            continue  # "A Cherryholme" only inside a list; "A Panel" is an article
        found.append(Mention(m.start(), m.end(), "Person", " ".join(m.group(0).split()),
                             sides.at(m.start()), None, surname))
    return found


def subject_names(text: str, sides: Sides) -> list[Mention]:
    """"Mags Godderidge notified that ...": a full name opening a sentence before a verb."""
    found = []
    for m in FULL_NAME_SUBJECT.finditer(text):
        words = m["name"].split()
        if _plausible(words):
            found.append(Mention(m.start("name"), m.end("name"), "Person", " ".join(words),
                                 sides.at(m.start()), None, words[-1]))
    return found


FULL = rf"{WORD}[ \t]+(?:[A-Z]\.?[ \t]+)?{WORD}"
# "Contact: Lynn Harker", "introduced Nicola Calway", "the recently appointed Paul Gibson"
NAMED_BY = re.compile(rf"(?:\b(?:Contact|Author|Clerk|Report\s+author)\s*:\s*|\b(?:introduced|welcomed|thanked|"
                      rf"congratulated|appointed|elected|nominated)\s+(?:back\s+)?|"
                      rf"\b(?:proposed|seconded|moved|chaired|presented|led|given|delivered|accompanied)\s+by\s+)"
                      rf"(?P<name>{FULL})\b(?:[ \t]+and[ \t]+(?P<also>{FULL})\b)?")
# "Clare Killeen, Strategic Policy and Scrutiny Advisor": a name set beside an office
NAME_BEFORE = re.compile(rf"(?P<name>{FULL})(?:,?[ \t]+|[ \t]*\([ \t]*)(?:the[ \t]+|our[ \t]+)?$")
# "Alison Hernandez (Devon and Cornwall Police and Crime Commissioner)": a name, then who they are
NAME_PAREN = re.compile(rf"(?P<name>{FULL})[ \t]*\(")
PAREN_OPEN = re.compile(r"\((?=[A-Z][^()\n]{2,80}\))")
# "the Chief Constable for Lincolnshire, Chris Haward": the office may say where, then the name
# (matched at the office's end, so no "^": with a start position, "^" would never match there)
NAME_AFTER = re.compile(rf"(?:[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:and[ \t]+)?[A-Z][a-z]+){{0,3}}"
                        rf"(?=,))?(?:,|[ \t]+is|[ \t]+was|,[ \t]+currently)?[ \t]+"
                        rf"(?:the[ \t]+recently[ \t]+appointed[ \t]+)?(?P<name>{FULL})\b")
# "Councillors Michael Pavlovic, Tim Grogan and Steve Shaw-Wright"
PLURAL_HONORIFIC = re.compile(rf"\b(?:Councillors|Cllrs)\.?:?[ \t]+"
                              rf"(?P<list>(?:{FULL}|{WORD})(?:(?:,[ \t]*|[ \t]+and[ \t]+)(?:{FULL}))+)")


def _person(m: re.Match, group: str, sides: Sides) -> Mention | None:
    words = m[group].split()
    if not _plausible([words[0], words[-1]]):
        return None
    return Mention(m.start(group), m.end(group), "Person", " ".join(words), sides.at(m.start(group)),
                   None, words[-1])


def named_people(text: str, sides: Sides, offices: list[Mention]) -> list[Mention]:
    """Names that the words around them mark as people: a label, a verb of introducing,
    an office beside them, a plural honorific."""
    found = [p for m in NAMED_BY.finditer(text) for g in ("name", "also")
             if m[g] and (p := _person(m, g, sides))]
    for office in offices:
        m = NAME_BEFORE.search(text, max(0, office.start - 60), office.start)
        # "the South Yorkshire Police and Crime Commissioner": a place, not a person
        if m and m["name"].lower() not in lexicons().force_places:
            found += filter(None, [_person(m, "name", sides)])
        if m := NAME_AFTER.match(text, office.end, office.end + 60):
            found += filter(None, [_person(m, "name", sides)])
    opens = [p.span() for p in PAREN_OPEN.finditer(text)]
    office_starts = [o.start for o in offices]
    for m in anchored.read_back(text, opens, NAME_PAREN, 60, word_end=False):
        inside = text[m.end():text.find(")", m.end())]
        i = bisect.bisect_left(office_starts, m.end())  # offices in order: the first at or after the paren
        if (i < len(offices) and offices[i].end <= m.end() + len(inside)) or \
                re.search(r"\b(?:Police|Council|Commissioner|Constable|Officer|Panel|Committee)\b", inside):
            found += filter(None, [_person(m, "name", sides)])
    for m in PLURAL_HONORIFIC.finditer(text):
        base = m.start("list")
        for part in re.finditer(FULL, m["list"]):
            words = part.group(0).split()
            if _plausible([words[0], words[-1]]):
                found.append(Mention(base + part.start(), base + part.end(), "Person", " ".join(words),
                                     "member", "Councillor", words[-1]))
    return found


def _person_at(people: list[Mention], starts: list[int], person: Mention) -> Mention | None:
    """The first of ``people`` (in order, not overlapping) that holds ``person``'s start or
    starts inside it."""
    i = bisect.bisect_right(starts, person.start) - 1
    if i >= 0 and people[i].end > person.start:
        return people[i]
    j = i + 1
    return people[j] if j < len(people) and people[j].start < person.end else None


def with_bare_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` plus the bare names that overlap none of them, in text order.  A key
    after a name the honorific patterns already found ("Chief Executive Susannah Hancock
    (SH)") refers to that person."""
    sides = Sides(text)
    keyed, keys = keyed_people(text, sides)
    people = [m for m in mentions if m.type == "Person"]
    starts = [m.start for m in people]
    for key, person in list(keys.items()):
        if (known := _person_at(people, starts, person)) is not None:
            known.side = person.side if known.side == "person" else known.side
            keys[key] = known
    offices = [m for m in mentions if m.type == "Role"]
    candidates = keyed + key_references(text, keys) + named_people(text, sides, offices) + \
        initial_names(text, sides) + subject_names(text, sides)
    taken = Covered([(m.start, m.end) for m in mentions])
    extra = [n for n in candidates if not taken.overlaps(n.start, n.end)]
    kept: list[Mention] = []
    for n in sorted(extra, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or n.start >= kept[-1].end:
            kept.append(n)
    return sorted(mentions + kept, key=lambda m: m.start)
