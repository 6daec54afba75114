"""Heads first: find a phrase by its rare last words, then read back to where it starts.

"the Strategic Risk Manager", "Barnsley MBC", "the working group", "OPCC Risk Register":
their last words are rare and their first words (a capital, "the") are everywhere, so a
pattern tried at every first word scans the whole text slowly.  Finding the heads, then
matching an end-anchored pattern in a short window before each, costs one fast scan.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrutiny.loaders.extract.lexicon import Tokens


@lru_cache(maxsize=64)
def ending(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` anchored to end where the window ends (its outer ``\\b`` dropped)."""
    source = pattern.pattern.removeprefix(r"\b").removesuffix(r"\b")
    return re.compile(f"(?:{source})$", pattern.flags)


class Heads:
    """The head phrases of a productive pattern, as data: the regex that finds them and the
    first words it can begin with (tried only where a token is one of them)."""

    def __init__(self, *phrases: str, any_case: bool = False):
        ordered = sorted(phrases, key=len, reverse=True)
        alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
        self.pattern = re.compile(rf"\b(?:{alternation})\b", re.I if any_case else 0)
        self.firsts = frozenset(Tokens.of(p).norm[0] for p in phrases)


def heads(text: str, head: Heads) -> list[tuple[int, int]]:
    """Where a head phrase stands in ``text``."""
    tokens = Tokens.cached(text)
    found = []
    for word, start in zip(tokens.norm, tokens.starts, strict=True):
        if word in head.firsts and (m := head.pattern.match(text, start)):
            found.append(m.span())
    return found


def read_back(text: str, spans: list[tuple[int, int]], pattern: re.Pattern, reach: int,
              word_end: bool = True) -> list[re.Match]:
    """Matches of ``pattern`` that end at one of the head ``spans``, starting at a word
    (and ending at one unless ``word_end`` is False).  Where two overlap, the longer wins:
    "the Service Delivery Model team" over "the Service" inside it."""
    anchored = ending(pattern)
    found = []
    for start, end in spans:
        m = anchored.search(text, _window_start(text, max(0, start - reach), start), end)
        if m and _whole(text, m.start(), m.end() if word_end else None):
            found.append(m)
    return _longest(found)


def _window_start(text: str, lowest: int, head: int) -> int:
    """Where to start reading back: no phrase runs across a blank line or a sentence's end
    (an anchored search tries every start, so a shorter window is a cheaper one)."""
    cut = max(text.rfind("\n\n", lowest, head), text.rfind(". ", lowest, head), text.rfind("; ", lowest, head))
    return cut + 2 if cut >= 0 else lowest


def _longest(found: list[re.Match]) -> list[re.Match]:
    """Non-overlapping matches in text order, the longer of two that overlap (linear)."""
    kept: list[re.Match] = []
    for m in sorted(found, key=lambda m: (m.start(), -m.end())):
        if kept and m.start() < kept[-1].end():
            if m.end() - m.start() > kept[-1].end() - kept[-1].start():
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def match_around(text: str, head: Heads, pattern: re.Pattern, back: int = 3) -> list[re.Match]:
    """Matches of ``pattern`` that take in a head phrase, tried from up to ``back`` tokens
    before it: for patterns that run on past their head ("a member of the Panel")."""
    tokens = Tokens.cached(text)
    found, reached = [], 0
    for i, (word, start) in enumerate(zip(tokens.norm, tokens.starts, strict=True)):
        if word not in head.firsts or start < reached or not head.pattern.match(text, start):
            continue
        for j in range(max(0, i - back), i + 1):
            if tokens.starts[j] >= reached and (m := pattern.match(text, tokens.starts[j])) and m.end() > start:
                found.append(m)
                reached = m.end()
                break
    return found


def _whole(text: str, start: int, end: int | None) -> bool:
    starts_word = start == 0 or not text[start - 1].isalnum()
    return starts_word and (end is None or end == len(text) or not text[end].isalnum())
