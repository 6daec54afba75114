"""Every error scrutiny raises on purpose: one root, messages written for users.

The CLI prints ``str(error)`` on one line and exits non-zero; the API answers
each class with its one ``status`` and ``code`` in its single JSON error shape
(``api.pages.ErrorResponse``), whether scrutiny or FastAPI's validation found it.  Driver exceptions
are translated into these at the store boundary (``graph/stores``).
"""

from __future__ import annotations


class ScrutinyError(Exception):
    """Something went wrong in scrutiny."""

    status = 500
    code = "internal"


class ConfigError(ScrutinyError):
    """A setting is missing or invalid."""

    status = 500
    code = "config"


class SchemaError(ScrutinyError):
    """A label, relationship type or property is not in the graph schema."""

    status = 500
    code = "schema"


class StoreError(ScrutinyError):
    """The graph store rejected or failed a query."""

    status = 500
    code = "store"


class StoreUnavailable(StoreError):
    """The graph store cannot be started or reached."""

    status = 503
    code = "store_unavailable"


class QueryTimeout(StoreError):
    """A query ran past its time limit."""

    status = 504
    code = "query_timeout"


class StoreUntrusted(StoreUnavailable):
    """The store's socket, or the directory it is in, is not provably ours: refused before
    anything is sent on it."""

    status = 503
    code = "store_untrusted"


class StoreFault(StoreUnavailable):
    """The store's server runs but cannot serve: it cannot write its disk (full, unwritable)
    or answers with an error instead of the data."""

    status = 503
    code = "store_fault"


class StoreCorrupt(StoreError):
    """The store's files are damaged (what they hold cannot be read back): restore a backup."""

    status = 500
    code = "store_corrupt"


class LoaderError(ScrutinyError):
    """A document could not be read; carries the file and the reason."""

    status = 422
    code = "bad_document"

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class QueryNotFound(ScrutinyError):
    """No saved query has that name."""

    status = 404
    code = "query_not_found"


class QueryParameterError(ScrutinyError):
    """A parameter is missing, unknown or of the wrong type (of a saved query or an endpoint)."""

    status = 422
    code = "invalid_parameter"


class AmbiguousName(QueryParameterError):
    """Words that name several things where one is wanted; the message lists them."""


class SavedQueryError(ScrutinyError):
    """A saved query's file has a header line that cannot be read; names the file and line."""

    status = 500
    code = "saved_query"

    def __init__(self, path: str, line: int, reason: str):
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{path}:{line}: {reason}")


class NotFound(ScrutinyError):
    """No entity has that id."""

    status = 404
    code = "not_found"


class FetchError(ScrutinyError):
    """A remote site could not be read: unreachable, refusing, or answering nonsense."""

    status = 502
    code = "fetch"


# One wording per failure, built here and nowhere else: every raiser, in the CLI, the API
# and the library, calls these, so the same failure reads the same wherever it is met.
# Each names the file or the name and the reason, on one line, and echoes no setting's value.

def _shown(value: object, most: int = 80) -> str:
    return repr(str(value)[:most])


def unknown_name(kind: str, name: object, known, cls: type[ScrutinyError] = QueryParameterError) -> ScrutinyError:
    """``unknown export format 'gexff' (did you mean gexf?); one of: graphml, gexf, csv, ftm``."""
    import difflib
    known = list(known)
    near = difflib.get_close_matches(str(name), known, n=1)
    hint = f" (did you mean {near[0]}?)" if near else ""
    return cls(f"unknown {kind} {_shown(name)}{hint}; one of: {', '.join(known)}")


def ambiguous_name(kinds: str, text: object, candidates: list[str], most: int = 10) -> AmbiguousName:
    """``'plan' matches 3 reports or findings; give a key or more words: Crime Plan (report crime plan); ...``."""
    shown = "; ".join(candidates[:most]) + ("; ..." if len(candidates) > most else "")
    return AmbiguousName(f"{_shown(text)} matches {len(candidates)} {kinds}; give a key or more words: {shown}")


def unknown_names(kind: str, names: list[str], known) -> QueryParameterError:
    """Several unknown names of one kind at once (``--columns a,b``), in the same shape."""
    if len(names) == 1:
        return unknown_name(kind, names[0], known)  # type: ignore[return-value]
    shown = ", ".join(_shown(n) for n in names)
    return QueryParameterError(f"unknown {kind}s {shown}; one of: {', '.join(known)}")


def not_a_date(what: str, value: object, written: str = "") -> str:
    """The reason a date is refused: ``meeting date 'soon' is not a date``."""
    return f"{what} {_shown(value, 40)} is not a date{f' (write {written})' if written else ''}"


def bad_date(what: str, value: object) -> QueryParameterError:
    """A date parameter (``--since``, ``since``) that is not a YYYY-MM-DD day."""
    return QueryParameterError(not_a_date(what, value, "YYYY-MM-DD"))


def unreadable_file(path: object, reason: str) -> LoaderError:
    """A file that cannot be read, or read as minutes: ``minutes.pdf: the PDF is encrypted``."""
    return LoaderError(str(path), reason)


def no_such_path(path: object) -> LoaderError:
    return unreadable_file(path, "No such file or directory, and no file matches it as a pattern")


def no_documents(path: object, suffixes) -> LoaderError:
    kinds = ", ".join(sorted(s for s in suffixes if s))
    return unreadable_file(path, f"a folder with no minutes in it (files ending {kinds} or with no ending)")


def failed_document(source: str, reason: str) -> str:
    """The line a batch prints for each document it could not take: ``failed: a.pdf: ...``."""
    return f"failed: {source}: {reason}"


def some_failed(count: int, doing: str, rest: str, what: str = "document") -> str:
    """A batch's closing error: ``2 document(s) could not be loaded; the rest are in the graph``."""
    return f"{count} {what}(s) could not be {doing}; {rest}"


def file_error(exc: OSError) -> str:
    """An OSError on a file (an unwritable --out) in the shape of every file error: ``path: reason``."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason
