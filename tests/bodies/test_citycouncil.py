"""A US city council's minutes, built from tests/fixtures/citycouncil: its site.yml sets the locale to en-US,
America/Los_Angeles and the 12-hour clock, and the council's own words ("Absent", "Roll call"). Each test
reads what a reader, a calendar or a feed reader gets."""

import datetime as dt
import json
import re

import icalendar

from tests.bodies.sites import JANUARY, JUNE, NOVEMBER, main_of, text

UTC = dt.UTC


def test_the_meeting_page_gives_the_date_and_time_as_americans_write_them(citycouncil_site):
    assert "Date Tuesday, June 18, 2019, 7:00 PM" in text(main_of(citycouncil_site, JUNE))


def test_the_next_meeting_is_given_on_the_12_hour_clock(citycouncil_site):
    assert "Tuesday, January 7, 2020 at 7:00 PM: City Council" in text(main_of(citycouncil_site, JUNE))


def test_lists_give_each_meetings_date_month_first(citycouncil_site):
    listed = text(main_of(citycouncil_site, "meetings/index.html"))
    assert "City Council Regular Meeting June 18, 2019 June 18, 2019" in listed


def test_every_page_is_in_american_english(citycouncil_site):
    pages = sorted(citycouncil_site.rglob("*.html"))
    assert pages
    for page in pages:
        head = page.read_text(encoding="utf-8")[:200]
        assert '<html lang="en-US">' in head, page


def test_those_not_present_are_headed_absent_where_a_default_site_says_apologies(citycouncil_site, parish_site):
    assert '<h3 id="apologies">Absent</h3>' in main_of(citycouncil_site, JUNE)
    assert '<h3 id="apologies">Apologies</h3>' in main_of(parish_site, NOVEMBER)


def test_a_persons_page_heads_the_meetings_they_missed_with_the_councils_word(citycouncil_site):
    assert '<h2 id="apologies">Absent (1)</h2>' in main_of(citycouncil_site, "people/martin-yoder/index.html")


def test_the_councils_own_labels_stand_for_the_default_ones(citycouncil_site):
    page = text(main_of(citycouncil_site, JUNE))
    assert "Presiding officer Dana Whitcomb" in page
    assert "Recorded by Janet Alvarez" in page
    assert "Roll call" in page and "Attendance" not in page


def _starts(site) -> dict[dt.date, dt.datetime]:
    """Each calendar event's start as a moment in UTC, by the day it falls on where the meeting is held."""
    calendar = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    return {e.decoded("dtstart").date(): e.decoded("dtstart").astimezone(UTC) for e in calendar.walk("VEVENT")}


def test_the_calendar_puts_a_7_pm_meeting_in_june_at_2_am_utc_the_next_day(citycouncil_site):
    assert _starts(citycouncil_site)[dt.date(2019, 6, 18)] == dt.datetime(2019, 6, 19, 2, 0, tzinfo=UTC)


def test_the_calendar_puts_a_7_pm_meeting_in_january_at_3_am_utc_the_next_day(citycouncil_site):
    assert _starts(citycouncil_site)[dt.date(2020, 1, 21)] == dt.datetime(2020, 1, 22, 3, 0, tzinfo=UTC)


def test_the_calendar_names_the_councils_time_zone(citycouncil_site):
    ics = (citycouncil_site / "calendar.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=America/Los_Angeles:20190618T190000" in ics
    assert "BEGIN:VTIMEZONE\nTZID:America/Los_Angeles" in ics


def test_the_feed_gives_each_meeting_the_offset_of_its_day(citycouncil_site):
    feed = (citycouncil_site / "feed.xml").read_text(encoding="utf-8")
    published = re.findall(r"<published>(.*?)</published>", feed)
    assert "2019-06-18T19:00:00-07:00" in published
    assert "2020-01-07T19:00:00-08:00" in published


def test_the_feed_is_in_american_english(citycouncil_site):
    feed = (citycouncil_site / "feed.xml").read_text(encoding="utf-8")
    assert 'xml:lang="en-US"' in feed
    assert "held on Tuesday, June 18, 2019 at 7:00 PM, Council Chambers" in feed


def test_the_open_data_names_the_time_zone_of_each_meetings_time(citycouncil_site):
    meetings = json.loads((citycouncil_site / "data/meetings.json").read_text(encoding="utf-8"))["meetings"]
    june = next(m for m in meetings if m["date"] == "2019-06-18")
    assert (june["time"], june["time_zone"]) == ("19:00", "America/Los_Angeles")


def test_a_page_says_what_it_is_with_a_month_first_date(citycouncil_site):
    head = (citycouncil_site / JANUARY).read_text(encoding="utf-8")
    assert '<meta name="description" content="Minutes of the City Council held on January 7, 2020.">' in head
