"""The CLI's conventions, as sqlite-utils has them, through the real `scrutiny` process:
formats and columns, parameters listed and checked, limits and paging, one-line errors,
and loading nothing is not success."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from scrutiny import queries
from tests.conftest import EXAMPLES, bundled, store_env

WHO_ASKS = ["body", "asker", "questions", "challenges", "meetings"]


def scrutiny(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scrutiny.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


@pytest.fixture
def bundled_env(store_kind, graphs) -> dict[str, str]:
    return store_env(bundled(graphs, store_kind)[1])


@pytest.fixture
def no_store_env(tmp_path) -> dict[str, str]:
    """A child whose data directory does not exist (commands that open no store)."""
    return {**os.environ, "SCRUTINY_DATA_DIR": str(tmp_path / "none"), "SCRUTINY_STORE": "embedded"}


def assert_one_line_error(run: subprocess.CompletedProcess, *words: str) -> None:
    assert run.returncode != 0, run.stdout[:300]
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.stderr.startswith("Error: ")
    for word in words:
        assert word in run.stderr, (word, run.stderr)


def test_every_format_prints_the_same_rows(bundled_env):
    def ran(*fmt):
        out = scrutiny("query", "run", "who-asks-most", *fmt, env=bundled_env)
        assert out.returncode == 0, out.stderr
        return out.stdout
    rows = json.loads(ran("--format", "json"))
    assert rows and all(list(r) == WHO_ASKS for r in rows)
    assert [json.loads(line) for line in ran("--nl").splitlines()] == rows
    as_csv = list(csv.DictReader(io.StringIO(ran("--format", "csv"))))
    as_tsv = list(csv.DictReader(io.StringIO(ran("--format", "tsv")), delimiter="\t"))
    assert as_csv == as_tsv == [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows]
    table = ran().splitlines()
    assert table[0].split() == WHO_ASKS and len(table) == len(rows) + 2


def test_columns_choose_and_order_and_no_headers_drops_the_header(bundled_env):
    picked = scrutiny("query", "run", "who-asks-most", "--columns", "questions,asker", "--format", "csv",
                      "--no-headers", env=bundled_env)
    full = json.loads(scrutiny("query", "run", "who-asks-most", "--format", "json", env=bundled_env).stdout)
    assert picked.stdout.splitlines() == [f"{r['questions']},{r['asker']}" for r in full]
    wrong = scrutiny("query", "run", "who-asks-most", "--columns", "asker,nosuch", env=bundled_env)
    assert_one_line_error(wrong, "unknown column 'nosuch'", "one of: body, asker")


def test_csv_has_the_same_columns_with_no_rows(bundled_env):
    for name in ("who-asks-most", "open-commitments"):
        empty = scrutiny("query", "run", name, "-p", "body=no such body", "--format", "csv", env=bundled_env)
        assert empty.returncode == 0, empty.stderr
        assert empty.stdout.splitlines() == [",".join(queries.get(name).columns)]
    review = scrutiny("review", "--body", "no such body", "--format", "tsv", env=bundled_env)
    assert review.stdout.splitlines() == ["\t".join(queries.get("unresolved-references").columns)]


def test_limit_and_offset_page_through_the_rows(bundled_env):
    def names(*args):
        out = scrutiny("query", "run", "unresolved-references", "--format", "json", *args, env=bundled_env)
        assert out.returncode == 0, out.stderr
        return [r["event_key"] for r in json.loads(out.stdout)]
    every = names()
    assert len(every) >= 4
    assert names("--limit", "2") == every[:2]
    assert names("--limit", "2", "--offset", "2") == every[2:4]
    assert names("--offset", str(len(every))) == []


def test_a_limit_that_is_not_positive_is_refused_on_one_line(no_store_env):
    for bad in ("0", "-1", "ten"):
        refused = scrutiny("query", "run", "unresolved-references", "--limit", bad, env=no_store_env)
        assert_one_line_error(refused, "--limit", bad)


def test_query_list_json_gives_every_parameter(no_store_env):
    listed = json.loads(scrutiny("query", "list", "--format", "json", env=no_store_env).stdout)
    assert [q["name"] for q in listed] == list(queries.registry())
    chains = next(q for q in listed if q["name"] == "accountability-chains")
    assert chains["parameters"][0] == {"name": "body", "type": "string", "default": None, "required": False,
                                       "description": 'Body name contains, e.g. "durham"'}
    assert {"name": "limit", "type": "int", "default": 200, "required": False} \
        .items() <= next(p for p in chains["parameters"] if p["name"] == "limit").items()
    record = next(q for q in listed if q["name"] == "accountability-record")
    assert record["parameters"][0]["required"] is True
    helped = scrutiny("query", "run", "--help", env=no_store_env).stdout
    assert "scrutiny query list --format json" in " ".join(helped.split())


def test_unknown_parameter_and_misspelt_query_say_what_is_valid(no_store_env):
    unknown = scrutiny("query", "run", "who-asks-most", "-p", "bodies=kent", env=no_store_env)
    assert_one_line_error(unknown, "has no parameter bodies", "its parameters: body, since, until, limit")
    misspelt = scrutiny("query", "run", "who-ask-most", env=no_store_env)
    assert_one_line_error(misspelt, "did you mean who-asks-most?")


def test_bad_settings_and_data_directories_are_one_line_errors(tmp_path, no_store_env):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a directory")
    cases = [
        ({"SCRUTINY_ROW_LIMIT": "many"}, ["report"], ["SCRUTINY_ROW_LIMIT='many'", "integer"]),
        ({"SCRUTINY_QUERY_TIMEOUT_MS": "0"}, ["review"], ["SCRUTINY_QUERY_TIMEOUT_MS='0'"]),
        ({"SCRUTINY_STORE": "mongodb"}, ["report"], ["SCRUTINY_STORE='mongodb'", "'embedded' or 'neo4j'"]),
        ({"SCRUTINY_DATA_DIR": str(a_file)}, ["report"], [f"data directory {a_file} is a file"]),
        ({"SCRUTINY_DATA_DIR": str(a_file)}, ["load", str(EXAMPLES)], [f"data directory {a_file} is a file"]),
    ]
    for env, args, words in cases:
        assert_one_line_error(scrutiny(*args, env={**no_store_env, **env}), *words)


def test_an_unwritable_out_is_one_line(graphs, tmp_path):
    env = store_env(bundled(graphs, "embedded")[1])
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    drawn = scrutiny("view", "--query", "accountability-chains", "--out", str(blocked / "view.html"), env=env)
    assert_one_line_error(drawn, str(blocked))


def test_read_commands_do_not_create_a_missing_store(tmp_path, no_store_env):
    missing = tmp_path / "none"
    for args in (["report"], ["review"], ["query", "run", "who-asks-most"],
                 ["view", "--query", "open-commitments", "--out", str(tmp_path / "v.html")]):
        assert_one_line_error(scrutiny(*args, env=no_store_env), f"no store at {missing}")
    assert not missing.exists()


def test_loading_nothing_exits_1_saying_so(tmp_path, no_store_env):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.docx").write_bytes(b"PK")
    assert_one_line_error(scrutiny("load", str(empty), env=no_store_env), f"{empty}: a folder with no minutes")
    pattern = str(tmp_path / "*.pdf")
    assert_one_line_error(scrutiny("load", pattern, env=no_store_env), f"{pattern}: ", "no file matches it")
    assert not (tmp_path / "none").exists()


def test_a_document_with_nothing_extracted_is_a_warning(tmp_path, settings):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "apologies.txt").write_text("Apologies for absence were received from two members.\n")
    (folder / "item.txt").write_text((EXAMPLES / "durham-pcp-hmicfrs-inspections.txt").read_text())
    loaded = scrutiny("load", str(folder), env=store_env(settings))
    assert loaded.returncode == 0, loaded.stderr
    warning = f"warning: {folder / 'apologies.txt'}: no questions, answers or commitments found"
    assert warning in loaded.stderr.splitlines()
    assert "item.txt" not in loaded.stderr
    saved = json.loads(next((settings.data_dir / "load-reports").glob("*.json")).read_text())
    assert saved["warnings"] == [{"file": str(folder / "apologies.txt"),
                                  "warning": "no questions, answers or commitments found"}]
    assert "loaded 2, skipped 0 unchanged, failed 0" in loaded.stdout
