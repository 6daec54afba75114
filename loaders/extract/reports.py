"""Inspection reports, reviews and plans named in minutes, and the findings listed under them.

Reports: quoted titles ("'Both sides of the Coin'"), title-case phrases that end
in Inspection/Review/Plan/Strategy ("National Child Protection Inspection"),
"an inspection of X", "the Jay report".  Phrases made only of generic words
("HMICFRS Thematic Inspection", "Post Inspection Review") name no report.
A list of titles under an introduction that names reports ("the recent inspections ... as
follows:") gives one report per item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny.loaders.extract import anchored
from scrutiny.loaders.extract.segment import Unit
from scrutiny.loaders.keys import fold

HEAD = r"(?:Inspection|Review|Plan|Strategy|Assessment|Inquiry|Audit|Framework|Report|Surveys?)"
CONNECT = r"(?:\s+(?:and|of|for|the|on|in|to|&)\b)*"
CAPWORD = r"(?:[A-Z][A-Za-z'’\-]*|\d{4}(?:[-/]\d{2,4})?)"
TITLE_CASE = re.compile(rf"\b((?:{CAPWORD}{CONNECT}\s+){{1,8}}{HEAD})\b")
TITLE_HEAD = anchored.Heads("Inspection", "Review", "Plan", "Strategy", "Assessment", "Inquiry", "Audit",
                            "Framework", "Report", "Survey", "Surveys")
TITLE_YEAR = re.compile(r"\s+(?P<year>\d{4}(?:[-/]\d{2,4})?)\b")
NOT_A_TITLE_AFTER = re.compile(r"\s+(?:programme|Committee|Panel|Board|Group|Team|Officer|Manager|Lead|Unit)\b")
# The body's own papers, named by what they are: "Action Log", "OPCC Risk Register", "PCC Quarterly
# Report", "Revenue Budget Monitoring Quarter 3".  Generic titles name a paper of one body.
PAPER_HEADS = (r"(?:Action\s+Log|Risk\s+Register|(?:Annual|Quarterly|Performance|Progress|Update|Financial|Finance|"
               r"Budget|Precept|Complaints?)\s+Report|Budget\s+Monitoring|Police\s+and\s+Crime\s+Plan|Work\s+Programme|"
               r"Forward\s+Plan|Medium\s+Term\s+Financial\s+(?:Plan|Strategy))")
PAPER_HEAD = anchored.Heads(
    "Action Log", "Risk Register", "Budget Monitoring", "Police and Crime Plan", "Work Programme", "Forward Plan",
    "Medium Term Financial Plan", "Medium Term Financial Strategy",
    *(f"{kind} Report" for kind in ("Annual", "Quarterly", "Performance", "Progress", "Update", "Financial",
                                    "Finance", "Budget", "Precept", "Complaint", "Complaints")), any_case=True)
# "PCC quarterly report", "the Commissioner's annual report": the head may be lower case
PAPER = re.compile(rf"\b((?:[A-Z][A-Za-z]+(?:['’]s)?\s+){{0,4}}(?i:{PAPER_HEADS}))\b")
OWNER_BEFORE = re.compile(r"(?i:(?:commissioner|pcc|pfcc|opcc|panel|force|constabulary|mayor|chief\s+constable)['’]s"
                          r"|quarter\s+\d)\s+$")
PERIOD_AFTER = re.compile(r"\s+(?:for|of)\s+(?:the\s+year\s+)?(?:19|20)\d\d\b")
# A list of published decisions names each decision's paper: "Decision 002 Public confidence
# surveys - SCP-D-...pdf", "Decision 003 – Crest Support to LCJB performance framework: year 3".
DECISION_RECORD = re.compile(r"^[ \t]*Decision\s+(?:No\.?\s*)?\d{1,4}\s*[-–:]?\s*(?P<t>[A-Z][^\n:]{3,100}?)"
                             r"\s*(?:\s[-–]\s|:|\S+\.pdf)", re.M)
# ModernGov lists each item's paper by its title and file: "Police and Crime Commissioner Annual
# Report pdf icon PDF 158 KB".  The record of the last meeting, questions put and elections are
# procedure, not a paper discussed.
ATTACHED_PAPER = re.compile(r"^[ \t]*(?:\d{1,3}[.)]?\s+)?(?P<t>[A-Z][^\n]{3,120}?)[:.]?[ \t]+pdf icon[ \t]+PDF\b", re.M)
PROCEDURE_PAPER = re.compile(r"(?:minutes|questions?|election|appointment\s+of\s+(?:the\s+)?(?:vice|chair)|agm|"
                             r"apologies|declarations?|(?:vice[\s-])?chair)\b", re.I)
# "HMIC reports concerning Honour-based Crime, Domestic Violence and Vulnerable People": one
# report for each subject of the list.
CAP_PHRASE = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*"
REPORTS_ON = re.compile(rf"\b(?:[Rr]eports|[Ii]nspections|[Rr]eviews)\s+(?:concerning|on|into|about|regarding)\s+"
                        rf"(?P<list>{CAP_PHRASE}(?:\s*,\s*{CAP_PHRASE})*(?:\s*,?\s+and\s+{CAP_PHRASE}))")
# A generic title named by its subject: "the HMIC Inspection Report into Police Effectiveness".
SUBJECT_AFTER = re.compile(r"\s+(?:into|on)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:(?:and|of|&)\s+)?[A-Z][\w'’\-]*){0,6}")
QUARTER = re.compile(r"\s+(?:Quarter|Q)\s*\d\b")
LEADING = re.compile(r"^(?:(?:Additionally|However|Furthermore|Further|Also|In|At|On|During|Following|Since|"
                     r"January|February|March|April|May|June|July|August|September|October|"
                     r"November|December|\d{1,4})\s+)+")
QUOTED = re.compile(r"[‘“\"']([A-Z][^‘’“”\"'\n]{3,80}?)[’”\"'](?=[\s.,;:)]|$)")
INSPECTION_OF = re.compile(
    r"\b(?:[Aa]n?\s+)?(?:inspection|review|inquiry)\s+(?:of|into)\s+"
    r"(?P<t>(?:the\s+)?[A-Za-z'’\-]+(?:\s+[A-Za-z'’\-]+){1,10}?)\s+(?:report\b|was published|published)")
LOWER_NAMED = re.compile(r"\b(?P<t>(?:[A-Z][A-Za-z]+\s+){1,4}(?:[a-z]+\s+){0,4}(?:inspection|review))"
                         r"(?:\s+\d{4})?\s+report\b")
# A paper named by its subject: "received a report on Revenue and Capital Budgets", "A report was
# presented on the Impact of ...".  Not its author ("report of/by/from the Commissioner").
REPORT_ON = re.compile(r"(?<=\s)report\s+"
                       r"(?:was\s+(?:presented|submitted|received|considered)\s+)?"
                       r"(?:on|into|regarding|concerning)\s+(?:the\s+)?"
                       r"(?P<t>[A-Z][A-Za-z\-]*(?:\s+(?:(?:and|of|for|in|the|&)\s+){0,2}[A-Z][A-Za-z\-]*){1,8})\b(?!['’])")
DETERMINED = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his)\s+(?:\w+\s+)?$")  # "a report", "the written report"
PERSON_NAMED = re.compile(r"\b[Tt]he\s+(?P<t>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?\s+[Rr]eport)\b")
GENERIC = {"hmic", "hmicfrs", "inspection", "report", "review", "thematic", "joint", "the", "a",
           "an", "post", "final", "initial", "annual", "this", "that", "police", "force", "of",
           "and", "for", "on", "in", "to", "plan", "strategy", "audit", "assessment", "inquiry",
           "agenda", "item", "covering", "framework", "full", "draft", "summary", "interim",
           "independent", "internal", "external", "her", "his", "majesty's", "inspectorate",
           "constabulary", "member", "members", "panel", "committee", "pcc", "commissioner", "s",
           "quarterly", "performance", "minutes", "meeting", "its", "their", "recent", "new",
           "previous", "last", "next", "further", "update", "progress", "hm", "area", "areas",
           "improvement", "improvements", "any", "other", "business"}


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
                           (LOWER_NAMED, "t"), (PERSON_NAMED, "t"), (REPORT_ON, "t")):
        for m in _titles(text) if pattern is TITLE_CASE else pattern.finditer(text):
            title = _clean(m.group(group))
            if pattern is REPORT_ON and not DETERMINED.search(text, max(0, m.start() - 30), m.start()):
                continue
            if pattern is QUOTED and (len(title.split()) < 2 or title.lower().startswith("agenda")
                                      or title.endswith("?")):  # a quoted question is no title
                continue
            end = m.end(group)
            if pattern is TITLE_CASE and not _distinctive(title) and (about := SUBJECT_AFTER.match(text, end)):
                title, end = " ".join(f"{title}{about.group(0)}".split()), about.end()
            if not _distinctive(title) or len(title) > 120:
                continue
            year = re.search(r"\b(19|20)\d\d\b", text[m.start():end + 8])  # "... Inspection 2019"
            found.append(ReportMention(m.start(group), end, title, int(year.group(0)) if year else None))
    return found + _papers(text) + _listed(text)


def _titles(text: str) -> list[re.Match]:
    """Title-case phrases ending in a document word, read back from that word; not the
    name of a committee or an office ("Joint Audit Committee", "Review Officer")."""
    found = []
    for m in anchored.read_back(text, anchored.heads(text, TITLE_HEAD), TITLE_CASE, 240):
        year = TITLE_YEAR.match(text, m.end())
        if not NOT_A_TITLE_AFTER.match(text, year.end() if year else m.end()):
            found.append(m)
    return found


def _bare_head(phrase: str) -> bool:
    """Whether ``phrase`` is a paper's head word alone, with no word naming whose paper."""
    return PAPER_HEAD.pattern.fullmatch(phrase) is not None


def _listed(text: str) -> list[ReportMention]:
    """Reports named by a decision list or by the subjects a plural "reports on" lists."""
    found = [ReportMention(m.start("t"), m.end("t"), _clean(m["t"]), None) for m in DECISION_RECORD.finditer(text)]
    found += [ReportMention(m.start("t"), m.end("t"), _clean(m["t"]), None) for m in ATTACHED_PAPER.finditer(text)
              if not PROCEDURE_PAPER.match(m["t"]) and _distinctive(m["t"])]
    for m in REPORTS_ON.finditer(text):
        for part in re.finditer(CAP_PHRASE, m["list"]):
            if _distinctive(part.group(0)):
                start = m.start("list") + part.start()
                found.append(ReportMention(start, start + len(part.group(0)), part.group(0), None))
    return found


def _titled(phrase: str) -> bool:
    """Written as a title: every word longer than three letters capitalised."""
    return all(w[0].isupper() for w in phrase.split() if len(w) > 3)


def _owned(text: str, start: int, end: int) -> bool:
    """A lower-case paper named by whose or which it is: "the commissioner's annual report",
    "the quarter 3 performance report", "the annual report for 2017/18"."""
    if not text[start:end].lower().endswith("report"):
        return False  # "the panel's work programme" is its agenda, not a paper it discussed
    return OWNER_BEFORE.search(text, max(0, start - 40), start) is not None or \
        PERIOD_AFTER.match(text, end) is not None


def _papers(text: str) -> list[ReportMention]:
    """The body's own papers, found from their head words ("Risk Register")."""
    found = []
    for m in anchored.read_back(text, anchored.heads(text, PAPER_HEAD), PAPER, 80):
        if _bare_head(m.group(0)) and not _titled(m.group(0)) and not _owned(text, m.start(), m.end()):
            continue  # "the work programme": a lower-case head needs a named modifier ("PCC quarterly report")
        end = (q.end() if (q := QUARTER.match(text, m.end())) else m.end())
        title = _clean(re.sub(r"^[A-Z][A-Za-z]+['’]s\s+", "", text[m.start():end]))  # "the Commissioner's"
        if len(title) <= 120:
            found.append(ReportMention(m.start(), end, title, None))
    return found


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


# An introduction that announces a list of papers: "the findings of the recent inspections
# conducted by HMICFRS ... as follows:", "HMICFRS publications, listed below:".
LIST_WORD = re.compile(r"\b(?:reports?|inspections?|publications?|reviews?)\b", re.I)
# An item names a paper when it carries a paper's word and no finite verb: a finding is a clause.
ITEM_PAPER_WORD = re.compile(r"\b(?:inspection|report|review|plan|strategy|framework|PEEL|terms\s+of\s+reference|"
                             r"super-?complaint|thematic|spotlight|consultation|inquiry|audit)\b", re.I)
FINITE = re.compile(r"\b(?:is|are|was|were|be|has|have|had|should|would|will|must|did|does|could)\b"
                    r"|\b[a-z]{3,}ed\s+(?:the|that|an?|to|on|by)\b")  # "introduced the remainder"
FOR_COPY = re.compile(r"\((?:for\s+copy|see)\b", re.I)
MAX_ITEM_WORDS = 25


def introduces_papers(span: str) -> bool:
    """The introduction of a list of papers: it ends in a colon or dash and names reports."""
    return span.rstrip().endswith((":", "-", "–")) and LIST_WORD.search(span) is not None


def titled_item(span: str) -> bool:
    """A list item that names a paper rather than states a finding."""
    words = span.split()
    return (0 < len(words) <= MAX_ITEM_WORDS and span[:1].isupper() and ITEM_PAPER_WORD.search(span) is not None
            and FINITE.search(span) is None)


def _indented(text: str, start: int) -> bool:
    lead = text[text.rfind("\n", 0, start) + 1:start]
    return len(lead) >= 2 and lead.isspace()


def listed_reports(text: str, units: list[Unit]) -> list[ReportMention]:
    """Each titled item of a list introduced as a list of reports or inspections."""
    found, intro_para = [], None
    for unit in units:
        raw = text[unit.start:unit.end]
        span = raw.strip()
        # an item is laid out as one: a bullet, or a line indented under the introduction
        in_list = (intro_para is not None and unit.paragraph > intro_para and unit.kind == "sentence"
                   and (unit.marker is not None or _indented(text, unit.start)))
        if in_list and titled_item(span):
            start = unit.start + len(raw) - len(raw.lstrip())
            found.extend(_item_report(span, start))
            continue
        if in_list and unit.marker:
            continue  # an untitled item ("is MAPPA achieving its objectives?") does not end the list
        intro_para = unit.paragraph if introduces_papers(span) else None
    return found


def _item_report(span: str, start: int) -> list[ReportMention]:
    """The report a titled item names, without a trailing "(for copy see ...)"."""
    named = (span[:m.start()] if (m := FOR_COPY.search(span)) else span).rstrip(" ;.:")
    title = _clean(named)
    return [ReportMention(start, start + len(named), title, None)] if _distinctive(title) else []
