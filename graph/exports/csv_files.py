"""CSV: one file per label and per relationship type in the header grammar of
``neo4j-admin database import``, and a plain ``nodes.csv``/``edges.csv`` pair for
spreadsheets and pandas.

neo4j-admin's files share one ID space: ``:ID`` is the node's "Label/key", unique across
labels, and each relationship row names its ends by it (``:START_ID``, ``:END_ID``).
Typed columns say their type after a colon (``start:int``, ``challenge:boolean``), so the
import stores numbers and booleans as the loader wrote them; the node's ``key`` is a
column of its own, so an imported graph has the natural keys the saved queries use.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from scrutiny.graph.exports.columns import plain_props, type_of
from scrutiny.graph.model import Edge, Graph, Node, node_id

IMPORT_DIR = "neo4j-admin"  # the per-label and per-type files, apart from the plain pair


def write_csv(g: Graph, folder: Path) -> list[Path]:
    """Every file, written into ``folder`` (made if missing); returns their paths."""
    admin = folder / IMPORT_DIR
    admin.mkdir(parents=True, exist_ok=True)
    written = [_node_file(admin / f"{label}.csv", nodes) for label, nodes in sorted(g.nodes_by_label().items())]
    written += [_rel_file(admin / f"{rel}.csv", edges) for rel, edges in sorted(_by_type(g).items())]
    written.append(_import_args(admin / "import.args", g))
    return written + [_plain_nodes(folder / "nodes.csv", g), _plain_edges(folder / "edges.csv", g)]


def _import_args(path: Path, g: Graph) -> Path:
    """neo4j-admin's arguments for these files, read from the folder as an @-file:
    ``neo4j-admin database import full neo4j @import.args``.  Quotes keep the line breaks
    of the minutes, hence multiline fields."""
    lines = [f"--nodes={label}.csv" for label in sorted(g.nodes_by_label())]
    lines += [f"--relationships={rel}.csv" for rel in sorted(_by_type(g))]
    path.write_text("\n".join([*lines, "--multiline-fields=true"]) + "\n", encoding="utf-8")
    return path


def _by_type(g: Graph) -> dict[str, list[Edge]]:
    grouped: dict[str, list[Edge]] = {}
    for edge in g.edges.values():
        grouped.setdefault(edge.type, []).append(edge)
    return grouped


def _columns(rows: Iterable[dict]) -> list[str]:
    return sorted({name for row in rows for name in row})


def typed(name: str) -> str:
    """A property's header in neo4j-admin's grammar: ``name`` for text, ``name:int`` otherwise."""
    kind = type_of(name)
    return name if kind == "string" else f"{name}:{kind}"


def _node_file(path: Path, nodes: list[Node]) -> Path:
    rows = [plain_props(n.props) for n in nodes]
    names = _columns(rows)
    with _writer(path) as out:
        out.writerow([":ID", "key", *(typed(n) for n in names), ":LABEL"])
        for node, row in zip(nodes, rows, strict=True):
            out.writerow([node_id((node.label, node.key)), node.key, *(_cell(row.get(n)) for n in names),
                          node.label])
    return path


def _rel_file(path: Path, edges: list[Edge]) -> Path:
    rows = [plain_props(e.props) for e in edges]
    names = _columns(rows)
    with _writer(path) as out:
        out.writerow([":START_ID", ":END_ID", ":TYPE", *(typed(n) for n in names)])
        for edge, row in zip(edges, rows, strict=True):
            out.writerow([node_id(edge.source), node_id(edge.target), edge.type,
                          *(_cell(row.get(n)) for n in names)])
    return path


def _plain_nodes(path: Path, g: Graph) -> Path:
    from scrutiny.graph.exports.networkx_formats import caption
    rows = {ref: plain_props(n.props) for ref, n in g.nodes.items()}
    names = _columns(rows.values())
    with _writer(path) as out:
        out.writerow(["id", "label", "key", "caption", *names])
        for ref, node in g.nodes.items():
            out.writerow([node_id(ref), node.label, node.key, caption(node), *(_cell(rows[ref].get(n)) for n in names)])
    return path


def _plain_edges(path: Path, g: Graph) -> Path:
    rows = [plain_props(e.props) for e in g.edges.values()]
    names = _columns(rows)
    with _writer(path) as out:
        out.writerow(["source", "type", "target", *names])
        for edge, row in zip(g.edges.values(), rows, strict=True):
            out.writerow([node_id(edge.source), edge.type, node_id(edge.target), *(_cell(row.get(n)) for n in names)])
    return path


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


@contextlib.contextmanager
def _writer(path: Path) -> Iterator[Any]:
    """A CSV file as neo4j-admin and spreadsheets read it: UTF-8, quoted where needed."""
    with path.open("w", encoding="utf-8", newline="") as file:
        yield csv.writer(file)
