"""Phase 21 of the grammar of minutes: accounts given unprompted, membership that owes no work,
progress told in a relative clause, and papers listed by their file.  Wordings no dev document uses."""

from __future__ import annotations

from tests.test_extract import actor, events_of, run


def test_telling_the_panel_that_is_an_account_even_with_no_question_before_it():
    data = run("6. Custody\nThe Head of Custody informed the Panel that two suites had reopened in March.")
    (answer,) = events_of(data, "Answer")
    assert actor(data, answer, "speaker") == "Head of Custody"


def test_an_update_or_presentation_given_on_events_is_an_account_by_who_gave_it():
    data = run("8. Flooding\nThe Chief Constable gave the Panel a short presentation on the flood response.")
    (answer,) = events_of(data, "Answer")
    assert actor(data, answer, "speaker") == "Chief Constable"
    assert not events_of(data, "StatusUpdate")


def test_an_update_on_the_actions_is_progress_not_an_account():
    data = run("3. Action log\nThe Scrutiny Officer provided Members with a verbal update on the open actions.")
    assert events_of(data, "StatusUpdate")
    assert not events_of(data, "Answer")


def test_added_goes_on_with_the_same_speakers_account():
    data = run("4. Fleet\nThe Chief Finance Officer informed the Committee that the vans were on order. "
               "He added that delivery depended on the supplier.")
    answers = events_of(data, "Answer")
    assert [actor(data, a, "speaker") for a in answers] == ["Chief Finance Officer", "Chief Finance Officer"]


def test_an_unprompted_noted_stays_an_announcement_after_an_account():
    data = run("4. Fleet\nThe Chief Finance Officer informed the Committee that the vans were on order. "
               "He noted that the depot would be repainted.")
    assert len(events_of(data, "Answer")) == 1


def test_keeping_or_taking_a_seat_owes_no_work():
    data = run("9. Co-opted members\nMrs Okafor had confirmed her willingness to continue to serve on the Panel.\n\n"
               "RESOLVED that Mrs Okafor be invited to serve as an independent member for a further term.")
    assert not events_of(data, "Commitment")
    assert events_of(data, "Resolution")


def test_a_member_urging_fellow_members_sets_nobody_work():
    data = run("Councillor Reyes urged Panel Members to promote the survey in their wards.")
    assert not events_of(data, "Commitment")


def test_already_done_is_progress():
    data = run("The Commissioner noted that 40 bids had already been received for the fund.")
    assert events_of(data, "StatusUpdate")


def test_a_relative_clause_describes_a_paper_it_reports_no_progress():
    data = run("5. Decisions\nMembers received a list of the Commissioner's decisions, which had been published "
               "on the website since the last meeting.")
    assert not events_of(data, "StatusUpdate")


def test_continuing_to_work_on_something_is_progress():
    data = run("The Commissioner said the Force was continuing to work on the backlog of firearms licences.")
    assert events_of(data, "StatusUpdate")


def test_a_paper_listed_with_its_file_is_a_report_and_the_minutes_are_not():
    data = run("5. Minutes of the meeting held on 3 March 2021 pdf icon PDF 120 KB\n\nThe minutes were agreed.\n\n"
               "6. Neighbourhood Policing Model pdf icon PDF 310 KB\n\nThe Commissioner introduced the paper.")
    titles = [e["title"] for e in data["entities"] if e["type"] == "Report"]
    assert "Neighbourhood Policing Model" in titles
    assert not any("Minutes" in t for t in titles)


def test_a_decision_quote_keeps_its_resolved_head():
    data = run("7. Budget\nRESOLVED that the revised budget be approved.")
    (resolution,) = events_of(data, "Resolution")
    assert resolution["quote"] == "RESOLVED that the revised budget be approved."


def test_a_members_point_that_is_replied_to_was_a_question():
    data = run("5. Budget\n\nCouncillor Adeyemi mentioned the cuts to the youth offer and what they would mean "
               "for the town. The Commissioner replied that the offer would be protected.")
    (question,) = events_of(data, "Question")
    assert actor(data, question, "asker") == "Councillor Adeyemi"
    (answer,) = events_of(data, "Answer")
    assert answer["answers"] == question["id"]


def test_a_members_point_with_no_reply_stays_unasked():
    data = run("5. Budget\nCouncillor Adeyemi mentioned the cuts to the youth offer. The Panel noted the report.")
    assert not events_of(data, "Question")


def test_every_bare_subjunctive_under_resolved_that_is_a_point():
    data = run("2. Appointments\n\nResolved that:\n\nCouncillor Ives be appointed as Chair of the Panel.\n\n"
               "Dr Kaur, Independent Member be appointed as Vice Chair of the Panel.\n\n"
               "The Commissioner introduced her report.")
    quotes = [e["quote"] for e in events_of(data, "Resolution")]
    assert quotes == ["Councillor Ives be appointed as Chair of the Panel.",
                      "Dr Kaur, Independent Member be appointed as Vice Chair of the Panel."]
