"""Extraction works in time linear in its input, and runs under the limits of parsing.

The property: repeat any mixture of the extractor's own vocabulary (the words of its cue
patterns, its honorifics, the auxiliaries a subject may be followed by, runs of punctuation
and spaces) and doubling the text at most about doubles the work (CPU time of n and 2n
measured in one run, median of 3, a generous bound; never an absolute time).  Then the
limit: a document whose extraction overruns is refused in one line naming it, and the rest
of the batch is extracted or loaded, through the real CLI.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutiny.errors import LoaderError
from scrutiny.loaders.extract import clauses, cues, events
from scrutiny.loaders.extract.document import extract
from scrutiny.loaders.extract.lexicon import lexicons
from scrutiny.loaders.extract.limited import extract_limited
from scrutiny.loaders.extract.prechecks import PRECHECK
from scrutiny.loaders.records import DocumentText
from scrutiny.settings import Settings
from tests.conftest import store_env
from tests.hostile import MINUTES

CUE_PATTERNS = [p for p in vars(cues).values() if isinstance(p, re.Pattern)]
CUE_WORDS = sorted({w for p in CUE_PATTERNS for w in re.findall(r"(?<![\\?])\b[A-Za-z]{3,}\b", p.pattern)}
                   | {stem for stems in PRECHECK.values() for stem in stems})
HONORIFICS = sorted({alias.title() for alias in lexicons().honorifics})
AUXILIARIES = sorted(clauses.PRONOUN_WORDS[1] | clauses.FIRST_PERSON_WORDS[1] | clauses.PRONOUN_WORDS[0]
                     | events.RELATIVES | events.BE_FORMS | events.CONJUNCTIONS)
PUNCTUATION = [".", ",", ";", ":", "(", ")", "-", "–", "'", "’", "“", "”", "?", "!", "|", "/", "\n", "\n\n", " "]

token = st.one_of(st.sampled_from(CUE_WORDS), st.sampled_from(AUXILIARIES),
                  st.sampled_from(HONORIFICS).map(lambda h: f"{h} Smith"),
                  st.builds(lambda p, n: p * n, st.sampled_from(PUNCTUATION), st.integers(1, 6)))
unit = st.lists(token, min_size=1, max_size=8).map(" ".join)

SIZE = 6_000  # characters at n
RATIO = 3.0  # linear work doubles; a quadratic rule grows four times at twice the input


def cpu_seconds(text: str) -> float:
    times = []
    for _ in range(3):
        start = time.thread_time()
        extract(DocumentText("property.txt", "text", text))
        times.append(time.thread_time() - start)
    return statistics.median(times)


def doubled_work(piece: str) -> float:
    text = (piece + " ") * (SIZE // (len(piece) + 1) + 1)
    return cpu_seconds(text + text) / max(cpu_seconds(text), 1e-4)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit)
def test_doubling_any_repetition_of_the_extractors_vocabulary_at_most_about_doubles_the_work(piece):
    ratio = doubled_work(piece)
    if ratio > RATIO:  # a busy machine may spoil one measurement; a quadratic rule spoils both
        ratio = min(ratio, doubled_work(piece))
    assert ratio <= RATIO, (piece, ratio)


def test_a_run_of_auxiliaries_is_read_once_not_once_per_cue_in_it():
    # each "shall" is a cue, and looking back for a subject over the fillers before it
    # once read every earlier "shall": the square of the run
    assert doubled_work("shall") <= RATIO


def test_the_vocabulary_comes_from_the_patterns_and_lexicons():
    assert {"asked", "explained", "undertook", "would"} <= set(CUE_WORDS)
    assert {"Councillor", "Chief Constable"} <= set(HONORIFICS)
    assert {"had", "also", "He"} <= set(AUXILIARIES)


def test_a_document_whose_extraction_overruns_is_refused_naming_it_and_the_next_one_extracts():
    limits = Settings(parse_timeout_s=0.5)
    with pytest.raises(LoaderError) as refused:
        extract_limited(DocumentText("long.txt", "text", (MINUTES + " ") * 6_000), limits)
    assert str(refused.value) == "long.txt: extraction took longer than 0.5 s"
    result = extract_limited(DocumentText("short.txt", "text", MINUTES), Settings())
    assert [e.type for e in result.events] == [e.type for e in extract(DocumentText("s", "text", MINUTES)).events]
    assert result.document.title  # what extraction describes comes back with it


def test_extraction_in_the_worker_gives_what_extraction_in_process_gives():
    doc = DocumentText("minutes.txt", "text", "Durham Police and Crime Panel\n2 July 2020\n\n" + MINUTES)
    limited = extract_limited(DocumentText(doc.source, doc.format, doc.text), Settings())
    assert limited.to_json() == extract(doc).to_json()


@pytest.mark.parametrize("command", ["load", "extract"])
def test_the_cli_refuses_an_overrunning_document_in_one_line_and_keeps_the_rest(command, tmp_path,
                                                                             embedded_settings):
    (tmp_path / "short.txt").write_text(MINUTES)
    (tmp_path / "long.txt").write_text((MINUTES + " ") * 6_000)
    args = ["--json-dir", str(tmp_path / "out")] if command == "extract" else []
    run = subprocess.run([sys.executable, "-m", "scrutiny.cli", command, str(tmp_path / "short.txt"),
                          str(tmp_path / "long.txt"), *args], capture_output=True, text=True, timeout=300,
                         env={**store_env(embedded_settings), "SCRUTINY_PARSE_TIMEOUT_S": "1"})
    assert run.returncode == 1
    refused = [line for line in run.stderr.splitlines() if "long.txt" in line]
    assert refused == [f"failed: {tmp_path / 'long.txt'}: extraction took longer than 1 s"], run.stderr
    assert "Traceback" not in run.stderr
    if command == "load":
        assert run.stdout.startswith("loaded 1, skipped 0 unchanged, failed 1")
    else:
        assert (tmp_path / "out" / "short.json").is_file() and not (tmp_path / "out" / "long.json").exists()
