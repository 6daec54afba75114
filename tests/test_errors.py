"""One error tree, one shape: saved-query header errors name their file and line, each
error class has one HTTP status, and every CLI command prints errors on one line."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from scrutiny import queries
from scrutiny.errors import QueryParameterError, SavedQueryError

GOOD = "// name: q\n// title: Q\n// param: body string null Body name contains\n"


@pytest.mark.parametrize("line, reason", [
    ("// param: body strnig null Body", "unknown type 'strnig'"),
    ("// param: body string", "needs name, type and default"),
    ("// param: year int twenty The year", "default 'twenty' is not a int"),
    ("// titel: Open commitments", "unknown header 'titel'"),
    ("// fulltext: words", "fulltext names 'words'"),
])
def test_a_bad_header_line_names_the_file_and_line(tmp_path, line, reason):
    path = tmp_path / "q.cypher"
    path.write_text(GOOD + line + "\nMATCH (n) RETURN n\n", encoding="utf-8")
    with pytest.raises(SavedQueryError, match=reason) as caught:
        queries.parse(path)
    assert (caught.value.path, caught.value.line) == (str(path), 4)
    assert str(caught.value).startswith(f"{path}:4: ")


def test_the_saved_queries_all_parse():
    assert all(q.cypher for q in queries.registry().values())


def _commands(group: click.Group):
    for cmd in group.commands.values():
        yield cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd)


def test_every_command_is_behind_the_one_line_error_wrapper():
    from scrutiny.cli import main
    commands = list(_commands(main))
    assert {"list", "show", "run", "load", "extract", "moderngov"} <= {c.name for c in commands}
    assert all(getattr(c.callback, "one_line_errors", False) for c in commands)


def test_query_list_reports_a_broken_saved_query_on_one_line(tmp_path, monkeypatch):
    from scrutiny.cli import main
    (tmp_path / "bad.cypher").write_text("// name: bad\n// param: x nosuch null\nRETURN 1\n", encoding="utf-8")
    monkeypatch.setattr(queries, "HERE", tmp_path)
    queries.registry.cache_clear()
    try:
        result = CliRunner().invoke(main, ["query", "list"])
    finally:
        queries.registry.cache_clear()
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {tmp_path / 'bad.cypher'}:2: param x has unknown "
                                                  "type 'nosuch'; one of: string, int, float, bool, date"]


@pytest.fixture
def client(tmp_path):
    from scrutiny.api.app import create_app
    from scrutiny.settings import Settings
    app = create_app(Settings(data_dir=tmp_path / "data"), store=object())

    @app.get("/raises")
    def raises():
        raise QueryParameterError("parameter x must be int, got 'y'")

    with TestClient(app) as c:
        yield c


def test_a_bad_parameter_has_one_status_whoever_finds_it(client):
    ours = client.get("/raises")  # found by scrutiny
    fastapi = client.get("/queries/open-commitments", params={"as_of": "yesterday"})  # by validation
    assert ours.status_code == fastapi.status_code == QueryParameterError.status == 422
    assert ours.json()["error"]["code"] == fastapi.json()["error"]["code"] == "invalid_parameter"
    assert ours.json() == {"error": {"code": "invalid_parameter", "message": "parameter x must be int, got 'y'"}}


def test_the_documented_errors_are_the_classes_statuses(client):
    documented = client.get("/openapi.json").json()["paths"]["/chains"]["get"]["responses"]
    assert "400" not in documented and {"404", "422", "503", "504"} <= set(documented)
