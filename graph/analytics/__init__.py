"""Network analytics over the graph as networkx reads it: who is asked and who answers,
how office holders keep their commitments, how two entities are connected, which reports
are raised.  Each analysis is a pure function of a ``model.Graph`` returning a ``Table``,
so the CLI prints it like a saved query's rows (table, json, csv) and the API pages it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Table:
    """An analysis's result: named columns and rows of plain values (str, int, float, None)."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
