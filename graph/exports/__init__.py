"""The graph out to the tools people already use: GraphML and GEXF (Gephi, networkx, R's
igraph), CSV (spreadsheets, pandas, ``neo4j-admin database import``) and FollowTheMoney
(Aleph).  Every exporter is a pure function of a ``model.Graph`` (read by ``snapshot``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scrutiny.errors import unknown_name
from scrutiny.graph.model import Graph
from scrutiny.graph.snapshot import Scope, read_graph
from scrutiny.graph.stores.base import Store


def _graphml(g: Graph, path: Path) -> None:
    from scrutiny.graph.exports.networkx_formats import write_graphml
    write_graphml(g, path)


def _gexf(g: Graph, path: Path) -> None:
    from scrutiny.graph.exports.networkx_formats import write_gexf
    write_gexf(g, path)


def _csv(g: Graph, path: Path) -> None:
    from scrutiny.graph.exports.csv_files import write_csv
    write_csv(g, path)


def _ftm(g: Graph, path: Path) -> None:
    from scrutiny.graph.exports import ftm
    with path.open("w", encoding="utf-8") as out:
        ftm.write(g, out)


@dataclass(frozen=True)
class Format:
    """One export format: what it is called, which tools read it, what it writes."""

    name: str
    read_by: str
    suffix: str
    media_type: str
    writer: Callable[[Graph, Path], None]
    folder: bool = False  # a folder of files (CSV), sent zipped by the API


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("graphml", "Gephi, Cytoscape, yEd, networkx, R's igraph", ".graphml", "application/graphml+xml",
           _graphml),
    Format("gexf", "Gephi, opened with the views' colours, sizes and layout", ".gexf", "application/gexf+xml",
           _gexf),
    Format("csv", "spreadsheets and pandas (nodes.csv, edges.csv); neo4j-admin database import "
                  "(neo4j-admin/, one file per label and type)", "", "application/zip", _csv, folder=True),
    Format("ftm", "Aleph and OpenAleph, FollowTheMoney's ftm tools (entities as JSON lines)", ".ftm.json",
           "application/x-ndjson", _ftm),
)}


@dataclass(frozen=True)
class Exported:
    """What one export wrote."""

    format: str
    path: Path
    nodes: int
    edges: int


def get(name: str) -> Format:
    if name not in FORMATS:
        raise unknown_name("export format", name, FORMATS)
    return FORMATS[name]


def export(store: Store, name: str, out: Path, scope: Scope | None = None) -> Exported:
    """Read the scope's part of the graph and write it in format ``name`` to ``out``
    (a folder for CSV, else a file)."""
    fmt = get(name)
    g = read_graph(store, scope)
    if fmt.folder:
        out.mkdir(parents=True, exist_ok=True)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
    fmt.writer(g, out)
    return Exported(fmt.name, out, len(g.nodes), len(g.edges))
