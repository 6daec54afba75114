"""Findings: the bulleted points under an introduction that announces them ("pleased to
find", "concerned to find", "recommendations").  A titled item under an introduction of
reports names a report, not a finding (``reports.listed_reports``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny.loaders.extract import cues
from scrutiny.loaders.extract.reports import introduces_papers, titled_item
from scrutiny.loaders.extract.segment import Unit


@dataclass
class FindingSpan:
    start: int
    end: int
    kind: str


def find_findings(text: str, units: list[Unit]) -> list[FindingSpan]:
    """Bulleted points under an introduction that announces findings."""
    found, intro_kind, intro_para, papers = [], None, -1, False
    for unit in units:
        span = text[unit.start:unit.end]
        if unit.marker and intro_kind and unit.kind == "sentence" and unit.paragraph > intro_para:
            if papers and titled_item(span.strip()):
                continue
            found.append(FindingSpan(unit.start, unit.end, intro_kind))
            continue
        intro_kind = None
        if re.search(r"(?::-?|–)\s*$", span):
            intro_kind = next((k for k, p in cues.FINDING_INTRO if p.search(span)), None)
            papers = introduces_papers(span)
            intro_para = unit.paragraph
    return found
