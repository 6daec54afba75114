"""Each property's one type across the schema, and its values as every export format carries them.

GraphML, GEXF and neo4j-admin's CSV declare a type per attribute name, once for the whole
file; the schema gives each property name one type on every label (a test of the catalog
keeps it so), so a column's type is looked up by name alone.
"""

from __future__ import annotations

from typing import Any

from scrutiny.graph.catalog import CATALOG

NodeValue = str | int | float | bool


def _declared() -> dict[str, str]:
    types: dict[str, str] = {}
    for label in CATALOG.labels.values():
        types.update(label.types)
    for rel in CATALOG.relationships.values():
        types.update(rel.types)
    return types


TYPES = _declared()  # property name -> string, int, float, boolean
PYTHON = {"string": str, "int": int, "float": float, "boolean": bool}


def type_of(name: str, value: Any = None) -> str:
    """The property's declared type; a property the schema does not declare is a string
    unless its value says otherwise (bool before int: a bool is an int to Python)."""
    if name in TYPES:
        return TYPES[name]
    for python, word in ((bool, "boolean"), (int, "int"), (float, "float")):
        if isinstance(value, python):
            return word
    return "string"


def plain(name: str, value: Any) -> NodeValue | None:
    """The value as its declared type; lists joined with "; ", None and "" left out."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    wanted = PYTHON[type_of(name, value)]
    if wanted is bool:
        return value if isinstance(value, bool) else str(value).lower() == "true"
    try:
        return wanted(value)
    except (TypeError, ValueError):  # a value the store holds against the schema's type
        return str(value)


def plain_props(props: dict[str, Any]) -> dict[str, NodeValue]:
    return {k: v for k, v in ((k, plain(k, v)) for k, v in props.items()) if v is not None}
