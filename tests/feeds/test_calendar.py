"""calendar.ics: every next meeting the minutes name, as valid iCalendar."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from minutebook.outputs.feeds import calendar
from minutebook.pipeline import Paths, load_archive
from tests.conftest import ASSURANCE, PUBLIC_ADDRESS


@pytest.fixture(scope="module")
def archive():
    return load_archive(Paths(content=ASSURANCE))


def events(data: bytes) -> list:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def start_day(event) -> dt.date:
    start = event.decoded("dtstart")
    return start.date() if isinstance(start, dt.datetime) else start


def test_the_built_calendar_parses_and_has_one_event_per_next_meeting(real_site, archive):
    found = events((real_site / "calendar.ics").read_bytes())
    assert [start_day(e) for e in found] == [m.next_meeting.date for m in archive.meetings if m.next_meeting]


def test_it_has_the_properties_every_calendar_needs(archive):
    cal = icalendar.Calendar.from_ical(calendar(archive))
    assert cal["version"] == "2.0" and cal["prodid"]
    for event in cal.walk("VEVENT"):
        assert event["uid"] and event["dtstamp"] and event["dtstart"] and event["summary"]


def test_a_timed_meeting_starts_at_the_minuted_hour_in_london(archive):
    cal = icalendar.Calendar.from_ical(calendar(archive))
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    performance = next(
        e for e in cal.walk("VEVENT") if "Performance" in e["summary"] and e.decoded("dtstart").year == 2019
    )
    assert performance["dtstart"].params["TZID"] == "Europe/London"
    assert performance.decoded("dtstart") == dt.datetime(2019, 5, 28, 10, 0, tzinfo=ZoneInfo("Europe/London"))


def test_a_meeting_minuted_without_a_time_is_an_all_day_entry(archive):
    untimed = [m.next_meeting.date for m in archive.meetings if m.next_meeting and not m.next_meeting.time]
    assert untimed, "the real content has a next meeting with no time"
    found = {e.decoded("dtstart") for e in events(calendar(archive))}
    assert set(untimed) <= found


def test_summary_comes_from_the_type_and_location_from_the_venue(archive):
    event = next(
        e
        for e in events(calendar(archive))
        if e.decoded("dtstart") == dt.datetime(2019, 5, 28, 10, tzinfo=ZoneInfo("Europe/London"))
    )
    assert str(event["summary"]).endswith("Performance")
    assert str(event["location"]) == "Room 1.38"


def test_uids_are_unique_and_do_not_change_with_the_address(archive):
    here = [str(e["uid"]) for e in events(calendar(archive))]
    there = [str(e["uid"]) for e in events(calendar(archive, PUBLIC_ADDRESS))]
    assert here == there and len(set(here)) == len(here)


def test_a_link_to_the_minutes_is_given_only_when_it_can_be_absolute(archive):
    assert all("url" not in e for e in events(calendar(archive)))
    assert all(str(e["url"]).startswith(PUBLIC_ADDRESS) for e in events(calendar(archive, PUBLIC_ADDRESS)))


def test_lines_end_in_crlf_and_are_folded_at_75_octets(real_site):
    data = (real_site / "calendar.ics").read_bytes()
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
