"""Skeleton: the first draft of a new meeting file, from what the archive already knows.

Pure: an Archive and the new meeting's date and type in, the file's name and
text out. Who attends, chairs and takes the minutes usually carries over from
the last meeting of the same type. The title and the agenda come from the
type's entry in site.yml's `meeting_types` (its title pattern and standing
agenda, one of whose items may list the actions still open), or, for a type
not declared there, from a short general agenda; the rest is left for the
editor, marked TO DO. The draft must pass `build.py check` as it stands, so
every placeholder is a valid value.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from minutebook.content import schema
from minutebook.content.load import counted, type_slug
from minutebook.link import Archive, TrackedAction
from minutebook.model import OPEN_STATUSES, Action, Attendee, Locale, Meeting, MeetingType, StandingItem
from minutebook.site.dates import DEFAULT, long_date, month_name

TO_DO = "TO DO"  # one marker, so an editor can search the file for what is left
PLACEHOLDER_TIME = "00:00"  # a valid time that no real meeting of these minutes starts at

# Where the new meeting's time and venue came from.
GIVEN, NEXT_LINE, DECLARED, PREVIOUS, PLACEHOLDER = (
    "given",
    "next-meeting line",
    "meeting type",
    "previous meeting",
    "placeholder",
)


class CannotStart(Exception):
    """The archive cannot supply even a minimal valid skeleton."""


NEXT_MEETING_HINT = "the next meeting as minuted; also add next_meeting at the top of the file."
# The agenda of a type that site.yml does not declare, and the example `init` writes there: what most
# bodies' meetings open and close with, in general words. The item without a title is where each meeting's
# own business goes.
GENERAL_AGENDA = (
    StandingItem("1", "Apologies", hint="who sent apologies, or 'There were none.'"),
    StandingItem("2", "Minutes of the last meeting", hint="whether the minutes were approved as a true record."),
    StandingItem("3", "Matters arising", open_actions=True),
    StandingItem("4"),
    StandingItem("5", "Any other business", hint="the minutes of this item, or 'There was none.'"),
    StandingItem("6", "Date of the next meeting", hint=NEXT_MEETING_HINT),
)
DEFAULT_TITLE = schema.MEETING_TYPE["title"].default
DEFAULT_SOURCE_TITLE = schema.MEETING_TYPE["source_title"].default


def general_type(name: str) -> MeetingType:
    return MeetingType(name, DEFAULT_TITLE, DEFAULT_SOURCE_TITLE, GENERAL_AGENDA)


def declared_type(archive: Archive, meeting_type: str) -> MeetingType | None:
    """The type's entry in site.yml's `meeting_types`; types match as file names do."""
    slug = type_slug(meeting_type)
    return next((t for t in archive.site.meeting_types if type_slug(t.name) == slug), None)


def known_types(archive: Archive) -> list[str]:
    """The types `new` can start: those site.yml declares, then those only the archive's meetings hold."""
    names = [t.name for t in archive.site.meeting_types]
    slugs = {type_slug(name) for name in names}
    for meeting in archive.meetings:
        if type_slug(meeting.type) not in slugs:
            slugs.add(type_slug(meeting.type))
            names.append(meeting.type)
    return names


def unknown_type(archive: Archive, meeting_type: str, site_yml: str = "content/site.yml") -> str:
    """Why `new` will not start a meeting of `meeting_type`, or "" when it may. Where site.yml declares
    the body's types, another is taken for a slip (`Ful Council`); where it declares none, any type goes."""
    if not archive.site.meeting_types or type_slug(meeting_type) in {type_slug(t) for t in known_types(archive)}:
        return ""
    return (
        f"'{meeting_type}' is not a meeting type of this archive; expected one of: {', '.join(known_types(archive))}. "
        f"To start a new kind of meeting, add it to meeting_types in {site_yml} first"
    )


def default_type(archive: Archive) -> str | None:
    """The type of the archive's latest meeting, or else the first that site.yml declares."""
    if archive.latest_meeting is not None:
        return archive.latest_meeting.type
    return archive.site.meeting_types[0].name if archive.site.meeting_types else None


def fill(pattern: str, meeting_type: str, day: dt.date, title: str = "", locale: Locale = DEFAULT) -> str:
    """A title pattern with its placeholders (schema.TITLE_PLACEHOLDERS) filled in for the meeting, its month
    and date as the site's language writes them."""
    month, date = month_name(day, locale), long_date(day, locale)
    text = pattern.format(type=meeting_type, day=day.day, month=month, year=day.year, date=date, title=title)
    return " ".join(text.split())


@dataclass(frozen=True)
class Outstanding:
    """An action still open before the new meeting, with its status then."""

    action: Action
    status: str
    owner_name: str = ""


@dataclass(frozen=True)
class Skeleton:
    file_name: str
    text: str
    meeting_type: str
    previous: Meeting | None  # the last meeting of the same type, if any
    attendees: int
    outstanding: tuple[Outstanding, ...]
    time_from: str
    venue_from: str
    lists_actions: bool = False  # whether an item of the agenda lists the actions still open


def file_name(day: dt.date, meeting_type: str) -> str:
    """The name the loader expects, so the file's date and type agree with it."""
    return f"{day.isoformat()}-{type_slug(meeting_type)}.md"


def previous_meeting(meetings: tuple[Meeting, ...], meeting_type: str, day: dt.date) -> Meeting | None:
    """The latest meeting of this type before `day` that took place; types match as file names do."""
    slug = type_slug(meeting_type)
    earlier = [m for m in meetings if type_slug(m.type) == slug and m.date < day and m.status != "cancelled"]
    return earlier[-1] if earlier else None  # meetings come oldest first


def archive_spelling(meetings: tuple[Meeting, ...], meeting_type: str) -> str:
    """The type as the archive already writes it, so `performance` joins `Performance`."""
    slug = type_slug(meeting_type)
    return next((m.type for m in reversed(meetings) if type_slug(m.type) == slug), meeting_type)


def status_before(tracked: TrackedAction, day: dt.date) -> str | None:
    """The action's status on the eve of `day`; None if it had not arisen yet."""
    known = [change for change in tracked.history if change.date < day]
    return known[-1].status if known else None


def outstanding_actions(archive: Archive, day: dt.date, meeting_type: str | None = None) -> tuple[Outstanding, ...]:
    """The actions still open on the eve of `day`: those that arose at meetings of `meeting_type` (its
    committee's), or, given None, at any meeting."""
    found = []
    if meeting_type is None:
        arising = archive.actions
    else:
        slug = type_slug(meeting_type)
        arising = next((c.actions for c in archive.committees if c.slug == slug), ())
    for tracked in arising:
        status = status_before(tracked, day)
        if status in OPEN_STATUSES:
            owner = tracked.action.owner
            found.append(Outstanding(tracked.action, status, archive.person(owner).name if owner else ""))
    return tuple(found)


def make_skeleton(
    archive: Archive,
    day: dt.date,
    meeting_type: str,
    time: str = "",
    venue: str = "",
    people_yml: str = "content/people.yml",
) -> Skeleton:
    """The draft file for a meeting of `meeting_type` on `day`; `time` and `venue` override guesses."""
    previous = previous_meeting(archive.meetings, meeting_type, day)
    settings = declared_type(archive, meeting_type) or general_type(archive_spelling(archive.meetings, meeting_type))
    meeting_type = settings.name
    announced = (
        previous.next_meeting if previous and previous.next_meeting and previous.next_meeting.date == day else None
    )
    # The type's usual time and venue, where site.yml gives them, stand before the last meeting's:
    # that one may have been held elsewhere for once; a next-meeting line names this very meeting.
    time, time_from = _first(
        (time, GIVEN),
        (announced.time if announced else None, NEXT_LINE),
        (settings.time, DECLARED),
        (previous.time if previous else None, PREVIOUS),
        (PLACEHOLDER_TIME, PLACEHOLDER),
    )
    venue, venue_from = _first(
        (venue, GIVEN),
        (announced.venue if announced else None, NEXT_LINE),
        (settings.venue, DECLARED),
        (previous.venue if previous else None, PREVIOUS),
        (f"{TO_DO}: venue", PLACEHOLDER),
    )
    if previous is not None:
        chair, minute_taker, attendees = previous.chair, previous.minute_taker, previous.attendees
    elif archive.people:
        # Any real person keeps the draft valid; the editor replaces them.
        someone = archive.people[0].person.slug
        chair, minute_taker, attendees = (
            someone,
            Attendee(someone, f"{TO_DO}: role"),
            (Attendee(someone, f"{TO_DO}: role"),),
        )
    else:
        raise CannotStart(f"{people_yml} lists nobody; add the chair, the minute-taker and the attendees there first")
    title = fill(settings.title, meeting_type, day, locale=archive.site.locale)
    agenda = _agenda(settings.standing_agenda or GENERAL_AGENDA)
    # A committee reviews its own actions, unless its type's standing agenda asks for every committee's.
    every = any(item.every_committee for item in agenda)
    outstanding = outstanding_actions(archive, day, None if every else meeting_type)
    notes = {
        "time": _note(time_from, previous, "the start time, or delete this line if the minutes record none"),
        "venue": _note(venue_from, previous, ""),
    }

    front = [
        "---",
        *_header(previous),
        f"title: {scalar(title)}",
        f"date: {day.isoformat()}",
        f"time: {scalar(time, quote=True)}{notes['time']}",
        f"type: {scalar(meeting_type)}",
        "status: draft  # new minutes are a draft until a later meeting approves them",
        f"venue: {scalar(venue)}{notes['venue']}",
        *_chair_and_minute_taker(previous, chair, minute_taker),
        f"attendees:  # {TO_DO}: {'check' if previous else 'list'} who attended and the role each held that day",
        *_people(attendees),
        f"apologies: []  # {TO_DO}: anyone who sent apologies, in the same form as attendees",
        f"agenda:  # {TO_DO}: the agenda as printed; keep the headings below in the same order",
        *(line for item in agenda for line in _agenda_entry(item)),
        *_update_template(outstanding),
        "source:",
        f"  title: {scalar(fill(settings.source_title, meeting_type, day, title, archive.site.locale))}"
        f"  # {TO_DO}: the document's title exactly as printed",
        "---",
    ]
    body = []
    for item in agenda:
        text = _outstanding_text(outstanding) if item.open_actions else f"{TO_DO}: {item.hint}"
        body += ["", f"## {item.number} {item.title}".replace("##  ", "## "), "", text]
    return Skeleton(
        file_name=file_name(day, meeting_type),
        text="\n".join(front + body) + "\n",
        meeting_type=meeting_type,
        previous=previous,
        attendees=len(attendees) if previous else 0,
        outstanding=outstanding,
        time_from=time_from,
        venue_from=venue_from,
        lists_actions=any(item.open_actions for item in agenda),
    )


def _agenda(standing: tuple[StandingItem, ...]) -> list[StandingItem]:
    """The standing agenda as the draft writes it: each item's hint, and a title for each place the
    meeting's own business goes, for the editor to fill in."""
    items, places = [], 0
    for item in standing:
        title = item.title
        if not title:
            places += 1
            title = f"{TO_DO}: title of the {'first' if places == 1 else 'next'} item"
        hint = item.hint or schema.STANDING_ITEM["hint"].default
        items.append(StandingItem(item.number, title, item.open_actions, hint, item.every_committee))
    return items


def _agenda_entry(item: StandingItem) -> list[str]:
    if not item.number:
        return [f"  - title: {scalar(item.title)}"]
    return [f"  - number: {scalar(item.number, quote=True)}", f"    title: {scalar(item.title)}"]


def _chair_and_minute_taker(previous: Meeting | None, chair: str, minute_taker: Attendee) -> list[str]:
    """Their lines, or, where the last meeting's minutes recorded neither, a note to add them only if these do."""
    lines = []
    if chair:
        lines.append(f"chair: {chair}  # {TO_DO}: {'check' if previous else 'the person slug of the chair'}")
    elif previous:
        lines.append(f"# chair: not recorded in {previous.id}.md; add it if these minutes record it")
    if minute_taker.person:
        lines += [
            f"minute_taker:  # {TO_DO}: {'check' if previous else 'who took the minutes, and their role'}",
            f"  person: {minute_taker.person}",
            f"  role: {scalar(minute_taker.role)}",
        ]
    elif previous:
        lines.append(
            f"# minute_taker: not recorded in {previous.id}.md; add it (person, role) if these minutes record it"
        )
    return lines


def describe(skeleton: Skeleton, site_yml: str = "content/site.yml") -> str:
    """One sentence for the editor: what was filled in, and from where (`site_yml`: the settings' path)."""
    actions = counted(len(skeleton.outstanding), "open action")
    if skeleton.outstanding and not skeleton.lists_actions:
        actions += ", commented out under action_updates"
    previous = skeleton.previous
    if previous is None:
        guessed = ["the chair", "the minute-taker", "the attendees"]
        guessed += [
            f
            for f, source in (("the time", skeleton.time_from), ("the venue", skeleton.venue_from))
            if source == PLACEHOLDER
        ]
        declared = [
            f for f, source in (("time", skeleton.time_from), ("venue", skeleton.venue_from)) if source == DECLARED
        ]
        usual = f"its usual {_join(declared)} from {site_yml}; " if declared else ""
        return (
            f"No earlier {_as_meeting(skeleton.meeting_type)} in the archive, so this is a minimal skeleton: "
            f"{_join(guessed)} are placeholders; {usual}{actions}{' listed' if skeleton.lists_actions else ''}."
        )
    sources = {
        NEXT_LINE: "from its next-meeting line",
        PREVIOUS: "copied from that meeting",
        GIVEN: "as given",
        DECLARED: f"as usual for the type ({site_yml})",
        PLACEHOLDER: "left to fill in",  # that meeting's minutes recorded none
    }
    grouped: dict[str, list[str]] = {}
    for what, source in (("time", skeleton.time_from), ("venue", skeleton.venue_from)):
        grouped.setdefault(source, []).append(what)
    settings = [f"{_join(whats)} {sources[source]}" for source, whats in grouped.items()]
    # Only what that meeting's minutes recorded is copied: not every body minutes its chair and minute-taker.
    people = [
        name for name, who in (("the chair", previous.chair), ("minute-taker", previous.minute_taker.person)) if who
    ]
    copied = f"{_join(people)}, " if people else ""
    return (
        f"Pre-filled from {previous.id}.md: {counted(skeleton.attendees, 'attendee')}, "
        f"{copied}{actions}, {', '.join(settings)}."
    )


# ---------------------------------------------------------------- text


def _first(*candidates: tuple[str | None, str]) -> tuple[str, str]:
    return next((value, source) for value, source in candidates if value)


def _note(source: str, previous: Meeting | None, what: str) -> str:
    if source == NEXT_LINE:
        assert previous is not None, "only an earlier meeting's next-meeting line is a NEXT_LINE source"
        return f"  # from the next-meeting line of {previous.id}.md"
    if source == DECLARED:
        return "  # as meeting_types in site.yml gives it"
    if source == PREVIOUS:
        assert previous is not None, "only an earlier meeting is a PREVIOUS source"
        return f"  # {TO_DO}: check; copied from {previous.id}.md"
    if source == PLACEHOLDER and what:
        return f"  # {TO_DO}: {what}"
    return ""


def _header(previous: Meeting | None) -> list[str]:
    origin = f" from {previous.id}.md" if previous else ""
    return [
        f"# Started with 'python build.py new'{origin}.",
        f"# Replace or check everything marked {TO_DO}, then run 'python build.py check'.",
    ]


def _people(attendees: tuple[Attendee, ...]) -> list[str]:
    lines = []
    for attendee in attendees:
        lines += [f"  - person: {attendee.person}", f"    role: {scalar(attendee.role)}"]
        if attendee.abbreviation:
            lines.append(f"    abbreviation: {scalar(attendee.abbreviation)}")
    return lines


def _update_template(outstanding: tuple[Outstanding, ...]) -> list[str]:
    """Commented out: only the editor knows which actions this meeting moved on."""
    if not outstanding:
        return []
    lines = [f"# {TO_DO}: for each action this meeting updated, remove the '# ' before its lines and set its status."]
    lines.append("# action_updates:")
    for item in outstanding:
        lines += [f"#   - action: {item.action.id}", f"#     status: {item.status}"]
    return lines


def _outstanding_text(outstanding: tuple[Outstanding, ...]) -> str:
    if not outstanding:
        return f"{TO_DO}: the minutes of this item. No actions were open before this meeting."
    lines = [
        f"{TO_DO}: minute what was said about these actions, still open before this meeting, "
        "and record any change of status under action_updates at the top of the file.",
        "",
    ]
    for item in outstanding:
        owner = item.owner_name or "none named"
        lines.append(f"- {item.action.id} (owner: {owner}; status: {item.status}): {_one_line(item.action.text)}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


PLAIN = re.compile(r"[^\W\d_][\w ,.()/&'–-]*")  # letters first; no ':', '#' or quotes that YAML reads specially
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def scalar(text: str, quote: bool = False) -> str:
    """A YAML value that reads back as exactly `text`."""
    if not quote and PLAIN.fullmatch(text) and not text.endswith(" ") and text.casefold() not in YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted string


def _as_meeting(meeting_type: str) -> str:
    """Types are named with or without the word: `Performance`, `Full Council Meeting`."""
    return meeting_type if meeting_type.casefold().endswith("meeting") else f"{meeting_type} meeting"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
