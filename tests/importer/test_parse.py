"""Parse reads the header facts, the agenda, the actions and the next meeting, and doubts aloud.

Snippets are quoted from the seeds; the larger extracts are in tests/fixtures/import/.
"""
from pathlib import Path

import pytest

from minutebook.importer.parse import Reference, parse, read_date, read_time, Fact
from minutebook.importer.read import text_lines
from minutebook.importer.repair import HEADING, without_markers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PEOPLE = Reference(
    people=(
        ("john-campion", "John Campion"),
        ("tracey-onslow", "Tracey Onslow"),
        ("anthony-bangham", "Anthony Bangham"),
        ("amanda-blakeman", "Amanda Blakeman"),
        ("andy-champness", "Andy Champness"),
        ("martin-evans", "Martin Evans"),
        ("jackie-irvin", "Jackie Irvin"),
        ("chris-singer", "Chris Singer"),
    )
)


def fixture(name: str, reference: Reference = PEOPLE):
    return parse(text_lines((FIXTURES / name).read_text(encoding="utf-8")), reference)


def document(*lines: str, reference: Reference = PEOPLE):
    return parse(list(lines), reference)


def text_of(item) -> str:
    return "\n".join(block.text for block in item.blocks)


# ---------------------------------------------------------------- header facts


@pytest.fixture(scope="module")
def april_2019():
    return fixture("2019-04-30-header.txt")


def test_the_title_is_the_first_line_without_its_meeting_notes_suffix(april_2019):
    assert april_2019.title.value == "Monthly Assurance Meeting April 2019"


def test_the_source_title_is_the_first_line_as_printed(april_2019):
    assert april_2019.source_title.value == "Monthly Assurance Meeting April 2019 – Meeting Notes"


def test_the_type_is_the_title_before_its_month(april_2019):
    assert april_2019.meeting_type.value == "Monthly Assurance Meeting"


def test_the_date_and_time_come_from_the_date_line(april_2019):
    assert (april_2019.date.value, april_2019.time.value) == ("2019-04-30", "10:00")


def test_the_venue_is_read_with_or_without_a_colon(april_2019):
    assert april_2019.venue.value == "Meeting Room 1.38 Hindlip"
    assert document("Title", " Venue: Virtual").venue.value == "Virtual"


def test_the_chair_is_named_by_their_people_slug(april_2019):
    assert april_2019.chair.value == "john-campion"


def test_the_minute_taker_is_a_person_and_their_role_as_minuted(april_2019):
    taker = april_2019.minute_taker
    assert (taker.person, taker.role) == ("jackie-irvin", "Policy Officer, OPCC")


def test_attendees_come_from_the_attendance_table_with_role_and_abbreviation(april_2019):
    assert [(m.person, m.role, m.abbreviation) for m in april_2019.attendees] == [
        ("john-campion", "Police and Crime Commissioner", "PCC"),
        ("tracey-onslow", "Deputy Police and Crime Commissioner", "DPCC"),
        ("anthony-bangham", "Chief Constable", "CC"),
        ("amanda-blakeman", "Deputy Chief Constable", "DCC"),
    ]


def test_a_stray_bracket_after_an_abbreviation_is_left_out_and_doubted(april_2019):
    constable = april_2019.attendees[2]
    assert constable.checks == ('printed "Chief Constable (CC))"; the extra bracket is left out',)


def test_an_empty_apologies_line_means_no_apologies(april_2019):
    assert april_2019.apologies == ()


def test_the_table_column_headers_are_counted_as_left_out(april_2019):
    assert april_2019.repairs["table column headers left out"] == 2  # "Name: Capacity:" and ACTION


def test_a_date_line_without_a_year_takes_the_titles_when_the_weekday_agrees():
    date = read_date("Monday 20th December, 2:30 pm", Fact("Monthly Assurance Meeting December 2021"))
    assert (date.value, date.checks) == ("2021-12-20", ())
    assert "title" in date.note


def test_a_weekday_that_disagrees_with_the_date_is_doubted():
    date = read_date("Tuesday 20th December, 2:30 pm", Fact("Monthly Assurance Meeting December 2021"))
    assert date.value == "2021-12-20" and "is a Monday" in date.checks[0]


def test_a_date_line_without_a_year_or_a_title_month_gives_no_date():
    assert read_date("Tuesday 23rd March, 10:30 am", Fact("Monthly Assurance Meeting")).value == ""


@pytest.mark.parametrize(
    "printed, time",
    [
        ("Tuesday 30th April 2019 @ 10:00", "10:00"),
        ("Monday 20th December, 2:30 pm", "14:30"),
        ("Tuesday 23rd March, 10:30 am", "10:30"),
        ("Wednesday 19 October 2016 @ 14:30", "14:30"),
    ],
)
def test_start_times_are_read_as_24_hour_time(printed, time):
    assert read_time(printed).value == time


def test_a_missing_header_fact_is_empty_and_says_so():
    venue = document("Monthly Assurance Meeting April 2019 – Meeting Notes").venue
    assert (venue.value, venue.checks) == ("", ("no Venue line found",))


# ---------------------------------------------------------------- people


def test_a_name_missing_from_people_yml_gets_a_made_slug_and_a_doubt():
    draft = document("Title", "Attendance:\tJane Doe\tChief Superintendent (ChSupt)")
    (jane,) = draft.attendees
    assert (jane.person, jane.known, jane.abbreviation) == ("jane-doe", False, "ChSupt")
    assert "not in content/people.yml" in jane.checks[0]


def test_apologies_on_one_line_are_read_by_the_names_people_yml_knows():
    draft = document("Title", "Apologies: Amanda Blakeman Deputy Chief Constable (DCC)")
    assert [(m.person, m.role, m.abbreviation, m.checks) for m in draft.apologies] == [
        ("amanda-blakeman", "Deputy Chief Constable", "DCC", ())
    ]


def test_names_printed_before_their_roles_are_paired_in_order_and_doubted():
    draft = document(
        "Title",
        "Apologies: Tracey Onslow Andy Champness Deputy Police and Crime Commissioner (DPCC) Chief Executive Officer, OPCC (CEX)",
    )
    assert [(m.person, m.role, m.abbreviation) for m in draft.apologies] == [
        ("tracey-onslow", "Deputy Police and Crime Commissioner", "DPCC"),
        ("andy-champness", "Chief Executive Officer, OPCC", "CEX"),
    ]
    assert all("in the order printed" in m.checks[0] for m in draft.apologies)


def test_a_row_of_the_attendance_table_that_is_no_person_is_kept_for_the_editor():
    draft = document("Title", "Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)", "\tT O I\t")
    assert [m.person for m in draft.attendees] == ["john-campion"]
    assert draft.leftovers == ("T O I",)


# ---------------------------------------------------------------- the agenda


def agenda(draft) -> list[tuple[str, str]]:
    return [(item.number, item.title) for item in draft.agenda]


def test_item_numbers_are_read_as_printed_without_a_trailing_full_stop():
    assert [n for n, _ in agenda(fixture("2021-12-20-extract.txt"))] == ["1", "2", "2.1", "2.2", "2.3", "2.4", "3", "4"]


def test_numbers_with_letters_are_items():
    draft = document("4.\tHOLDING TO ACCOUNT:\t", "4a\tPERFORMANCE AGAINST THE POLICE AND CRIME PLAN:\t", "4b\tDELIVERY OF STRATEGIC INITIATIVES:\t")
    assert [n for n, _ in agenda(draft)] == ["4", "4a", "4b"]


def test_numbers_and_titles_wrapped_in_paragraph_tags_are_read():
    draft = document(
        "<p>1.3</p>\t<p>Prevention and early intervention to reduce offending</p> <p><u>Prevention and early intervention (to include utilisation of PCC funding)</u></p> <p>The PCC acknowledged that the force have utilised a number of posts funded by his office focused on prevention and early intervention.</p>\t"
    )
    (item,) = draft.agenda
    assert (item.number, item.title) == ("1.3", "Prevention and early intervention to reduce offending")
    assert item.blocks[0].kind == HEADING


def test_lettered_sub_items_must_follow_on_from_a():
    draft = document(
        "2.1\tPERFORMANCE AGAINST THE POLICE AND CRIME PLAN\t",
        "a\t<p><u>Confidence</u></p> <p>The latest confidence data shows a deterioration in performance compared to the previous quarter.</p>\t",
        "<p>b</p>\t<p><u>Satisfaction</u></p>\t",
        "<p>d</p>\t<p><u>Road traffic collisions</u></p>\t",
    )
    assert agenda(draft)[1:] == [("a", "Confidence"), ("b", "Satisfaction")]  # "d" after "b" is text, not an item


def test_a_number_already_used_is_a_numbered_entry_not_an_item():
    draft = fixture("2016-10-19-columns.txt")
    assert [n for n, _ in agenda(draft)] == ["4", "4a", "4b"]
    assert "4. Coercive control is now included" in "\n".join(f"{b.marker} {b.text}" for b in draft.agenda[1].blocks)


def test_a_title_printed_in_capitals_with_its_text_is_split_where_the_sentence_starts():
    (item,) = document("1.1\tOUTSTANDING MATTERS / ITEMS BROUGHT FORWARD None were discussed.\tACTION").agenda
    assert (item.title, text_of(item)) == ("OUTSTANDING MATTERS / ITEMS BROUGHT FORWARD", "None were discussed.")


def test_a_title_ending_in_a_colon_is_split_there_and_the_colon_left_off():
    (item,) = document("4\tCONFIRMATION OF NEXT MEETING TYPE / DATE / TIME / VENUE: Performance, Tuesday 28 May 2019, 10:00am Room 1.38\t").agenda
    assert item.title == "CONFIRMATION OF NEXT MEETING TYPE / DATE / TIME / VENUE"
    assert text_of(item) == "Performance, Tuesday 28 May 2019, 10:00am Room 1.38"


def test_a_title_in_capitals_and_lower_case_is_kept_whole():
    (item,) = document("1.\tOUTSTANDING MATTERS - actions arising from the September meeting\tACTION").agenda
    assert item.title == "OUTSTANDING MATTERS - actions arising from the September meeting"


def test_a_title_in_capitals_is_spelled_as_the_archive_spells_it():
    reference = Reference(PEOPLE.people, titles=("Holding to account",))
    (item,) = document("2.\tHOLDING TO ACCOUNT\t", reference=reference).agenda
    assert (item.title, item.respelled, item.title_checks) == ("Holding to account", True, ())


def test_a_title_in_capitals_the_archive_does_not_have_stays_in_capitals_and_is_doubted():
    (item,) = document("2.1\tROADS POLICING:\t").agenda
    assert item.title == "ROADS POLICING"
    assert "sentence case" in item.title_checks[0]


def test_text_after_a_title_the_archive_knows_is_read_as_the_items_text_and_doubted():
    reference = Reference(PEOPLE.people, titles=("Outstanding Matters / Matters arising",))
    (item,) = document("1.\tOutstanding Matters / Matters arising N/A\t", reference=reference).agenda
    assert (item.title, text_of(item)) == ("Outstanding Matters / Matters arising", "N/A")
    assert item.title_checks


def test_items_printed_out_of_order_are_doubted_where_the_order_breaks():
    draft = fixture("2019-04-30-page-order.txt")
    assert [n for n, _ in agenda(draft)] == ["1.1", "2", "2.1", "4", "3", "2.2"]
    assert [bool(item.checks) for item in draft.agenda] == [False, False, False, False, True, True]


# ---------------------------------------------------------------- the text


def test_a_sentence_cut_by_a_page_break_is_rejoined():
    item = fixture("2021-12-20-extract.txt").agenda[1]
    assert "whether the department is representative of the wider workforce and was told that it isn't at the moment" in text_of(item)


def test_a_column_fragment_with_one_reading_is_rejoined():
    item = fixture("2016-10-19-columns.txt").agenda[1]
    assert "There were no actions arising." in text_of(item).split("\n")


def test_a_column_fragment_without_one_reading_stays_verbatim_with_a_check():
    item = fixture("2016-10-19-columns.txt").agenda[1]
    (block,) = [b for b in item.blocks if b.text.startswith("Fir ")][:1]
    assert block.text == "Fir ndings:"
    assert '"Fir" was printed in the number column' in block.checks[0]


def test_a_paragraph_starting_in_lower_case_that_nothing_continues_is_doubted():
    item = fixture("2019-04-30-page-order.txt").agenda[-1]
    cut = [b for b in item.blocks if b.text.startswith("said this was an example")]
    assert cut and "starts in lower case" in cut[0].checks[0]


def test_no_word_of_the_text_is_changed_by_parsing():
    """Stripped of markers, the blocks hold the words of the extract in the order printed."""
    source = (FIXTURES / "2021-12-20-extract.txt").read_text(encoding="utf-8")
    draft = fixture("2021-12-20-extract.txt")
    body = " ".join(without_markers(b.text) for item in draft.agenda for b in item.blocks)
    for sentence in ("The PCC asked if the force had established the cost benefit", "There were none.", "Public – Budget proposals"):
        assert sentence in body and sentence in source


# ---------------------------------------------------------------- actions


def test_an_action_line_is_an_action_under_its_item():
    actions = fixture("2021-12-20-extract.txt").actions
    assert [(a.item, a.text) for a in actions] == [("2.2", "ChSupt to clarify what the legislation changes are")]


def test_the_action_after_actions_arising_is_an_action():
    (action,) = fixture("2019-04-30-page-order.txt").actions
    assert action.text == "The DCC to review the success criteria in the ANPR business case to see if they have been achieved."


def test_a_numbered_list_after_actions_arising_is_one_action_each():
    draft = document(
        "a\t<p><u>Road traffic collisions</u></p> <p>Actions arising</p> <ol style=\"list-style-type: none\"> 1. The CEx to work with the Head of Force Ops to review the SRP governance model and work up proposals to reinvigorate local partner buy in. 2. The ACC to review and share the work on which officers can use the drugs testing kits. \t"
    )
    assert [a.text[:12] for a in draft.actions] == ["The CEx to w", "The ACC to r"]


def test_none_after_actions_arising_is_no_action():
    draft = document("a\t<p><u>Athena</u></p> <p>Actions arising: None.</p>\t", "\tActions arising None\t", "\tActions arising:\t", "\tThere were no actions arising.\t")
    assert draft.actions == ()


def test_the_owner_is_the_attendee_whose_abbreviation_the_action_column_gives():
    draft = document(
        "Title",
        "Attendance:\tAnthony Bangham\tChief Constable (CC)",
        "",
        "4b\tDELIVERY OF STRATEGIC INITIATIVES:\t",
        "\tActions arising:\t",
        "\tOnce the Talent Management strategy has been to Executive Board it is to be shared with the PCC.\tCC",
    )
    (action,) = draft.actions
    assert (action.owner, action.note) == ("anthony-bangham", '"CC" in the ACTION column')


def test_the_owner_is_who_the_action_names_first():
    draft = document("Title", "Attendance:\tMartin Evans\tAssistant Chief Constable (ACC)", "", "a\t<p><u>Response</u></p> <p>Actions arising ACC to share the findings of the Forces work on unresourced incident levels with the CC and the PCC.</p>\t")
    assert draft.actions[0].owner == "martin-evans"


def test_an_abbreviation_in_other_capitals_names_the_owner_with_a_doubt():
    draft = document("Title", "Attendance:\tAndy Champness\tChief Executive for the Police and Crime Commissioner (CEX)", "", "a\tRoad traffic collisions\t", "\tActions arising:\t", "\tThe CEx to work with the Head of Force Ops to review the SRP governance model.\t")
    (action,) = draft.actions
    assert action.owner == "andy-champness"
    assert action.checks == ('"CEx" read as CEX, Andy Champness',)


def test_an_action_column_naming_nobody_leaves_the_owner_out_and_doubts_it():
    action = [a for a in fixture("2016-10-19-columns.txt").actions if a.item == "4a"][0]
    assert action.owner == ""
    assert 'the ACTION column says "C"' in action.checks[0]


# ---------------------------------------------------------------- the next meeting


def test_the_next_meeting_is_read_from_its_item():
    found = document("4\tCONFIRMATION OF NEXT MEETING TYPE / DATE / TIME / VENUE: Performance, Tuesday 28 May 2019, 10:00am Room 1.38\t").next_meeting
    assert (found.date, found.time, found.type, found.venue) == ("2019-05-28", "10:00", "Performance", "Room 1.38")
    assert found.as_minuted == "Performance, Tuesday 28 May 2019, 10:00am Room 1.38"


def test_a_next_meeting_on_two_lines_takes_its_type_from_the_line_without_the_date():
    found = fixture("2021-12-20-extract.txt").next_meeting
    assert (found.date, found.time, found.type, found.venue) == ("2022-01-12", "18:00", "Public – Budget proposals", "")
    assert found.as_minuted == "Wednesday 12th January 2022 at 6pm\nPublic – Budget proposals"


def test_a_time_with_a_needless_pm_is_read_and_doubted():
    found = document("<p>4.</p>\t<p>Confirmation of next meeting type / date / time / venue:</p> <p>Performance of Review of the year 2021</p> <p>27 April 2021 at 14:00pm</p>\t").next_meeting
    assert found.time == "14:00"
    assert ("time", 'printed "14:00pm"; read as 14:00') in found.checks


def test_a_next_meeting_item_with_only_a_date_gives_only_the_date():
    found = document("6.\tDATE OF NEXT MEETING:\t", "\t29 November 2016\t").next_meeting
    assert (found.date, found.time, found.type, found.venue, found.checks) == ("2016-11-29", "", "", "", ())
