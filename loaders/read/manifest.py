"""Sidecar metadata for documents whose text does not say where or when it is from.

A ``manifest.csv`` (columns ``file,url,body,meeting_date[,title]``) or
``manifest.json`` (a list of such objects, or an object keyed by file name)
beside the files; CLI flags override it for the documents they name.

A wrong entry (a value that is not text, a meeting date that is no date) refuses its
document, naming the manifest and the entry: loaded without its metadata, the document would
be skipped as unchanged once the manifest is put right.  An entry that names no file is
reported on its own line; a manifest that cannot be read at all refuses the documents beside
it.  The other documents of the folder load.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from scrutiny.errors import LoaderError, not_a_date
from scrutiny.loaders.dates import parse_date

MANIFEST_NAMES = ("manifest.csv", "manifest.json")
MANIFEST_MAX_BYTES = 16 * 1024 * 1024
FIELDS = ("url", "body", "meeting_date", "title", "source")
JSON_TYPES = {bool: "true or false", int: "a number", float: "a number", str: "text", list: "a list",
              dict: "an object", type(None): "null"}


@dataclass(frozen=True)
class Metadata:
    url: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    title: str | None = None
    source: str | None = None  # how the document is cited instead of its path (an upload's name)

    def overridden(self, **values) -> Metadata:
        return replace(self, **{k: v for k, v in values.items() if v})


@dataclass
class Manifest:
    """What a folder's manifests say: per file name its metadata, or why its entry is refused;
    what names no file; or why the manifests cannot be read at all."""

    entries: dict[str, Metadata | str] = field(default_factory=dict)
    problems: list[LoaderError] = field(default_factory=list)
    unreadable: str | None = None


def _what(value: Any) -> str:
    return JSON_TYPES.get(type(value), type(value).__name__)


def _metadata(fields: Any) -> Metadata:
    """One entry's metadata; ValueError with the reason when it is not of the right types."""
    if not isinstance(fields, dict):
        raise ValueError(f"{_what(fields)}, not an object of {', '.join(FIELDS[:-1])}")
    values: dict[str, str | None] = {}
    for name in FIELDS:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{name} is {_what(value)}, not text")
        values[name] = (value or "").strip() or None
    date = values["meeting_date"]
    if date and not parse_date(date):
        raise ValueError(not_a_date("meeting_date", date))
    return Metadata(**values)


def _parsed(path: Path) -> Iterator[tuple[str, Any, Any]]:
    """(how the entry is named, its file, its fields) for each entry of one manifest;
    LoaderError when it cannot be read, ValueError when it holds no entries."""
    from scrutiny.loaders.read.files import read_regular  # files reads Metadata from here
    data = read_regular(path, str(path), MANIFEST_MAX_BYTES, "the largest manifest read")
    try:
        text = data.decode("utf-8-sig")
        if path.suffix == ".csv":
            reader = csv.DictReader(io.StringIO(text, newline=""))
            parsed: Any = list(reader)
        else:
            parsed = json.loads(text)
    except (ValueError, csv.Error, RecursionError) as exc:
        raise LoaderError(str(path), str(exc) or type(exc).__name__) from exc
    if path.suffix == ".csv":
        if parsed and "file" not in (reader.fieldnames or []):
            raise ValueError("no file column")
        # Numbered as a spreadsheet shows them: the header is row 1.
        return ((f"row {i}", row.get("file"), row) for i, row in enumerate(parsed, start=2))
    if isinstance(parsed, dict):
        return ((f"entry {json.dumps(name)}", name, fields) for name, fields in parsed.items())
    if isinstance(parsed, list):
        return ((f"entry {i}", entry.get("file") if isinstance(entry, dict) else None, entry)
                for i, entry in enumerate(parsed, start=1))
    raise ValueError(f"{_what(parsed)}, not a list or an object of entries")


def _nameless(label: str, file: Any, fields: Any) -> str | None:
    """Why an entry names no file, or None for one that says nothing (a blank CSV row)."""
    if not isinstance(fields, dict):
        return f"{label}: {_what(fields)}, not an object with a \"file\""
    if file in (None, ""):
        return f"{label}: no \"file\"" if any(fields.values()) else None
    return f"{label}: its \"file\" is {_what(file)}, not a file name"


def _add_entries(manifest: Manifest, path: Path) -> None:
    try:
        entries = _parsed(path)
    except ValueError as exc:  # no entries at all: said once; the documents load without metadata
        manifest.problems.append(LoaderError(str(path), str(exc)))
        return
    for label, file, fields in entries:
        if not isinstance(file, str) or not file.strip():
            if reason := _nameless(label, file, fields):
                manifest.problems.append(LoaderError(str(path), reason))
            continue
        try:
            manifest.entries[Path(file).name] = _metadata(fields)
        except ValueError as exc:
            manifest.entries[Path(file).name] = f"{path} {label}: {exc}"


def read_manifest(directory: Path) -> Manifest:
    """What the manifests in ``directory`` say about its files."""
    manifest = Manifest()
    for name in MANIFEST_NAMES:
        path = directory / name
        if path.exists() or path.is_symlink():
            try:
                _add_entries(manifest, path)
            except LoaderError as exc:
                manifest.unreadable = f"{path} cannot be read: {exc.reason}"
    return manifest


class ManifestCache:
    """Manifests read once per directory while a batch goes through; what they say that
    names no document waits in ``problems`` until taken."""

    def __init__(self):
        self._by_dir: dict[Path, Manifest] = {}
        self.problems: list[LoaderError] = []

    def metadata(self, path: Path) -> Metadata:
        """The document's metadata; LoaderError when its entry, or its manifest, is wrong."""
        directory = Path(os.path.abspath(path)).parent  # a link's folder, not its target's
        if directory not in self._by_dir:
            self._by_dir[directory] = read_manifest(path.parent)  # named as the user named it
            self.problems += self._by_dir[directory].problems
        manifest = self._by_dir[directory]
        entry = manifest.unreadable or manifest.entries.get(path.name, Metadata())
        if isinstance(entry, str):
            raise LoaderError(str(path), entry)
        return entry

    def take_problems(self) -> list[LoaderError]:
        taken, self.problems = self.problems, []
        return taken
