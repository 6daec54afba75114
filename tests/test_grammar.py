"""The grammar of minutes, one class of sentence per test, in wordings no dev document uses."""

from __future__ import annotations

from tests.test_extract import actor, events_of, run


def kinds(data: dict) -> list[tuple[str, str | None]]:
    field = {"Question": "asker", "Challenge": "asker", "Answer": "speaker", "Commitment": "owner"}
    return [(e["type"], actor(data, e, field[e["type"]]) if e["type"] in field else None)
            for e in data["events"]]


def test_glued_numbered_points_are_separate_sentences():
    data = run("7. Roads policing\n1.A Member asked about speed cameras.2.The Chief Constable "
               "explained that two vans had been bought.")
    quotes = [e["quote"] for e in data["events"]]
    assert "A Member asked about speed cameras." in quotes
    assert any(q.startswith("The Chief Constable explained") for q in quotes)


def test_any_verb_after_would_is_an_undertaking_of_the_named_subject():
    data = run("The Chief Constable would canvass the district commanders and would then "
               "write to the Panel.")
    (commitment,) = events_of(data, "Commitment")
    assert actor(data, commitment, "owner") == "Chief Constable"


def test_a_view_or_consequence_after_would_is_no_undertaking():
    data = run("The Commissioner said the change would mean fewer officers on nights.")
    assert not events_of(data, "Commitment")


def test_agentless_future_passive_is_a_commitment_with_no_owner():
    data = run("Members discussed the estates strategy. A breakdown of the costs would be "
               "circulated to Members.")
    (commitment,) = events_of(data, "Commitment")
    assert commitment["owner"] is None


def test_a_passive_inside_a_question_is_not_an_undertaking():
    data = run("Councillor Amin asked whether a breakdown could be circulated.")
    assert not events_of(data, "Commitment")
    assert [actor(data, q, "asker") for q in events_of(data, "Question")] == ["Councillor Amin"]


def test_a_request_that_something_be_done_goes_to_the_officer_it_was_put_to():
    data = run("A Member thanked the Chief Constable for the figures and requested that a "
               "breakdown by ward be provided.")
    (commitment,) = events_of(data, "Commitment")
    assert actor(data, commitment, "owner") == "Chief Constable"


def test_question_folded_into_its_answer_gives_both_with_the_named_asker():
    data = run("Following a query from Councillor Patel about custody, the Chief Constable "
               "confirmed that the suite would reopen.")
    assert ("Question", "Councillor Patel") in kinds(data)
    assert ("Answer", "Chief Constable") in kinds(data)


def test_a_members_neutral_verb_puts_a_point_to_the_answering_side():
    data = run("Councillor Ng added that the waiting times were not good enough.")
    (challenge,) = events_of(data, "Challenge")
    assert actor(data, challenge, "asker") == "Councillor Ng"


def test_he_refers_to_the_office_spoken_of_in_the_sentence_before():
    data = run("A Member asked about drones. The Chief Fire Officer introduced the trial. "
               "He confirmed that the results would be published.")
    (answer,) = events_of(data, "Answer")
    assert actor(data, answer, "speaker") == "Chief Fire Officer"


def test_an_unprompted_noted_is_an_announcement_not_an_answer():
    data = run("The Commissioner noted that the new estates director had started.")
    assert not events_of(data, "Answer")


def test_listed_initials_resolve_to_the_person_in_the_attendance_list():
    data = run("Committee Members:\n\nPriya Raman (PR) Chair\nTom Ellis (TE)\n\n"
               "4. Internal audit\n\nTE asked why two audits had slipped.")
    (question,) = events_of(data, "Question")
    assert actor(data, question, "asker") == "Tom Ellis"


def test_resolution_conjuncts_each_judged_for_the_work_they_set():
    data = run("RESOLVED that the report be noted and that the Commissioner provide an update "
               "on cyber crime.")
    assert ("Commitment", "Police and Crime Commissioner") in kinds(data)


def test_bare_that_line_under_minutes_is_a_decision():
    data = run("Minutes:\n\nThat the minutes of the meeting held on 3 March 2025 be confirmed.")
    assert [e["type"] for e in data["events"]] == ["Resolution"]


def test_procedural_items_are_no_source_of_events():
    data = run("2. Declarations of Interest\n\nCouncillor Shah asked that it be noted that she "
               "sits on the board of a charity.")
    assert data["events"] == []


def test_progress_in_open_vocabulary_is_a_status_update():
    data = run("The new control room rota had now been put in place across the county.")
    (update,) = events_of(data, "StatusUpdate")
    assert update["status"] == "closed"


def test_quoted_speech_speaks_for_whoever_opened_the_quote():
    data = run("The Commissioner’s statement was as follows: “I will write to every parish council "
               "before the summer.”")
    (commitment,) = events_of(data, "Commitment")
    assert actor(data, commitment, "owner") == "Police and Crime Commissioner"


def test_a_conditional_undertaking_still_binds_its_named_doer():
    data = run("If the figures were shared with him, the Chief Constable would brief the Panel in March.")
    (commitment,) = events_of(data, "Commitment")
    assert actor(data, commitment, "owner") == "Chief Constable"


def test_a_relative_clause_is_no_embedded_question():
    data = run("The Panel noted the custody audit, which would be reported to the Panel each quarter.")
    assert [c["owner"] for c in events_of(data, "Commitment")] == [None]


def test_an_assurance_sought_is_asked_for_not_promised():
    data = run("Councillor Vale sought an assurance that the rural teams would be kept at full strength.")
    assert not events_of(data, "Commitment")
    assert [actor(data, q, "asker") for q in events_of(data, "Question")] == ["Councillor Vale"]


def test_a_state_of_commitment_is_no_undertaking():
    data = run("The Chief Constable explained that the Force was committed to improving response times.")
    assert not events_of(data, "Commitment")


def test_a_collective_doer_owns_what_it_does():
    data = run("The task and finish group would report its findings to the Panel in June.")
    (commitment,) = events_of(data, "Commitment")
    assert actor(data, commitment, "owner") == "task and finish group"


def test_agenda_boilerplate_asks_nothing():
    data = run("The Committee is asked to note the contents of the report.")
    assert not events_of(data, "Question") and not events_of(data, "Commitment")


def test_a_member_taking_note_is_not_putting_a_point():
    data = run("Councillor Rao noted the report.")
    assert not events_of(data, "Question")


def test_a_key_after_an_office_names_the_person_for_later_references():
    data = run("In Attendance:\n\nChief Finance Officer Priya Das (PD)\n\n3. Budget\n\n"
               "Councillor Moss asked about reserves. PD explained that reserves were above the minimum.")
    (answer,) = events_of(data, "Answer")
    assert actor(data, answer, "speaker") == "Priya Das"


def test_a_name_before_a_parenthesised_office_is_a_person():
    data = run("Omar Clarke (Assistant Chief Constable) confirmed that the review had started.")
    assert any(e["type"] == "Person" and e["surname"] == "Clarke" for e in data["entities"])


def test_a_decision_list_names_its_papers():
    data = run("The following decisions have been published:\nDecision 014 Estates disposal plan - "
               "DR-2025-014.pdf\n")
    assert [e["title"] for e in data["entities"] if e["type"] == "Report"] == ["Estates disposal plan"]


def test_an_office_in_the_possessive_names_whose_officer_the_person_is():
    data = run("Mr Okoro, the PCC’s Chief Finance Officer, presented the accounts.")
    ents = {e["id"]: e for e in data["entities"]}
    (person,) = [e for e in data["entities"] if e["type"] == "Person"]
    assert [ents[r]["name"] for r in person["roles"]] == ["Chief Finance Officer"]


def test_the_collective_subject_of_a_decision_owns_it():
    data = run("5. Stop and search\n\nRESOLVED:\n\nThat the task and finish group develop a summary of the data.")
    assert ("Commitment", "task and finish group") in kinds(data)


def test_an_attributive_ongoing_is_no_progress_report():
    data = run("The auditors sampled ongoing complaints files in March.")
    assert not events_of(data, "StatusUpdate")


def test_one_sentence_can_report_progress_and_make_a_commitment():
    data = run("Oversight of the action plan has been remitted to the estates team, which will report "
               "to the Panel in June.")
    assert {e["type"] for e in data["events"]} >= {"StatusUpdate", "Commitment"}


def test_each_point_of_a_list_an_answer_introduces_is_an_answer():
    data = run("6. Custody\n\nCouncillor Hale asked about waiting times. In response it was further explained:\n"
               "a) two new cells would open in May;\nb) staffing had been increased at weekends.")
    answers = events_of(data, "Answer")
    assert len(answers) == 3 and all(a["speaker"] is None for a in answers)


def test_a_procedural_first_line_does_not_silence_a_document_without_items():
    data = run("Welcome and Introductions:\n\nCouncillor Hale asked about waiting times at custody.")
    assert events_of(data, "Question")


def test_an_items_agenda_description_before_its_minutes_gives_no_events():
    data = run("Agenda item\n\nFleet review\n\nA verbal update will be provided on the fleet.\n\nMinutes:\n\n"
               "Councillor Hale asked about electric vans.")
    assert [e["type"] for e in data["events"]] == ["Question"]


def test_a_forecast_is_no_promise():
    data = run("The Chief Constable said it was likely that the rota would be changed in the spring.")
    assert not events_of(data, "Commitment")


# -- from errors read in pool documents nobody annotated (neither half of the dev set) ---------

def test_no_questions_received_asks_nothing_and_reports_no_progress():
    data = run("3. Public questions\nThe Committee noted that no questions from members of the "
               "public had been received. No further concerns were raised.")
    assert data["events"] == []


def test_asking_for_nominations_is_election_procedure_not_a_question():
    data = run("4. Election of Vice-Chairman\nThe Chairman invited nominations for the post and then "
               "asked for a seconder.")
    assert not events_of(data, "Question")


def test_an_office_after_a_preposition_is_not_the_subject_of_the_verb():
    data = run("Her re-election as Vice-Chair would give the Panel stability.")
    assert not events_of(data, "Commitment")


def test_the_head_of_an_office_of_a_body_phrase_is_its_subject():
    data = run("The Chief Executive of the OPCC would circulate the revised protocol.")
    (commitment,) = events_of(data, "Commitment")
    assert actor(data, commitment, "owner") == "Chief Executive"


def test_a_relative_after_a_governed_office_still_binds_to_it():
    data = run("The complaint was passed to the Chief Constable, who would write to the complainant.")
    (commitment,) = events_of(data, "Commitment")
    assert actor(data, commitment, "owner") == "Chief Constable"


def test_actions_confirmed_as_complete_are_closed():
    data = run("8. Action log\nActions 3 and 4 from the last meeting were confirmed as closed.")
    assert [e["status"] for e in events_of(data, "StatusUpdate")] == ["closed"]


def test_reporting_verbs_in_the_present_tense_answer():
    data = run("A Member asked about the precept. In reply the Commissioner clarifies that the rise is "
               "the lowest permitted.")
    assert ("Answer", "Police and Crime Commissioner") in kinds(data)


def test_a_panel_of_several_areas_keeps_its_whole_name_and_a_phrase_before_a_panel_does_not_join_it():
    data = run("The Leicester, Leicestershire and Rutland Police and Crime Panel met. In Kent, Durham "
               "Police and Crime Panel was mentioned.")
    assert sorted(e["name"] for e in data["entities"] if e["type"] == "Body") == [
        "Durham Police and Crime Panel", "Leicester, Leicestershire and Rutland Police and Crime Panel"]


def test_a_deputy_holds_another_office_than_the_one_deputised_for():
    data = run("The Assistant Chief Executive explained that the audit had been delayed.")
    assert ("Answer", "Assistant Chief Executive") in kinds(data)


def test_a_heading_above_an_office_is_no_part_of_its_title():
    data = run("4. Public Questions\nThe Clerk to the Panel said that none had been received.")
    assert "Public Questions The Clerk" not in [e["name"] for e in data["entities"]]


def test_a_generic_report_title_is_named_by_its_subject():
    data = run("Members discussed the HMICFRS Inspection Report into Custody Arrangements.")
    assert [e["name"] for e in data["entities"] if e["type"] == "Report"] == [
        "HMICFRS Inspection Report into Custody Arrangements"]


def test_a_question_put_in_writing_is_asked_by_who_submitted_it():
    data = run("6. Public questions\nThe Democratic Services Officer reported that Mrs Ann Hale had tabled the "
               "following question:\nHow many PCSOs are there?")
    assert ("Question", "Mrs Ann Hale") in kinds(data)


def test_the_following_question_is_no_question_folded_into_an_answer():
    data = run("The Chief Constable explained the following question of resourcing was for the Home Office.")
    assert not events_of(data, "Question")


def test_a_chairs_welcome_is_procedure_whatever_else_the_sentence_says():
    data = run("The Chairman welcomed everyone to the meeting, stressed that questions should be brief and "
               "moved a change to the order of items.")
    assert data["events"] == []


def test_what_someone_may_have_been_asked_to_do_is_no_commitment():
    data = run("Councillors sat on the Panel, although they might have been asked to raise issues for "
               "their own councils.")
    assert not events_of(data, "Commitment")


def test_a_page_read_as_one_item_keeps_its_record_before_a_late_minutes_line():
    record = " ".join(["The Chairman expressed concern that the council had summoned the Commissioner."] * 12)
    data = run(f"{record}\nMinutes:\nThe Panel noted the report.")
    assert events_of(data, "Question") or events_of(data, "Challenge")


def test_an_apology_for_absence_is_procedure_not_progress():
    data = run("It was noted that an apology for absence had been received from Councillor Reid.")
    assert data["events"] == []


def test_a_member_asks_in_other_words_too():
    data = run("Councillor Dodds sought clarity on the reserves. Councillor Hill wondered whether the precept "
               "could be frozen.")
    assert kinds(data) == [("Question", "Councillor Dodds"), ("Question", "Councillor Hill")]


def test_what_an_officer_told_the_panel_answers():
    data = run("A Member asked about numbers. The Chief Constable told the Panel that officer numbers were rising.")
    assert ("Answer", "Chief Constable") in kinds(data)


def test_a_deliverable_coming_back_to_the_panel_is_a_commitment_with_no_owner():
    data = run("The Treasurer said further information would come back to the Panel in June.")
    (commitment,) = events_of(data, "Commitment")
    assert commitment["owner"] is None


def test_an_event_that_will_take_place_is_no_undertaking():
    data = run("The Commissioner said the annual general meeting would take place on 28 June.")
    assert not events_of(data, "Commitment")


def test_resolved_to_and_resolved_unanimously_open_decisions():
    data = run("5. Budget\nRESOLVED to note the report.\n\n6. Estates\nRESOLVED unanimously that the estates "
               "strategy be approved.")
    # the quote keeps the head on the point's own line: "RESOLVED" is what makes it a decision
    assert [e["quote"] for e in events_of(data, "Resolution")] == [
        "RESOLVED to note the report.", "RESOLVED unanimously that the estates strategy be approved."]


def test_a_list_of_questions_after_its_introduction_gives_a_question_per_line():
    data = run("4. Road safety\nThe Panel discussed:\n\n·\nhow many cameras were working?\n\n·\nspeeds had risen. "
               "Was enforcement enough?\n\nThe Chief Constable explained that two vans had been bought.")
    questions = events_of(data, "Question")
    assert [q["quote"] for q in questions] == ["how many cameras were working?", "Was enforcement enough?"]
    assert all(actor(data, q, "asker") == "Panel" for q in questions)


def test_a_member_restating_concern_or_surprised_challenges():
    data = run("Councillor Potts reiterated his concern about the delays. Councillor Hill was surprised that "
               "it would be another month.")
    assert kinds(data) == [("Challenge", "Councillor Potts"), ("Question", "Councillor Hill")]


def test_a_name_after_an_office_and_a_comma_is_a_person():
    data = run("The Panel welcomed the Chief Constable for Testshire, Chris Haward, and the Chief Finance "
               "Officer, Ann Lowe.")
    assert sorted(e["name"] for e in data["entities"] if e["type"] == "Person") == ["Ann Lowe", "Chris Haward"]


def test_a_member_asking_an_officer_to_act_puts_the_work_on_the_officer():
    data = run("Councillor Okafor asked the Chief Constable to visit the new hub. Mrs Lane requested that the "
               "Commissioner publish the audit. Councillor Bell urged the Chief Finance Officer to share the figures.")
    owners = [actor(data, c, "owner") for c in events_of(data, "Commitment")]
    assert owners == ["Chief Constable", "Police and Crime Commissioner", "Chief Finance Officer"]
    assert [actor(data, q, "asker") for q in events_of(data, "Question")] == ["Councillor Okafor", "Mrs Lane"]


def test_asking_to_be_told_more_is_a_question_not_a_commitment():
    data = run("Councillor Reid asked for further details of the overtime budget.")
    assert kinds(data) == [("Question", "Councillor Reid")]


def test_a_member_noting_a_shortfall_puts_a_point_while_noting_a_report_does_not():
    data = run("Councillor Evans noted that the response times were not good enough. Councillor Shah indicated "
               "that more detail was needed on how the savings would be made. Councillor Evans noted the report.")
    assert kinds(data) == [("Challenge", "Councillor Evans"), ("Question", "Councillor Shah")]


def test_an_officer_noting_still_answers():
    data = run("Councillor Evans asked about drones. The Chief Finance Officer noted changes to the grant rules.")
    assert ("Answer", "Chief Finance Officer") in kinds(data)


def test_a_question_received_or_read_out_is_a_question_of_whoever_sent_it():
    data = run("5. Public questions\nThe Panel received two written questions:\n\nThe Clerk read a question "
               "from Councillor Moss about the precept.")
    assert kinds(data) == [("Question", None), ("Question", "Councillor Moss")]


def test_not_only_and_always_do_not_hide_an_undertaking():
    data = run("Councillor Ahmed asked about the review. The Commissioner said that the Force would not only "
               "adopt the findings but also publish them.")
    assert ("Commitment", "Force") in kinds(data)


def test_willingness_and_duty_to_act_are_undertakings_of_their_subject():
    data = run("Councillor Dunn confirmed his willingness to chair the working group.")
    assert ("Commitment", "Councillor Dunn") in kinds(data)


def test_a_new_speakers_point_after_an_answer_is_not_another_answer():
    data = run("Councillor Hale asked about cameras. The Commissioner explained that six were working.\n\n"
               "Mr Gupta noted that the vans had been idle for a month.")
    assert ("Answer", "Mr Gupta") not in kinds(data)


def test_a_raised_error_answered_in_the_same_sentence_gives_question_answer_and_commitment():
    data = run("The Chair raised some errors in the minutes, and it was confirmed these would be corrected.")
    assert [k for k, _ in kinds(data)] == ["Question", "Answer", "Commitment"]


def names_of(data: dict, kind: str) -> list[str]:
    return sorted(e["name"] for e in data["entities"] if e["type"] == kind)


def test_organisations_named_in_a_declaration_are_bodies_and_the_panel_is_not():
    data = run("4. Declarations of Interest\nCouncillor Ross declared that she was a Trustee of Harbour Lights and "
               "a member of the Panel. Mr Kay declared an interest as Chairman of the Riverside Youth Trust.")
    assert names_of(data, "Body") == ["Harbour Lights", "Riverside Youth Trust"]
    assert "Trustee" in names_of(data, "Role")


def test_a_lower_case_paper_is_a_report_when_it_says_whose_or_which():
    data = run("The Panel considered the commissioner's annual report. The panel's work programme was agreed.")
    assert names_of(data, "Report") == ["annual report"]


def test_a_report_named_by_its_subject_but_not_by_its_author():
    data = run("The Panel received a report on Rural Crime Partnerships. It also received a report of the "
               "Police and Crime Commissioner.")
    assert names_of(data, "Report") == ["Rural Crime Partnerships"]


def test_a_place_before_an_office_is_not_a_person():
    data = run("A letter was sent to the West Mercia Police and Crime Commissioner.")
    assert names_of(data, "Person") == []


def test_names_after_led_by_are_people_and_a_roman_numeral_is_no_initial():
    data = run("The session was led by Amira Khan and Tom Price at Elizabeth II Court.")
    assert names_of(data, "Person") == ["Amira Khan", "Tom Price"]


def test_offices_in_general_urged_to_act_owe_nothing():
    data = run("Councillor Bell asked about funding. The Commissioner advised that the Home Office had "
               "encouraged PCCs to bid for more grants.")
    assert not events_of(data, "Commitment")


def test_an_answer_goes_on_without_that_when_a_clause_follows():
    data = run("Councillor Ng asked about theft. The Chief Constable explained the figures. He added a "
               "breakdown could be circulated to Members.")
    assert [k for k in kinds(data)].count(("Answer", "Chief Constable")) == 2


def test_a_non_finite_passive_naming_a_later_meeting_is_an_undertaking_with_no_owner():
    data = run("The Scrutiny Officer said the workshop had gone well, with Members to be briefed "
               "on its outcome at their next meeting.")
    (commitment,) = events_of(data, "Commitment")
    assert commitment["owner"] is None


def test_a_non_finite_passive_without_a_later_meeting_is_no_undertaking():
    data = run("The Chief Constable said the force had been judged to be improving, the "
               "backlog had yet to be cleared and the old figures were not to be reported at the next meeting.")
    assert not events_of(data, "Commitment")


def test_a_decision_putting_an_item_off_to_a_later_meeting_sets_up_work():
    data = run("4. Estates strategy\nRESOLVED: That consideration of the estates strategy be postponed "
               "until a later meeting of the Committee.")
    assert len(events_of(data, "Resolution")) == 1
    (commitment,) = events_of(data, "Commitment")
    assert commitment["owner"] is None


def test_a_decision_deferring_without_a_later_meeting_is_only_a_resolution():
    data = run("4. Estates strategy\nRESOLVED: That the decision on the estates strategy be deferred.")
    assert len(events_of(data, "Resolution")) == 1
    assert not events_of(data, "Commitment")


def test_each_titled_item_under_a_list_of_publications_is_a_report():
    data = run("8. Inspection reports\n\nThe following inspection reports had been published since the last "
               "meeting:\n- Joint Thematic Review of Youth Diversion\n\u2022 PEEL Inspection 2025\n\n"
               "The Panel noted the list.")
    names = sorted(e["name"] for e in data["entities"] if e["type"] == "Report")
    assert names == ["Joint Thematic Review of Youth Diversion", "PEEL Inspection"]


def test_items_under_a_list_that_names_no_papers_are_no_reports():
    data = run("8. Priorities\n\nThe Commissioner set out three priorities:\n- Rural Crime Partnerships\n"
               "- Neighbourhood Visibility\nThe Panel noted the priorities.")
    assert [e for e in data["entities"] if e["type"] == "Report"] == []


def test_a_vice_chairman_holds_the_vice_chair_in_the_documents_own_form():
    data = run("Present: Councillor Ruth Okafor (Vice-Chairman)\nCouncillor Okafor asked about theft.")
    offices = [e["name"] for e in data["entities"] if e["type"] == "Role"]
    assert "Vice-Chairman" in offices
    assert "Chairman" not in offices


def test_authority_delegated_by_a_decision_is_work_for_its_subject_not_its_consultee():
    data = run("5. Estates\nRESOLVED that the Chief Executive, in consultation with the Chair, be given "
               "delegated authority to agree the final lease.")
    (commitment,) = events_of(data, "Commitment")
    assert actor(data, commitment, "owner") == "Chief Executive"


def test_a_named_member_noting_a_failing_puts_a_point():
    data = run("The Chief Constable explained the figures. Councillor Haddad noted that the response "
               "times in the south were still too slow.")
    assert ("Challenge", "Councillor Haddad") in kinds(data) or ("Question", "Councillor Haddad") in kinds(data)


def test_what_members_would_recall_is_no_undertaking():
    data = run("The Chief Finance Officer said Members would recall the precept debate in February.")
    assert not events_of(data, "Commitment")
