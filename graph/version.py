"""The graph's version: what a cached answer is keyed by, so none outlives the graph it read.

One node (``schema.GraphVersion``) holds it in the graph itself, so every process that
opens the store (the API, a ``scrutiny load`` beside it) sees the same version.  The
writes that change what a query answers bump it in their own transaction: a document's
load or removal (``loaders.pipeline``), a body's linking (``loaders.link.store``) and a
restore (``graph.stores.restore``).  Reading it is one lookup on the key's index.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from scrutiny.graph.cypher import Statement
from scrutiny.graph.schema import GraphVersion

if TYPE_CHECKING:
    from scrutiny.graph.stores.base import Store

LABEL = GraphVersion.__name__
KEY = "graph"
#: The version of a graph no load has written to yet (every bump names a new token).
EMPTY = "0"
BUMP = (f"MERGE (v:{LABEL} {{key: $key}}) "
        "SET v.number = coalesce(v.number, 0) + 1, v.token = $token")
READ = f"MATCH (v:{LABEL} {{key: $key}}) RETURN v.number AS number, v.token AS token"


def bump_statement() -> Statement:
    """The statement that makes the version new; it goes last in the batch that changes the graph."""
    return Statement(BUMP, {"key": KEY, "token": uuid.uuid4().hex})


def read_version(store: Store) -> str:
    """The graph's version now, as text: ``<number>-<token>``, or ``EMPTY``."""
    rows = store.run(READ, {"key": KEY})
    if not rows or rows[0]["token"] is None:
        return EMPTY
    return f"{rows[0]['number']}-{rows[0]['token']}"

