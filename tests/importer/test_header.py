"""The header gives the meeting's facts and its people; what is not certain is doubted aloud.

Snippets are quoted from the source texts in sources/; the larger extracts are in
tests/fixtures/import/.
"""

import pytest

from minutebook.importer.found import Fact
from minutebook.importer.header import read_date, read_time
from tests.importer.snippets import document, fixture

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
        "Apologies: Tracey Onslow Andy Champness Deputy Police and Crime Commissioner "
        "(DPCC) Chief Executive Officer, OPCC (CEX)",
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
