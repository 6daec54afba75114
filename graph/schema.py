"""The graph schema: the one declaration of labels, properties and relationships.

Everything else is derived from these neomodel classes (see ``graph.catalog``):
the constraints and indexes of both stores, the writer's validation, the
schema handed to Neo4j's Cypher checker for the saved queries, and the
README's schema section.  Every label has a stable natural key ``key`` so
that loading is idempotent; every fact read from a document carries its
``doc`` (Document key), exact ``quote`` and ``start``/``end`` offsets.

Dates are ISO ``YYYY-MM-DD`` strings: they compare correctly as text and mean
the same on FalkorDB and Neo4j, whose temporal types differ.
"""

from __future__ import annotations

from neomodel import (
    BooleanProperty,
    FloatProperty,
    IntegerProperty,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
)


def _key():
    return StringProperty(required=True, unique_index=True)


# -- relationship models -----------------------------------------------------


class Evidence(StructuredRel):
    """A link read from a document: where, and in which words."""

    doc = StringProperty()
    quote = StringProperty()
    start = IntegerProperty()
    end = IntegerProperty()


class Holds(Evidence):
    """A person holds an office, as a document says, from/to a date where known."""

    since = StringProperty()
    until = StringProperty()


class Fulfilment(Evidence):
    """A later item, status update or commitment that closed (or replaced) a commitment.

    Derived across meetings by the closure stage, never read from one document.
    """

    method = StringProperty()  # action_number, status_update, matters_arising, title_match, ...
    confidence = FloatProperty()
    meeting_date = StringProperty()
    derived = BooleanProperty(default=True)


class Attribution(StructuredRel):
    """Who asked, answered or owes.  Read from the text, or derived: "the PCC" at a
    meeting resolved to the person who held that office then (``via`` the office)."""

    derived = BooleanProperty(default=False)
    via = StringProperty()  # the Role key the person was reached through
    confidence = FloatProperty()


# -- abstract bases ------------------------------------------------------------


class LabelledNode(StructuredNode):
    __abstract_node__ = True
    key = _key()


class Actor(LabelledNode):
    """Who can ask, answer or owe: a person, an office, or a body."""

    __abstract_node__ = True
    name = StringProperty(required=True)
    mentioned_in = RelationshipTo("Document", "MENTIONED_IN", model=Evidence)


class Subject(LabelledNode):
    """What accountability is about: a report or one of its findings."""

    __abstract_node__ = True
    title = StringProperty(required=True)
    mentioned_in = RelationshipTo("Document", "MENTIONED_IN", model=Evidence)


class MeetingEvent(LabelledNode):
    """Something said or decided at a meeting, with its exact source words."""

    __abstract_node__ = True
    doc = StringProperty(required=True, index=True)
    quote = StringProperty(required=True)
    search = StringProperty()  # the quote's words, space-separated: what the full-text index reads
    start = IntegerProperty(required=True)
    end = IntegerProperty(required=True)
    text = StringProperty()
    meeting_date = StringProperty(index=True)
    review = StringProperty()  # why a person should look at it, from its document (unattributed)
    review_link = StringProperty()  # ... from the links across meetings (ambiguous office, weak closure)
    evidenced_by = RelationshipTo("Document", "EVIDENCED_BY", model=Evidence)
    in_item = RelationshipTo("AgendaItem", "IN_ITEM")


# -- documents and meetings ------------------------------------------------------


class Document(LabelledNode):
    """One minutes document as read; key is ``sha256:<hex>`` of its text."""

    source = StringProperty(required=True, index=True)  # the previous version of a file is found by it
    url = StringProperty()
    format = StringProperty(required=True)
    title = StringProperty()
    text = StringProperty(required=True)
    meeting_date = StringProperty()
    loaded_at = StringProperty()
    extractor = StringProperty()  # the build that read it: a newer one reads the same bytes again
    complete = BooleanProperty(default=False)
    records = RelationshipTo("Meeting", "RECORDS")


class Body(Actor):
    """An organisation: panel, force, OPCC, inspectorate, council, department."""

    kind = StringProperty()
    stale = BooleanProperty(default=False)  # new minutes loaded; cross-meeting links to redo


class Meeting(LabelledNode):
    """A meeting of a body on a date (key: body key and date, or the document)."""

    date = StringProperty(index=True)
    title = StringProperty()
    doc = StringProperty(index=True)
    # The body's name again (set at load, kept in step by loaders/derive.py): queries about
    # one body filter meetings on it, 3x faster than through HELD_BY (bench/queries.py).
    body = StringProperty()
    held_by = RelationshipTo("Body", "HELD_BY")
    has_item = RelationshipTo("AgendaItem", "HAS_ITEM")


class AgendaItem(LabelledNode):
    """A numbered or titled item of a meeting, with its span in the document."""

    doc = StringProperty(required=True, index=True)
    number = StringProperty()
    title = StringProperty()
    start = IntegerProperty()
    end = IntegerProperty()
    meeting_date = StringProperty()


# -- actors ------------------------------------------------------------------------


class Person(Actor):
    """A named individual, resolved within one body (never across bodies on a surname)."""

    surname = StringProperty(index=True)
    honorific = StringProperty()
    holds = RelationshipTo("Role", "HOLDS", model=Holds)
    member_of = RelationshipTo("Body", "MEMBER_OF", model=Evidence)


class Role(Actor):
    """An office, e.g. Police and Crime Commissioner, of a body where known."""

    title = StringProperty(required=True, index=True)
    of_body = RelationshipTo("Body", "OF_BODY")


# -- subjects ----------------------------------------------------------------------


class Report(Subject):
    """An inspection report, review or plan discussed at a meeting."""

    year = IntegerProperty()
    published = StringProperty()
    response_due = StringProperty()  # 56 days after publication for HMICFRS reports
    published_by = RelationshipTo("Body", "PUBLISHED_BY")
    discussed_at = RelationshipTo("AgendaItem", "DISCUSSED_AT", model=Evidence)


class Finding(Subject):
    """One concern, positive, recommendation, area for improvement or statistic."""

    doc = StringProperty(index=True)
    kind = StringProperty()
    text = StringProperty()
    quote = StringProperty()
    search = StringProperty()  # the quote's words, space-separated: what the full-text index reads
    start = IntegerProperty()
    end = IntegerProperty()
    in_report = RelationshipTo("Report", "IN_REPORT")
    evidenced_by = RelationshipTo("Document", "EVIDENCED_BY", model=Evidence)


# -- events ------------------------------------------------------------------------


class Question(MeetingEvent):
    """A member asks, queries, requests or challenges (``challenge`` is true for the latter)."""

    challenge = BooleanProperty(default=False)
    asked_by = RelationshipTo("Actor", "ASKED_BY", model=Attribution)
    addressed_to = RelationshipTo("Actor", "ADDRESSED_TO", model=Attribution)
    about = RelationshipTo("Subject", "ABOUT")


class Answer(MeetingEvent):
    """An officer, commissioner or witness explains, confirms, assures or acknowledges."""

    given_by = RelationshipTo("Actor", "GIVEN_BY", model=Attribution)
    answers = RelationshipTo("Question", "ANSWERS")


class Commitment(MeetingEvent):
    """An undertaking to act later, its owner, due date and derived status."""

    due = StringProperty()
    due_date = StringProperty(index=True)
    status = StringProperty(index=True)  # open, overdue, fulfilled, superseded
    action_number = StringProperty()
    fulfilled_on = StringProperty()
    days_to_fulfil = IntegerProperty()
    owed_by = RelationshipTo("Actor", "OWED_BY", model=Attribution)
    owed_to = RelationshipTo("Actor", "OWED_TO")
    addresses = RelationshipTo("Subject", "ADDRESSES")
    arises_from = RelationshipTo("MeetingEvent", "ARISES_FROM")
    # what closed it: a later agenda item (title match, matters arising) or event
    fulfilled_by_item = RelationshipTo("AgendaItem", "FULFILLED_BY", model=Fulfilment)
    fulfilled_by_event = RelationshipTo("MeetingEvent", "FULFILLED_BY", model=Fulfilment)
    superseded_by = RelationshipTo("Commitment", "SUPERSEDED_BY", model=Fulfilment)


class Resolution(MeetingEvent):
    """One resolved, agreed or action point of a formal decision."""

    creates = RelationshipTo("Commitment", "CREATES")


class StatusUpdate(MeetingEvent):
    """A statement of progress on earlier findings or commitments."""

    status = StringProperty()  # closed, in_progress, open, overdue, superseded
    action_number = StringProperty()
    refers_to_date = StringProperty()
    updates = RelationshipTo("Commitment", "UPDATES")
    updates_subject = RelationshipTo("Subject", "UPDATES")
    refers_to = RelationshipTo("Meeting", "REFERS_TO")  # "Action No. 18 from the meeting held on ..."


# -- bookkeeping -------------------------------------------------------------------


class GraphVersion(StructuredNode):
    """The one node (key ``graph``) that every load, restore and derivation bumps in the
    transaction that changes the graph: a cached answer names the version it was read at
    (``graph.version``).  ``number`` counts the bumps; ``token`` is new at each one, so a graph
    emptied or restored and bumped again never repeats an earlier version."""

    key = _key()
    number = IntegerProperty()
    token = StringProperty()


#: Bases that declare shared properties but are not labels of their own.
ABSTRACT = (LabelledNode, Actor, Subject, MeetingEvent)
#: Labels that state no accountability fact: no legend, export, count or saved query sees them.
BOOKKEEPING = (GraphVersion,)
