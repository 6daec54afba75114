"""The typed records of the extraction contract: each kind carries the fields the spec
names for it, and the JSON reads back into the same records."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from scrutiny.loaders.extract.document import extract
from scrutiny.loaders.records import ENTITY_CLASS, EVENT_CLASS, DocumentText, Extraction
from tests.hostile import MINUTES

# shared/spec/extraction-output.md: the extra fields of each type, never to be dropped
SPEC_ENTITY_FIELDS = {
    "Person": {"honorific", "surname", "roles"}, "Role": {"title", "body"}, "Body": {"kind"},
    "Report": {"title", "publisher", "year"}, "Finding": {"report", "kind", "text"}}
SPEC_EVENT_FIELDS = {
    "Question": {"asker", "addressee", "about", "text"}, "Challenge": {"asker", "addressee", "about", "text"},
    "Answer": {"speaker", "answers", "text"},
    "Commitment": {"owner", "owed_to", "text", "due", "arises_from", "addresses"},
    "Resolution": {"text", "commitments"}, "StatusUpdate": {"subject", "status", "text"}}


@pytest.mark.parametrize("kind", sorted(SPEC_ENTITY_FIELDS))
def test_every_entity_kind_declares_the_fields_the_spec_names(kind):
    assert SPEC_ENTITY_FIELDS[kind] <= {f.name for f in fields(ENTITY_CLASS[kind])}


@pytest.mark.parametrize("kind", sorted(SPEC_EVENT_FIELDS))
def test_every_event_kind_declares_the_fields_the_spec_names(kind):
    assert SPEC_EVENT_FIELDS[kind] <= {f.name for f in fields(EVENT_CLASS[kind])}


def test_the_extraction_json_reads_back_into_the_same_records():
    ex = extract(DocumentText("minutes.txt", "text", MINUTES, body="Kent Police and Crime Panel"))
    data = json.loads(json.dumps(ex.to_json()))
    back = Extraction.from_json(data)
    assert back.to_json() == ex.to_json()
    assert [type(e) for e in back.entities + back.events] == [type(e) for e in ex.entities + ex.events]
    assert {e["type"] for e in data["events"]} >= {"Question", "Answer", "Commitment"}


def test_each_record_writes_its_kind_as_its_type():
    ex = extract(DocumentText("minutes.txt", "text", MINUTES))
    assert all(e.to_json()["type"] == type(e).type for e in ex.entities + ex.events)
