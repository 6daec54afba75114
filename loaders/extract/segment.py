"""Segment minutes into agenda items and units (sentences and decision points).

Items: "Agenda item" pages, numbered headings ("7.", "39/20", "8 MINUTES OF ...").
Units: sentences of ordinary paragraphs, with any list marker ("(a)", "·",
"15.2") noted; and the points of RESOLVED / Agreed / Action blocks, each one
unit of kind ``resolution``.  Offsets always index the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from scrutiny.loaders.records import Item

# Paragraphs are what lies between blank lines.  The separator pattern is linear: a blank
# line of a million spaces costs one pass, not one per starting position.
BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n|[ \t]*\|[ \t|\-]*\n)+")  # a table's border line is blank too
MARKER = re.compile(
    r"\s*(?P<marker>\((?:[a-z]{1,2}|[ivxlc]+|\d{1,2})\)|(?:[a-z]|[ivx]+|\d{1,2})\)|[·•▪●◦\-–*]"
    r"|\d{1,3}\.\d{1,2}(?=\s)|\d{1,2}\.(?=\s|[A-Z]))\s*")
DECISION = re.compile(
    r"\s*(?P<head>RESOLVED|Resolved|RESOLVED\s+THAT|AGREED|Agreed|ACTION|Action|ACTIONS|Actions|"
    r"DECISION|Decision|RECOMMENDATION|Recommendation)\b"
    r"(?:\s+(?:No\.?|Number|Ref\.?)?\s*(?P<num>\d{1,4}[a-z]?|\d{1,3}/\d{2,4})\b)?"  # "Action 4:", an action-log number
    # "RESOLVED: that", "RESOLVED that", "RESOLVED unanimously that", "RESOLVED to note the report"
    r"\s*(?:[:,.\-–—]+\s*|\s+(?:unanimously\s+|accordingly\s+)?(?=[Tt]hat\b)|"
    r"(?:(?<=RESOLVED)|(?<=Resolved)|(?<=AGREED)|(?<=Agreed))\s+(?:unanimously\s+)?(?=to\s+[a-z]+\b)|$)")
# A decision line with no RESOLVED head, as ModernGov prints it under "Minutes:":
# "That the minutes of the meeting held on 1 May 2025 ... be confirmed and signed".
PARTICIPLE = r"\s+(?:\w+ly\s+)?[a-z-]+(?:ed|en)\b"  # "be (formally) re-appointed", "is noted"
BARE_DECISION = re.compile(rf"\s*That\s+[^\n]{{3,300}}?\b(?:be|is|are){PARTICIPLE}")
# Under "Resolved that:", a later point reads "Mel Jones, Co-opted Member be re-appointed as Vice Chair".
SUBJUNCTIVE_POINT = re.compile(rf"[^\n]{{3,300}}?\bbe{PARTICIPLE}")
HEAD_THAT = re.compile(r"\s*+that\s*+(?::\s*+)?", re.I)
ITEM_NUMBER = re.compile(r"^\s*(?P<num>\d{1,3}[A-Z]?|\d{1,3}/\d{2,4})\.?\s*$")
ITEM_HEADING = re.compile(r"^\s*(?P<num>\d{1,3}[A-Z]?|\d{1,3}/\d{2,4})\.?\s+(?P<title>[A-Z][^a-z\n]{3,150})$")
AGENDA_ITEM = re.compile(r"^\s*Agenda\s+item(?:\s+(?P<num>\d+))?\s*$", re.IGNORECASE)
# Each alternative starts with the punctuation it ends on, so the engine scans for those few
# characters; the sentence ends after the punctuation and any closing quote ("...done.” The").
SENTENCE_END = re.compile(r"[.!?](?:[\"”’']?(?=\s+[A-Z‘“\"'(]|\s+\d{1,2}\.\d{1,2}\s+[A-Z])"
                          r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))"
                          r"|;(?=\s*\n)|:-(?=\s)|:(?=\s*\n)")
END_OF_MINUTES = re.compile(r"^\s*(Supporting documents|Minutes:|Attachments?:|Background papers)", re.I)


@dataclass
class Unit:
    start: int
    end: int
    item: int
    kind: str = "sentence"  # sentence, resolution
    marker: str | None = None
    paragraph: int = 0
    number: str | None = None  # an action number the decision head gave ("Action 4:")
    lead: int | None = None  # where a decision head on the point's own line starts ("RESOLVED that ...")
    tags: set[str] = field(default_factory=set)


LINE_BREAK = re.compile(r"\n(?=[ \t]*(?:[·•▪●◦*\-–]|\([a-z0-9ivx]{1,4}\))[ \t])|(?<=:)\n"
                        r"|\n(?=[ \t]*(?:RESOLVED|Resolved)\b)")
# Scraped minutes glue points together: "2017.2.The Commissioner", "provided.RESOLVED that",
# "embed.·The Commissioner".  Each glue point starts a new paragraph ("report.The Panel"
# is a glued sentence: ``SENTENCE_END`` splits it).
# The look-behind keeps "Dr.Smith" and "e.g.The" whole; decimals never have a capital after.
GLUED = re.compile(
    r"[.!?;](?<=[a-z0-9)”’\"'%][.!?;])(?=\d{1,2}\.[A-Z])|\n(?=[ \t]*\d{1,2}\.[A-Z])"
    r"|[.!?](?<=[a-z)”’\"'%][.!?])(?=(?:RESOLVED|Resolved|AGREED)\b|[·•▪●◦])")
# A decision head in mid-line starts a paragraph: "Future work programme RESOLVED that",
# "Minutes: Resolved – That".  Found by its word, then judged by what stands before it.
MIDLINE_DECISION = re.compile(r"\bRESOLVED\b|\bResolved\b")
BEFORE_MIDLINE = re.compile(r"(?:[a-z][ \t]*\n?[ \t]*|:[ \t]+)$")


def _glue_point(m: re.Match) -> tuple[int, int]:
    """Where a glued paragraph breaks: after the full stop it keeps, or at the line break."""
    return (m.end(), m.end()) if m.group(0)[:1] in ".!?;" else (m.start(), m.end())


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line paragraphs, also split where a line starts a bullet or follows a colon,
    and where scraping glued two numbered points or a decision onto a sentence."""
    spans = []
    for block_start, block_end in _blocks(text):
        cursor = block_start
        breaks = sorted([(b.start(), b.end()) for b in LINE_BREAK.finditer(text, block_start, block_end)]
                        + [_glue_point(g) for g in GLUED.finditer(text, block_start, block_end)]
                        + _midline_decisions(text, block_start, block_end))
        for start, end in breaks:
            if start >= cursor:
                spans.append((cursor, start))
                cursor = end
        spans.append((cursor, block_end))
    return [(a, b) for a, b in (_trim(text, s, e) for s, e in spans) if b > a]


def between(cuts: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The spans of a text of ``length`` that lie between its ``cuts`` (ordered spans)."""
    starts = [0] + [e for _, e in cuts]
    ends = [s for s, _ in cuts] + [length]
    return list(zip(starts, ends, strict=True))


def _blocks(text: str) -> list[tuple[int, int]]:
    """The spans between blank lines."""
    cuts = [m.span() for m in BLANK_LINES.finditer(text)]
    return [(a, b) for a, b in between(cuts, len(text)) if text[a:b].strip()]


def _midline_decisions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found = []
    for m in MIDLINE_DECISION.finditer(text, start, end):
        before = BEFORE_MIDLINE.search(text, max(start, m.start() - 12), m.start())
        if before and (m.group(0) == "RESOLVED" or ":" in before.group(0)):
            found.append((m.start(), m.start()))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_items(text: str, paras: list[tuple[int, int]], title: str | None) -> list[Item]:
    """Agenda items with their spans; the whole text is one item when none is marked."""
    heads: list[tuple[int, str | None, str]] = []
    for i, (s, e) in enumerate(paras):
        line = text[s:e]
        nxt = text[paras[i + 1][0]:paras[i + 1][1]] if i + 1 < len(paras) else ""
        if (m := AGENDA_ITEM.match(line)) and nxt and len(nxt) < 200:
            number = m["num"] or _meeting_line_number(text, paras[i + 1][1])
            heads.append((s, number, " ".join(nxt.split())))
        elif (m := ITEM_NUMBER.match(line)) and nxt and len(nxt) < 150 and nxt[0].isupper():
            heads.append((s, m["num"], " ".join(nxt.split())))
        elif (m := ITEM_HEADING.match(line)) or (m := _title_case_heading(line)):
            heads.append((s, m["num"], " ".join(m["title"].split())))
    if not heads:
        return [Item("i1", None, title or "", 0, len(text))]
    if heads[0][0] > 0 and text[:heads[0][0]].strip():
        heads.insert(0, (0, None, title or ""))
    ends = [h[0] for h in heads[1:]] + [len(text)]
    return [Item(f"i{n}", num, t, s, e) for n, ((s, num, t), e) in enumerate(zip(heads, ends, strict=True), 1)]


# Spaces on its own line only: "^\s*" would read every blank line below each line start.
MEETING_LINE_ITEM = re.compile(r"^[^\S\n]*Meeting:[^\n]*\(Item\s+(?P<num>\d{1,3}[A-Za-z]?)\.?\)", re.M)


def _meeting_line_number(text: str, after: int) -> str | None:
    """ModernGov's agenda item page says "Meeting: 14/03/2023 - Panel (Item 7.)" under the title."""
    m = MEETING_LINE_ITEM.search(text, after, after + 400)
    return m["num"] if m else None


NUMBERED_LINE = re.compile(r"^\s*(?P<num>\d{1,3}/\d{2,4}|\d{1,3}\.?)\s+(?P<title>[A-Z][^\n]{2,100})$")


def _title_case_heading(line: str) -> re.Match | None:
    """"8/24 Report on Call Handling Performance", "551. Chair's Report (Item 3)": a
    numbered line of capitalised words with no closing full stop is an item heading."""
    m = NUMBERED_LINE.match(line)
    if not m or re.search(r"[.;:,]\s*$", m["title"]):
        return None
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", m["title"]) if len(w) > 3]
    capitalised = [w for w in long_words if w[0].isupper()]
    return m if long_words and len(capitalised) / len(long_words) >= 0.75 else None


def _item_at(starts: list[int], pos: int) -> int:
    """Index of the item holding ``pos``: items tile the text, so the last start at or before it."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


# "Dr. Billings", "Councillor R. Davison": no sentence ends after a title or a single initial.
ABBREVIATION = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Cllr|No|Nos|St|Prof|Rev|Supt|Insp|Sgt|Det|Ch|Co|Ltd|e\.g|i\.e|cf|vs|"
                          r"approx)\.$"
                          r"|(?<![A-Za-z.])[A-Z]\.$", re.I)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if ABBREVIATION.search(text, max(start, m.start() - 8), m.start() + 1):
            continue  # "Dr. Billings" is one sentence
        spans.append(_trim(text, cursor, m.end()))
        cursor = m.end()
    spans.append(_trim(text, cursor, end))
    return [s for s in spans if s[1] > s[0]]


def segment(text: str, title: str | None = None) -> tuple[list[Item], list[Unit]]:
    paras = paragraphs(text)
    items = find_items(text, paras, title)
    item_starts = [item.start for item in items]
    units: list[Unit] = []
    state = _DecisionState()
    pending_marker = None
    for p, (s, e) in enumerate(paras):
        item = _item_at(item_starts, s)
        if state.active and (state.item != item or END_OF_MINUTES.match(text[s:e])):
            state.close(units)
        head = DECISION.match(text, s, e)
        if head:
            state.open(units, item, head["num"])
            s = head.end()
            if s >= e or HEAD_THAT.fullmatch(text, s, e):
                state.that_head = True
                continue  # "Resolved that:" alone: its points follow
        m = MARKER.match(text, s, e)
        marker = m["marker"] if m else pending_marker
        body_start = m.end() if m else s
        pending_marker = m["marker"] if m and body_start >= e else None
        if body_start >= e:
            continue
        lead = head.start("head") if head else None
        if state.active and state.take(units, text, body_start, e, marker, item, p, lead):
            continue
        if not state.active and BARE_DECISION.match(text, body_start, e):
            a, b = _trim(text, body_start, e)
            units.append(Unit(a, b, item, "resolution", marker, p))
            continue
        for a, b in sentences(text, body_start, e):
            units.append(Unit(a, b, item, "sentence", marker, p))
    state.close(units)
    return items, sorted(units, key=lambda u: u.start)


class _DecisionState:
    """Collects the points of one RESOLVED / Agreed / Action block."""

    def __init__(self):
        self.active = False
        self.item = -1
        self.marker_style: str | None = None
        self.points: list[Unit] = []
        self.number: str | None = None
        self.that_head = False

    def open(self, units, item, number=None):
        self.close(units)
        self.active, self.item, self.marker_style, self.points = True, item, None, []
        self.that_head = False  # "Resolved that:" alone on its line: each point is a bare subjunctive
        self.number = number

    def take(self, units, text, start, end, marker, item, para, lead) -> bool:
        style = _marker_style(marker)
        starts_that = re.match(r"\s*(that|That|THAT)\b", text[start:end]) is not None or \
            (self.that_head and SUBJUNCTIVE_POINT.match(text, start, end) is not None)
        # the first paragraph under a head is its first point ("Councillor Young be re-appointed")
        if lead is not None or not self.points or \
                (self.marker_style and style == self.marker_style) or (not marker and starts_that):
            if self.marker_style is None and marker:
                self.marker_style = style
            a, b = _trim(text, start, end)
            self.points.append(Unit(a, b, item, "resolution", marker, para, self.number, lead))
            return True
        if self.points and marker and style != "number":  # a sub-list inside the last point: its continuation
            self.points[-1].end = _trim(text, start, end)[1]
            return True
        self.close(units)
        return False

    def close(self, units):
        units.extend(self.points)
        self.points, self.active = [], False


def _marker_style(marker: str | None) -> str | None:
    if not marker:
        return None
    if re.fullmatch(r"\(?\d+\)?\.?", marker):
        return "number"
    if re.fullmatch(r"\(?[ivx]+\)", marker):
        return "roman"
    if re.fullmatch(r"\(?[a-z]{1,2}\)", marker):
        return "letter"
    return "bullet"
