"""Every natural key and id of the graph, built in one place (pure).

Keys are natural, so loading the same minutes twice writes the same nodes: a
document is its content hash (``records.content_id``); a meeting its body and
date; agenda items, events and findings are their document's key ``#`` their
extraction id.  People and offices are keyed within a *scope*, their body
(``body:<body key>``) or, for minutes without one, their document, so "Boyes"
of one panel is never merged with a "Boyes" of another.  Bodies and reports are
keyed by ``fold``, the one way a name is normalised for a key.
"""

from __future__ import annotations

import re

from scrutiny.loaders.records import content_id

__all__ = ["RESPONSE_MARK", "agenda_item_key", "body_key", "body_scope", "content_id", "event_key",
           "finding_key", "fold", "meeting_key", "person_key", "report_key", "response_key", "role_key",
           "scoped_prefix"]

#: In the key of a derived StatusUpdate: a response the linker found in later minutes.
RESPONSE_MARK = "#response@"


def fold(name: str) -> str:
    """A name as a key: lower case, apostrophes dropped, runs of other characters one space
    ("HMICFRS’ PEEL Report" -> "hmicfrs peel report")."""
    return " ".join(re.findall(r"[a-z0-9]+", name.lower().replace("’", "'").replace("'", "")))


def body_key(name: str) -> str:
    return fold(name)


def body_scope(body: str | None, doc: str) -> str:
    """Where people and offices are told apart: the body (a key), else the document."""
    return f"body:{body}" if body else f"doc:{doc}"


def scoped_prefix(body: str) -> str:
    """How every person and office key of the body begins (for a STARTS WITH lookup)."""
    return f"{body_scope(body, '')}|"


def person_key(scope: str, surname: str, given: str | None) -> str:
    """``scope|surname|given`` (``link.people`` reads it back); ``scope|surname`` with no given."""
    return f"{scope}|{surname}|{given}" if given else f"{scope}|{surname}"


def role_key(scope: str, title: str) -> str:
    return f"{scope}|{fold(title)}"


def report_key(scope: str, title: str) -> str:
    """A named report is one report everywhere; "the annual report" is one per scope."""
    from scrutiny.loaders.extract.reports import generic  # here: reports folds its titles with ``fold``
    return f"{scope}|{fold(title)}" if generic(title) else fold(title)


def meeting_key(body: str | None, date: str | None, doc: str) -> str:
    """A body's meeting on a date (two documents of it are one meeting), else the document's."""
    return f"{body}|{date}" if body and date else f"{doc}|meeting"


def agenda_item_key(doc: str, item_id: str) -> str:
    return f"{doc}#{item_id}"


def event_key(doc: str, event_id: str) -> str:
    return f"{doc}#{event_id}"


def finding_key(doc: str, entity_id: str) -> str:
    return f"{doc}#{entity_id}"


def response_key(doc: str, start: int) -> str:
    return f"{doc}{RESPONSE_MARK}{start}"
