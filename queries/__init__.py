"""queries/: saved Cypher files with a header, and the one registry that serves them.

Header lines start with ``//`` and read ``// key: value``: ``name``, ``title``,
``description``, ``param: name type default description`` (repeatable; type is
string, int, float, bool or date; default ``null``, ``required`` or, for a
date, ``today``), ``columns`` and, for a full-text search, ``fulltext: PARAM``
(the store's own full-text index turns that parameter into ``$hits``) or, for
counts, ``statistics: PARAM`` (the store's own label and type counts fill it:
a scan of every node and relationship takes seconds at a million nodes).  The
Cypher after the header is pasteable into Neo4j Browser as is.  The CLI, the
API and the views all run saved queries through ``run``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from scrutiny.errors import QueryNotFound, QueryParameterError, SavedQueryError, bad_date, unknown_name

HERE = Path(__file__).parent
REQUIRED = object()
TODAY = object()


def _date(raw: Any) -> str:
    return dt.date.fromisoformat(str(raw)).isoformat()


def _bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if str(raw).lower() in ("1", "true", "yes"):
        return True
    if str(raw).lower() in ("0", "false", "no"):
        return False
    raise ValueError(raw)


TYPES: dict[str, Callable[[Any], Any]] = {"string": str, "int": int, "float": float, "bool": _bool, "date": _date}
INT64 = (-(2 ** 63), 2 ** 63 - 1)  # what both stores can hold as an integer
MAX_STRING = 1000


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any
    description: str

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def coerce(self, raw: Any) -> Any:
        if raw is None:
            return None
        if self.type == "string" and len(str(raw)) > MAX_STRING:
            raise QueryParameterError(f"parameter {self.name} is longer than {MAX_STRING} characters")
        if self.type == "string" and "\x00" in str(raw):
            raise QueryParameterError(f"parameter {self.name} contains a NUL character")
        try:
            value = TYPES[self.type](raw)
        except (TypeError, ValueError, OverflowError):
            if self.type == "date":  # worded as every refused date is, the API's included
                raise bad_date(self.name, raw) from None
            raise QueryParameterError(f"parameter {self.name} must be {self.type}, got {str(raw)[:80]!r}") from None
        if self.type == "int" and not INT64[0] <= value <= INT64[1]:
            # Neo4j's driver cannot send it and FalkorDB would wrap it: refused alike on both
            raise QueryParameterError(f"parameter {self.name} must be a 64-bit int, got {str(raw)[:80]!r}")
        return value

    def default_value(self) -> Any:
        if self.required:
            raise QueryParameterError(f"parameter {self.name} is required")
        return dt.date.today().isoformat() if self.default is TODAY else self.default

    def describe(self) -> dict[str, Any]:
        """What ``query list --format json`` and the API say of the parameter."""
        default = None if self.required or self.default is TODAY else self.default
        return {"name": self.name, "type": self.type, "default": "today" if self.default is TODAY else default,
                "required": self.required, "description": self.description}

    def shown_default(self) -> str:
        if self.default is None:
            return "null"
        return {id(REQUIRED): "required", id(TODAY): "today"}.get(id(self.default), repr(self.default))


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    cypher: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    columns: tuple[str, ...] = field(default_factory=tuple)
    fulltext: str | None = None  # the parameter the store's full-text index turns into $hits
    statistics: str | None = None  # the parameter the store's label and type counts fill

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            valid = ", ".join(known) or "none"
            raise QueryParameterError(f"{self.name} has no parameter {', '.join(unknown)}; its parameters: {valid}")
        return {n: (p.coerce(given[n]) if given.get(n) is not None else p.default_value())
                for n, p in known.items()}


def _default(kind: str, raw: str) -> Any:
    if raw in ("null", "none", ""):
        return None
    if raw == "required":
        return REQUIRED
    if raw == "today" and kind == "date":
        return TODAY
    return TYPES[kind](raw)


def _param(value: str) -> Param:
    """``name type default description``; ValueError says what is wrong with it."""
    words = value.split(maxsplit=3)
    if len(words) < 3:
        raise ValueError(f"param needs name, type and default, got {value.strip()!r}")
    name, kind, default, *desc = words
    if kind not in TYPES:
        raise ValueError(f"param {name} has unknown type {kind!r}; one of: {', '.join(TYPES)}")
    try:
        return Param(name, kind, _default(kind, default), " ".join(desc))
    except ValueError:
        raise ValueError(f"param {name}: default {default!r} is not a {kind}") from None


HEADER_KEYS = ("name", "title", "description", "param", "columns", "fulltext", "statistics")


def _header(path: Path, number: int, key: str, value: str, header: dict[str, tuple[str, int]],
            params: list[Param]) -> None:
    """One ``// key: value`` line into ``header`` (value, line) or ``params``."""
    if key not in HEADER_KEYS:
        raise SavedQueryError(str(path), number, f"unknown header {key!r}; one of: {', '.join(HEADER_KEYS)}")
    if key != "param":
        header[key] = (value.strip(), number)
        return
    try:
        params.append(_param(value))
    except ValueError as exc:
        raise SavedQueryError(str(path), number, str(exc)) from None


def _fulltext(path: Path, header: dict[str, tuple[str, int]], params: list[Param]) -> str | None:
    """``fulltext: PARAM`` names the declared parameter whose words are searched for."""
    if "fulltext" not in header:
        return None
    value, number = header["fulltext"]
    if value not in {p.name for p in params}:
        raise SavedQueryError(str(path), number, f"fulltext names {value!r}, which is no param of the query")
    return value


def parse(path: Path) -> SavedQuery:
    header: dict[str, tuple[str, int]] = {}
    body: list[str] = []
    params: list[Param] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = re.match(r"\s*//\s*(\w+):\s*(.*)$", line)
        if m and not body:
            _header(path, number, m[1], m[2], header, params)
        elif line.strip() or body:
            body.append(line)
    text = {key: value for key, (value, _) in header.items()}
    columns = tuple(c.strip() for c in text.get("columns", "").split(",") if c.strip())
    return SavedQuery(text.get("name", path.stem), text.get("title", ""), text.get("description", ""),
                      "\n".join(body).strip(), tuple(params), columns,
                      _fulltext(path, header, params), text.get("statistics"))


@lru_cache(maxsize=1)
def registry() -> dict[str, SavedQuery]:
    queries = (parse(p) for p in sorted(HERE.glob("*.cypher")))
    return {q.name: q for q in queries}


def get(name: str) -> SavedQuery:
    try:
        return registry()[name]
    except (KeyError, TypeError):
        raise unknown_name("saved query", name, registry(), QueryNotFound) from None


@dataclass
class Result:
    query: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]
    truncated: bool


def run(store, name: str, given: dict[str, Any] | None = None, *, row_limit: int = 10_000,
        timeout_ms: int | None = None, offset: int = 0) -> Result:
    """Run a saved query read-only: at most ``row_limit`` rows (and no more than its own
    ``limit``), after skipping ``offset``, within the timeout.  ``truncated`` says more exist."""
    query = get(name)
    params = query.bind(given or {})
    cap = max(0, min(params["limit"], row_limit)) if "limit" in params else row_limit
    if "limit" in params:
        params["limit"] = cap + offset + 1  # one row more than shown tells whether more exist
    if query.fulltext:
        params["hits"] = store.fulltext(params[query.fulltext], params.get("limit", row_limit + offset))
    if query.statistics:
        params[query.statistics] = store.counts()
    rows = store.run(query.cypher, params, timeout_ms=timeout_ms)
    return Result(query.name, query.columns, rows[offset:offset + cap], len(rows) > offset + cap)
