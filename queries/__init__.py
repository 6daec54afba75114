"""queries/: saved Cypher files with a header, and the one registry that serves them.

Header lines start with ``//`` and read ``// key: value``: ``name``, ``title``,
``description``, ``param: name type default description`` (repeatable) and
``columns``.  The Cypher after the header is pasteable into Neo4j Browser as is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from scrutiny.errors import QueryNotFound, QueryParameterError

HERE = Path(__file__).parent
TYPES = {"string": str, "int": int, "float": float}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any
    description: str

    def coerce(self, raw: Any) -> Any:
        try:
            return TYPES[self.type](raw)
        except (TypeError, ValueError):
            raise QueryParameterError(f"parameter {self.name} must be {self.type}, got {raw!r}")


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    cypher: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    columns: tuple[str, ...] = field(default_factory=tuple)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryParameterError(f"{self.name} has no parameter {', '.join(unknown)}")
        return {n: (p.coerce(given[n]) if n in given else p.default) for n, p in known.items()}


def _default(kind: str, raw: str) -> Any:
    if raw in ("null", "none", ""):
        return None
    return TYPES[kind](raw)


def parse(path: Path) -> SavedQuery:
    header, body = {}, []
    params = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*//\s*(\w+):\s*(.*)$", line)
        if m and not body:
            key, value = m.groups()
            if key == "param":
                name, kind, default, *desc = value.split(maxsplit=3)
                params.append(Param(name, kind, _default(kind, default), " ".join(desc)))
            else:
                header[key] = value.strip()
        elif line.strip() or body:
            body.append(line)
    columns = tuple(c.strip() for c in header.get("columns", "").split(",") if c.strip())
    return SavedQuery(header.get("name", path.stem), header.get("title", ""),
                      header.get("description", ""), "\n".join(body).strip(),
                      tuple(params), columns)


@lru_cache(maxsize=1)
def registry() -> dict[str, SavedQuery]:
    queries = (parse(p) for p in sorted(HERE.glob("*.cypher")))
    return {q.name: q for q in queries}


def get(name: str) -> SavedQuery:
    try:
        return registry()[name]
    except KeyError:
        raise QueryNotFound(f"no saved query named {name!r} (see: scrutiny query list)") from None
