"""The domain: what a meeting archive is made of.

Every object is frozen. The loader builds them from files; nothing downstream
changes them, so any function's signature tells you everything it can affect.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutebook.characters import printable

ACTION_STATUSES = ("open", "in-progress", "completed", "closed")
OPEN_STATUSES = ("open", "in-progress")
STATUS_LABELS = {"open": "Open", "in-progress": "In progress", "completed": "Completed", "closed": "Closed"}
# Where a meeting's minutes stand. Absent from a file, the status is "approved": every file written before
# statuses existed is minutes the body had already published as its record (docs/content-format.md).
MEETING_STATUSES = ("draft", "approved", "cancelled")
# What a meeting decided (issue 27): the kind of decision, its result and how each member voted.
DECISION_KINDS = ("resolution", "motion", "decision", "ordinance")
DECISION_RESULTS = ("carried", "lost", "withdrawn", "deferred")
VOTE_CHOICES = ("for", "against", "abstain", "absent")


@dataclass(frozen=True, order=True)
class Origin:
    """Where a fact came from, so every error can point an editor at it."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Logo:
    """The site's logo as published: `path` is made from its bytes (minutebook/logo.py), never from its file's name."""

    path: str  # such as logo/3f2a9c0d1b7e6a54.png
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Words:
    """The labels the pages and feeds use that differ from body to body, each as a heading writes it.
    The defaults are the words a British committee uses (docs/content-format.md, `locale.words`)."""

    apologies: str = "Apologies"  # those who were not there: "Absent" in many councils
    minutes: str = "Minutes"  # the name of the record itself: "Notes", "Journal"
    chair: str = "Chair"  # who presided: "Presiding officer", "Mayor"
    minute_taker: str = "Minutes"  # the label beside who took them: "Clerk", "Recorded by"
    attendance: str = "Attendance"  # the heading over who was there: "Roll call", "Present"

    @property
    def apologies_sent(self) -> str:
        """A person's page heads the meetings they missed with this: "Apologies sent", or the body's own word."""
        return "Apologies sent" if self.apologies == Words.apologies else self.apologies

    @property
    def minutes_in_text(self) -> str:
        """The record's name inside a sentence ("draft minutes"): its first letter in lower case, unless its
        first word is written in capitals throughout (an abbreviation, "AGM record")."""
        word = self.minutes
        first = word.split(maxsplit=1)[0] if word.strip() else ""
        return word if len(first) > 1 and first.isupper() else word[:1].lower() + word[1:]


@dataclass(frozen=True)
class Locale:
    """How the site writes dates and times, in which time zone its meetings' times are, and its own words."""

    language: str = "en-GB"  # a BCP 47 tag that Babel knows
    time_zone: str = "Europe/London"  # an IANA time zone: the minutes' times are local times there
    clock: int = 24  # 12 or 24: how a time of day is written
    words: Words = Words()


@dataclass(frozen=True)
class StandingItem:
    """An item every draft of its meeting type starts with (site.yml's `standing_agenda`)."""

    number: str = ""
    title: str = ""  # "": the place where each meeting's own items go, left for the editor to name
    open_actions: bool = False  # the draft lists, under it, the actions still open before the meeting
    hint: str = ""  # what the draft asks the editor to write under it
    every_committee: bool = False  # the open actions listed are every committee's, not only its type's


@dataclass(frozen=True)
class MeetingType:
    """A kind of meeting the body holds, as site.yml's `meeting_types` declares it, for `new`'s drafts."""

    name: str
    title: str  # the pattern of a draft's title, such as "{type} {month} {year}"
    source_title: str  # the pattern of its source document's title
    standing_agenda: tuple[StandingItem, ...] = ()
    time: str = ""  # when its meetings usually start, HH:MM, for `new`; "": as the last one did
    venue: str = ""  # where they are usually held, for `new`; "": as the last one was
    origin: Origin = field(default=Origin(""), compare=False)


@dataclass(frozen=True)
class SiteSettings:
    """The body publishing the minutes, and how its site reads (site.yml)."""

    organisation: str
    title: str
    description: str
    short_name: str = ""
    contact_url: str = ""
    logo: Logo | None = None
    base_url: str = ""  # an absolute http(s) address ending in '/', or ''
    locale: Locale = Locale()
    meeting_types: tuple[MeetingType, ...] = ()  # the kinds of meeting `new` can start, with their agendas


@dataclass(frozen=True)
class Theme:
    """A subject the minutes' items are filed under (themes.yml)."""

    slug: str
    name: str
    description: str
    origin: Origin = field(default=Origin(""), compare=False)


@dataclass(frozen=True)
class Person:
    """Someone the minutes name, by the slug meetings use (people.yml)."""

    slug: str
    name: str
    origin: Origin = field(default=Origin(""), compare=False)


@dataclass(frozen=True)
class GlossaryEntry:
    """An abbreviation the minutes use, and what it stands for (glossary.yml)."""

    abbreviation: str
    expansion: str
    plurals: tuple[str, ...] = ()  # how the minutes write its plural ("KSIs"): the same entry, not another
    origin: Origin = field(default=Origin(""), compare=False)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the minutes write it, each shown as this entry."""
        return (self.abbreviation, *self.plurals)

    @property
    def anchor(self) -> str:
        """Its id on the glossary page. Letter case is kept: CEX and CEx are different abbreviations."""
        return "abbr-" + re.sub(r"\W+", "-", self.abbreviation).strip("-")


@dataclass(frozen=True)
class Attendee:
    """A person as they sat at one meeting: roles change, so they live here."""

    person: str
    role: str
    abbreviation: str = ""
    origin: Origin = field(default=Origin(""), compare=False)
    arrived: str = ""  # as minuted, such as "19:40" or "during item 5"; only where they came late
    left: str = ""  # as minuted; only where they left early


@dataclass(frozen=True)
class AgendaItem:
    """One item of a meeting's agenda, with its minutes as Markdown."""

    number: str  # exactly as printed ("39/20", "2.1(d)"); empty for a section the minutes do not number
    title: str
    anchor: str
    themes: tuple[str, ...] = ()
    markdown: str = ""
    origin: Origin = field(default=Origin(""), compare=False)
    theme_lines: tuple[int, ...] = field(default=(), compare=False)  # where each theme was named
    level: int = 1  # 2 for a sub-item shown under the item above it, 3 under a 2

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    @property
    def reference(self) -> str:
        """How an action names the item: its number as printed, or its title where it has none."""
        return self.number or self.title


@dataclass(frozen=True)
class Paper:
    """A paper before the meeting, such as a report; `url` only where it is published."""

    title: str
    url: str = ""


@dataclass(frozen=True)
class Recording:
    """A published recording of the meeting."""

    url: str
    title: str = "Recording of the meeting"


@dataclass(frozen=True)
class Action:
    """Something a meeting asked someone to do, as that meeting minuted it."""

    id: str
    meeting_id: str
    item: str  # the item's reference: its number as printed, or its title where it has none
    text: str
    status: str
    owner: str = ""
    due: dt.date | None = None
    origin: Origin = field(default=Origin(""), compare=False)


@dataclass(frozen=True)
class ActionUpdate:
    """A later change to an action's status; appended, never overwriting."""

    action: str
    date: dt.date
    status: str
    note: str = ""
    meeting_id: str = ""  # empty when an editor recorded it between meetings
    origin: Origin = field(default=Origin(""), compare=False)


@dataclass(frozen=True)
class Vote:
    """How one member voted on a decision, where the minutes record a roll call."""

    person: str
    vote: str  # one of VOTE_CHOICES
    origin: Origin = field(default=Origin(""), compare=False)


@dataclass(frozen=True)
class Counts:
    """The numbers voting each way, as minuted."""

    for_: int
    against: int
    abstain: int | None = None  # None where the minutes give no number abstaining

    @property
    def in_words(self) -> str:
        """ "5 for, 0 against, 1 abstaining": the numbers as minuted, abstentions only where given."""
        words = f"{self.for_} for, {self.against} against"
        return words + (f", {self.abstain} abstaining" if self.abstain is not None else "")


@dataclass(frozen=True)
class Decision:
    """What the meeting decided under one agenda item: a motion, resolution, decision or ordinance."""

    meeting_id: str
    ordinal: int  # 1 for the meeting's first decision: its place on the page (#decision-1)
    item: str  # the item's reference, as an action's
    kind: str  # one of DECISION_KINDS
    text: str
    result: str  # one of DECISION_RESULTS
    number: str = ""  # as printed, such as "Resolution 2019-14"
    moved: str = ""  # person slugs
    seconded: str = ""
    counts: Counts | None = None  # as minuted
    votes: tuple[Vote, ...] = ()  # the roll call, where minuted
    origin: Origin = field(default=Origin(""), compare=False)

    @property
    def anchor(self) -> str:
        return f"decision-{self.ordinal}"

    @property
    def label(self) -> str:
        """Its kind and number as a heading names it: "Resolution 2019-14", or "Motion"."""
        kind = self.kind.capitalize()
        if not self.number:
            return kind
        return self.number if self.number.casefold().startswith(self.kind) else f"{kind} {self.number}"

    @property
    def tally(self) -> Counts | None:
        """The counts as minuted, or, where only the roll call is, counted from it."""
        if self.counts is not None:
            return self.counts
        if not self.votes:
            return None
        cast = [v.vote for v in self.votes]
        return Counts(cast.count("for"), cast.count("against"), cast.count("abstain"))


@dataclass(frozen=True)
class Declaration:
    """An interest a member declared at a meeting, as minuted: in one agenda item, or in the whole meeting."""

    meeting_id: str
    ordinal: int  # 1 for the meeting's first declaration: its place on the page (#declaration-1)
    person: str  # their slug in people.yml
    interest: str  # the nature of the interest, as minuted
    item: str = ""  # the item's reference, as an action's; "" for a declaration made for the whole meeting
    kind: str = ""  # as the minutes name it, such as "pecuniary"; "" where they do not
    origin: Origin = field(default=Origin(""), compare=False)

    @property
    def anchor(self) -> str:
        return f"declaration-{self.ordinal}"


@dataclass(frozen=True)
class Correction:
    """A change to published minutes, as the editor recorded it for the public."""

    date: dt.date
    note: str  # what changed and why, written for a reader
    origin: Origin = field(default=Origin(""), compare=False)


@dataclass(frozen=True)
class NextMeeting:
    """The next meeting, as a meeting's minutes give it: its date, and its time, type and venue where given."""

    date: dt.date
    time: str = ""
    type: str = ""
    venue: str = ""
    as_minuted: str = ""


@dataclass(frozen=True)
class Meeting:
    """One meeting's minutes, from one file of the meetings folder."""

    id: str
    title: str
    date: dt.date
    time: str  # "" where the minutes record none: every field below that may be empty is "not recorded"
    type: str
    venue: str
    chair: str
    minute_taker: Attendee  # its person is "" where not recorded
    attendees: tuple[Attendee, ...]
    apologies: tuple[Attendee, ...]
    agenda: tuple[AgendaItem, ...]
    actions: tuple[Action, ...]
    action_updates: tuple[ActionUpdate, ...]
    next_meeting: NextMeeting | None
    source_title: str
    source_url: str = ""
    editorial_notes: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()  # in the file's order; only these are shown as corrections
    origin: Origin = field(default=Origin(""), compare=False)
    chair_line: int = field(default=0, compare=False)  # where the chair is named, for errors found when linking
    status: str = "approved"  # one of MEETING_STATUSES
    approved_on: dt.date | None = None  # the date of the meeting that approved these minutes, where known
    approved_line: int = field(default=0, compare=False)  # where that date is given, for errors found when linking
    preamble: str = ""  # Markdown before the first item's heading, such as who opened the meeting
    papers: tuple[Paper, ...] = ()
    recording: Recording | None = None
    decisions: tuple[Decision, ...] = ()  # in the file's order
    declarations: tuple[Declaration, ...] = ()  # declarations of interest, in the file's order

    @property
    def year(self) -> int:
        return self.date.year

    def item(self, reference: str) -> AgendaItem | None:
        """The item an action names: by number, or by title for an item with no number."""
        return next((i for i in self.agenda if i.reference == reference), None)

    def item_name(self, reference: str) -> str:
        """How a page names an item away from its heading: "item 2.1(d)", or the title of an unnumbered one."""
        item = self.item(reference)
        return f"item {self.number_in_context(reference)}" if item is None or item.number else item.title

    def number_in_context(self, reference: str) -> str:
        """An item's number as a reader needs it away from the agenda: a lettered item ("d") under
        "2.1" is "2.1(d)". Minutes letter the parts of the numbered item above them: the item above
        at a lower `level`, or, where no levels are given, the nearest numbered item above."""
        if not reference.isalpha():
            return reference
        place = next((n for n, i in enumerate(self.agenda) if i.reference == reference), 0)
        item, above = self.agenda[place] if self.agenda else None, reversed(self.agenda[:place])
        if item is not None and item.level > 1:
            parent = next((i.number for i in above if i.level < item.level), "")
        else:
            parent = next((i.number for i in above if i.number and not i.number.isalpha()), "")
        return f"{parent}({reference})" if parent and item is not None and item.number else reference


@dataclass(frozen=True)
class AboutPage:
    """content/about.md: what the meetings are and who holds them, in the editors' own words."""

    title: str  # from the file's first line, a '# ' heading
    markdown: str  # the rest of the file
    origin: Origin = field(default=Origin(""), compare=False)


@dataclass(frozen=True)
class Content:
    """Everything under content/, validated but not yet cross-referenced."""

    site: SiteSettings
    themes: tuple[Theme, ...]
    people: tuple[Person, ...]
    glossary: tuple[GlossaryEntry, ...]
    meetings: tuple[Meeting, ...]
    action_updates: tuple[ActionUpdate, ...] = ()
    about: AboutPage | None = None  # None: the archive has no About page yet


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in the content, in the form `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        # A control character in a name or a value is shown as an escape, never obeyed by the terminal.
        return printable(f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}")


class InvalidContent(Exception):
    """Raised with every problem found, sorted by file and line."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(map(str, self.errors)))
