"""Docs and deployment files that must not drift from the code."""

from __future__ import annotations

import re

import yaml

from scrutiny.graph.catalog import CATALOG
from scrutiny.graph.cypher import neo4j_schema_statements
from scrutiny.settings import settings_table
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_compose_file_runs_the_neo4j_line_the_suite_tests_with_a_volume_healthcheck_and_the_api():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    neo4j = compose["services"]["neo4j"]
    tested = re.search(r"<neo4j.version>(\d+\.\d+)\.\d+</neo4j.version>",
                       (ROOT / "tools" / "neo4j5" / "pom.xml").read_text()).group(1)
    assert neo4j["image"] == f"neo4j:{tested}-community"
    assert "neo4j-data:/data" in neo4j["volumes"]
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    api = compose["services"]["api"]
    assert api["environment"]["SCRUTINY_STORE"] == "neo4j"
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_every_setting_is_documented_in_the_readme():
    for variable, _, _ in settings_table():
        assert variable in README, variable


def test_every_label_has_a_key_constraint_on_both_stores():
    ddl = "\n".join(neo4j_schema_statements())
    for label in CATALOG.labels:
        assert f"FOR (n:{label}) REQUIRE n.key IS UNIQUE" in ddl
        assert label in README


def test_readme_commands_are_the_makefile_targets():
    assert "make run" in README and "make test" in README
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")


def test_ci_lints_before_testing():
    steps = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert "set -euo pipefail" in steps
    assert steps.index("make lint") < steps.index("make test")


def test_readme_schema_tables_are_the_declared_schema():
    from scrutiny.graph.catalog import markdown_tables
    assert markdown_tables() in README


def test_readme_layout_lists_every_package_folder_and_only_folders_that_exist():
    import tomllib
    dirs = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"].values())
    layout = README.split("## Layout\n", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([\w/]+)/`", layout, re.M))
    assert dirs - {"viz/assets"} <= listed  # the views' assets are named in viz/'s row
    assert all((ROOT / folder).is_dir() for folder in listed)


def test_every_picture_the_readme_shows_is_a_committed_png():
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert "docs/dossier.png" in pictures and "docs/kent-view.png" in pictures
    for path in pictures:
        assert (ROOT / path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", path
