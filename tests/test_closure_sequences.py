"""Closure across four meetings of one (invented) panel, written the way scraped minutes read.

Numbered points glued to the sentence before them, matters arising in the item that
approves the last minutes, a list of updates "on some issues raised", RESOLVED requests,
an item cut off by the source.  Each commitment below has one fate, and the sentences
that only resemble its evidence must not close it.
"""

from __future__ import annotations

import pytest

from scrutiny.loaders.link import evidence, status
from scrutiny.loaders.link.later import Index
from tests.conftest import load_meetings

BODY = "Wessex Police and Crime Panel"
TODAY = "2023-10-01"
MEETINGS = {
    "2023-01-12": """Wessex Police and Crime Panel - Thursday 12 January 2023

11. Minutes of the Panel held on 10 November 2022
RESOLVED that the minutes of the meeting held on 10 November 2022 were an accurate record.

12. Rural crime
1.A Member asked about thefts of farm machinery in the north of the county.The Commissioner agreed to bring a report on rural crime patrols to a future meeting.2.The Panel welcomed the Youth Diversion Fund and asked for a full report on the Youth Diversion Fund in due course.3.The Chairman asked whether the Hengistbury custody suite would reopen this year.The Commissioner said that he would respond to this point outside the meeting.4.In response to a question about Safer Streets funding the Commissioner would report back to the Member on which ward in Dorchester would receive the first grant.

13. Road safety
1.A Member asked about speed camera enforcement on the A35.The Commissioner undertook to provide an update on speed camera enforcement at the next meeting.RESOLVED that the Commissioner provide figures on drone deployments to Members.

14. Estates
1.The Commissioner agreed to bring the estates review to the Panel in the spring.
""",
    "2023-03-09": """Wessex Police and Crime Panel - Thursday 9 March 2023

21. Minutes of the Panel held on 12 January 2023
1.The Commissioner advised the Panel that the figures on drone deployments had been circulated to Members as requested.2.The Commissioner updated the Panel on some issues raised at the previous meeting;·The Hengistbury custody suite would reopen in May once the cell refurbishment was complete.·Safer Streets funding had been awarded to a project in Weymouth.RESOLVED that the minutes of the meeting held on 12 January 2023 were an accurate record.

22. Youth services
1.The Commissioner explained that the Youth Diversion Fund would be expanding next year and that the Youth Diversion Fund continued to be successful.
""",
    "2023-06-15": """Wessex Police and Crime Panel - Thursday 15 June 2023

31. Minutes of the Panel held on 9 March 2023
1.The Clerk explained that the estates review had been deferred to the September meeting.RESOLVED that the minutes of the meeting held on 9 March 2023 were an accurate record.

32. Mental health - verbal update
1.The Commissioner provided an update on mental health work in policing.
""",
    "2023-09-21": """Wessex Police and Crime Panel - Thursday 21 September 2023

41. Minutes of the Panel held on 15 June 2023
RESOLVED that the minutes of the meeting held on 15 June 2023 were an accurate record.

42. Rural crime patrols - report
1.The Commissioner introduced his report on rural crime patrols, which set out the new patrol pattern agreed with farm watch groups.

43. Questions to the Commissioner
1.A Member asked about the estates review and the Commissioner explained that the review would  ...view the full minutes text for item 43.
[text cut off in the source]
""",
}


@pytest.fixture
def sequence(store_kind, graphs):
    """The meetings, loaded once per store and shared by the tests that read them."""
    return load_meetings(graphs, store_kind, "closure-sequences-wessex", BODY, MEETINGS, TODAY)


def _fate(store, words: str) -> dict:
    rows = store.run(
        "MATCH (c:Commitment) WHERE c.quote CONTAINS $w OPTIONAL MATCH (c)-[f:FULFILLED_BY]->() "
        "RETURN c.status AS status, c.due_date AS due, c.fulfilled_on AS on, f.method AS method, "
        "f.quote AS quote, f.confidence AS confidence, c.review_link AS review "
        "ORDER BY f.meeting_date, f.confidence DESC", {"w": words})
    assert rows, f"no commitment says {words!r}"
    return rows[0]


def test_a_requested_report_presented_as_a_later_item_is_fulfilled_by_that_item(sequence):
    fate = _fate(sequence, "a report on rural crime patrols")
    assert (fate["status"], fate["on"], fate["method"]) == ("fulfilled", "2023-09-21", "title_match")
    assert fate["quote"].startswith("42. Rural crime patrols - report\n1.The Commissioner introduced")


def test_a_later_sentence_on_the_same_subject_does_not_deliver_a_requested_report(sequence):
    fate = _fate(sequence, "full report on the Youth Diversion Fund")
    assert (fate["status"], fate["method"]) == ("open", None)


def test_a_next_meeting_update_the_next_meeting_never_mentions_is_overdue_from_that_date(sequence):
    fate = _fate(sequence, "update on speed camera enforcement")
    assert (fate["status"], fate["due"], fate["method"]) == ("overdue", "2023-03-09", None)


def test_matters_arising_saying_it_was_circulated_fulfils_the_resolved_request(sequence):
    fate = _fate(sequence, "figures on drone deployments to Members")
    assert (fate["status"], fate["on"], fate["method"]) == ("fulfilled", "2023-03-09", "matters_arising")
    assert "had been circulated to Members as requested" in fate["quote"]


def test_an_answer_listed_under_issues_raised_closes_the_point_it_answers(sequence):
    fate = _fate(sequence, "respond to this point outside the meeting")
    assert (fate["status"], fate["method"]) == ("fulfilled", "reported_back")
    assert fate["quote"].startswith("·The Hengistbury custody suite would reopen in May")


def test_an_update_that_does_not_name_what_was_asked_leaves_it_open(sequence):
    """'Which ward in Dorchester' is not answered by a grant in Weymouth."""
    fate = _fate(sequence, "which ward in Dorchester")
    assert (fate["status"], fate["method"]) == ("open", None)


def test_a_deferral_moves_the_due_date_and_text_the_source_cut_off_is_no_evidence(sequence):
    fate = _fate(sequence, "estates review to the Panel in the spring")
    assert (fate["status"], fate["due"], fate["method"]) == ("overdue", "2023-09-21", None)
    assert fate["review"].startswith("deferred on 2023-06-15 (due 2023-09-21)")


def test_every_closing_link_quotes_later_text_exactly(sequence):
    rows = sequence.run(
        "MATCH (c:Commitment)-[f:FULFILLED_BY]->() MATCH (d:Document {key: f.doc}) "
        "RETURN f.quote AS quote, substring(d.text, f.start, f.end - f.start) AS source, "
        "f.meeting_date AS met, c.meeting_date AS made, f.confidence AS confidence")
    assert rows
    for row in rows:
        assert row["quote"] == row["source"] and row["met"] > row["made"] and row["confidence"] >= 0.5
        assert "cut off" not in row["quote"] and "view the full minutes" not in row["quote"]


# -- the pure stages on their own ----------------------------------------------------------

CUT = "\n[text cut off in the source]\n"


def _item(key, date, title, text):
    return evidence.StoredItem(key, date, title, f"doc-{date}", 0, f"7. {title}\n{text}")


def test_a_promise_the_source_cut_off_stays_open_and_hidden_text_is_never_evidence():
    made = _item("i1", "2023-01-12", "Estates", "1.The Commissioner said he would check the  ...view "
                 "the full minutes text for item 7." + CUT)
    later = _item("i2", "2023-03-09", "Minutes of the Panel held on 12 January 2023",
                  "1.The figures on custody had been circulated  ...view the full minutes text for item 8." + CUT)
    c = evidence.StoredCommitment("c1", "2023-01-12", "he would check the  ...view the full minutes text for item 7.",
                            "doc-2023-01-12", 45, 100, "pcc")
    out = status.follow_up([c], [made, later], [], ["2023-01-12", "2023-03-09"], TODAY)
    assert (out["c1"].status, out["c1"].links) == ("open", [])
    texts = [u.text for u in Index([made, later], ["2023-01-12", "2023-03-09"]).units]
    assert not any("view the full minutes" in t or "cut off" in t for t in texts)


def test_a_review_of_minutes_names_the_meeting_it_reviews_and_other_bodies_minutes_review_none():
    items = [_item("i1", "2023-03-09", "Minutes of the Panel held on 12 January 2023", "1.Noted."),
             _item("i2", "2023-03-09", "Minutes of the Governance Board held on 1 February 2023", "1.Noted."),
             _item("i3", "2023-06-15", "Matters arising", "1.Noted.")]
    units = Index(items, ["2023-01-12", "2023-03-09", "2023-06-15"]).units
    assert {u.item: u.reviews for u in units} == {"i1": "2023-01-12", "i2": None, "i3": "2023-03-09"}


def test_a_later_promise_that_replaces_an_undertaking_supersedes_it_and_can_itself_be_fulfilled():
    first = _item("i1", "2023-01-12", "Performance", "1.The Chief Constable agreed to provide a briefing on "
                  "knife crime figures to the Panel.")
    second = _item("i2", "2023-03-09", "Performance", "1.The Chief Constable explained that instead of a "
                   "stand-alone briefing, the knife crime figures would form part of the quarterly performance report.")
    third = _item("i3", "2023-06-15", "Quarterly performance report", "1.The Panel considered the quarterly "
                  "performance report, which included the knife crime figures.")
    c1 = evidence.StoredCommitment("c1", "2023-01-12", first.text[15:], "doc-2023-01-12", 15, len(first.text), "cc")
    c2 = evidence.StoredCommitment("c2", "2023-03-09", second.text[15:], "doc-2023-03-09", 15, len(second.text), "cc")
    out = status.follow_up([c1, c2], [first, second, third], [], ["2023-01-12", "2023-03-09", "2023-06-15"], TODAY)
    assert (out["c1"].status, out["c1"].links[0].target) == ("superseded", "c2")
    assert (out["c2"].status, out["c2"].fulfilled_on, out["c2"].links[0].method) == \
        ("fulfilled", "2023-06-15", "title_match")
