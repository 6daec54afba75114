"""Find actor mentions in text: people, offices and bodies, each with its span.

Lexicon phrases (forces, bodies, offices) come from ``lexicon``; productive
patterns add what no list can hold: "the X Officer", "Head of X", "Leicestershire
County Council", "Durham Police and Crime Panel", "Councillor Boyes",
"Assistant Chief Constable Kirk", "Name: Detective Inspector 6998 Shameem Ahmed".
Where mentions overlap the longest wins.  Pure functions over text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from scrutiny.loaders.extract import anchored
from scrutiny.loaders.extract.lexicon import TOKEN, Tokens, lexicons

NAME = r"[A-Z][a-zA-Z]*(?:['’\-](?!s\b)[A-Z]?[a-zA-Z]+)*"  # "Power’s name": the possessive is not the name
INITIALS = r"(?:[A-Z]\.?[ \t]?){1,3}"
NOT_NAMES = {
    "The", "This", "That", "These", "Those", "Police", "Panel", "Council", "Commissioner",
    "Members", "Member", "Chair", "And", "Of", "For", "In", "On", "At", "To", "It", "He", "She",
    "They", "Constable", "Chief", "Office", "Force", "Committee", "Report", "Crime", "Board",
    "Deputy", "Assistant", "Acting", "Temporary", "Superintendent", "Inspector", "Sergeant",
    "Detective", "Councillor", "Councillors", "Cllr", "With", "From", "As", "But", "If", "When",
    "Had", "Has", "Was", "Were", "Would", "Will", "Could", "All", "Any", "Some", "Chairman",
    "Vice", "Chairs", "Government", "Home", "Secretary", "Minister", "Executive", "Officer",
    # words of a paper's or an item's title, which follow names in lists: "Ms Mallender Question 1"
    "Question", "Questions", "Response", "Responses", "Appendix", "Against", "Update",
}
ROLE_HEADS = (r"(?:Officer|Manager|Director|Adviser|Advisor|Co-?ordinator|Analyst|Clerk|Treasurer|Solicitor|"
              r"Auditor|Commander)")
# The head word is rare and the words before it are not: find heads first, then read back.
ROLE_HEAD_AT = anchored.Heads("Officer", "Manager", "Director", "Adviser", "Advisor", "Co-ordinator",
                              "Coordinator", "Analyst", "Clerk", "Treasurer", "Solicitor", "Auditor", "Commander")
# Words on the head's own line only (a heading above is no part of the title), never "The".
ROLE_BEFORE_HEAD = re.compile(
    rf"((?:(?!The\b)[A-Z][a-z]+|HMICFRS|HMIC|OPCC|PCC)(?:[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+|[ \t]+(?!The\b)[A-Z][a-z]+)"
    rf"{{0,4}}[ \t]+{ROLE_HEADS})$")
HEAD_OF = re.compile(
    r"\b((?:Strategic\s+|Assistant\s+|Deputy\s+)?(?:Head|Director|Lead)\s+(?:of|for)\s+"
    r"[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,4})")
GENERIC_ROLE_WORDS = {"police", "contact", "the", "this", "our", "their", "his", "her"}
# Place words never include "Council": "Medway Council and Kent County Council" is two bodies.
# "of" joins only where place names use it ("Isle of Wight"): "Allan Beal of South Holland" is a person.
PLACE = (r"(?!The\b|Council\b|(?:City|County|Borough|District|Town|Parish)\s+Council\b)"
         r"(?:(?:Isle|Vale|City|Forest|Royal\s+Borough)\s+of\s+)?[A-Z][a-z]+"
         r"(?:[ \-](?:and|upon|on)?[ \-]?(?!Council\b)[A-Z][a-z]+){0,3}")
FUNCTION_WORD_RE = r"(?:In|At|On|For|From|By|With|As|If|When|While|After|Before|And|But|Also|However)\b"
# A list of places ends "... and Rutland" (never "Police and Crime").
LAST_OF_LIST = r"[A-Z][a-z]+(?:\s+(?!Police\b)[A-Z][a-z]+)*\s+and\s+(?!Crime\b)[A-Z]"
PLACES = rf"(?:(?:(?!{FUNCTION_WORD_RE}){PLACE},\s+){{1,2}}(?={LAST_OF_LIST}))?{PLACE}"
PRODUCTIVE_BODY = [
    (re.compile(rf"\b({PLACE}\s+(?:County|City|Borough|District|Metropolitan Borough|Town|Parish)\s+Council)\b"),
     "council"),
    (re.compile(rf"\b({PLACE}\s+Council)\b"), "council"),
    (re.compile(rf"\b({PLACE}\s+(?:MBC|MDC|BC|DC|CC))\b"), "council"),
    (re.compile(rf"\b({PLACE}\s+(?:Fire\s+(?:and\s+Rescue\s+)?(?:Authority|Service)|Police\s+Authority|"
                rf"Combined\s+Authority))\b"), "other"),
    # A panel of several areas lists them: "Leicester, Leicestershire and Rutland Police and Crime Panel".
    (re.compile(rf"\b({PLACES}\s+Police,?\s+(?:Fire\s+)?(?:and|&)\s+Crime\s+Panel)\b"), "panel"),
    (re.compile(rf"\b(Office\s+of\s+the\s+{PLACE}\s+Police,?\s+(?:Fire\s+)?(?:and|&)\s+Crime\s+Commissioner)\b"),
     "commissioner_office"),
]
# A declaration names the organisations a member serves: "declared that she is a Trustee of IDAS",
# "a member of the Leicester Council of Faiths".  Only there is a bare capitalised name a body.
DECLARATION = re.compile(r"\bdeclar|\binterests?\b", re.I)
DECLARED_BODY = re.compile(
    r"\b(?:[Tt]rustee|CEO|Chief\s+Executive|Chair(?:man|woman|person)?|[Mm]ember|[Dd]irector|[Pp]atron|[Gg]overnor|"
    r"[Ss]ecretary|[Vv]olunteer|[Ee]mployee|employed|works?|worked)\s+(?:of|for|at|by|with)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’&-]*(?:[ \t]+(?:(?:of|for|the|&)[ \t]+)?[A-Z][\w'’&-]*){0,5})")
NOT_DECLARED = {"Panel", "Committee", "Council", "Board", "Year", "Meeting", "Authority", "Police", "Force",
                "Commissioner", "Constabulary", "Municipal", "State"}
NAME_LABEL = re.compile(r"\bName:\s*(?:(?P<rank>(?:Detective\s+)?(?:Chief\s+)?(?:Inspector|Superintendent|Sergeant|"
                        r"Constable))\s+)?(?:\d+\s+)?(?P<name>(?:[A-Z][a-z]+\s+)?" + NAME + ")")
TITLE_LABEL = re.compile(r"\bTitle:\s*(?P<title>[^\n]+(?:\n(?!\s*\n)[^\n]+)?)")


@dataclass
class Mention:
    start: int
    end: int
    type: str  # Person, Role, Body
    name: str  # canonical name or title
    side: str = "person"  # member (panel side), officer (answering side), person (unknown)
    honorific: str | None = None
    surname: str | None = None
    kind: str | None = None  # body kind
    surface: str | None = None  # the words used, where they differ from the canonical name


def _surface(words: str) -> str:
    return " ".join(words.split())


def _honorific_pattern() -> re.Pattern:
    aliases = sorted(lexicons().honorifics, key=len, reverse=True)
    alternation = "|".join(re.escape(a).replace(r"\ ", r"[ \t]+") for a in aliases)
    # names stay on one line: a heading below a sentence is not a surname
    # Only the honorific ignores case ("COUNCILLOR", "cllr"): a name starts with a capital.
    # a middle initial may stand between first name and surname: "Councillor Peter A Rees"
    # one line break may wrap between the honorific and the name ("former Councillor\nVivien Pengelly")
    return re.compile(rf"\b(?P<hon>(?i:{alternation}))\.?(?:[ \t]+|[ \t]*\n[ \t]*)"
                      rf"(?P<name>(?:{INITIALS})?(?:{NAME}[ \t]+)?(?:[A-Z]\.?[ \t]+)?{NAME})\b")



@lru_cache(maxsize=1)
def _honorifics() -> tuple[re.Pattern, frozenset[str]]:
    """The honorific pattern, and the words an honorific can begin with."""
    firsts = {TOKEN.findall(alias)[0].lower() for alias in lexicons().honorifics if TOKEN.findall(alias)}
    return _honorific_pattern(), frozenset(firsts)


def _people(text: str, tokens: Tokens) -> list[Mention]:
    """People after an honorific, tried only where a token can begin one (the pattern's
    alternation is slow to scan at every position)."""
    pattern, firsts = _honorifics()
    found, reached = [], 0
    for word, start in zip(tokens.norm, tokens.starts, strict=True):
        if word not in firsts or start < reached:
            continue
        if (m := pattern.match(text, start)) and (person := _person_from(m, text)):
            found.append(person)
            reached = m.end()
    for m in NAME_LABEL.finditer(text):
        surname = m["name"].split()[-1]
        found.append(Mention(m.start("name"), m.end("name"), "Person", " ".join(m["name"].split()),
                             "officer" if m["rank"] else "person", m["rank"], surname))
    return found


def _person_from(m: re.Match, text: str) -> Mention | None:
    hon_text = m["hon"]
    if not hon_text[0].isupper():
        return None
    canonical, side = lexicons().honorifics[hon_text.lower().rstrip(".")]
    words = m["name"].split()
    while words and (words[-1] in NOT_NAMES or not words[-1][0].isupper()):
        words.pop()
    names = [w for w in words if not re.fullmatch(r"(?:[A-Z]\.?){1,3}", w)]
    if not names or names[0] in NOT_NAMES or len(names[-1]) < 2:
        return None
    end = m.start("name") + m.group("name").find(words[-1]) + len(words[-1])
    if text[end:end + 1] in ("’", "'") and side == "officer":
        return None  # "Chief Constable's response": an office, not a name
    full = " ".join([canonical, *words])
    return Mention(m.start(), end, "Person", full, side, canonical, names[-1].rstrip(".,"))


def _lexicon_mentions(text: str, tokens: Tokens) -> list[Mention]:
    lex = lexicons()
    found = [Mention(h.start, h.end, "Body", h.canonical, "officer", kind=h.kind,
                     surface=_surface(text[h.start:h.end]))
             for h in lex.bodies.find(tokens) if text[h.start].isupper()]
    for h in lex.roles.find(tokens):
        if not text[h.start].isupper() and not _acting_description(text, h.start, h.end):
            continue  # offices are written as titles; "police and crime commissioner" in a letterhead is not one
        start, title = _second_office(text, h.start, h.canonical)
        found.append(Mention(start, h.end, "Role", title, role_side(title),
                             surface=_surface(text[start:h.end])))
    return found


SECOND_OFFICE = re.compile(r"\b(Deputy|Assistant|Associate)[ \t]+$")


def _second_office(text: str, start: int, title: str) -> tuple[int, str]:
    """"the Deputy Chief Executive" holds another office than the Chief Executive, where the
    lexicon has no entry of its own for it ("Deputy Chief Constable" has one, and wins)."""
    if (m := SECOND_OFFICE.search(text, max(0, start - 12), start)) is not None:
        return m.start(1), f"{m[1]} {title}"
    return start, title


DEFINITE_BEFORE = re.compile(r"\b[Tt]he\s+$")
VERB_AFTER = re.compile(r"\s+(?:also\s+|then\s+|had\s+)?(?:[a-z]+ed|said|was|had|would|will)\b")


def _acting_description(text: str, start: int, end: int) -> bool:
    """"the commissioner explained": a lower-case office still acts when it is a definite
    subject of a verb."""
    return DEFINITE_BEFORE.search(text, max(0, start - 6), start) is not None and \
        VERB_AFTER.match(text, end) is not None


def role_side(title: str) -> str:
    low = title.lower()
    return "member" if ("chair" in low or "member" in low) else "officer"


BODY_HEAD_AT = anchored.Heads("Council", "Crime Panel", "Crime Commissioner", "MBC", "MDC", "BC", "DC", "CC",
                              "Fire Authority", "Rescue Authority", "Rescue Service", "Police Authority",
                              "Combined Authority")


def _productive_roles(text: str) -> list[re.Match]:
    """"the Strategic Risk Manager": each head word, with the capitalised words before it."""
    return anchored.read_back(text, anchored.heads(text, ROLE_HEAD_AT), ROLE_BEFORE_HEAD, 120)


SMALL_WORDS = {"And", "Of", "The", "For", "On", "In", "Upon"}
# A line with no lower case and two capitals together, checked ahead, then read once.
CAPS_LINE = re.compile(r"^(?=[^a-z\n]*[A-Z]{2})[^a-z\n]*+$", re.M)


def _title_cased_headings(text: str) -> str:
    """The text with lines in capitals title-cased ("SOUTH YORKSHIRE POLICE AND CRIME PANEL" ->
    "South Yorkshire Police and Crime Panel"), offsets unchanged, for the productive patterns."""
    def title(m: re.Match) -> str:
        words = re.split(r"(\s+)", m.group(0).title())
        return "".join(w.lower() if w in SMALL_WORDS else w for w in words)
    return CAPS_LINE.sub(title, text)


def _productive(text: str) -> list[Mention]:
    text = _title_cased_headings(text)
    found = []
    for m in _productive_roles(text):
        words = m.group(1).split()
        while words and words[0].lower() in GENERIC_ROLE_WORDS:
            words.pop(0)
        if len(words) >= 2:
            title = " ".join(words).replace("&", "and")
            start = m.start(1) + m.group(1).index(words[0])
            found.append(Mention(start, m.end(1), "Role", title, "officer"))
    for m in HEAD_OF.finditer(text):
        found.append(Mention(m.start(1), m.end(1), "Role", " ".join(m.group(1).split()), "officer"))
    for m in TITLE_LABEL.finditer(text):
        title = " ".join(m["title"].split())
        if 2 <= len(title.split()) <= 8:
            found.append(Mention(m.start("title"), m.end("title"), "Role", title, "officer"))
    found += _declared_bodies(text)
    body_heads = anchored.heads(text, BODY_HEAD_AT)
    for pattern, kind in PRODUCTIVE_BODY:
        for m in anchored.read_back(text, body_heads, pattern, 160):
            side = "member" if kind == "panel" else "officer"
            found.append(Mention(m.start(1), m.end(1), "Body", " ".join(m.group(1).split()), side,
                                 kind=kind))
    return found


def _declared_bodies(text: str) -> list[Mention]:
    """Organisations named after "Trustee of", "member of", ... on the lines that declare interests."""
    found, end = [], -1
    for hit in DECLARATION.finditer(text):  # only the lines that declare: most documents have few
        if hit.start() < end:
            continue  # a line already read
        start, end = text.rfind("\n", 0, hit.start()) + 1, text.find("\n", hit.end())
        end = len(text) if end < 0 else end
        for m in DECLARED_BODY.finditer(text, start, end):
            words = m["name"].split()
            if words[-1].rstrip("'’s") in NOT_DECLARED or words[0] in NOT_DECLARED:
                continue  # "member of the Panel", "Secretary of State": no organisation named
            found.append(Mention(m.start("name"), m.end("name"), "Body", " ".join(words), "person", kind="other"))
    return found


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside a longer one; people win ties (they carry a name)."""
    rank = {"Person": 0, "Body": 1, "Role": 2}
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), rank[m.type], m.start))
    starts: list[int] = []  # kept mentions never overlap: sorted starts find the neighbours
    kept: list[Mention] = []
    for m in ordered:
        at = bisect.bisect_left(starts, m.start)
        if (at == 0 or kept[at - 1].end <= m.start) and (at == len(kept) or m.end <= kept[at].start):
            starts.insert(at, m.start)
            kept.insert(at, m)
    return kept


def find_mentions(text: str) -> list[Mention]:
    """Every person, office and body mention in ``text``, longest-match, in order."""
    tokens = Tokens.cached(text)
    return _longest_first(_people(text, tokens) + _lexicon_mentions(text, tokens) + _productive(text))
