"""Linking resolves every cross-reference once: actions, themes, people, years and next meetings."""

import datetime as dt

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.model import InvalidContent
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def archive():
    return link(load_content(FIXTURES / "small"))


def test_an_actions_history_keeps_its_original_status_and_every_update(archive):
    tracked = archive.action("2019-04-30-1")
    assert [(c.date, c.status) for c in tracked.history] == [
        (dt.date(2019, 4, 30), "open"),
        (dt.date(2019, 5, 28), "completed"),
    ]
    assert tracked.status == "completed" and not tracked.is_open
    assert tracked.updated_by == ("2019-05-28-performance",)


def test_editor_updates_between_meetings_join_the_history_in_date_order(small_content):
    (small_content / "action-updates.yml").write_text(
        "- action: 2019-04-30-1\n  date: 2019-05-10\n  status: in-progress\n  note: Review started.\n"
    )
    tracked = link(load_content(small_content)).action("2019-04-30-1")
    assert [c.status for c in tracked.history] == ["open", "in-progress", "completed"]
    assert tracked.history[1].meeting_id == ""


def test_a_theme_lists_its_items_newest_first(archive):
    record = next(r for r in archive.themes if r.theme.slug == "roads-policing")
    assert [(ref.meeting.id, ref.item.number) for ref in record.items] == [("2019-04-30-monthly-assurance", "2.1")]
    assert [t.action.id for t in record.actions] == ["2019-04-30-1"]


def test_a_person_has_roles_over_time_attendance_and_apologies(archive):
    record = next(r for r in archive.people if r.person.slug == "anthony-bangham")
    assert [m.id for m in record.attended] == ["2019-04-30-monthly-assurance"]
    assert [m.id for m in record.apologies] == ["2019-05-28-performance"]
    assert record.role_spans[0][0] == "Chief Constable (CC)"


def test_the_next_meeting_line_finds_the_meeting_held_that_day(archive):
    assert archive.next_in_archive == {"2019-04-30-monthly-assurance": "2019-05-28-performance"}


def test_meetings_know_their_neighbours(archive):
    before, after = archive.neighbours("2019-05-28-performance")
    assert before.id == "2019-04-30-monthly-assurance" and after is None


def test_an_undefined_theme_is_an_error_at_the_line_that_names_it(small_content):
    path = small_content / "meetings" / "2019-04-30-monthly-assurance.md"
    path.write_text(path.read_text().replace("themes: [roads-policing]", "themes: [road-policing]"))
    with pytest.raises(InvalidContent) as raised:
        link(load_content(small_content))
    (error,) = raised.value.errors
    assert error.path.endswith("meetings/2019-04-30-monthly-assurance.md")
    line = 1 + path.read_text().split("\n").index("    themes: [road-policing]")
    assert error.line == line and "road-policing" in error.message and "themes" in error.field


def test_an_unknown_chair_is_an_error_at_the_line_that_names_them(small_content):
    path = small_content / "meetings" / "2019-04-30-monthly-assurance.md"
    path.write_text(path.read_text().replace("chair: john-campion", "chair: jon-campion"))
    with pytest.raises(InvalidContent) as raised:
        link(load_content(small_content))
    (error,) = raised.value.errors
    assert (error.line, error.field) == (1 + path.read_text().split("\n").index("chair: jon-campion"), "chair")
