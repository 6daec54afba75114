"""The schema on a real Neo4j 5: what `ensure_schema` creates is what the neomodel classes
declare, as neomodel's own `install_all_labels` creates it, plus the full-text index the
catalog names."""

from __future__ import annotations

import io

from scrutiny.graph.catalog import CATALOG
from scrutiny.graph.cypher import QUOTED_LABELS
from scrutiny.graph.schema import BOOKKEEPING


def _drop_schema(store) -> None:
    for row in store.run("SHOW CONSTRAINTS YIELD name RETURN name"):
        store.run(f"DROP CONSTRAINT `{row['name']}`", write=True)
    for row in store.run("SHOW INDEXES YIELD name, type, owningConstraint "
                         "WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name"):
        store.run(f"DROP INDEX `{row['name']}`", write=True)


def _schema(store) -> dict[str, set]:
    """(label, property, kind) of every constraint and every index, whatever its name."""
    constraints = store.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    indexes = store.run("SHOW INDEXES YIELD labelsOrTypes, properties, type, options "
                        "WHERE type <> 'LOOKUP' RETURN *")
    def flat(rows):
        return {(label, prop, r["type"]) for r in rows for label in r["labelsOrTypes"]
                for prop in r["properties"]}
    return {"constraints": flat(constraints), "indexes": flat(i for i in indexes if i["type"] != "FULLTEXT"),
            "fulltext": [i for i in indexes if i["type"] == "FULLTEXT"]}


def _install_with_neomodel(uri: str) -> str:
    from neomodel import db

    import scrutiny.graph.schema  # noqa: F401  (the classes neomodel installs)
    db.set_connection(url=uri.rstrip("/").replace("bolt://", "bolt://neo4j:unused@"))
    out = io.StringIO()
    try:
        db.install_all_labels(stdout=out)
    finally:
        db.close_connection()
    return out.getvalue()


def test_ensure_schema_creates_what_neomodel_installs_from_the_same_classes(neo4j_server):
    store = neo4j_server.store
    try:
        _drop_schema(store)
        log = _install_with_neomodel(neo4j_server.uri)
        assert "Creating node unique constraint for key on label Commitment" in log
        by_neomodel = _schema(store)
        _drop_schema(store)
        store.ensure_schema()
        ours = _schema(store)
        labels = [*CATALOG.labels, *(cls.__name__ for cls in BOOKKEEPING)]  # the version's key too
        assert ours["constraints"] == by_neomodel["constraints"] == {
            (label, "key", "UNIQUENESS") for label in labels}
        assert ours["indexes"] == by_neomodel["indexes"]
        assert {(label, prop, "RANGE") for label, spec in CATALOG.labels.items() for prop in spec.indexed} \
            <= ours["indexes"]
    finally:
        _drop_schema(store)
        store.ensure_schema()


def test_the_full_text_index_covers_every_quoted_label_by_all_its_words(neo4j_server):
    [index] = _schema(neo4j_server.store)["fulltext"]
    assert sorted(index["labelsOrTypes"]) == sorted(QUOTED_LABELS)
    assert index["properties"] == ["search"]
    assert index["options"]["indexConfig"]["fulltext.analyzer"] == "standard-no-stop-words"
