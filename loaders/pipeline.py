"""The load: read -> extract -> graph -> one write per document, with a report.

The only stage that touches a store.  A document whose content hash is
already loaded (and complete) is skipped; a changed file replaces its own
subgraph (found by its ``source``, inside the same transaction, so two loads of
one file leave one version), while other files of the same meeting stay beside
it; each document's statements, ending with ``complete = true``, go in one
store transaction, and documents left incomplete by a crash are removed before
the next load, so a document is either fully present or absent.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from scrutiny.errors import LoaderError, ScrutinyError, StoreUnavailable
from scrutiny.graph.cypher import (
    MEETING_FIRST_DOCUMENT,
    Statement,
    delete_document_statements,
    remove_documents_statements,
    upsert_statements,
)
from scrutiny.graph.stores.base import Store
from scrutiny.graph.version import bump_statement
from scrutiny.loaders.ahead import ExtractAhead
from scrutiny.loaders.extract.limited import extract_limited
from scrutiny.loaders.extract.version import extractor_version
from scrutiny.loaders.kinds import EventKind
from scrutiny.loaders.read.files import read_document
from scrutiny.loaders.read.manifest import MANIFEST_NAMES, ManifestCache, Metadata
from scrutiny.loaders.records import DocumentText, Extraction
from scrutiny.loaders.to_graph import to_graph
from scrutiny.settings import Settings

DOCUMENT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".aspx", ".pdf", ""}


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    started: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())

    def summary(self) -> str:
        return (f"loaded {len(self.loaded)}, skipped {len(self.skipped)} unchanged, "
                f"failed {len(self.failed)}")


def expand(paths: Iterable[str]) -> list[Path]:
    """Files named, found under directories, or matched by globs; manifests left out.  What is
    found under a directory and is not a folder is kept even if it is no regular file (a FIFO,
    a device): reading refuses it in one line instead of it being silently passed over."""
    found: list[Path] = []
    for raw in paths:
        matches = [Path(p) for p in glob.glob(raw)] or [Path(raw)]
        for path in matches:
            if path.is_dir():
                found += sorted(p for p in path.rglob("*") if not p.is_dir()
                                and p.name not in MANIFEST_NAMES and not p.name.startswith(".")
                                and p.suffix.lower() in DOCUMENT_SUFFIXES)
            else:
                found.append(path)
    return list(dict.fromkeys(found))


def purge_incomplete(store: Store) -> int:
    rows = store.run("MATCH (d:Document) WHERE d.complete = false RETURN d.key AS key")
    for row in rows:
        store.write([*delete_document_statements(row["key"]), bump_statement()])
    return len(rows)


def claim_key(source: str) -> str:
    """The key of a placeholder Document that a write holds for its source (never a content
    hash, so never a document's key)."""
    return f"claim:{source}"


def document_statements(graph, doc_key: str, source: str) -> list[Statement]:
    """Replace earlier versions of the same file and write this one, still incomplete.

    The earlier versions are found inside the write's transaction, so two loads of one file
    at the same moment leave one version.  On the embedded store MULTI/EXEC already runs the
    batch alone; on Neo4j the batch first MERGEs a placeholder keyed by the source, whose
    unique key makes a second write of that source wait until the first commits (the
    placeholder is gone by then: no reader ever sees it).
    """
    claim = {"claim": claim_key(source)}
    return [Statement("MERGE (c:Document {key: $claim}) SET c.complete = false", claim),
            *remove_documents_statements("MATCH (d:Document {source: $source}) WHERE d.key <> $key",
                                         {"source": source, "key": doc_key}),
            *upsert_statements(graph),
            # Two MATCHes: in one pattern Neo4j would never bind `o` to this document itself.
            Statement("MATCH (:Document {key: $key})-[:RECORDS]->(m:Meeting) "
                      "MATCH (m)<-[:RECORDS]-(o:Document) " + MEETING_FIRST_DOCUMENT, {"key": doc_key}),
            Statement("MATCH (c:Document {key: $claim}) DELETE c", claim)]


def completion_statement(doc_key: str) -> Statement:
    return Statement("MATCH (d:Document {key: $key}) SET d.complete = true, d.loaded_at = $at",
                     {"key": doc_key, "at": dt.datetime.now(dt.UTC).isoformat()})


def write_document(store: Store, statements: list[Statement], doc_key: str) -> None:
    """The document's statements and, last in the same transaction, its mark of completion,
    so that a crash leaves the document whole or absent; the graph's version is bumped with them.

    A statement that fails rolls the transaction back on Neo4j; the embedded store's
    MULTI/EXEC does not, and would leave the rest written and marked complete, so a
    document whose write failed is removed again.
    """
    try:
        store.write([*statements, completion_statement(doc_key), bump_statement()])
    except ScrutinyError:
        try:
            store.write([*delete_document_statements(doc_key), bump_statement()])
        except ScrutinyError:
            pass  # the store itself is failing; the error that matters is the first
        raise


def read_documents(paths: list[Path], settings: Settings, overrides: Metadata | None = None
                   ) -> Iterator[tuple[Path, DocumentText | LoaderError]]:
    """Each file read with its manifest metadata (flags override it), or the reason it can't
    be; a manifest's entry that names no file comes as (the manifest, the reason)."""
    manifests = ManifestCache()
    for path in paths:
        try:
            meta = manifests.metadata(path)
            if overrides:
                meta = meta.overridden(**asdict(overrides))
            read: DocumentText | LoaderError = read_document(path, settings, meta)
        except LoaderError as exc:
            read = exc
        for problem in manifests.take_problems():
            yield Path(problem.source), problem
        yield path, read


ACCOUNTABLE = {EventKind.QUESTION, EventKind.CHALLENGE, EventKind.ANSWER, EventKind.COMMITMENT}
NOTHING_FOUND = "no questions, answers or commitments found"


def _loaded_by(store: Store, doc: DocumentText) -> str | None:
    """"current" when this build already loaded the text, "earlier" when an older build did."""
    done = store.run("MATCH (d:Document {key: $key}) WHERE d.complete = true RETURN d.extractor AS extractor",
                     {"key": doc.id})
    if not done:
        return None
    return "current" if done[0]["extractor"] == extractor_version() else "earlier"


def load_document(store: Store, doc: DocumentText, settings: Settings, warnings: list[str] | None = None,
                  extracted: Callable[[], Extraction] | None = None) -> str:
    """Load one read document; 'loaded', or 'skipped' when its text is already loaded by this
    build of the extractor.  Read by an earlier build, it is removed and read again (a crash
    between the two leaves it absent, and the next load reads it).  ``extracted`` gives its
    extraction when that was started ahead; else it is extracted here.
    A document with no question, answer or commitment in it is loaded, with a warning."""
    loaded_by = _loaded_by(store, doc)
    if loaded_by == "current":
        return "skipped"
    extraction = extracted() if extracted else extract_limited(doc, settings)  # under the limits of parsing
    if loaded_by == "earlier":
        store.write([*delete_document_statements(doc.id), bump_statement()])
    if warnings is not None and not any(e.type in ACCOUNTABLE for e in extraction.events):
        warnings.append(NOTHING_FOUND)
    graph = to_graph(extraction)
    write_document(store, document_statements(graph, doc.id, doc.source), doc.id)
    return "loaded"


def _jobs(store: Store, docs: Iterable[tuple[Path, DocumentText | LoaderError]]
          ) -> Iterator[tuple[Path, DocumentText | LoaderError, bool]]:
    """Each read document, and whether to extract it ahead: not when this build loaded it."""
    for path, doc in docs:
        yield path, doc, isinstance(doc, DocumentText) and _loaded_by(store, doc) != "current"


def load_paths(store: Store, paths: list[Path], settings: Settings,
               overrides: Metadata | None = None,
               progress: Callable[[Path], None] | None = None, today: str | None = None
               ) -> LoadReport:
    """Load every path (a failure is recorded, the rest go on), then link across meetings.
    Documents are written one at a time in order while the next ones are extracted."""
    report = LoadReport()
    purge_incomplete(store)
    ahead = ExtractAhead(settings)
    try:
        for path, doc, extracted in ahead.run(_jobs(store, read_documents(paths, settings, overrides))):
            _load_one(store, path, doc, extracted, settings, report)
            if progress:
                progress(path)
    finally:
        ahead.close()
    from scrutiny.loaders.link.store import derive_all  # only loading links: extract never needs it
    derive_all(store, today)
    return report


def _load_one(store: Store, path: Path, doc: DocumentText | LoaderError,
              extracted: Callable[[], Extraction] | None, settings: Settings, report: LoadReport) -> None:
    try:
        if isinstance(doc, LoaderError):
            raise doc
        notes = list(doc.warnings)
        # no extraction was started for a text this build had loaded (``_jobs`` asked): skipped
        # without asking the store again; one started is re-checked (the same text twice in a batch)
        outcome = load_document(store, doc, settings, notes, extracted) if extracted else "skipped"
        report.warnings += [{"file": str(path), "warning": w} for w in notes]
        (report.loaded if outcome == "loaded" else report.skipped).append(str(path))
    except StoreUnavailable:
        raise  # every later document would fail the same way: stop, the load is re-runnable
    except ScrutinyError as exc:
        report.failed.append({"file": str(path), "reason": getattr(exc, "reason", str(exc))})


def save_report(report: LoadReport, data_dir: Path) -> Path:
    folder = Path(data_dir) / "load-reports"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = report.started.replace(":", "").replace("+0000", "Z")
    path = folder / f"load-{stamp}.json"
    path.write_text(json.dumps(asdict(report), indent=2))
    return path
