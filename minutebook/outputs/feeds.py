"""Feeds: the files that tell other programs what the archive holds.

- `feed.xml`: an Atom feed of the meetings, newest first;
- `calendar.ics`: an iCalendar file of every next meeting the minutes name;
- where the archive holds two committees or more, each committee's own feed and, when
  the minutes name a next meeting of it, its own calendar, beside its page;
- `sitemap.xml`: every page, for search engines (only with a base URL, as
  the sitemap protocol allows absolute addresses only);
- `robots.txt`: lets every crawler in and, with a base URL, names the sitemap.

Every function here is data to text; `feed_files` gathers them for the build.
Nothing depends on the clock, so the same archive always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from minutebook.link import Archive, CommitteeRecord
from minutebook.model import Locale, Meeting, NextMeeting
from minutebook.site.dates import DEFAULT, meeting_start, time_of_day, weekday_date
from minutebook.site.links import absolute, committee_path, link, meeting_path, normal_base, stable_id
from minutebook.site.render import Page, committee_feeds, listed_committees

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

# The XML and time-zone modules are imported where they are used, not at the top: most builds
# leave the feeds as they are, and these files are imported by every build.
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_PATH = "feed.xml"
CALENDAR_PATH = "calendar.ics"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # an empty archive's feed still needs a date


# What a feed entry's title starts with, for minutes a reader must not take as the approved record.
TITLE_PREFIXES = {"draft": "Draft: ", "cancelled": "Cancelled: "}


@dataclass(frozen=True)
class Channel:
    """What one feed and its calendar cover: the whole archive's meetings, or one committee's."""

    key: str  # names the feed for good, whatever it is titled: "meetings", "committee <slug>"
    title: str
    subtitle: str
    calendar_name: str
    page: str  # the page the feed is the feed of
    feed: str  # where the feed is written
    calendar: str  # where the calendar is written; "" for none
    meetings: tuple[Meeting, ...]  # the feed's entries
    announcing: tuple[Meeting, ...]  # the meetings whose next-meeting lines the calendar lists


def archive_channel(archive: Archive) -> Channel:
    site = archive.site
    return Channel(
        "meetings",
        site.title,
        site.description,
        f"{site.title}: meetings",
        "index.html",
        FEED_PATH,
        CALENDAR_PATH,
        archive.meetings,
        tuple(m for m in archive.meetings if m.next_meeting),
    )


def committee_channel(archive: Archive, committee: CommitteeRecord) -> Channel:
    site, paths = archive.site, committee_feeds(archive, committee)
    return Channel(
        f"committee {committee.slug}",
        f"{site.title}: {committee.name}",
        f"The meetings of the {committee.name}.",
        f"{site.title}: {committee.name} meetings",
        committee_path(committee.slug),
        paths.feed,
        paths.calendar,
        committee.meetings,
        archive.announcing(committee),
    )


def channels(archive: Archive) -> tuple[Channel, ...]:
    """The archive's feed and calendar, and each committee's where committees have pages of their own."""
    return (archive_channel(archive), *(committee_channel(archive, c) for c in listed_committees(archive)))


def meeting_summary(meeting: Meeting, locale: Locale = DEFAULT) -> str:
    """One plain-text paragraph: what, when, where, and the agenda; a draft and a cancelled meeting say so first."""
    day = weekday_date(meeting.date, locale)
    if meeting.status == "cancelled":
        return f"This meeting was cancelled: the {meeting.type} due on {day} did not take place."
    agenda = "; ".join(item.heading for item in meeting.agenda)
    when = f"{day} at {time_of_day(meeting.time, locale)}" if meeting.time else day
    where = f", {meeting.venue}" if meeting.venue else ""  # never a made-up place where none was minuted
    words = locale.words
    summary = f"{words.minutes} of the {meeting.type} held on {when}{where}. Agenda: {agenda}."
    if meeting.decisions:
        summary += f" {decided(meeting)}"
    return f"Draft {words.minutes_in_text}: not yet approved. {summary}" if meeting.status == "draft" else summary


def decided(meeting: Meeting) -> str:
    """What the meeting decided, counted by kind and result in the minutes' order: "Decided: 2 motions carried,
    1 motion lost." Only the labels the content format defines, never words of the decisions themselves."""
    counted = Counter((d.kind, d.result) for d in meeting.decisions)
    return (
        "Decided: " + ", ".join(f"{n} {kind}{'s' * (n != 1)} {result}" for (kind, result), n in counted.items()) + "."
    )


def rfc3339(moment: dt.datetime) -> str:
    """An aware time as RFC 3339 writes it, which has no seconds in an offset: before 1847 London kept its
    own mean time (-00:01:15), so such a time is written in UTC instead."""
    offset = moment.utcoffset()
    assert offset is not None, "a time without a zone has no place in a feed"
    if offset.seconds % 60:
        return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return moment.isoformat()


def entry_updated(meeting: Meeting, time_zone: str = DEFAULT.time_zone) -> dt.datetime:
    """When a meeting's entry last changed: the day its minutes were approved, where that is recorded, so a
    reader that showed the draft shows the approved minutes again; else the meeting itself. Never the build
    time, so builds stay identical."""
    if meeting.approved_on:
        return meeting_start(meeting.approved_on, "", time_zone)
    return meeting_start(meeting.date, meeting.time, time_zone)


def _text(parent: ET.Element, tag: str, text: str, **attributes) -> ET.Element:
    import xml.etree.ElementTree as ET

    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def atom_feed(archive: Archive, base_url: str = "", channel: Channel | None = None) -> str:
    """The meetings as an Atom feed, newest first: the archive's, or those of the `channel` given. Relative
    links resolve against the feed's own address."""
    import xml.etree.ElementTree as ET

    channel = channel or archive_channel(archive)
    here = channel.feed
    site = archive.site
    ET.register_namespace("", ATOM)
    locale = site.locale
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": locale.language})
    newest = sorted(channel.meetings, key=lambda m: (m.date, m.time, m.id), reverse=True)
    updated = max((entry_updated(m, locale.time_zone) for m in newest), default=EPOCH)
    _text(feed, "id", stable_id(site.organisation, "feed", channel.key))
    _text(feed, "title", channel.title)
    _text(feed, "subtitle", channel.subtitle)
    _text(feed, "updated", rfc3339(updated))
    ET.SubElement(
        feed,
        f"{{{ATOM}}}link",
        {"rel": "self", "type": "application/atom+xml", "href": link(here, here, base_url)},
    )
    ET.SubElement(
        feed,
        f"{{{ATOM}}}link",
        {"rel": "alternate", "type": "text/html", "href": link(channel.page, here, base_url)},
    )
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site.organisation)
    _text(feed, "generator", "Minutebook")
    themes = {t.theme.slug: t.theme.name for t in archive.themes}
    for meeting in newest:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        when = rfc3339(meeting_start(meeting.date, meeting.time, locale.time_zone))
        _text(entry, "id", stable_id(site.organisation, "meeting", meeting.id))
        _text(entry, "title", TITLE_PREFIXES.get(meeting.status, "") + meeting.title)
        ET.SubElement(
            entry,
            f"{{{ATOM}}}link",
            {"rel": "alternate", "type": "text/html", "href": link(meeting_path(meeting.id), here, base_url)},
        )
        _text(entry, "published", when)
        _text(entry, "updated", rfc3339(entry_updated(meeting, locale.time_zone)))
        _text(entry, "summary", meeting_summary(meeting, locale), type="text")
        for slug in dict.fromkeys(s for item in meeting.agenda for s in item.themes):
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": slug, "label": themes[slug]})
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def sitemap(pages: list[Page], base_url: str) -> str:
    """Every page a visitor might land on, by absolute address (the protocol allows nothing else)."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", SITEMAP)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for page in pages:
        if page.path == "404.html":  # an error page is not a destination
            continue
        entry = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = absolute(page.path, base_url)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def robots_txt(base_url: str) -> str:
    # Crawlers read robots.txt only at a host's root: under a sub-path this file is advisory.
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines.append(f"Sitemap: {normal_base(base_url)}sitemap.xml")
    return "\n".join(lines) + "\n"


def _slug(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return re.sub(r"-meeting$", "", words) or "meeting"


def next_meeting_id(archive: Archive, meeting: Meeting) -> str:
    """The id the named meeting has, or will have under the file-naming rule, once its minutes are published."""
    if meeting.id in archive.next_in_archive:
        return archive.next_in_archive[meeting.id]
    named = meeting.next_meeting
    assert named is not None, "asked only of minutes that name their next meeting"
    return f"{named.date.isoformat()}-{_slug(named.type)}"


def _event(archive: Archive, meeting: Meeting, named: NextMeeting, base_url: str):
    import icalendar

    event = icalendar.Event()
    event.add(
        "uid",
        stable_id(archive.site.organisation, "meeting", next_meeting_id(archive, meeting)).removeprefix("urn:uuid:"),
    )
    # When this entry came to be: the day the minutes named it. Never the build time, so builds stay identical.
    event.add("dtstamp", dt.datetime.combine(meeting.date, dt.time(), tzinfo=dt.UTC))
    if named.time:
        event.add("dtstart", meeting_start(named.date, named.time, archive.site.locale.time_zone))
    else:
        event.add("dtstart", named.date)  # no time minuted: an all-day entry
    # The type alone ("Performance") says little among a reader's other appointments.
    owner = archive.site.short_name or archive.site.organisation
    event.add("summary", f"{owner}: {named.type or 'meeting'}")
    if named.venue:
        event.add("location", named.venue)
    description = (
        f"As minuted at the {meeting.title}: {named.as_minuted}"
        if named.as_minuted
        else f"Named in the minutes of the {meeting.title}."
    )
    event.add("description", description)
    held = archive.next_in_archive.get(meeting.id)
    if held and archive.meeting(held).status == "cancelled":
        event.add("status", "CANCELLED")
        event.add("sequence", 1)  # a calendar that already holds the event takes the change only from a later sequence
    page = meeting_path(archive.next_in_archive.get(meeting.id, meeting.id))
    if base_url:  # the URL property takes an absolute address only
        event.add("url", absolute(page, base_url))
    return event


@dataclass(frozen=True)
class CalendarEvent:
    """A next meeting as every calendar lists it, serialised once a build: the archive's calendar and its
    committee's list the same event, and serialising is most of a calendar's cost."""

    uid: str
    day: dt.date
    time_zone: str  # the TZID its start names; "" for an all-day entry or a time in UTC
    ical: bytes  # BEGIN:VEVENT to END:VEVENT, CRLF lines folded at 75 octets


def calendar_event(archive: Archive, meeting: Meeting, base_url: str = "") -> CalendarEvent:
    """The event for the next meeting `meeting`'s minutes name."""
    named = meeting.next_meeting
    assert named is not None, "asked only of minutes that name their next meeting"
    event = _event(archive, meeting, named, base_url)
    # The start is an event's only local time (its dtstamp is in UTC), and UTC needs no VTIMEZONE (RFC 5545 3.2.19).
    zone = event["dtstart"].params.get("TZID", "")
    return CalendarEvent(str(event["uid"]), named.date, "" if zone == "UTC" else zone, event.to_ical())


def calendar_events(archive: Archive, base_url: str = "") -> dict[str, CalendarEvent]:
    """The event of each meeting whose minutes name the next, by meeting id: every calendar's are among these."""
    return {m.id: calendar_event(archive, m, base_url) for m in archive_channel(archive).announcing}


def calendar(
    archive: Archive, base_url: str = "", channel: Channel | None = None, events: dict[str, CalendarEvent] | None = None
) -> bytes:
    """Every next meeting the minutes name, or those of the `channel` given, oldest first, as iCalendar
    (CRLF lines, folded at 75 octets). `events` are those calendar_events made, shared by the build's calendars."""
    # here, not at the top: it takes a tenth of a second to import, and most builds leave the calendar as it is
    import icalendar

    channel = channel or archive_channel(archive)
    if events is None:
        events = {m.id: calendar_event(archive, m, base_url) for m in channel.announcing if m.next_meeting}
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Minutebook//Meeting minutes//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", channel.calendar_name)
    listed: dict[str, CalendarEvent] = {}
    for meeting in channel.announcing:
        if meeting.next_meeting is not None:
            event = events[meeting.id]
            listed.setdefault(event.uid, event)  # two sets of minutes naming the same meeting: list it once
    if listed:
        # A VTIMEZONE for each time zone the events name, before them, as Calendar.add_missing_timezones adds it,
        # so every reader agrees on the hour; only the years the events span.
        days = [e.day for e in listed.values()]
        first, last = dt.date(min(days).year, 1, 1), dt.date(max(days).year + 1, 12, 31)
        for zone in sorted({e.time_zone for e in listed.values()} - {""}):
            try:
                cal.add_component(icalendar.Timezone.from_tzid(zone, first_date=first, last_date=last))
            except ValueError:  # a zone icalendar does not know: left out, as add_missing_timezones leaves it
                continue
    # The events go where the calendar's own lines end, already serialised.
    end = b"END:VCALENDAR\r\n"
    head = cal.to_ical()
    assert head.endswith(end)
    return head.removesuffix(end) + b"".join(e.ical for e in listed.values()) + end


def outputs(archive: Archive, base_url: str) -> tuple[str, ...]:
    """Every file `feed_files` writes: the sitemap only when the site's address is known."""
    made = [path for channel in channels(archive) for path in (channel.feed, channel.calendar) if path]
    return (*made, "robots.txt", *(("sitemap.xml",) if base_url else ()))


def feed_files(archive: Archive, pages: list[Page], base_url: str = "") -> dict[str, bytes]:
    files = {}
    events = calendar_events(archive, base_url)
    for channel in channels(archive):
        files[channel.feed] = atom_feed(archive, base_url, channel).encode("utf-8")
        if channel.calendar:
            files[channel.calendar] = calendar(archive, base_url, channel, events)
    files["robots.txt"] = robots_txt(base_url).encode("utf-8")
    if base_url:
        files["sitemap.xml"] = sitemap(pages, base_url).encode("utf-8")
    return files
