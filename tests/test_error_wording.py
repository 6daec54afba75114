"""One failure, one wording: the same failure reads the same in every command and endpoint
that meets it, through the real `scrutiny` process and the real app (issue #17)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from scrutiny import queries
from scrutiny.api.app import create_app
from scrutiny.graph import analytics, exports
from scrutiny.graph.stores.base import open_store
from scrutiny.loaders.pipeline import DOCUMENT_SUFFIXES

UNKNOWN = re.compile(r"Error: unknown (?P<kind>[a-z ]+) '(?P<name>[^']+)'"
                     r"(?: \(did you mean (?P<near>[^?]+)\?\))?; one of: (?P<known>.+)")


def scrutiny(*args, env, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scrutiny.cli", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return {**os.environ, "SCRUTINY_DATA_DIR": str(tmp_path / "data"), "SCRUTINY_STORE": "embedded"}


@pytest.fixture
def client(embedded_settings):
    store = open_store(embedded_settings)
    with TestClient(create_app(embedded_settings, store=store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def error_line(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 1, run.stdout[:300]
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    return lines[0]


def failed_lines(run: subprocess.CompletedProcess) -> list[str]:
    assert run.returncode == 1, run.stderr
    return [line for line in run.stderr.splitlines() if line.startswith("failed: ")]


def test_extract_and_load_word_an_unreadable_and_an_unsupported_file_alike(tmp_path, env):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    files = ["binary.txt", "dangling.txt"]
    extracted = scrutiny("extract", *files, "--json-dir", "out", env=env, cwd=tmp_path)
    loaded = scrutiny("load", *files, env=env, cwd=tmp_path)
    expected = ["failed: binary.txt: binary data, not text, HTML or PDF",
                "failed: dangling.txt: No such file or directory"]
    assert failed_lines(extracted) == failed_lines(loaded) == expected
    assert extracted.stderr.splitlines()[-1] == \
        "Error: 2 document(s) could not be read or extracted; the rest are in out"
    assert loaded.stderr.splitlines()[-1] == "Error: 2 document(s) could not be loaded; the rest are in the graph"


def test_extract_and_load_word_a_missing_path_and_an_empty_folder_alike(tmp_path, env):
    (tmp_path / "empty").mkdir()
    kinds = ", ".join(sorted(s for s in DOCUMENT_SUFFIXES if s))
    for path, reason in [("missing.txt", "No such file or directory, and no file matches it as a pattern"),
                         ("empty", f"a folder with no minutes in it (files ending {kinds} or with no ending)")]:
        extracted = error_line(scrutiny("extract", path, "--json-dir", "out", env=env, cwd=tmp_path))
        loaded = error_line(scrutiny("load", path, env=env, cwd=tmp_path))
        assert extracted == loaded == f"Error: {path}: {reason}"


QUERIES = list(queries.registry())


@pytest.mark.parametrize(("args", "kind", "name", "near", "known"), [
    (["query", "run", "who-ask-most"], "saved query", "who-ask-most", "who-asks-most", QUERIES),
    (["query", "show", "who-ask-most"], "saved query", "who-ask-most", "who-asks-most", QUERIES),
    (["view", "--query", "who-ask-most", "--out", "v.html"], "saved query", "who-ask-most", "who-asks-most",
     QUERIES),
    (["export", "gexff", "--out", "x.gexf"], "export format", "gexff", "gexf", list(exports.FORMATS)),
    (["analyse", "holder"], "analysis", "holder", "holders", list(analytics.ANALYSES)),
])
def test_an_unknown_name_says_what_is_known_in_one_shape(tmp_path, env, args, kind, name, near, known):
    (tmp_path / "data" / "falkordb").mkdir(parents=True)  # past the data directory's check (view)
    line = error_line(scrutiny(*args, env=env, cwd=tmp_path))
    match = UNKNOWN.fullmatch(line)
    assert match, line
    assert (match["kind"], match["name"], match["near"]) == (kind, name, near)
    assert match["known"].split(", ") == known


def test_an_unknown_name_without_a_near_one_lists_the_known_ones(tmp_path, env):
    line = error_line(scrutiny("export", "pdf", "--out", "x", env=env, cwd=tmp_path))
    assert line == f"Error: unknown export format 'pdf'; one of: {', '.join(exports.FORMATS)}"


@pytest.mark.parametrize(("args", "url"), [
    (["export", "gexff", "--out", "x.gexf"], "/exports/gexff"),
    (["analyse", "holder"], "/analytics/holder"),
    (["query", "run", "who-asks-most", "-p", "since=last week"], "/queries/who-asks-most?since=last week"),
    (["query", "run", "who-asks-most", "-p", "since=2024-02-30"], "/queries/who-asks-most?since=2024-02-30"),
])
def test_the_cli_and_the_api_word_the_same_failure_identically(tmp_path, env, client, args, url):
    cli = error_line(scrutiny(*args, env=env, cwd=tmp_path)).removeprefix("Error: ")
    answer = client.get(url)
    assert answer.status_code == 422, answer.text
    assert answer.json() == {"error": {"code": "invalid_parameter", "message": cli}}


def test_a_bad_day_is_refused_in_the_words_of_every_date(tmp_path, env, client):
    for args in (["export", "gexf", "--out", "x.gexf", "--since", "2024-13-01"],
                 ["analyse", "holders", "--since", "2024-13-01"]):
        assert error_line(scrutiny(*args, env=env, cwd=tmp_path)) == \
            "Error: --since '2024-13-01' is not a date (write YYYY-MM-DD)"
    answer = client.get("/exports/gexf", params={"since": "2024-13-01"})
    assert answer.status_code == 422
    assert answer.json()["error"]["message"] == "since '2024-13-01' is not a date (write YYYY-MM-DD)"
