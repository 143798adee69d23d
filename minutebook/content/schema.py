"""The content format, declared once: every record an editor writes, and each of its fields.

A record is a mapping in a content file: a meeting's front matter, an agenda item, an action, a
person. Each field is declared with its name, what its value is (in an editor's words), whether it
is required, and what it holds. The loader takes from here which fields a record may have, which it
must have, and what to say was expected; docs/content-format.md takes its field tables from here
(`python -m minutebook.content.schema docs/content-format.md` writes them in; a test holds the
document to it).
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from minutebook.model import ACTION_STATUSES, DECISION_KINDS, DECISION_RESULTS, MEETING_STATUSES, VOTE_CHOICES


@dataclass(frozen=True)
class Kind:
    """What a field's value is. `name` says it in a few words with its article ("a person slug"),
    `form` how it is written, where that needs saying; a message expects both."""

    name: str
    form: str = ""
    options: tuple[str, ...] = ()  # the only values allowed, where there is such a list
    record: Record | None = None  # the record it is, or a list of, described in a table of its own
    multi_line: bool = True  # False: text that must stay on one line

    @property
    def expected(self) -> str:
        """As a message names what was expected, in plain text."""
        if not self.form:
            return self.name
        return f"{self.name}: {self.form}" if self.options else f"{self.name}, {self.form}"  # "one of: yes, no"


@dataclass(frozen=True)
class Field:
    """One field of a record type: its name, kind, whether it is required, and its help for the document."""

    name: str
    kind: Kind
    help: str  # what it holds, for the document: Markdown, in plain English
    required: bool = False
    unless_cancelled: bool = False  # required only of a meeting that took place
    default: str = ""  # what a left-out optional field means, where it means something

    @property
    def need(self) -> str:
        """Whether it is required, in the document's words."""
        if self.required:
            return "required, unless the meeting was cancelled" if self.unless_cancelled else "required"
        return f"optional; left out, `{self.default}`" if self.default else "optional"


@dataclass(frozen=True)
class Record:
    """One kind of mapping in the content: `name` is what the document's markers call it, `heading`
    the heading its table sits under there, so other tables can link to it."""

    name: str
    plural: str  # "agenda items": how a list of them is named
    heading: str
    fields: tuple[Field, ...]

    # Both kept once made: the loader asks for them at every value it reads, tens of thousands of times a build.
    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @functools.cached_property
    def _declared(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def __getitem__(self, name: str) -> Field:
        """The field named `name`; a KeyError for a field not declared here is a fault in Minutebook."""
        try:
            return self._declared[name]
        except KeyError:
            raise KeyError(
                f"the {self.name} record declares no field '{name}'; declare it in minutebook/content/schema.py"
            ) from None

    @property
    def anchor(self) -> str:
        """The id GitHub gives its heading."""
        return re.sub(r"[^\w\- ]", "", self.heading.strip().lower()).replace(" ", "-")


# ---------------------------------------------------------------- kinds of value

TEXT = Kind("text")
LINE = Kind("text", "on one line", multi_line=False)
DATE = Kind("a date", "YYYY-MM-DD, such as 2019-04-30")
TIME = Kind("a time", '24-hour HH:MM in quotes, such as "14:30"')
SLUG = Kind("a slug", "lower-case letters, digits and single hyphens, at most 100")
PERSON = Kind("a person slug", "from content/people.yml, such as john-campion")
ACTION_ID = Kind("an action id", "lower-case letters, digits and single hyphens, at most 100, such as 2019-04-30-1")
ITEM_NUMBER = Kind(
    "an item number", 'as printed, on one line, in quotes, such as "2.1", "4a" or "39/20"', multi_line=False
)
ITEM = Kind("an agenda item", 'its number as printed, in quotes, such as "39/20"; for an unnumbered item, its title')
LEVEL = Kind("one of", "1, 2, 3", options=("1", "2", "3"))
WEB_ADDRESS = Kind(
    "a web address", "starting https:// or http://, a space or a quote written %20 or %22", multi_line=False
)
IMAGE_PATH = Kind("a path", "to an image file inside content/, such as assets/logo.svg", multi_line=False)
TEXTS = Kind("a list of text", "lines starting with '- '")
TEXT_OR_TEXTS = Kind("text, or a list of text")
YES_NO = Kind("one of", "yes, no", options=("yes", "no"))
THEMES = Kind("a list of theme slugs", "from content/themes.yml, such as [roads-policing]")
LANGUAGE = Kind("a language tag", "BCP 47, such as en-GB or en-US", multi_line=False)
TIME_ZONE = Kind("a time zone", "its IANA name, such as Europe/London or America/Los_Angeles", multi_line=False)
COUNT = Kind("a whole number", "such as 5", multi_line=False)
CLOCK = Kind("one of", "12, 24", options=("12", "24"))


def one_of(options: tuple[str, ...]) -> Kind:
    return Kind("one of", ", ".join(options), options=options)


def one(record: Record) -> Kind:
    return Kind(f"the {record.name}", f"with {_field_names(record)}", record=record)


def list_of(record: Record) -> Kind:
    return Kind(f"a list of {record.plural}", f"each with {_field_names(record)}", record=record)


def _field_names(record: Record) -> str:
    """ "date, and optionally time, type": the fields a message names as expected."""
    required = [f.name for f in record.fields if f.required]
    optional = [f.name for f in record.fields if not f.required]
    if not required:
        return f"any of {', '.join(optional)}"
    names = " and ".join([", ".join(required[:-1]), required[-1]] if len(required) > 1 else required)
    return f"{names}, and optionally {', '.join(optional)}" if optional else names


# The placeholders a meeting type's `title` may hold, each with what it stands for; its `source_title`
# may hold these and {title}. `new` fills them in (minutebook/skeleton.py).
TITLE_PLACEHOLDERS = {
    "type": "the type's name",
    "day": "the day of the month, such as 25",
    "month": "the month's name in the site's language, such as June",
    "year": "the year, such as 2019",
    "date": "the date written out as the site's language writes it, such as 25 June 2019 (en-US: June 25, 2019)",
}
SOURCE_TITLE_PLACEHOLDERS = {**TITLE_PLACEHOLDERS, "title": "the meeting's title"}


# ---------------------------------------------------------------- records

ATTENDEE = Record("attendee", "attendees", "Attendees", (
    Field("person", PERSON, "The person, by their slug in `people.yml`.", required=True),
    Field("role", TEXT,
          "The role they held at this meeting, written out, such as `Deputy Clerk`.", required=True),
    Field("abbreviation", TEXT, "The abbreviation of that role as the minutes use it, such as `DCC`."),
    Field("arrived", LINE,
          'For `attendees` only: when they arrived, if late, as minuted, such as `"19:40"` or '
          '`during item 5`. Shown beside them as "arrived 19:40".'),
    Field("left", LINE,
          "For `attendees` only: when they left, if early, as minuted, such as `during item 5`. "
          'Shown beside them as "left during item 5".'),
))  # fmt: skip

MINUTE_TAKER = Record("minute-taker", "minute-takers", "The minute-taker", (
    Field("person", PERSON, "Who took the minutes, by their slug in `people.yml`.", required=True),
    Field("role", TEXT, "The role they held at this meeting, as minuted.", required=True),
))  # fmt: skip

AGENDA_ITEM = Record("agenda item", "agenda items", "Agenda items", (
    Field("number", ITEM_NUMBER,
          'The number exactly as printed, in quotes: `"2.1"`, `"4a"`, `"39/20"`, `"C048/23"`, `"2.1(d)"`. Leave it out '
          "for a section the minutes do not number (such as `CALL TO ORDER`). Unique within the meeting, and "
          "differing in more than case (`4a` and `4A` are one item)."),
    Field("title", TEXT,
          "The title as printed. The item's heading in the body repeats the number and title.", required=True),
    Field("level", LEVEL,
          "How deep the item sits, for a sub-item the page shows indented under the item above it: `2` under a "
          "`1`, `3` under a `2` (see [Sub-items](#sub-items)).", default="1"),
    Field("themes", THEMES,
          "The themes discussed under the item. Give themes to the items where something was discussed, not "
          "to procedural ones (apologies, the last minutes, the date of the next meeting): lists of meetings "
          "show each meeting's topics from its items' themes (see [Lists of meetings](#lists-of-meetings))."),
))  # fmt: skip

ACTION = Record("action", "actions", "Actions", (
    Field("id", ACTION_ID,
          "Unique across the archive; by convention the meeting date and a counter, `2019-04-30-1`.", required=True),
    Field("item", ITEM,
          "The agenda item it arose under: its number as printed, or, for an item the minutes do not "
          "number, its title as written in `agenda`.", required=True),
    Field("owner", PERSON,
          "Who owns it, by their slug in `people.yml`. Leave it out only where the minutes name no owner."),
    Field("text", TEXT, "The action as minuted.", required=True),
    Field("status", one_of(ACTION_STATUSES),
          "Its status on the day of this meeting "
          "(see [Action status and its history](#action-status-and-its-history)).", required=True),
    Field("due", DATE, "The due date, only where one was minuted."),
))  # fmt: skip

COUNTS = Record("vote count", "vote counts", "Vote counts", (
    Field("for", COUNT, "How many voted for, as minuted.", required=True),
    Field("against", COUNT, "How many voted against, as minuted.", required=True),
    Field("abstain", COUNT, "How many abstained, where minuted."),
))  # fmt: skip

VOTE = Record("vote", "votes", "Votes", (
    Field("person", PERSON, "The member, by their slug in `people.yml`.", required=True),
    Field("vote", one_of(VOTE_CHOICES), "How they voted, as the roll call minutes it.", required=True),
))  # fmt: skip

DECISION = Record("decision", "decisions", "Decisions", (
    Field("item", ITEM,
          "The agenda item it was made under: its number as printed, or, for an item the minutes do not "
          "number, its title as written in `agenda`.", required=True),
    Field("kind", one_of(DECISION_KINDS), "What the minutes record it as.", required=True),
    Field("number", LINE,
          'Its number as printed, where it has one, such as `"Resolution 2019-14"` or `"Ordinance 1187"`.'),
    Field("text", TEXT, "The motion or resolution as minuted.", required=True),
    Field("moved", PERSON, "Who moved it, by their slug in `people.yml`, where minuted."),
    Field("seconded", PERSON, "Who seconded it, by their slug in `people.yml`, where minuted."),
    Field("result", one_of(DECISION_RESULTS), "What became of it.", required=True),
    Field("counts", one(COUNTS),
          "The numbers voting each way, where minuted (see [Vote counts](#vote-counts)). Given with `votes`, "
          "they must agree with them."),
    Field("votes", list_of(VOTE),
          "How each member voted, where the minutes record a roll call: one entry per member "
          "(see [Votes](#votes))."),
))  # fmt: skip

DECLARATION = Record("declaration", "declarations", "Declarations of interest", (
    Field("person", PERSON, "Who declared the interest, by their slug in `people.yml`.", required=True),
    Field("item", ITEM,
          "The agenda item the interest is in: its number as printed, or, for an item the minutes do not "
          "number, its title as written in `agenda`. Leave it out for an interest declared for the whole "
          "meeting, or where the minutes do not say which item."),
    Field("interest", TEXT, "The nature of the interest, as minuted.", required=True),
    Field("kind", LINE,
          "What kind of interest the minutes call it, in their words, such as `pecuniary`, `non-pecuniary` "
          "or `other`, where they say. Any short phrase: the page shows it as written, beside the interest."),
))  # fmt: skip

ACTION_UPDATE = Record("action update", "action updates", "Action updates", (
    Field("action", ACTION_ID, "The id of the earlier action.", required=True),
    Field("status", one_of(ACTION_STATUSES), "Its status from this meeting on.", required=True),
    Field("note", TEXT, "What the meeting said about it."),
))  # fmt: skip

NEXT_MEETING = Record("next meeting", "next meetings", "The next meeting", (
    Field("date", DATE, "The date of the next meeting: after this meeting's.", required=True),
    Field("time", TIME, "Its start time, where minuted."),
    Field("type", TEXT, "Its type, where minuted, such as `Performance`."),
    Field("venue", TEXT, "Where it is to be held, where minuted."),
    Field("as_minuted", TEXT,
          'The line exactly as printed, such as `"Performance, Tuesday 28 May 2019, 10:00am Room 1.38"`.'),
))  # fmt: skip

SOURCE = Record("source", "sources", "The source document", (
    Field("title", TEXT, "The source document's title.", required=True),
    Field("url", WEB_ADDRESS, 'The address where the original can be read. The meeting page\'s "Source" links to it.'),
))  # fmt: skip

PAPER = Record("paper", "papers", "Papers", (
    Field("title", TEXT, "The paper's title as the minutes or the agenda give it.", required=True),
    Field("url", WEB_ADDRESS, "The address where it can be read, where it is published."),
))  # fmt: skip

RECORDING = Record("recording", "recordings", "The recording", (
    Field("title", LINE, "What the link says.", default="Recording of the meeting"),
    Field("url", WEB_ADDRESS, "The address of the recording or webcast.", required=True),
))  # fmt: skip

CORRECTION = Record("correction", "corrections", "Each correction", (
    Field("date", DATE, "The day the correction was made; not before the meeting.", required=True),
    Field("note", TEXT, "A sentence for the public saying what changed and why.", required=True),
))  # fmt: skip

MEETING = Record("meeting", "meetings", "Front matter fields", (
    Field("title", TEXT, "The meeting's title as the public should see it.", required=True),
    Field("date", DATE, "The day it was held. Must agree with the file name.", required=True),
    Field("time", TIME, "The time it started, where minuted; the page says \"Not recorded\" without it."),
    Field("type", TEXT,
          "The meeting type, such as `Full Council`. Must agree with the file name.", required=True),
    Field("venue", TEXT,
          "Where it was held as minuted; `Virtual` for online meetings. Leave out where not minuted."),
    Field("chair", PERSON, "The chair, by their slug in `people.yml`, where minuted."),
    Field("minute_taker", one(MINUTE_TAKER), "Who took the minutes, where minuted."),
    Field("attendees", list_of(ATTENDEE),
          "Everyone present: at least one person.", required=True, unless_cancelled=True),
    Field("apologies", list_of(ATTENDEE), "Everyone who sent apologies, in the same form as `attendees`."),
    Field("agenda", list_of(AGENDA_ITEM),
          "The agenda items in the order the meeting took them.", required=True, unless_cancelled=True),
    Field("actions", list_of(ACTION), "Actions that arose at this meeting. A cancelled meeting has none."),
    Field("action_updates", list_of(ACTION_UPDATE),
          "Updates this meeting made to earlier actions. A cancelled meeting has none."),
    Field("decisions", list_of(DECISION),
          "What the meeting decided: its motions, resolutions and ordinances, each under its agenda item, "
          "with who moved it and how members voted, where minuted. A cancelled meeting has none."),
    Field("declarations", list_of(DECLARATION),
          "Interests members declared, in the order minuted, each naming its agenda item where it has one "
          "(see [Declarations of interest](#declarations-of-interest)). A cancelled meeting has none."),
    Field("next_meeting", one(NEXT_MEETING), "The next meeting, as minuted."),
    Field("papers", list_of(PAPER),
          "The papers before the meeting (reports, appendices), in the order listed. Shown on the meeting page."),
    Field("recording", one(RECORDING), "A recording or webcast of the meeting. Linked from the meeting page."),
    Field("source", one(SOURCE), "The document the minutes were transcribed from.", required=True),
    Field("editorial_notes", TEXTS,
          "Notes on repairs made to the text when it was transcribed. Shown on the meeting page."),
    Field("corrections", list_of(CORRECTION),
          "Changes made to the minutes after they were published, one entry per correction. Only these "
          "are shown as corrections; see [Corrections](#corrections)."),
    Field("status", one_of(MEETING_STATUSES),
          "Where the minutes stand (see [Status](#status-draft-approved-or-cancelled)).", default="approved"),
    Field("approved", DATE,
          "For `status: approved` only: the date of the meeting that approved the minutes, after this "
          "meeting's date. Leave it out when the minutes do not record it."),
))  # fmt: skip

THEME = Record("theme", "themes", "`themes.yml`", (
    Field("slug", SLUG,
          "The theme's permanent id: agenda items name it in `themes`, "
          "and its page's address is made from it.", required=True),
    Field("name", TEXT, "The theme's name as the site shows it.", required=True),
    Field("description", TEXT, "A sentence saying what the theme covers.", required=True),
))  # fmt: skip

PERSON_RECORD = Record("person", "people", "`people.yml`", (
    Field("slug", SLUG,
          "The person's permanent id: meeting files name them by it, "
          "and their page's address is made from it.", required=True),
    Field("name", TEXT, "Their name as the site shows it.", required=True),
))  # fmt: skip

GLOSSARY_ENTRY = Record("glossary entry", "glossary entries", "`glossary.yml`", (
    Field("abbreviation", TEXT,
          "As the minutes write it. Capitals count: `CEX` and `CEx` are two entries.", required=True),
    Field("expansion", TEXT, "What it stands for.", required=True),
    Field("plural", TEXT_OR_TEXTS,
          "How the minutes write its plural, such as `KSIs`. Where they write it more than one way, give a "
          "list: `plural: [LPAs, LPA's]`. An abbreviation that is already plural lists its other spelling "
          "here (`4P's` for `4Ps`)."),
))  # fmt: skip

UPDATE_BETWEEN_MEETINGS = Record("update between meetings", "updates between meetings", "`action-updates.yml`", (
    Field("action", ACTION_ID, "The id of the action.", required=True),
    Field("date", DATE, "The day its status changed.", required=True),
    Field("status", one_of(ACTION_STATUSES), "Its status from that day on.", required=True),
    Field("note", TEXT, "What happened, for the public."),
))  # fmt: skip

WORDS = Record("words", "words", "The words", (
    Field("apologies", LINE,
          "The heading over those who were not at a meeting, such as `Absent`. A person's page heads the "
          'meetings they missed with it too (with the default, "Apologies sent").', default="Apologies"),
    Field("minutes", LINE,
          "What the body calls the record itself, such as `Notes`: pages and the feed say "
          '"Minutes of the ... held on ..." and "Draft minutes" with it.', default="Minutes"),
    Field("chair", LINE, "The label beside who presided, such as `Presiding officer` or `Mayor`.", default="Chair"),
    Field("minute_taker", LINE,
          "The label beside who took the minutes, such as `Clerk` or `Recorded by`.", default="Minutes"),
    Field("attendance", LINE,
          "The heading over who was there, such as `Roll call` or `Present`.", default="Attendance"),
))  # fmt: skip

LOCALE = Record("locale", "locales", "The locale", (
    Field("language", LANGUAGE,
          "The language the site is written in, as a BCP 47 tag: every page's `lang` is this, and dates are "
          'written as it writes them (`en-GB`: "Tuesday 18 June 2019"; `en-US`: "Tuesday, June 18, 2019"). '
          "A tag the Babel library does not know is refused.", default="en-GB"),
    Field("time_zone", TIME_ZONE,
          "Where the meetings are held, as an IANA time zone name: the minutes' times are local times there, "
          "and the calendar and the feed give each meeting's time in it, summer time and all.",
          default="Europe/London"),
    Field("clock", CLOCK,
          'How a time of day is written: `12` ("7:00 PM") or `24` ("19:00"). Left out, the language\'s usual '
          "clock: 12 for `en-US`, 24 for `en-GB`. Times in the minutes are written 24-hour either way."),
    Field("words", one(WORDS),
          "The words the pages use that differ from body to body (see [The words](#the-words)); each left out "
          "keeps its default."),
))  # fmt: skip

STANDING_ITEM = Record("standing agenda item", "standing agenda items", "Standing agenda items", (
    Field("number", ITEM_NUMBER, 'The number as printed, in quotes, such as `"1"`. Leave it out for an item the '
          "minutes do not number."),
    Field("title", LINE,
          "The title as printed, such as `Apologies`. Leave it out for the place where each meeting's own "
          "business goes: the draft gives that item a title marked `TO DO`, for the editor to write."),
    Field("open_actions", Kind("one of", "yes, all, no", options=("yes", "all", "no")),
          "`yes`: the draft lists under this item every action still open before the meeting that arose at a "
          "meeting of the same type, with its owner and status, for the editor to minute what was said about "
          "it. `all`: every action still open, whichever meetings it arose at, for a meeting that reviews "
          "them all.", default="no"),
    Field("hint", LINE,
          "What the draft asks the editor to write under the item, after `TO DO:`, such as "
          "`the minutes of this item, or 'There was none.'`.", default="the minutes of this item."),
))  # fmt: skip

MEETING_TYPE = Record("meeting type", "meeting types", "Meeting types", (
    Field("name", LINE,
          "The type as meeting files write it in `type`, such as `Full Council`. `new --type` names it, and a "
          "new meeting's file name is made from it.", required=True),
    Field("title", LINE,
          "The pattern of a new meeting's title, from the placeholders `{type}`, `{day}`, `{month}`, `{year}` "
          "and `{date}` (see [Meeting types](#meeting-types)).", default="{type} {month} {year}"),
    Field("source_title", LINE,
          "The pattern of the title of the document the minutes are transcribed from, as a draft starts it: "
          "the same placeholders, and `{title}` for the meeting's title.", default="{title}"),
    Field("time", TIME,
          "The time its meetings usually start: a draft from `new` starts at it, unless the last meeting's "
          "next-meeting line names another. Left out, the time of the last meeting of the type."),
    Field("venue", LINE,
          "Where its meetings are usually held: a draft from `new` names it, unless the last meeting's "
          "next-meeting line names another. Left out, the venue of the last meeting of the type."),
    Field("standing_agenda", list_of(STANDING_ITEM),
          "The items every meeting of the type starts with, in order: `new` writes them into each draft. "
          "An item with a title alone may be written as the title: `- Apologies`. Left out, a short general "
          "agenda."),
))  # fmt: skip

SITE = Record("site settings", "site settings", "`site.yml`", (
    Field("organisation", LINE, "The organisation that holds the meetings.", required=True),
    Field("short_name", LINE,
          "A short form of the organisation's name, such as `Anytown TC`: calendar entries start with it."),
    Field("title", LINE, "The site's title.", required=True),
    Field("description", TEXT,
          "What the archive is, in a sentence or two. It may run over several lines.", required=True),
    Field("contact_url", WEB_ADDRESS, "The organisation's contact page."),
    Field("logo", IMAGE_PATH, "The organisation's logo: a PNG, JPEG, GIF, WebP or SVG image."),
    Field("base_url", WEB_ADDRESS, "The site's public address, with no `?` or `#` part."),
    Field("locale", one(LOCALE),
          "The language, the way dates and times are written, the time zone and the body's own words (see "
          "[The locale](#the-locale)). Left out, British English in London time."),
    Field("meeting_types", list_of(MEETING_TYPE),
          "The kinds of meeting the body holds, each with the title and standing agenda `new` starts its "
          "drafts from (see [Meeting types](#meeting-types))."),
))  # fmt: skip

RECORDS = (
    MEETING, ATTENDEE, MINUTE_TAKER, AGENDA_ITEM, ACTION, ACTION_UPDATE, DECISION, COUNTS, VOTE, DECLARATION,
    NEXT_MEETING, PAPER, RECORDING, SOURCE, CORRECTION,
    THEME, PERSON_RECORD, GLOSSARY_ENTRY, UPDATE_BETWEEN_MEETINGS, SITE, LOCALE, WORDS, MEETING_TYPE, STANDING_ITEM,
)  # fmt: skip


# ---------------------------------------------------------------- the document

START = re.compile(r"^<!-- fields: (.+?) -->\n", re.MULTILINE)
END = "<!-- end fields -->"


def table(record: Record) -> str:
    """The record's fields as a Markdown table."""
    rows = ["| field | value | required | what it holds |", "| --- | --- | --- | --- |"]
    for declared in record.fields:
        rows.append(f"| `{declared.name}` | {_value(declared.kind)} | {declared.need} | {declared.help} |")
    return "\n".join(rows) + "\n"


def _value(kind: Kind) -> str:
    """What a value is, for the table: a record links to its own table."""
    if kind.record:
        word = kind.record.plural if kind.name.endswith(kind.record.plural) else kind.record.name
        return kind.name.removesuffix(word) + f"[{word}](#{kind.record.anchor})"
    if kind.options:
        return "one of " + ", ".join(f"`{option}`" for option in kind.options)
    return kind.expected.replace("|", "\\|")


def with_tables(document: str) -> str:
    """`document` with the table between each pair of markers made from the declarations.
    Raises ValueError for a marker that names no record or is never closed."""
    by_name = {record.name: record for record in RECORDS}
    out, at = [], 0
    for start in START.finditer(document):
        if start.start() < at:
            continue
        name = start.group(1)
        if name not in by_name:
            raise ValueError(f"'<!-- fields: {name} -->' names no record; expected one of: {', '.join(by_name)}")
        end = document.find(END, start.end())
        if end < 0:
            raise ValueError(f"'<!-- fields: {name} -->' is not closed; expected '{END}' after it")
        out += [document[at : start.end()], table(by_name[name])]
        at = end
    return "".join(out) + document[at:]


def main(argv: list[str]) -> int:
    """`python -m minutebook.content.schema DOCUMENT`: write the field tables into DOCUMENT."""
    if len(argv) != 1:
        print("usage: python -m minutebook.content.schema docs/content-format.md", file=sys.stderr)
        return 2
    path = Path(argv[0])
    text = path.read_text(encoding="utf-8")
    try:
        current = with_tables(text)
    except ValueError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return 1
    if current != text:
        path.write_text(current, encoding="utf-8")
        print(f"{path}: field tables brought up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
