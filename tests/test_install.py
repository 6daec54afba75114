"""The install: building the package from pyproject.toml prints no warning of ours, and the
wheel holds every data file the code reads (saved queries, lexicons, view assets)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from scrutiny import queries
from tests.conftest import ROOT


def test_building_the_package_warns_of_nothing_and_ships_its_data(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "--quiet", "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True,
                           timeout=300)
    assert built.returncode == 0, built.stderr
    said = (built.stdout + built.stderr).lower()
    assert "warning" not in said and "deprecat" not in said, said[:2000]
    wheel = next(tmp_path.glob("scrutiny_graph-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"scrutiny/queries/{p.name}" for p in (ROOT / "queries").glob("*.cypher")} <= names
    assert len(queries.registry()) == len([n for n in names if n.endswith(".cypher")])
    assert any(n.startswith("scrutiny/loaders/extract/lexicons/") and n.endswith(".txt") for n in names)
    assert any(n.startswith("scrutiny/viz/assets/") for n in names)
    assert "scrutiny/cli/report.py" in names
