"""Plain Python rows from either driver: dicts of scalars, lists and maps.

Nodes become ``{"_label": ..., **properties}`` and relationships
``{"_type": ..., **properties}`` so callers never see a driver type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def plain(value: Any) -> Any:
    """A JSON-friendly copy of a value returned by FalkorDB or Neo4j."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    labels = getattr(value, "labels", None)
    if labels is not None:  # a node of either driver
        props = dict(getattr(value, "properties", None) or dict(value.items()))
        return {"_label": sorted(labels)[0] if labels else None, **plain(props)}
    rel_type = getattr(value, "relation", None) or getattr(value, "type", None)
    if rel_type is not None and hasattr(value, "properties" if hasattr(value, "relation") else "items"):
        props = getattr(value, "properties", None) or dict(value.items())
        return {"_type": rel_type, **plain(props)}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return str(value)


def falkor_rows(result) -> list[dict[str, Any]]:
    names = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
    return [dict(zip(names, (plain(v) for v in row), strict=True)) for row in result.result_set or []]
