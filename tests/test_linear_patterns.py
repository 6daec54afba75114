"""Every compiled pattern of the extractor runs in linear time on pathological strings.

The patterns are collected by walking the modules' globals (patterns, and lists, dicts and
head-phrase objects holding them), so a new pattern is covered without listing it here.
Each is run the way the extractor runs it: ``finditer`` over the string when any call site
searches with it, ``match`` at its start when every call site matches at a position.  Work
is compared at n and 2n characters within one run (median of 3): linear work doubles, the
quadratic and worse grow four times or more.  No time is asserted, only the ratio.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import signal
import statistics
import time
from pathlib import Path

import pytest

import scrutiny.loaders.extract as extract_package
import scrutiny.loaders.read as read_package
from scrutiny.loaders.extract.anchored import Heads

MODULES = ["scrutiny.loaders.dates",
           *(f"scrutiny.loaders.extract.{m.name}" for m in pkgutil.iter_modules(extract_package.__path__)),
           *(f"scrutiny.loaders.read.{m.name}" for m in pkgutil.iter_modules(read_package.__path__))]
SIZE = 25_000  # characters at n; 2n is 50 KB
RATIO = 3.2  # linear work doubles; quadratic work grows four times
FAST = 0.002  # seconds at 2n under which no ratio is worth reading (a quadratic scan of 50 KB takes far longer)
UNITS = {
    "spaces": " ", "newlines": "\n", "blank lines": " \n", "tabs": "\t ", "dots": ".", "letters": "a",
    "capitals": "A", "had also": "had also ", "had,": "had, ", "capitalised words": "Alpha ",
    "words in capitals": "ALPHA ", "digits": "1", "numbers": "12 ", "mixed punctuation": ", . ; : - ",
    "initials": "A. ", "parentheses": "(", "list markers": "(a) ", "quotes": "'", "curly quotes": "“a” ",
    "possessives": "Alpha's ", "dashes": "-", "the": "the ", "The Word": "The Alpha ", "and Word": "and Alpha ",
    "Word,": "Alpha, ", "of the": "of the ", "table borders": "| ", "colons": ":", "semicolon lines": ";\n",
    "glued stops": "x.", "glued words": "Aa.", "RESOLVED": "RESOLVED ", "that": "that ", "slashes": "1/",
}


def _patterns_in(value, found: set[re.Pattern], depth: int = 0) -> None:
    if isinstance(value, re.Pattern):
        found.add(value)
    elif isinstance(value, Heads):
        found.add(value.pattern)
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _patterns_in(item, found, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            _patterns_in(key, found, depth + 1)
            _patterns_in(item, found, depth + 1)


def _searched_names(source: str) -> tuple[set[str], set[str]]:
    """Names of globals called with a searching method, and with a matching one."""
    searched, matched = set(), set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)
            if node.func.attr in ("search", "finditer", "findall", "sub", "split"):
                searched.add(name)
            elif node.func.attr in ("match", "fullmatch"):
                matched.add(name)
    return searched, matched


def extractor_patterns() -> dict[re.Pattern, tuple[str, bool]]:
    """{pattern: (where it is, whether it is searched)}: a pattern only ever matched at a
    position is run that way; any other (in a list, or searched) is searched."""
    searched, matched, where = set(), set(), {}
    sources = {name: Path(importlib.import_module(name).__file__).read_text() for name in MODULES}
    for source in sources.values():
        s, m = _searched_names(source)
        searched |= s
        matched |= m
    found: dict[re.Pattern, tuple[str, bool]] = {}
    for name in MODULES:
        for attr, value in vars(importlib.import_module(name)).items():
            patterns: set[re.Pattern] = set()
            _patterns_in(value, patterns)
            only_matched = isinstance(value, re.Pattern) and attr in matched and attr not in searched
            for p in patterns:
                where.setdefault(p, f"{name}.{attr}")
                found.setdefault(p, (where[p], not only_matched))
    return found


class Overran(Exception):
    pass


def _alarm(*_):
    raise Overran


def _run(pattern: re.Pattern, text: str, searched: bool) -> None:
    if searched:
        for _ in pattern.finditer(text):
            pass
    else:
        pattern.match(text)


def _seconds(pattern: re.Pattern, text: str, searched: bool) -> float:
    times = []
    for _ in range(3):
        start = time.thread_time()
        _run(pattern, text, searched)
        times.append(time.thread_time() - start)
    return statistics.median(times)


def growth(pattern: re.Pattern, unit: str, searched: bool) -> float | None:
    """Time at 2n over time at n, or None when 2n is too fast to read a ratio from."""
    text = unit * (2 * SIZE // len(unit))
    if _seconds(pattern, text, searched) < FAST:
        return None
    ratios = []
    for _ in range(2):  # twice: a machine's noise may spoil one measurement, not both
        ratios.append(_seconds(pattern, text, searched) / max(_seconds(pattern, text[:len(text) // 2], searched), 1e-9))
        if ratios[-1] <= RATIO:
            break
    return min(ratios)


PATTERNS = extractor_patterns()


def test_the_patterns_are_found_by_walking_the_modules():
    names = {where for where, _ in PATTERNS.values()}
    assert len(PATTERNS) > 150
    assert {"scrutiny.loaders.extract.cues.SUBJECT_FILLER", "scrutiny.loaders.extract.decisions.CONJUNCT",
            "scrutiny.loaders.extract.segment.BLANK_LINES"} <= names
    assert PATTERNS[importlib.import_module("scrutiny.loaders.extract.cues").QUESTION][1]  # searched


@pytest.mark.parametrize("unit_name", list(UNITS))
def test_every_extractor_pattern_works_in_linear_time_on_pathological_strings(unit_name):
    unit = UNITS[unit_name]
    slow = {}
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for pattern, (where, searched) in PATTERNS.items():
            signal.setitimer(signal.ITIMER_REAL, 10)
            try:
                ratio = growth(pattern, unit, searched)
            except Overran:
                slow[where] = "did not finish"
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if ratio is not None and ratio > RATIO:
                slow[where] = f"x{ratio:.1f} for twice the input"
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not slow, slow
