"""The feed and the calendar say where a meeting's minutes stand: a draft or a cancelled meeting is never
mistaken for the approved record.

The status fixture: April 2019 approved at the meeting of 28 May 2019, May 2019
a draft that names 25 June 2019 as its next meeting, June 2019 cancelled.
"""

import datetime as dt

import feedparser
import icalendar
import pytest

from minutebook.outputs.feeds import atom_feed, calendar
from minutebook.pipeline import Paths, load_archive
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def archive():
    return load_archive(Paths(content=FIXTURES / "status"))


@pytest.fixture(scope="module")
def entries(archive):
    return {entry.link.split("/")[-2]: entry for entry in feedparser.parse(atom_feed(archive)).entries}


def test_a_drafts_entry_title_starts_with_draft_and_its_summary_says_it_is_not_yet_approved(entries):
    draft = entries["2019-05-28-monthly-assurance"]
    assert draft.title == "Draft: Monthly Assurance Meeting May 2019"
    assert draft.summary.startswith(
        "Draft minutes: not yet approved. Minutes of the Monthly Assurance Meeting held on Tuesday 28 May 2019"
    )


def test_approved_minutes_keep_their_title_and_summary_as_they_are(entries):
    approved = entries["2019-04-30-monthly-assurance"]
    assert approved.title == "Monthly Assurance Meeting April 2019"
    assert approved.summary.startswith(
        "Minutes of the Monthly Assurance Meeting held on Tuesday 30 April 2019 at 10:00"
    )


def test_a_cancelled_meetings_entry_says_it_was_cancelled(entries):
    cancelled = entries["2019-06-25-monthly-assurance"]
    assert cancelled.title == "Cancelled: Monthly Assurance Meeting June 2019"
    assert (
        cancelled.summary
        == "This meeting was cancelled: the Monthly Assurance Meeting due on Tuesday 25 June 2019 did not take place."
    )


def test_approved_minutes_are_updated_on_their_approval_date_so_readers_see_the_draft_become_the_record(entries):
    assert entries["2019-04-30-monthly-assurance"].updated == "2019-05-28T00:00:00+01:00"
    assert entries["2019-04-30-monthly-assurance"].published == "2019-04-30T10:00:00+01:00"
    assert entries["2019-05-28-monthly-assurance"].updated == "2019-05-28T10:00:00+01:00"


def events(archive) -> dict[dt.date, icalendar.Event]:
    return {
        event.decoded("dtstart").date(): event
        for event in icalendar.Calendar.from_ical(calendar(archive)).walk("VEVENT")
    }


def test_a_named_next_meeting_that_was_cancelled_is_a_cancelled_event_in_the_calendar(archive):
    june = events(archive)[dt.date(2019, 6, 25)]
    assert june["status"] == "CANCELLED"
    assert june["sequence"] == 1  # calendars that already hold the event take the change


def test_a_next_meeting_that_took_place_is_not_marked_cancelled(archive):
    may = events(archive)[dt.date(2019, 5, 28)]
    assert "status" not in may and "sequence" not in may
