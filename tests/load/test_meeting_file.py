"""A valid meeting file becomes frozen model objects that keep every fact the editor wrote."""

import dataclasses
import datetime as dt

import pytest

from minutebook.content.load import item_anchor, load_content, type_slug
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURES / "small")


@pytest.fixture(scope="module")
def april(content):
    return next(m for m in content.meetings if m.id == "2019-04-30-monthly-assurance")


def test_the_meeting_id_is_the_file_name(april):
    assert april.id == "2019-04-30-monthly-assurance"


def test_header_facts_are_read_as_written(april):
    assert (april.date, april.time, april.venue, april.chair) == (
        dt.date(2019, 4, 30),
        "10:00",
        "Meeting Room 1.38 Hindlip",
        "john-campion",
    )
    assert (april.minute_taker.person, april.minute_taker.role) == ("jackie-irvin", "Policy Officer, OPCC")


def test_attendees_keep_the_role_and_abbreviation_they_held_that_day(april):
    assert [(a.person, a.role, a.abbreviation) for a in april.attendees][1] == (
        "anthony-bangham",
        "Chief Constable",
        "CC",
    )


def test_each_agenda_item_gets_its_own_part_of_the_body(april):
    roads = april.item("2.1")
    assert roads.markdown.startswith("The PCC said that he had seen ANPR")
    assert "None were discussed." in april.item("1.1").markdown
    assert "None were discussed." not in roads.markdown


def test_item_anchors_come_from_the_printed_number():
    assert [item_anchor(n) for n in ("2.1", "4a", "1.3", "a")] == ["item-2-1", "item-4a", "item-1-3", "item-a"]


def test_the_file_name_type_drops_the_word_meeting():
    assert type_slug("Monthly Assurance Meeting") == "monthly-assurance"
    assert type_slug("Public – Budget proposals") == "public-budget-proposals"


def test_model_objects_cannot_be_changed(april):
    with pytest.raises(dataclasses.FrozenInstanceError):
        april.title = "Something else"


def test_actions_know_their_meeting_item_and_owner(april):
    (action,) = april.actions
    assert (action.id, action.meeting_id, action.item, action.owner, action.status) == (
        "2019-04-30-1",
        "2019-04-30-monthly-assurance",
        "2.1",
        "amanda-blakeman",
        "open",
    )


def test_a_later_meeting_records_updates_to_earlier_actions(content):
    may = next(m for m in content.meetings if m.id == "2019-05-28-performance")
    (update,) = may.action_updates
    assert (update.action, update.date, update.status, update.meeting_id) == (
        "2019-04-30-1",
        dt.date(2019, 5, 28),
        "completed",
        may.id,
    )


def test_meetings_are_ordered_oldest_first(content):
    assert [m.date for m in content.meetings] == sorted(m.date for m in content.meetings)
