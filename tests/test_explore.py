"""Reading one entity (graph/explore.py), as the API's /entities/{kind}/{key} and the
dossier read it: what it is stays apart from its own properties."""

from __future__ import annotations

import pytest

from scrutiny.graph import explore
from scrutiny.graph.cypher import upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.base import open_store


@pytest.fixture
def findings_store(embedded_settings):
    """A report with one recommendation and its inspectorate, as a loader writes them."""
    g = Graph()
    report = g.add_node("Report", "crime data integrity", title="Crime Data Integrity")
    finding = g.add_node("Finding", "cdi#r1", title="Recording within 24 hours", kind="recommendation",
                         quote="Crimes should be recorded within 24 hours.")
    g.add_edge("IN_REPORT", finding, report)
    g.add_node("Body", "body:hmicfrs", name="HMICFRS", kind="inspectorate")
    store = open_store(embedded_settings)
    store.write(upsert_statements(g))
    yield store
    store.close()


def test_a_findings_own_kind_does_not_overwrite_that_it_is_a_finding(findings_store):
    facts = explore.entity(findings_store, "finding", "cdi#r1")
    assert (facts["kind"], facts["finding_kind"]) == ("finding", "recommendation")
    assert (facts["key"], facts["title"]) == ("cdi#r1", "Recording within 24 hours")


def test_a_bodys_own_kind_does_not_overwrite_that_it_is_a_body(findings_store):
    facts = explore.entity(findings_store, "body", "body:hmicfrs")
    assert (facts["kind"], facts["body_kind"], facts["name"]) == ("body", "inspectorate", "HMICFRS")
