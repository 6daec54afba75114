"""What the schema declares, read off the neomodel classes as plain data.

``CATALOG`` lists labels (with their key, indexed and required properties, and
the facts ``label_facts`` declares of each: kind, display name, shape, colour)
and relationship types (with the labels they may join).  The writer validates
against it, the stores derive their constraints and indexes from it, and the
saved-query checker gets its label/type/property lists from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neomodel import BooleanProperty, FloatProperty, IntegerProperty, StructuredNode

from scrutiny.errors import SchemaError
from scrutiny.graph import schema as _schema
from scrutiny.graph.label_facts import FACTS, LabelFacts


@dataclass(frozen=True)
class LabelSpec:
    name: str
    properties: tuple[str, ...]
    indexed: tuple[str, ...]
    required: tuple[str, ...]
    facts: LabelFacts
    event: bool  # said at a meeting (a ``schema.MeetingEvent``)
    types: dict[str, str] = field(default_factory=dict)  # property -> string, int, float, boolean
    key: str = "key"

    @property
    def quoted(self) -> bool:
        """States an exact quote of its minutes (the full-text index covers it)."""
        return "quote" in self.properties


@dataclass
class RelSpec:
    type: str
    pairs: set[tuple[str, str]] = field(default_factory=set)
    properties: set[str] = field(default_factory=set)
    types: dict[str, str] = field(default_factory=dict)


def value_type(prop) -> str:
    """A property's type in the words exports use (neo4j-admin's and GraphML's own)."""
    for cls, name in ((BooleanProperty, "boolean"), (IntegerProperty, "int"), (FloatProperty, "float")):
        if isinstance(prop, cls):
            return name
    return "string"


def _concrete(cls) -> list[type]:
    """The non-abstract classes at or under ``cls`` (abstract targets mean any of them)."""
    found = [] if cls in _schema.ABSTRACT else [cls]
    for sub in cls.__subclasses__():
        found += [c for c in _concrete(sub) if c not in found]
    return found


def _schema_classes() -> list[type]:
    classes = [c for c in vars(_schema).values()
               if isinstance(c, type) and issubclass(c, StructuredNode)]
    left_out = (*_schema.ABSTRACT, *_schema.BOOKKEEPING, StructuredNode)
    return [c for c in classes if c not in left_out]


def _label_spec(cls) -> LabelSpec:
    props = cls.defined_properties(aliases=False, rels=False)
    if cls.__name__ not in FACTS:
        raise SchemaError(f"label {cls.__name__} has no row in graph/label_facts.py")
    if (FACTS[cls.__name__].tier == "event") != issubclass(cls, _schema.MeetingEvent):
        raise SchemaError(f"label {cls.__name__}: its tier in graph/label_facts.py disagrees with graph/schema.py")
    return LabelSpec(
        name=cls.__name__,
        properties=tuple(sorted(props)),
        indexed=tuple(sorted(n for n, p in props.items() if p.index and n != "key")),
        required=tuple(sorted(n for n, p in props.items() if p.required)),
        facts=FACTS[cls.__name__],
        event=issubclass(cls, _schema.MeetingEvent),
        types={n: value_type(p) for n, p in sorted(props.items())},
    )


def _rel_specs(classes) -> dict[str, RelSpec]:
    rels: dict[str, RelSpec] = {}
    for cls in classes:
        for rel in cls.defined_properties(aliases=False, properties=False).values():
            spec = rels.setdefault(rel.definition["relation_type"],
                                   RelSpec(rel.definition["relation_type"]))
            target = getattr(_schema, rel._raw_class)
            spec.pairs.update((cls.__name__, t.__name__) for t in _concrete(target))
            model = rel.definition.get("model")
            if model is not None:
                props = model.defined_properties(aliases=False, rels=False)
                spec.properties.update(props)
                spec.types.update({n: value_type(p) for n, p in props.items()})
    return rels


class Catalog:
    """Labels and relationship types of the schema, with lookups that fail loudly."""

    def __init__(self):
        classes = _schema_classes()
        self.labels: dict[str, LabelSpec] = {c.__name__: _label_spec(c) for c in classes}
        self.relationships: dict[str, RelSpec] = _rel_specs(classes)

    def label(self, name: str) -> LabelSpec:
        if name not in self.labels:
            raise SchemaError(f"unknown label {name!r}")
        return self.labels[name]

    def shown(self) -> list[LabelSpec]:
        """Every label in legend order (``label_facts``), not the schema's."""
        return [self.labels[name] for name in FACTS if name in self.labels]

    def check_relationship(self, rel_type: str, source: str, target: str) -> None:
        spec = self.relationships.get(rel_type)
        if spec is None:
            raise SchemaError(f"unknown relationship type {rel_type!r}")
        if (source, target) not in spec.pairs:
            raise SchemaError(f"{source}-[:{rel_type}]->{target} is not in the schema")

    def property_keys(self) -> list[str]:
        keys = {p for spec in self.labels.values() for p in spec.properties}
        keys |= {p for spec in self.relationships.values() for p in spec.properties}
        return sorted(keys)


CATALOG = Catalog()


def neo4j_lint_schema(catalog: Catalog = CATALOG) -> dict:
    """The schema in the shape Neo4j's Cypher checker takes (its ``DbSchema``), so that the
    saved queries are checked against our labels, relationship types and properties."""
    return {
        "labels": sorted(catalog.labels),
        "relationshipTypes": sorted(catalog.relationships),
        "propertyKeys": catalog.property_keys(),
        "graphSchema": [{"from": a, "to": b, "relType": rel}
                        for rel, spec in sorted(catalog.relationships.items())
                        for a, b in sorted(spec.pairs)],
    }


def markdown_tables(catalog: Catalog = CATALOG) -> str:
    """The README's schema tables, from the declaration (a test keeps the README equal to it)."""
    lines = ["| label | properties |", "|---|---|"]
    lines += [f"| {name} | {', '.join(spec.properties)} |" for name, spec in catalog.labels.items()]
    lines += ["", "| relationship | from | to | properties |", "|---|---|---|---|"]
    for rel, spec in catalog.relationships.items():
        sources = "/".join(sorted({a for a, _ in spec.pairs}))
        targets = "/".join(sorted({b for _, b in spec.pairs}))
        lines.append(f"| {rel} | {sources} | {targets} | {', '.join(sorted(spec.properties))} |")
    return "\n".join(lines)
