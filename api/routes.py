"""Health, accountability chains, entities and their neighbourhoods, search."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel

from scrutiny.api.pages import (
    CSV_RESPONSE,
    ERRORS,
    NO_NUL,
    Format,
    FormatQuery,
    IsoDate,
    LimitQuery,
    OffsetQuery,
    Page,
    page,
)
from scrutiny.graph import explore
from scrutiny.loaders.kinds import CommitmentStatus

router = APIRouter()
if TYPE_CHECKING:
    Kind = str  # statically a string; FastAPI validates against the Literals below
    Status = str
else:
    Kind = Literal[tuple(explore.KINDS)]
    Status = Literal[tuple(s.value for s in CommitmentStatus)]  # plain strings: the OpenAPI enum


class Health(BaseModel):
    status: str
    store: str


class GraphNode(BaseModel):
    id: str
    kind: str
    key: str
    props: dict[str, Any]


class GraphEdge(BaseModel):
    type: str
    source: str
    target: str
    props: dict[str, Any]


class Neighbourhood(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    left_out: int


def node_id(label: str, key: str) -> str:
    return f"{explore.KIND_OF[label]}/{key}"


@router.get("/health", response_model=Health, tags=["service"], responses=ERRORS)
async def health(request: Request):
    """The store answers: the graph's version is read (one node, by its key's index; nothing is
    scanned), in the threadpool and shared with the requests that come meanwhile."""
    await request.app.state.version_reads.read()
    return Health(status="ok", store=request.app.state.store.kind)


@router.get("/chains", response_model=Page, tags=["accountability"], responses={**ERRORS, **CSV_RESPONSE})
def chains(request: Request,
           body: str | None = Query(None, max_length=200, pattern=NO_NUL, description="Body name contains"),
           subject: str | None = Query(None, max_length=200, pattern=NO_NUL,
                                       description="Report or finding title contains"),
           owner: str | None = Query(None, max_length=200, pattern=NO_NUL,
                                     description="Owner (office or person) contains"),
           status: Status | None = None, since: IsoDate | None = None, until: IsoDate | None = None,
           limit: int = LimitQuery, offset: int = OffsetQuery, format: Format = FormatQuery):
    """Accountability chains: report or finding -> question -> answer -> commitment -> what fulfilled it."""
    params = {"body": body, "subject": subject, "owner": owner, "status": status,
              "since": since and since.isoformat(), "until": until and until.isoformat()}
    return page(request, "accountability-chains",
                params, limit, offset, format)


@router.get("/entities/{kind}/{key:path}/neighbourhood", response_model=Neighbourhood,
            tags=["entities"], responses=ERRORS)
def neighbourhood(request: Request, kind: Kind, key: str = Path(..., max_length=300, pattern=NO_NUL),
                  depth: int = Query(1, ge=1, le=3, description="Hops from the entity"),
                  max_nodes: int = Query(200, ge=1, le=1000, description="Most nodes returned")):
    """The entity's neighbourhood to ``depth`` hops, at most ``max_nodes`` nodes (documents left out)."""
    g, left_out = explore.neighbourhood(request.app.state.store, kind, key, depth, max_nodes)
    nodes = [GraphNode(id=node_id(n.label, n.key), kind=explore.KIND_OF[n.label], key=n.key, props=n.props)
             for n in g.nodes.values()]
    edges = [GraphEdge(type=e.type, source=node_id(*e.source), target=node_id(*e.target), props=e.props)
             for e in g.edges.values()]
    return Neighbourhood(nodes=nodes, edges=edges, left_out=left_out)


@router.get("/entities/{kind}/{key:path}", tags=["entities"], responses=ERRORS)
def entity(request: Request, kind: Kind,
           key: str = Path(..., max_length=300, pattern=NO_NUL)) -> dict[str, Any]:
    """One person, office, body, report, finding or event, with every quote that states it."""
    return explore.entity(request.app.state.store, kind, key)


@router.get("/entities", tags=["entities"], responses=ERRORS)
def find(request: Request, name: str = Query(..., min_length=1, max_length=200, pattern=NO_NUL),
         limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
    """People, offices, bodies and reports whose name contains ``name``, with their ids."""
    return explore.find_named(request.app.state.store, name, limit)


@router.get("/search", response_model=Page, tags=["accountability"], responses={**ERRORS, **CSV_RESPONSE})
def search(request: Request,
           text: str = Query(..., min_length=1, max_length=500, pattern=NO_NUL, description="Words to find"),
           limit: int = LimitQuery, offset: int = OffsetQuery, format: Format = FormatQuery):
    """Full-text search over the exact quotes of questions, answers, commitments and more."""
    return page(request, "search-quotes", {"text": text},
                limit, offset, format)

