"""Sidecar metadata for documents whose text does not say where or when it is from.

A ``manifest.csv`` (columns ``file,url,body,meeting_date[,title]``) or
``manifest.json`` (a list of such objects, or an object keyed by file name)
beside the files; CLI flags override it for the documents they name.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, fields, replace
from pathlib import Path

from scrutiny.errors import LoaderError

MANIFEST_NAMES = ("manifest.csv", "manifest.json")


@dataclass(frozen=True)
class Metadata:
    url: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    title: str | None = None
    source: str | None = None  # how the document is cited instead of its path (an upload's name)

    def overridden(self, **values) -> Metadata:
        return replace(self, **{k: v for k, v in values.items() if v})


def _row_metadata(row: dict) -> Metadata:
    names = {f.name for f in fields(Metadata)}
    return Metadata(**{k: (v or "").strip() or None for k, v in row.items() if k in names})


def _read_rows(path: Path) -> list[dict]:
    try:
        if path.suffix == ".csv":
            with path.open(newline="", encoding="utf-8-sig") as fh:
                return list(csv.DictReader(fh))
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, csv.Error) as exc:
        raise LoaderError(str(path), f"unreadable manifest: {exc}") from exc
    if isinstance(data, dict):
        return [{"file": k, **v} for k, v in data.items()]
    return list(data)


def read_manifest(directory: Path) -> dict[str, Metadata]:
    """File name -> metadata for the manifests in ``directory``."""
    found: dict[str, Metadata] = {}
    for name in MANIFEST_NAMES:
        path = directory / name
        if path.exists():
            for row in _read_rows(path):
                if row.get("file"):
                    found[Path(row["file"]).name] = _row_metadata(row)
    return found


class ManifestCache:
    """Manifests read once per directory while a batch goes through."""

    def __init__(self):
        self._by_dir: dict[Path, dict[str, Metadata]] = {}

    def metadata(self, path: Path) -> Metadata:
        directory = path.resolve().parent
        if directory not in self._by_dir:
            self._by_dir[directory] = read_manifest(directory)
        return self._by_dir[directory].get(path.name, Metadata())
