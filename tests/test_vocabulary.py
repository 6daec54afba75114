"""One home for each concept: the closed vocabularies (``loaders.kinds``) and the natural
keys (``loaders.keys``), and that the stages really take them from there."""

from __future__ import annotations

import json
import typing

import pytest

from scrutiny.loaders import keys
from scrutiny.loaders.kinds import BodyKind, CommitmentStatus, is_panel
from scrutiny.loaders.link import evidence, people
from scrutiny.loaders.link.status import follow_up
from scrutiny.loaders.records import DocumentText, Extraction, Item
from scrutiny.loaders.to_graph import to_graph


def test_statuses_are_stored_and_serialised_as_their_plain_words():
    assert json.dumps([CommitmentStatus.OPEN, BodyKind.PANEL]) == '["open", "panel"]'
    assert f"{CommitmentStatus.OVERDUE}" == "overdue"


def test_the_api_offers_exactly_the_commitment_statuses():
    from scrutiny.api import routes
    assert typing.get_args(routes.Status) == ("open", "overdue", "fulfilled", "superseded")
    assert list(CommitmentStatus) == list(typing.get_args(routes.Status))


def test_the_linker_concludes_only_commitment_statuses():
    due = evidence.StoredCommitment("c1", "2024-01-10", "would provide a report on cadets", due="by March")
    cut = evidence.StoredCommitment("c2", "2024-01-10", "would provide a report on the")
    outcomes = follow_up([due, cut], [], [], ["2024-01-10", "2024-06-01"], "2024-07-01")
    assert {k: type(o.status) for k, o in outcomes.items()} == {"c1": CommitmentStatus, "c2": CommitmentStatus}
    assert outcomes["c1"].status is CommitmentStatus.OVERDUE


@pytest.mark.parametrize("name, panel", [
    ("Durham Police and Crime Panel", True), ("KENT AND MEDWAY POLICE AND CRIME PANEL", True),
    ("Joint Audit Committee", True), ("Kent County Council", False), ("", False), (None, False)])
def test_one_panel_test_for_every_case(name, panel):
    assert is_panel(name) is panel


def _body_kind(body: str) -> str:
    doc = DocumentText("m.txt", "text", "1. Apologies\nNone.", body=body, meeting_date="2024-01-10")
    g = to_graph(Extraction(doc, [Item("i1", "1", "Apologies", 0, 18)], [], []))
    return next(n.props["kind"] for n in g.nodes.values() if n.label == "Body")


def test_the_graph_builder_uses_the_panel_test():
    assert _body_kind("Borsetshire Police and Crime PANEL") == BodyKind.PANEL
    assert _body_kind("Borsetshire County Council") == BodyKind.OTHER


def test_names_fold_one_way_for_every_key():
    assert keys.fold("HMICFRS’ PEEL: Report (2023)") == "hmicfrs peel report 2023"
    assert keys.body_key("Durham Police & Crime Panel") == "durham police crime panel"
    assert keys.role_key("body:x", "Chief  Constable") == "body:x|chief constable"


def test_a_named_report_is_one_report_and_a_generic_one_one_per_scope():
    assert keys.report_key("body:x", "PEEL Assessment 2023") == "peel assessment 2023"
    assert keys.report_key("body:x", "the Annual Report") == "body:x|the annual report"


def test_keys_of_meetings_items_events_and_people():
    assert keys.body_scope("kent panel", "sha256:d") == "body:kent panel"
    assert keys.body_scope(None, "sha256:d") == "doc:sha256:d"
    assert keys.scoped_prefix("kent panel") == "body:kent panel|"
    assert keys.meeting_key("kent panel", "2024-01-10", "sha256:d") == "kent panel|2024-01-10"
    assert keys.meeting_key(None, "2024-01-10", "sha256:d") == "sha256:d|meeting"
    assert keys.agenda_item_key("sha256:d", "i3") == keys.event_key("sha256:d", "i3") == "sha256:d#i3"
    assert keys.response_key("sha256:d", 120) == "sha256:d#response@120"
    assert keys.person_key("body:x", "boyes", None) == "body:x|boyes"
    assert keys.person_key("body:x", "boyes", "joan") == "body:x|boyes|joan"


def test_the_linker_reads_person_keys_back_as_keys_builds_them():
    bare, full = keys.person_key("body:x", "boyes", None), keys.person_key("body:x", "boyes", "joan")
    assert people.aliases([bare, full]) == {bare: full}


def test_every_label_has_one_row_of_facts_with_its_own_kind():
    from scrutiny.graph.catalog import CATALOG
    from scrutiny.graph.label_facts import FACTS
    assert set(FACTS) == set(CATALOG.labels)
    assert len({f.kind for f in FACTS.values()}) == len(FACTS)


def test_a_label_without_facts_is_refused(monkeypatch):
    from scrutiny.errors import SchemaError
    from scrutiny.graph import catalog
    monkeypatch.delitem(catalog.FACTS, "Meeting")
    with pytest.raises(SchemaError, match="Meeting has no row"):
        catalog.Catalog()


def test_a_label_whose_tier_disagrees_with_the_schema_is_refused(monkeypatch):
    import dataclasses

    from scrutiny.errors import SchemaError
    from scrutiny.graph import catalog
    monkeypatch.setitem(catalog.FACTS, "Question", dataclasses.replace(catalog.FACTS["Question"], tier="paper"))
    with pytest.raises(SchemaError, match="Question: its tier"):
        catalog.Catalog()


def test_every_node_is_named_by_its_labels_caption_property():
    from scrutiny.graph.analytics.actors import name_of
    from scrutiny.graph.label_facts import ACTORS, ENTITIES, FACTS, STRUCTURE
    from scrutiny.graph.model import Node
    from scrutiny.viz import styles
    assert ACTORS == {"Person", "Role", "Body"} and ENTITIES - ACTORS == {"Report", "Finding"}
    assert STRUCTURE == {"Meeting", "AgendaItem", "Document"}
    for label in ENTITIES - styles.QUOTED:  # the analyses and the views name a thing the same way
        node = Node(label, "k", {FACTS[label].caption: "Named thing", "other": "x"})
        assert name_of(node) == styles.label(label, node.props) == "Named thing"
    assert name_of(Node("Question", "k1", {"quote": "Why?"})) == "k1"


def test_explorer_views_and_full_text_index_read_the_facts():
    from scrutiny.graph import cypher, explore
    from scrutiny.graph.catalog import CATALOG
    from scrutiny.viz import styles
    assert explore.KINDS["status-update"] == "StatusUpdate" and explore.KIND_OF["AgendaItem"] == "item"
    assert set(cypher.QUOTED_LABELS) == styles.QUOTED == {s for s, spec in CATALOG.labels.items() if spec.quoted}
    assert cypher.QUOTED_LABELS[-1] == "Finding"  # events first: ties in a search keep this order
    legend = [row["name"] for row in styles.legend()]
    assert legend[:3] == ["person", "office", "body"] and "document" not in legend
