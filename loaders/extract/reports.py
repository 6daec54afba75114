"""Inspection reports, reviews and plans named in minutes, and the findings listed under them.

Reports: quoted titles ("'Both sides of the Coin'"), title-case phrases that end
in Inspection/Review/Plan/Strategy ("National Child Protection Inspection"),
"an inspection of X", "the Jay report".  Phrases made only of generic words
("HMICFRS Thematic Inspection", "Post Inspection Review") name no report.
Findings: the bullets under "pleased to find", "concerned to find", "recommendations".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny.loaders.extract import cues
from scrutiny.loaders.extract.segment import Unit

HEAD = r"(?:Inspection|Review|Plan|Strategy|Assessment|Inquiry|Audit|Framework|Report)"
CONNECT = r"(?:\s+(?:and|of|for|the|on|in|to|&)\b)*"
CAPWORD = r"(?:[A-Z][A-Za-z'’\-]*|\d{4}(?:[-/]\d{2,4})?)"
TITLE_CASE = re.compile(rf"\b((?:{CAPWORD}{CONNECT}\s+){{1,8}}{HEAD})\b(?:\s+(?P<year>\d{{4}}(?:[-/]\d{{2,4}})?))?"
                        r"(?!\s+(?:programme|Committee|Panel|Board|Group|Team|Officer|Manager|Lead|Unit)\b)")
# The body's own papers, named by what they are: "Action Log", "OPCC Risk Register", "PCC Quarterly
# Report", "Revenue Budget Monitoring Quarter 3".  Generic titles name a paper of one body.
PAPER = re.compile(r"\b((?:[A-Z][A-Za-z]+\s+){0,4}(?:Action\s+Log|Risk\s+Register|(?:Annual|Quarterly|Performance|"
                   r"Progress|Update|Financial|Finance|Budget|Precept|Complaints?)\s+Report|Budget\s+Monitoring|"
                   r"Police\s+and\s+Crime\s+Plan|Work\s+Programme|Forward\s+Plan|Medium\s+Term\s+Financial\s+(?:Plan|Strategy)))"
                   r"\b(?:\s+(?:Quarter|Q)\s*\d)?")
LEADING = re.compile(r"^(?:(?:Additionally|However|Furthermore|Further|Also|In|At|On|During|Following|Since|"
                     r"Following|January|February|March|April|May|June|July|August|September|October|"
                     r"November|December|\d{1,4})\s+)+")
QUOTED = re.compile(r"[‘“\"']([A-Z][^‘’“”\"'\n]{3,80}?)[’”\"'](?=[\s.,;:)]|$)")
INSPECTION_OF = re.compile(
    r"\b(?:[Aa]n?\s+)?(?:inspection|review|inquiry)\s+(?:of|into)\s+(?P<t>(?:the\s+)?[A-Za-z'’\-]+(?:\s+[A-Za-z'’\-]+){1,10}?)\s+(?:report\b|was published|published)")
LOWER_NAMED = re.compile(r"\b(?P<t>(?:National|Joint|Thematic|PEEL|[A-Z][a-z]+)\s+(?:[a-z]+\s+){1,4}(?:inspection|review))(?:\s+\d{4})?\s+report\b")
PERSON_NAMED = re.compile(r"\b[Tt]he\s+(?P<t>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?\s+[Rr]eport)\b")
GENERIC = {"hmic", "hmicfrs", "inspection", "report", "review", "thematic", "joint", "the", "a",
           "an", "post", "final", "initial", "annual", "this", "that", "police", "force", "of",
           "and", "for", "on", "in", "to", "plan", "strategy", "audit", "assessment", "inquiry",
           "agenda", "item", "covering", "framework", "full", "draft", "summary", "interim",
           "independent", "internal", "external", "her", "his", "majesty's", "inspectorate",
           "constabulary", "member", "members", "panel", "committee", "pcc", "commissioner", "s",
           "quarterly", "performance", "minutes", "meeting", "its", "their", "recent", "new",
           "previous", "last", "next", "further", "update", "progress", "hm", "area", "areas"}


@dataclass
class ReportMention:
    start: int
    end: int
    title: str
    year: int | None = None


def _distinctive(title: str) -> bool:
    words = re.findall(r"[a-z0-9'’]+", title.lower().replace("’", "'"))
    return any(w not in GENERIC and not w.isdigit() for w in words)


def _clean(title: str) -> str:
    title = re.sub(r"^(?:the|an?)\s+", "", " ".join(title.split()), flags=re.I)
    return LEADING.sub("", title).strip(" -–,.")


def generic(title: str) -> bool:
    """A title of generic words only ("Annual Report") names a paper of one body, not a
    national report: the graph keys it within the body."""
    return not _distinctive(title)


def find_reports(text: str) -> list[ReportMention]:
    found: list[ReportMention] = []
    for pattern, group in ((QUOTED, 1), (TITLE_CASE, 1), (INSPECTION_OF, "t"),
                           (LOWER_NAMED, "t"), (PERSON_NAMED, "t"), (PAPER, 0)):
        for m in pattern.finditer(text):
            title = _clean(m.group(group))
            if pattern is QUOTED and (len(title.split()) < 2 or title.lower().startswith("agenda")):
                continue
            if (pattern is not PAPER and not _distinctive(title)) or len(title) > 120:
                continue
            year = re.search(r"\b(19|20)\d\d\b", m.group(0))
            found.append(ReportMention(m.start(group), m.end(group), title,
                                       int(year.group(0)) if year else None))
    return found


def fold(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", title.lower().replace("’", "'").replace("'", "")))


def group_reports(mentions: list[ReportMention]) -> dict[str, list[ReportMention]]:
    """Mentions under one title each; a title inside a longer one names the same report."""
    titles = sorted({m.title for m in mentions}, key=lambda t: (len(fold(t)), t))  # stable across runs
    canonical: dict[str, str] = {}
    for title in titles:
        shorter = [c for c in canonical.values() if fold(c) and fold(c) in fold(title)]
        canonical[title] = shorter[0] if shorter else title
    grouped: dict[str, list[ReportMention]] = {}
    for m in mentions:
        grouped.setdefault(canonical[m.title], []).append(m)
    return grouped


@dataclass
class FindingSpan:
    start: int
    end: int
    kind: str


def find_findings(text: str, units: list[Unit]) -> list[FindingSpan]:
    """Bulleted points under an introduction that announces findings."""
    found, intro_kind, intro_para = [], None, -1
    for unit in units:
        span = text[unit.start:unit.end]
        if unit.marker and intro_kind and unit.kind == "sentence" and unit.paragraph > intro_para:
            found.append(FindingSpan(unit.start, unit.end, intro_kind))
            continue
        intro_kind = None
        if re.search(r"(?::-?|–)\s*$", span):
            intro_kind = next((k for k, p in cues.FINDING_INTRO if p.search(span)), None)
            intro_para = unit.paragraph
    return found
