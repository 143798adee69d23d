"""Link: resolve every cross-reference once, into an Archive every page reads.

Actions meet their meetings and later updates, themes meet their items, people
meet their roles and attendance. Anything referenced but not defined is an
error here, with the line that referenced it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from minutebook.content.load import type_slug
from minutebook.model import (
    OPEN_STATUSES,
    Action,
    ActionUpdate,
    AgendaItem,
    Attendee,
    Content,
    ContentError,
    Decision,
    Declaration,
    InvalidContent,
    Meeting,
    Origin,
    Person,
    Theme,
)


@dataclass(frozen=True)
class StatusChange:
    """A change to an action's status: when, to what, and which meeting recorded it."""

    date: dt.date
    status: str
    note: str = ""
    meeting_id: str = ""  # the meeting that recorded it, if any


@dataclass(frozen=True)
class TrackedAction:
    """An action with everything that happened to it since."""

    action: Action
    history: tuple[StatusChange, ...]

    @property
    def status(self) -> str:
        return self.history[-1].status

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def updated_by(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.meeting_id for c in self.history[1:] if c.meeting_id))

    @property
    def last_change(self) -> StatusChange:
        return self.history[-1]

    @property
    def last_heard_at(self) -> str:
        """The meeting that recorded its latest status: where it arose, or the last meeting to update it;
        empty when an editor recorded that status between meetings."""
        return self.last_change.meeting_id if len(self.history) > 1 else self.action.meeting_id


@dataclass(frozen=True)
class ItemRef:
    """An agenda item in the context of its meeting."""

    meeting: Meeting
    item: AgendaItem


@dataclass(frozen=True)
class RoleHeld:
    """The role a person was minuted in at one meeting."""

    meeting: Meeting
    role: str
    abbreviation: str
    present: bool  # False when the person sent apologies

    @property
    def label(self) -> str:
        """The role as a list of roles names it: "Chief Constable (CC)"."""
        return f"{self.role} ({self.abbreviation})" if self.abbreviation else self.role


@dataclass(frozen=True)
class PersonRecord:
    """Everything the archive says of one person, for their page."""

    person: Person
    roles: tuple[RoleHeld, ...]  # oldest first, one per meeting
    chaired: tuple[Meeting, ...]
    minuted: tuple[Meeting, ...]
    owned: tuple[TrackedAction, ...]
    moved: tuple[Decision, ...] = ()  # decisions they moved or seconded, oldest first
    votes: tuple[tuple[Decision, str], ...] = ()  # each roll call they are minuted in, with their vote, oldest first
    declared: tuple[Declaration, ...] = ()  # the interests they declared, oldest first

    def role_in(self, decision: Decision) -> str:
        """ "moved", "seconded" or both, for a decision in `moved`."""
        named = (("moved", decision.moved), ("seconded", decision.seconded))
        roles = [role for role, slug in named if slug == self.person.slug]
        return " and ".join(roles)

    @property
    def voted_on(self) -> tuple[Decision, ...]:
        return tuple(d for d, _ in self.votes)

    def vote_on(self, decision: Decision) -> str:
        """Their vote on a decision in `votes`."""
        return next(vote for d, vote in self.votes if d is decision)

    @property
    def attended(self) -> tuple[Meeting, ...]:
        return tuple(r.meeting for r in self.roles if r.present)

    @property
    def apologies(self) -> tuple[Meeting, ...]:
        return tuple(r.meeting for r in self.roles if not r.present)

    @property
    def role_spans(self) -> tuple[tuple[str, Meeting, Meeting], ...]:
        """Each run in one role at one committee's meetings, with the first and last meeting of the run, in
        the order the runs began. Runs are per committee, so that a meeting of another committee, where the
        person sat in some other role, does not break a run in two."""
        spans: list[list] = []
        current: dict[str, int] = {}  # committee slug -> its latest run's place in spans
        for held in self.roles:
            label = held.label
            committee = type_slug(held.meeting.type)
            at = current.get(committee)
            if at is not None and spans[at][0] == label:
                spans[at][2] = held.meeting
            else:
                current[committee] = len(spans)
                spans.append([label, held.meeting, held.meeting])
        return tuple(tuple(s) for s in spans)

    @functools.cached_property  # asked twice per person for every build's search index
    def roles_first_to_last(self) -> tuple[tuple[str, Meeting, Meeting], ...]:
        """Each role with the first and last meeting they sat in it at, whichever the committee, in the order
        they first held it: the short account, for where committees are not named (a search result)."""
        periods: dict[str, list[Meeting]] = {}
        for held in self.roles:
            periods.setdefault(held.label, [held.meeting, held.meeting])[1] = held.meeting
        return tuple((label, first, last) for label, (first, last) in periods.items())


@dataclass(frozen=True)
class Membership:
    """A person at a committee's meetings in one role, from the first meeting they are minuted at in it
    to the last. Derived from the minutes, which name who sat and in what role, not from a register."""

    person: str  # slug
    role: str
    abbreviation: str
    first: Meeting
    last: Meeting


@dataclass(frozen=True)
class AttendanceYear:
    """One person at one committee's meetings in one calendar year, as the minutes list them."""

    year: int
    held: int  # the committee's meetings that year, cancelled ones aside
    present: int
    apologies: int

    @property
    def not_listed(self) -> int:
        return self.held - self.present - self.apologies


@dataclass(frozen=True)
class CommitteeRecord:
    """A meeting type as a body in its own right: a committee, board or panel with its own meetings."""

    name: str  # as site.yml declares it, or else as its first meeting writes its `type`
    slug: str  # as the meetings' file names end: "Planning Meeting" -> "planning"
    meetings: tuple[Meeting, ...]  # oldest first
    actions: tuple[TrackedAction, ...]  # arising at its meetings, in meeting order
    decisions: tuple[Decision, ...]  # in meeting order

    @functools.cached_property  # only its page, a person's and the civic data ask: a rebuild seldom does
    def members(self) -> tuple[Membership, ...]:
        """Who sat, in what role, from when to when: by when they first sat, then by name order in the minutes."""
        return _memberships(self.meetings)

    @property
    def open_actions(self) -> tuple[TrackedAction, ...]:
        return tuple(t for t in self.actions if t.is_open)

    def attendance(self, slug: str) -> tuple[AttendanceYear, ...]:
        """Per year, how often a person is listed as present or sending apologies at the committee's meetings
        held from the first they are listed at to the last, both included: the meetings before they joined or
        after they left are not theirs to miss. A count, not a score: nothing ranks one person by it."""
        listed = self._listings.get(slug)
        if not listed:
            return ()
        years: dict[int, list[int]] = {}
        for meeting in self._held[listed[0].place : listed[-1].place + 1]:
            years.setdefault(meeting.year, [0, 0, 0])[0] += 1
        for listing in listed:
            counts = years[self._held[listing.place].year]
            counts[1] += listing.present
            counts[2] += listing.apologies
        return tuple(AttendanceYear(year, *counts) for year, counts in years.items())

    @functools.cached_property
    def _held(self) -> tuple[Meeting, ...]:
        return tuple(m for m in self.meetings if m.status != "cancelled")

    @functools.cached_property
    def _listings(self) -> dict[str, list[_Listing]]:
        """Where the held meetings list each person, in one pass: every person's page counts their attendance,
        and asking each meeting about each person in turn grows with people times meetings."""
        listings: dict[str, list[_Listing]] = defaultdict(list)
        for place, meeting in enumerate(self._held):
            present = {a.person for a in meeting.attendees}
            apologies = {a.person for a in meeting.apologies}
            for slug in dict.fromkeys(a.person for a in meeting.attendees + meeting.apologies):
                listings[slug].append(_Listing(place, slug in present, slug in apologies))
        return dict(listings)


class _Listing(NamedTuple):
    """A person listed at one of a committee's held meetings: its place among them, and how they are listed."""

    place: int
    present: bool
    apologies: bool


@dataclass(frozen=True)
class ThemeRecord:
    """A theme with the items and actions filed under it."""

    theme: Theme
    items: tuple[ItemRef, ...]  # newest first
    actions: tuple[TrackedAction, ...]  # newest first


@dataclass(frozen=True)
class Archive:
    """The content with every cross-reference resolved: what the pages and outputs are made from."""

    content: Content
    meetings: tuple[Meeting, ...]  # oldest first
    actions: tuple[TrackedAction, ...]  # in meeting order
    themes: tuple[ThemeRecord, ...]
    people: tuple[PersonRecord, ...]
    years: tuple[tuple[int, tuple[Meeting, ...]], ...]  # newest first
    next_in_archive: dict  # meeting id -> id of the meeting its next-meeting line names
    approved_at: dict = field(
        default_factory=dict
    )  # meeting id -> id of the meeting that approved its minutes, when in the archive
    decisions: tuple[Decision, ...] = ()  # in meeting order, each meeting's in its file's order
    committees: tuple[CommitteeRecord, ...] = ()  # the declared meeting types first, then the rest by name
    # Lookup tables, derived once in __post_init__; neither arguments nor part of equality.
    _meetings: dict[str, Meeting] = field(init=False, repr=False, compare=False)
    _index: dict[str, int] = field(init=False, repr=False, compare=False)
    _people: dict[str, Person] = field(init=False, repr=False, compare=False)
    _themes: dict[str, Theme] = field(init=False, repr=False, compare=False)
    _actions: dict[str, TrackedAction] = field(init=False, repr=False, compare=False)
    _arising: dict[str, tuple[TrackedAction, ...]] = field(init=False, repr=False, compare=False)
    _updated: dict[str, tuple[TrackedAction, ...]] = field(init=False, repr=False, compare=False)
    _committees: dict[str, CommitteeRecord] = field(init=False, repr=False, compare=False)

    @property
    def site(self):
        return self.content.site

    def meeting(self, meeting_id: str) -> Meeting:
        return self._meetings[meeting_id]

    def person(self, slug: str) -> Person:
        return self._people[slug]

    def theme(self, slug: str) -> Theme:
        return self._themes[slug]

    def action(self, action_id: str) -> TrackedAction:
        return self._actions[action_id]

    def committee_of(self, meeting: Meeting) -> CommitteeRecord:
        return self._committees[type_slug(meeting.type)]

    def announcing(self, committee: CommitteeRecord) -> tuple[Meeting, ...]:
        """The meetings whose next-meeting line names one of this committee's meetings, for its calendar: a
        line naming another committee's type belongs to that one; a line with no type, or one the archive
        does not hold, to the committee whose minutes it is in."""

        def named(meeting: Meeting) -> str:
            assert meeting.next_meeting is not None
            slug = type_slug(meeting.next_meeting.type)
            return slug if slug in self._committees else type_slug(meeting.type)

        return tuple(m for m in self.meetings if m.next_meeting and named(m) == committee.slug)

    def committees_of(self, slug: str) -> tuple[CommitteeRecord, ...]:
        """The committees at whose meetings a person is listed, present or sending apologies."""
        return tuple(c for c in self.committees if any(m.person == slug for m in c.members))

    def neighbours(self, meeting_id: str) -> tuple[Meeting | None, Meeting | None]:
        index = self._index[meeting_id]
        before = self.meetings[index - 1] if index > 0 else None
        after = self.meetings[index + 1] if index + 1 < len(self.meetings) else None
        return before, after

    def actions_of(self, meeting_id: str) -> tuple[TrackedAction, ...]:
        return self._arising.get(meeting_id, ())

    def updates_at(self, meeting_id: str) -> tuple[TrackedAction, ...]:
        return self._updated.get(meeting_id, ())

    @functools.cached_property  # every open action's page and row count to it
    def latest_meeting(self) -> Meeting | None:
        """How long ago is counted to this meeting, never to the day of the build: the same content
        must always give the same site. A meeting that was cancelled recorded nothing, so it is passed over."""
        return next((m for m in reversed(self.meetings) if m.status != "cancelled"), None)

    def unchanged_for_over_a_year(self, tracked: TrackedAction) -> bool:
        latest = self.latest_meeting
        return tracked.is_open and latest is not None and a_year_after(tracked.last_change.date) < latest.date

    @property
    def without_update_for_a_year(self) -> tuple[TrackedAction, ...]:
        """Open actions whose latest status is over a year older than the latest meeting, longest unchanged first."""
        quiet = (t for t in self.actions if self.unchanged_for_over_a_year(t))
        return tuple(sorted(quiet, key=lambda t: t.last_change.date))

    def __post_init__(self):
        # Lookup tables, derived once; the dataclass stays frozen.
        object.__setattr__(self, "_meetings", {m.id: m for m in self.meetings})
        object.__setattr__(self, "_index", {m.id: i for i, m in enumerate(self.meetings)})
        object.__setattr__(self, "_people", {p.person.slug: p.person for p in self.people})
        object.__setattr__(self, "_themes", {t.theme.slug: t.theme for t in self.themes})
        object.__setattr__(self, "_actions", {a.action.id: a for a in self.actions})
        arising: defaultdict[str, tuple[TrackedAction, ...]] = defaultdict(tuple)
        updated: defaultdict[str, tuple[TrackedAction, ...]] = defaultdict(tuple)
        for tracked in self.actions:
            arising[tracked.action.meeting_id] += (tracked,)
            for meeting_id in tracked.updated_by:
                updated[meeting_id] += (tracked,)
        object.__setattr__(self, "_arising", dict(arising))
        object.__setattr__(self, "_updated", dict(updated))
        object.__setattr__(self, "_committees", {c.slug: c for c in self.committees})


def link(content: Content) -> Archive:
    """Resolve cross-references, or raise InvalidContent naming each broken one."""
    errors: list[ContentError] = []
    people = _unique(content.people, "slug", "person", errors)
    themes = _unique(content.themes, "slug", "theme", errors)
    _check_glossary(content.glossary, errors)

    def need_person(slug: str, origin, field: str) -> None:
        if slug and slug not in people:
            errors.append(
                ContentError(
                    origin.path,
                    origin.line,
                    field,
                    f"person '{slug}' is not in content/people.yml; add them there or correct the slug",
                )
            )

    actions: dict[str, Action] = {}
    for meeting in content.meetings:
        need_person(meeting.chair, Origin(meeting.origin.path, meeting.chair_line or meeting.origin.line), "chair")
        need_person(meeting.minute_taker.person, meeting.minute_taker.origin, "minute_taker.person")
        for attendee in meeting.attendees + meeting.apologies:
            need_person(attendee.person, attendee.origin, "person")
        for item in meeting.agenda:
            for slug, line in zip(item.themes, item.theme_lines or [item.origin.line] * len(item.themes), strict=True):
                if slug not in themes:
                    errors.append(
                        ContentError(
                            item.origin.path,
                            line,
                            f"agenda item {item.reference}: themes",
                            f"theme '{slug}' is not in content/themes.yml; expected one of its slugs",
                        )
                    )
        for decision in meeting.decisions:
            where = f"decisions[{decision.ordinal}]"
            need_person(decision.moved, decision.origin, f"{where}.moved")
            need_person(decision.seconded, decision.origin, f"{where}.seconded")
            for number, vote in enumerate(decision.votes, 1):
                need_person(vote.person, vote.origin, f"{where}.votes[{number}].person")
        for declaration in meeting.declarations:
            need_person(declaration.person, declaration.origin, f"declarations[{declaration.ordinal}].person")
        for action in meeting.actions:
            need_person(action.owner, action.origin, f"action {action.id}: owner")
            if action.id in actions:
                first = actions[action.id].origin
                errors.append(
                    ContentError(
                        action.origin.path,
                        action.origin.line,
                        "actions: id",
                        f"'{action.id}' is already used at {first}; action ids must be unique across the archive",
                    )
                )
            else:
                actions[action.id] = action

    dates = {m.id: m.date for m in content.meetings}
    history: dict[str, list[StatusChange]] = {
        a.id: [StatusChange(dates[a.meeting_id], a.status, "", "")] for a in actions.values()
    }
    all_updates: list[ActionUpdate] = [u for m in content.meetings for u in m.action_updates] + list(
        content.action_updates
    )
    for update in sorted(all_updates, key=lambda u: (u.date, u.origin)):
        updated_action = actions.get(update.action)
        if updated_action is None:
            errors.append(
                ContentError(
                    update.origin.path,
                    update.origin.line,
                    "action_updates: action",
                    f"'{update.action}' is not the id of any action in the archive",
                )
            )
            continue
        if update.date < history[updated_action.id][0].date:
            errors.append(
                ContentError(
                    update.origin.path,
                    update.origin.line,
                    "action_updates",
                    f"update to {updated_action.id} is dated before the meeting where it arose",
                )
            )
            continue
        history[updated_action.id].append(StatusChange(update.date, update.status, update.note, update.meeting_id))

    approvals = _approving_meetings(content.meetings, errors)

    if errors:
        raise InvalidContent(errors)

    meetings = content.meetings  # already oldest first
    tracked = tuple(TrackedAction(a, tuple(history[a.id])) for a in actions.values())
    by_id = {m.id: m for m in meetings}
    tracked = tuple(
        sorted(tracked, key=lambda t: (by_id[t.action.meeting_id].date, t.action.meeting_id, t.action.origin.line))
    )

    return Archive(
        content=content,
        meetings=meetings,
        actions=tracked,
        themes=_theme_records(content.themes, meetings, tracked),
        people=_person_records(content.people, meetings, tracked),
        years=_years(meetings),
        next_in_archive=_next_links(meetings),
        approved_at=approvals,
        decisions=tuple(d for m in meetings for d in m.decisions),
        committees=_committee_records(content.site.meeting_types, meetings, tracked),
    )


def _unique(entries, key: str, what: str, errors: list[ContentError]) -> dict:
    seen: dict = {}
    for entry in entries:
        value = getattr(entry, key)
        if value in seen:
            origin = getattr(entry, "origin", None)
            first = getattr(seen[value], "origin", None)
            place = f" (first at {first})" if first and first.path else ""  # both places, so the editor can choose
            errors.append(
                ContentError(
                    origin.path if origin else "",
                    origin.line if origin else 0,
                    key,
                    f"{what} '{value}' is defined twice{place}; keep one",
                )
            )
        seen[value] = entry
    return seen


def _check_glossary(glossary, errors: list[ContentError]) -> None:
    """Each way of writing an abbreviation leads to one entry, and each entry has an id of its own."""
    forms: dict = {}  # each way of writing an abbreviation -> its entry
    anchors: dict = {}
    for entry in glossary:
        for key, form in [("abbreviation", entry.abbreviation)] + [("plural", p) for p in entry.plurals]:
            first = forms.get(form)
            if first is None:
                forms[form] = entry
                continue
            if first is entry:
                message = f"'{form}' is already written in this entry; list each form once"
            elif key == "abbreviation" and first.abbreviation == form:
                message = f"abbreviation '{form}' is defined twice (first at {first.origin}); keep one"
            else:
                message = (
                    f"'{form}' is already in the glossary at {first.origin}; keep one entry for it, "
                    "with its plural under plural:"
                )
            errors.append(ContentError(entry.origin.path, entry.origin.line, key, message))
        other = anchors.setdefault(entry.anchor, entry)
        if other is not entry and other.abbreviation != entry.abbreviation:
            errors.append(
                ContentError(
                    entry.origin.path,
                    entry.origin.line,
                    "abbreviation",
                    f"'{entry.abbreviation}' would share the glossary's address #{entry.anchor} with "
                    f"'{other.abbreviation}' at {other.origin}; "
                    "make them differ in more than punctuation",
                )
            )


def _theme_records(themes, meetings, tracked) -> tuple[ThemeRecord, ...]:
    items: dict[str, list[ItemRef]] = defaultdict(list)
    for meeting in reversed(meetings):
        for item in meeting.agenda:
            for slug in item.themes:
                items[slug].append(ItemRef(meeting, item))
    by_meeting = {m.id: m for m in meetings}
    acts: dict[str, list[TrackedAction]] = defaultdict(list)
    for t in reversed(tracked):
        item = by_meeting[t.action.meeting_id].item(t.action.item)
        for slug in item.themes if item else ():
            acts[slug].append(t)
    return tuple(ThemeRecord(t, tuple(items[t.slug]), tuple(acts[t.slug])) for t in themes)


def _person_records(people, meetings, tracked) -> tuple[PersonRecord, ...]:
    # One pass over meetings and actions, grouped by person: asking each person in turn
    # to scan the whole archive grows with people times meetings.
    roles: dict[str, list[RoleHeld]] = defaultdict(list)
    chaired: dict[str, list[Meeting]] = defaultdict(list)
    minuted: dict[str, list[Meeting]] = defaultdict(list)
    owned: dict[str, list[TrackedAction]] = defaultdict(list)
    for meeting in meetings:
        for attendee in meeting.attendees:
            roles[attendee.person].append(RoleHeld(meeting, attendee.role, attendee.abbreviation, True))
        for attendee in meeting.apologies:
            roles[attendee.person].append(RoleHeld(meeting, attendee.role, attendee.abbreviation, False))
        if meeting.chair:  # not recorded in every set of minutes
            chaired[meeting.chair].append(meeting)
        if meeting.minute_taker.person:
            minuted[meeting.minute_taker.person].append(meeting)
    for t in tracked:
        owned[t.action.owner].append(t)
    moved: dict[str, list[Decision]] = defaultdict(list)
    votes: dict[str, list[tuple[Decision, str]]] = defaultdict(list)
    declared: dict[str, list[Declaration]] = defaultdict(list)
    for meeting in meetings:
        for decision in meeting.decisions:
            for slug in dict.fromkeys(s for s in (decision.moved, decision.seconded) if s):
                moved[slug].append(decision)
            for vote in decision.votes:
                votes[vote.person].append((decision, vote.vote))
        for declaration in meeting.declarations:
            declared[declaration.person].append(declaration)
    return tuple(
        PersonRecord(
            person=p,
            roles=tuple(roles[p.slug]),
            chaired=tuple(chaired[p.slug]),
            minuted=tuple(minuted[p.slug]),
            owned=tuple(owned[p.slug]),
            moved=tuple(moved[p.slug]),
            votes=tuple(votes[p.slug]),
            declared=tuple(declared[p.slug]),
        )
        for p in people
    )


def _committee_records(declared, meetings, tracked) -> tuple[CommitteeRecord, ...]:
    # Types are told apart as meeting files are named: "Planning committee" and "Planning Committee" are one.
    names = {type_slug(t.name): t.name for t in declared}
    for meeting in meetings:
        names.setdefault(type_slug(meeting.type), meeting.type)
    undeclared = sorted(list(names)[len(declared) :], key=lambda slug: names[slug].casefold())
    # One pass over the meetings and one over the actions, grouped by committee: asking each committee
    # in turn to scan the whole archive grows with committees times meetings.
    held: dict[str, list[Meeting]] = defaultdict(list)
    committee_of: dict[str, str] = {}  # meeting id -> its committee's slug
    for meeting in meetings:
        slug = type_slug(meeting.type)
        held[slug].append(meeting)
        committee_of[meeting.id] = slug
    actions: dict[str, list[TrackedAction]] = defaultdict(list)
    for t in tracked:
        actions[committee_of[t.action.meeting_id]].append(t)
    return tuple(
        CommitteeRecord(
            name=names[slug],
            slug=slug,
            meetings=tuple(held[slug]),
            actions=tuple(actions[slug]),
            decisions=tuple(d for m in held[slug] for d in m.decisions),
        )
        for slug in list(names)[: len(declared)] + undeclared
    )


def _memberships(meetings) -> tuple[Membership, ...]:
    # A person's run in one role lasts while each meeting they are listed at names the same role.
    spans: list[list] = []  # [person, role, abbreviation, first meeting, last meeting]
    current: dict[str, list] = {}  # person -> their latest run
    for meeting in meetings:
        for attendee in meeting.attendees + meeting.apologies:
            run = current.get(attendee.person)
            if run is not None and run[1] == attendee.role and run[2] == attendee.abbreviation:
                run[4] = meeting
            else:
                current[attendee.person] = run = [
                    attendee.person,
                    attendee.role,
                    attendee.abbreviation,
                    meeting,
                    meeting,
                ]
                spans.append(run)
    return tuple(Membership(*run) for run in spans)


def _years(meetings) -> tuple[tuple[int, tuple[Meeting, ...]], ...]:
    years: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        years[meeting.year].append(meeting)
    return tuple((year, tuple(years[year])) for year in sorted(years, reverse=True))


def _next_links(meetings) -> dict:
    by_date: dict[dt.date, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_date[meeting.date].append(meeting)
    links = {}
    for meeting in meetings:
        if meeting.next_meeting and by_date.get(meeting.next_meeting.date):
            links[meeting.id] = by_date[meeting.next_meeting.date][0].id
    return links


def _approving_meetings(meetings, errors: list[ContentError]) -> dict:
    """Each approved meeting's approving meeting, found by the date its minutes give, when the archive holds it.
    A meeting that was cancelled approved nothing, so a date that names only one is a mistake."""
    by_date: dict[dt.date, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_date[meeting.date].append(meeting)
    found = {}
    for meeting in meetings:
        if meeting.approved_on is None or not by_date.get(meeting.approved_on):
            continue
        held = [m for m in by_date[meeting.approved_on] if m.status != "cancelled"]
        if held:
            found[meeting.id] = held[0].id
        else:
            cancelled = by_date[meeting.approved_on][0]
            errors.append(
                ContentError(
                    meeting.origin.path,
                    meeting.approved_line or meeting.origin.line,
                    "approved",
                    f"{meeting.approved_on.isoformat()} is the date of {cancelled.id}, which was cancelled; "
                    "give the date of the meeting that approved these minutes",
                )
            )
    return found


def a_year_after(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else dt.date(day.year + 1, 3, 1)


def whole_months_between(earlier: dt.date, later: dt.date) -> int:
    """Calendar months from one date to another, counting only those completed: 19 October 2016
    to 20 December 2021 is 62 months; to 18 December 2021, 61."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def role_at(meeting: Meeting, slug: str) -> Attendee | None:
    return next((a for a in meeting.attendees + meeting.apologies if a.person == slug), None)
