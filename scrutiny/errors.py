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
