"""Scans whose work is what they read, not the length of the sentence they read in.

The event rules ask about many positions of one span: for every cue of a sentence, "is there
a 'whether' before it?", "does the text before it end 'He also'?", "is there a due date
after it?".  Answered by searching from the sentence start each time, one long sentence with
many cues costs the square of its length; these helpers answer each question reading only
the words it is about, or reuse one search of the span for every position.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator


def words_back(text: str, start: int, pos: int) -> Iterator[tuple[str, int]]:
    """The words of ``text[start:pos]`` from its end: (word, whitespace after it), as the
    patterns' ``\\w+`` and ``\\s+`` read them; the last one yielded is "" where a character
    that is neither (or ``start``) stops the run."""
    while True:
        end = pos
        while pos > start and text[pos - 1].isspace():
            pos -= 1
        gap, word_end = end - pos, pos
        while pos > start and (text[pos - 1].isalnum() or text[pos - 1] == "_"):
            pos -= 1
        yield text[pos:word_end], gap
        if pos == word_end:
            return


MOST_FILLERS = 4  # "we would also then have": more auxiliaries than this is no clause's


def ends_with(text: str, start: int, pos: int, heads: frozenset[str],
              fillers: frozenset[str] = frozenset()) -> bool:
    """Whether ``text[start:pos]`` ends with a head word and up to ``MOST_FILLERS`` filler
    words, each followed by whitespace: ``\\b(?:HEAD)\\s+(?:(?:FILLER)\\s+){0,4}$`` read
    backwards.  The bound keeps a run of fillers ("shall shall shall ...") from being read
    again for every cue in it."""
    for word, gap in itertools.islice(words_back(text, start, pos), MOST_FILLERS + 1):
        if gap == 0:
            return False
        if word in heads:
            return True
        if word not in fillers:
            return False
    return False


def last_words(text: str, start: int, pos: int, count: int) -> list[tuple[str, int]]:
    """Up to ``count`` (word, whitespace after it) pairs ending ``text[start:pos]``, last first."""
    found: list[tuple[str, int]] = []
    for word, gap in words_back(text, start, pos):
        if not word or len(found) == count:
            break
        found.append((word, gap))
    return found


class Earlier:
    """Whether ``pattern`` matches in ``span[:k]``, for any number of k: the span's first match
    is found once.  For patterns that start and end at a word (``\\b...\\b``), asked at word
    starts, where cutting the span can make no match that the whole span lacks."""

    def __init__(self, pattern: re.Pattern, span: str):
        self.pattern, self.span = pattern, span
        self.first = pattern.search(span)

    def before(self, k: int) -> bool:
        m = self.first
        if m is None or m.start() >= k:
            return False
        if m.end() <= k:
            return True
        return self.pattern.search(self.span, m.start(), k) is not None  # the first match runs past k


class Forward:
    """``pattern.search(text, pos, end)`` for positions that do not go back: the last match is
    the answer for every position up to its start, so a run of searches reads the text once."""

    def __init__(self, pattern: re.Pattern, text: str, end: int | None = None):
        self.pattern, self.text = pattern, text
        self.end = len(text) if end is None else end
        self.at: int | None = None
        self.match: re.Match | None = None

    def search(self, pos: int) -> re.Match | None:
        if self.at is None or pos < self.at or (self.match is not None and pos > self.match.start()):
            self.at, self.match = pos, self.pattern.search(self.text, pos, self.end)
        return self.match


class SpanIndex:
    """(start, end, value) spans, asked which lie inside a range: bisection over their starts
    instead of reading every span for every range.  Answers keep the spans' own order."""

    def __init__(self, spans: list[tuple[int, int, str]]):
        self.spans = spans
        self.order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.order]

    def inside(self, start: int, end: int) -> list[str]:
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        return [self.spans[i][2] for i in sorted(i for i in self.order[lo:hi] if self.spans[i][1] <= end)]


class Covered:
    """Whether a position lies inside any of some spans (which may overlap): bisection over
    their starts and the furthest end reached so far."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span (reaches into it or lies inside it)."""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start
