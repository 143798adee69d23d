"""Each committee's own Atom feed and calendar, beside its page, where an archive holds two committees or more:
the city council and its planning commission (tests/fixtures/committees)."""

import datetime as dt
import shutil

import feedparser
import icalendar
import pytest

from tests.bodies.sites import CITY, COMMITTEES, build, run
from tests.conftest import PUBLIC_ADDRESS

PLANNING_FEED = "committees/planning-commission/feed.xml"
PLANNING_CALENDAR = "committees/planning-commission/calendar.ics"
COUNCIL_CALENDAR = "committees/city-council/calendar.ics"


@pytest.fixture(scope="module")
def site(committees_site):
    return committees_site


def feed(site, path: str = PLANNING_FEED):
    parsed = feedparser.parse((site / path).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def event_days(site, path: str) -> list[dt.date]:
    events = icalendar.Calendar.from_ical((site / path).read_bytes()).walk("VEVENT")
    return [e.decoded("dtstart").date() for e in events]


def test_a_committees_feed_holds_its_own_meetings_alone_newest_first(site):
    titles = [entry.title for entry in feed(site).entries]
    assert titles == ["Planning Commission Meeting February 11, 2020", "Planning Commission Meeting September 10, 2019"]


def test_a_committees_feed_is_titled_with_the_site_and_the_committee(site):
    assert feed(site).feed.title == "Fernhollow City Council minutes: Planning Commission"


def test_a_committees_feed_is_a_feed_of_its_own_and_its_entries_are_those_of_the_archives_feed(site):
    committee, archive = feed(site), feed(site, "feed.xml")
    assert committee.feed.id != archive.feed.id
    assert {e.id for e in committee.entries} < {e.id for e in archive.entries}


def test_a_committees_feed_links_to_itself_its_page_and_each_meeting_relatively(site):
    text = (site / PLANNING_FEED).read_text(encoding="utf-8")
    assert '<link rel="self" type="application/atom+xml" href="feed.xml" />' in text
    assert '<link rel="alternate" type="text/html" href="./" />' in text
    assert 'href="../../meetings/2019-09-10-planning-commission/"' in text


def test_with_the_sites_address_a_committees_feed_links_absolutely(tmp_path):
    site = tmp_path / "site"
    code, said = run("--content", str(COMMITTEES), "--out", str(site), "--base-url", PUBLIC_ADDRESS, "--quiet")
    assert code == 0, said
    parsed = feed(site)
    assert parsed.feed.link == PUBLIC_ADDRESS + "committees/planning-commission/"
    assert parsed.entries[0].link == PUBLIC_ADDRESS + "meetings/2020-02-11-planning-commission/"


def test_a_committees_calendar_holds_the_next_meetings_its_minutes_name(site):
    assert event_days(site, PLANNING_CALENDAR) == [dt.date(2020, 2, 11)]
    assert event_days(site, COUNCIL_CALENDAR) == [dt.date(2019, 6, 18), dt.date(2020, 1, 7), dt.date(2020, 1, 21)]


def test_a_committees_calendar_is_named_for_it(site):
    calendar = icalendar.Calendar.from_ical((site / PLANNING_CALENDAR).read_bytes())
    assert str(calendar["x-wr-calname"]) == "Fernhollow City Council minutes: Planning Commission meetings"


def test_the_archives_calendar_still_holds_every_committees_next_meetings(site):
    days = event_days(site, "calendar.ics")
    assert dt.date(2020, 2, 11) in days and dt.date(2020, 1, 21) in days


def test_a_next_meeting_of_another_committee_goes_in_that_committees_calendar(tmp_path):
    content = shutil.copytree(COMMITTEES, tmp_path / "content")
    minutes = content / "meetings/2020-01-07-city-council.md"
    written = minutes.read_text(encoding="utf-8")
    minutes.write_text(
        written.replace("  date: 2020-01-21\n  time: \"19:00\"\n  type: City Council", "  date: 2020-01-21\n"
                        "  time: \"19:00\"\n  type: Planning Commission"),
        encoding="utf-8",
    )  # fmt: skip
    site = build(content, tmp_path / "site")
    assert dt.date(2020, 1, 21) in event_days(site, PLANNING_CALENDAR)
    assert dt.date(2020, 1, 21) not in event_days(site, COUNCIL_CALENDAR)


def test_a_body_with_one_committee_has_no_committee_feeds(tmp_path):
    site = build(CITY, tmp_path / "site")
    assert not list(site.rglob("committees/*/feed.xml"))


def whole_calendar(archive, channel) -> bytes:
    """The channel's calendar as icalendar makes it from its events, each added to it (the shared events'
    reference)."""
    from minutebook.outputs.feeds import _event

    cal = icalendar.Calendar()
    for name, value in (
        ("prodid", "-//Minutebook//Meeting minutes//EN"),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
    ):
        cal.add(name, value)
    cal.add("x-wr-calname", channel.calendar_name)
    seen, days = set(), []
    for meeting in channel.announcing:
        event = _event(archive, meeting, meeting.next_meeting, PUBLIC_ADDRESS)
        if event["uid"] not in seen:
            seen.add(event["uid"])
            days.append(meeting.next_meeting.date)
            cal.add_component(event)
    cal.add_missing_timezones(dt.date(min(days).year, 1, 1), dt.date(max(days).year + 1, 12, 31))
    return cal.to_ical()


def test_each_calendar_is_what_icalendar_makes_of_its_events_though_the_build_serialises_each_once():
    from minutebook.outputs.feeds import calendar, calendar_events, channels
    from minutebook.pipeline import Paths, load_archive

    archive = load_archive(Paths(content=COMMITTEES))
    shared = calendar_events(archive, PUBLIC_ADDRESS)
    made = [(c, calendar(archive, PUBLIC_ADDRESS, c, shared)) for c in channels(archive) if c.calendar]
    assert len(made) == 3
    for channel, data in made:
        assert data == whole_calendar(archive, channel) == calendar(archive, PUBLIC_ADDRESS, channel)
        assert data.count(b"BEGIN:VTIMEZONE") == 1
