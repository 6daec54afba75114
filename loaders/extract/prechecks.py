"""Literal pre-checks for the cue patterns of ``cues`` (pure).

A sentence pays for a pattern only when one of the pattern's stems occurs in its
lower-cased text (a C-speed substring test): each pattern scans at tens of MB/s, and
most sentences can match few.  ``tests/test_cue_coverage.py`` checks that every match of a
pattern over the corpus contains one of its stems, so these cannot drift from the patterns.
"""

from __future__ import annotations

import re

from scrutiny.loaders.extract.cues import (
    ACCOUNTABLE,
    ANSWER,
    ANSWER_WEAK_ANY,
    ASK_OTHER,
    ASKED_TO,
    FOLDED_QUESTION,
    FUTURE_PASSIVE,
    INTENTION,
    MEMBER_SAYS,
    PASSIVE_ANSWER,
    PASSIVE_QUESTION,
    PROCEDURAL,
    PROGRESS,
    QUESTION,
    REFERRAL,
    REQUEST,
    STANCE,
    UNDERTAKE,
    WOULD_DO,
)

PRECHECK: dict[re.Pattern, tuple[str, ...]] = {
    QUESTION: ("ask", "quer", "question", "enquir", "inquir", "challeng", "disput", "press", "prob",
               "wish", "want", "sought", "raise", "request", "express", "stress", "criticis", "understand",
               "submitted", "tabled", "put", "sent in", "clarity", "wondered", "reiterated", "repeated",
               "restated"),
    ANSWER: ("explain", "told", "confirm", "clarif", "advis", "respond", "repl", "answer", "assur", "acknowledg",
             "report", "stat", "inform", "indicat", "noted", "said", "add", "comment", "emphasi",
             "highlight", "accept", "agreed", "outlin", "suggest", "believ", "reaffirm", "reiterat", "read",
             "provided", "gave", "understood", "estimat"),
    ANSWER_WEAK_ANY: ("report", "told", "stat", "inform", "indicat", "noted", "said", "add", "comment", "emphasi",
                      "highlight", "accept", "agreed", "outlin", "suggest", "believ", "understood", "estimat"),
    STANCE: ("confident", "satisfied", "assured", "content"),
    UNDERTAKE: ("agreed", "undert", "offered", "volunteer", "committed", "pledge", "commitment"),
    ASKED_TO: ("asked", "request", "tasked", "instruct", "invited", "commission", "direct", "required"),
    ASK_OTHER: ("asked", "request", "tasked", "instruct", "commission", "direct", "urged", "encourag", "called"),
    WOULD_DO: ("would", "will", "shall", "should"),
    PASSIVE_QUESTION: ("concern", "question", "quer", "issue", "clarif", "asked"),
    PASSIVE_ANSWER: ("assurance", "explain", "confirm", "clarif", "advis", "report", "stat", "inform",
                     "told", "assur", "response", "reply", "responded"),
    INTENTION: ("intention", "willingness", "readiness", "incumbent"),
    MEMBER_SAYS: ("refer", "suggest", "comment", "highlight", "raise", "felt", "stat", "said", "add",
                  "noted", "point", "observ", "remark", "emphasi", "stress", "argu", "not", "understand",
                  "believ", "consider", "warn", "caution", "question", "surprised", "indicat"),
    FOLDED_QUESTION: ("question", "quer", "point", "concern"),
    FUTURE_PASSIVE: ("would", "will", "shall", "could", "should", "is to", "are to", "was to", "were to",
                     "to be"),
    REQUEST: ("asked", "request", "recommend", "urg", "asking", "seconded"),
    REFERRAL: ("referred",),
    ACCOUNTABLE: ("recommendation", "action", "improvement", "afi", "outstanding", "concern"),
    PROCEDURAL: ("declar", "interest", "apolog", "silence", "introduce", "order of", "nominat", "second",
                 "show of hands", "welcomed"),
    **{pattern: stems for (_, pattern), stems in zip(PROGRESS, (
        ("been", "now"), ("not", "missed", "possible", "delayed"),
        ("being", "ongoing", "progress", "track", "trajectory", "closure", "update", "continu")), strict=True)},
}


# By identity: hashing a pattern reads its whole source, and this is asked for every sentence.
_STEMS_BY_ID = {id(pattern): stems for pattern, stems in PRECHECK.items()}


def lowered(text: str) -> str:
    """The form pre-checks read: lower case, line breaks as spaces ("agreed\\nto")."""
    return text.lower().replace("\n", " ").replace("\u00a0", " ")


def any_stem(stems: tuple[str, ...], low: str) -> bool:
    for stem in stems:  # a plain loop: cheaper than a generator or an alternation here
        if stem in low:
            return True
    return False


def could_match(pattern: re.Pattern, low: str) -> bool:
    stems = _STEMS_BY_ID.get(id(pattern))
    return stems is None or any_stem(stems, low)


def found(pattern: re.Pattern, text: str) -> re.Match | None:
    """``pattern.search(text)``, skipped when the pre-check says it cannot match."""
    return pattern.search(text) if could_match(pattern, lowered(text)) else None
