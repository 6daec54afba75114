"""Build .mypy-tree/: the installed package layout, as symbolic links, for mypy.

pyproject.toml maps graph/ to scrutiny.graph, loaders/ to scrutiny.loaders and so on
([tool.setuptools.package-dir]), and the editable install resolves that mapping with an
import hook that mypy does not run.  This script lays the mapping out on disk:
.mypy-tree/scrutiny/ holds links to the files of scrutiny/, and scrutiny/graph links to
graph/, scrutiny/loaders to loaders/, ...; a package that sits where its parent's
directory would put it is reached through its parent's link.  Directory links mean a
new module needs no rebuild; `make lint` rebuilds the tree anyway, so a new mapping
does not either.

    python tools/mypy_tree.py [OUT]     (default .mypy-tree, beside pyproject.toml)
"""

from __future__ import annotations

import os
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"__pycache__"}


def mapping(pyproject: Path) -> dict[str, Path]:
    """Package name -> source directory, from [tool.setuptools.package-dir]."""
    table = tomllib.loads(pyproject.read_text())["tool"]["setuptools"]["package-dir"]
    return {name: (pyproject.parent / src).resolve() for name, src in table.items()}


def _parent(name: str) -> str:
    return name.rpartition(".")[0]


def _natural(name: str, dirs: dict[str, Path]) -> bool:
    """True if the package's directory is where its parent's directory puts it."""
    parent = _parent(name)
    return parent in dirs and dirs[parent] / name.rpartition(".")[2] == dirs[name]


def _needs_real_dir(name: str, dirs: dict[str, Path]) -> bool:
    """A package must be a real directory if it has no parent or a descendant lives elsewhere."""
    if not _parent(name):
        return True
    return any(other.startswith(name + ".") and not _natural(other, dirs) for other in dirs)


def _link(target: Path, at: Path) -> None:
    at.symlink_to(os.path.relpath(target, at.parent), target_is_directory=target.is_dir())


def _build(name: str, at: Path, dirs: dict[str, Path]) -> None:
    if not _needs_real_dir(name, dirs):
        _link(dirs[name], at)
        return
    at.mkdir(parents=True)
    children = {other.rpartition(".")[2]: other for other in dirs if _parent(other) == name}
    for entry in sorted(dirs[name].iterdir()):
        if entry.name not in SKIP and entry.name not in children:
            _link(entry, at / entry.name)
    for short, child in sorted(children.items()):
        _build(child, at / short, dirs)


def build(out: Path, pyproject: Path = ROOT / "pyproject.toml") -> None:
    """Replace OUT with a fresh tree of links for every top-level package in the mapping."""
    dirs = mapping(pyproject)
    if out.is_symlink() or out.is_file():
        out.unlink()
    elif out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in sorted(dirs):
        if not _parent(name):
            _build(name, out / name, dirs)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".mypy-tree")
