"""Render: the linked Archive to HTML pages, through Jinja2 templates.

`plan(archive)` lists every page as a `Page` (its output path, template and
what it shows); `render(...)` turns each into text. Pages are independent, so
they can be rendered in any order, in parallel, or only those a change touches.
Every link is relative to the page it sits on, so the site works at any
sub-path and from disk.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import datetime as dt
import functools
import operator
import posixpath
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

import jinja2

from minutebook.link import Archive, CommitteeRecord, ItemRef, PersonRecord, role_at, whole_months_between
from minutebook.model import ACTION_STATUSES, DECISION_RESULTS, STATUS_LABELS, AgendaItem, Locale, Meeting
from minutebook.site import dates
from minutebook.site.dates import DEFAULT, long_date
from minutebook.site.filters import (
    action_filters,
    decision_filters,
    decision_outcome,
    meeting_filters,
    result_label,
    search_result_filter,
)
from minutebook.site.links import (
    action_path,
    committee_calendar_path,
    committee_feed_path,
    committee_path,
    item_link,
    meeting_path,
    person_path,
    relative_path,
    theme_path,
    url,
    year_path,
)
from minutebook.site.markup import Abbreviations, ItemText, make_parser, render_document, render_minutes

ABOUT_PATH = "about/index.html"
DECISIONS_PATH = "decisions/index.html"  # only where the archive minutes any decision
COMMITTEES_PATH = "committees/index.html"  # only where the archive holds two committees or more
RECENT_DECISIONS = 5  # a committee's page shows this many of its latest decisions, and links to the rest
# Every page's own policy, for hosts that send none: its scripts, styles and images come from the site alone.
CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:"
TOPICS_SHOWN = 3  # a list names this many of a meeting's topics, then "and N more"


@dataclass(frozen=True)
class Page:
    """One page to render: where it goes, its template, and what it is made from."""

    path: str  # output path relative to the site root, e.g. meetings/x/index.html
    template: str
    title: str
    description: str = ""
    context: dict = field(default_factory=dict, compare=False, hash=False)
    # The meetings a page is made from, so an edit re-renders only the pages that show it (incremental/fingerprints.py).
    depends_on: tuple[str, ...] | None = None  # meetings whose minutes it shows, text and all; None = every meeting
    summarises: tuple[
        str, ...
    ] = ()  # meetings of which it shows only facts, never the items' text (fingerprints.summary)


class MadeFrom(TypedDict, total=False):
    """A Page's `depends_on` and `summarises`, shared by the pages made from the same meetings."""

    depends_on: tuple[str, ...] | None
    summarises: tuple[str, ...]


def plan(archive: Archive, search_ahead: dict[str, str], datasets: tuple) -> list[Page]:
    """Every page of the site, in a stable order. The search page names the files its first word needs
    (`search_ahead`) and the open-data page lists the `datasets`: both are made by the outputs, which
    build on this module, so the pipeline hands them in."""
    site = archive.site
    latest = tuple(reversed(archive.meetings[-5:]))
    # Lists and counts: no item text.
    every: MadeFrom = {"depends_on": (), "summarises": tuple(m.id for m in archive.meetings)}
    none: MadeFrom = {"depends_on": ()}  # made from the reference files alone
    # What each action's rows show, by its id: the action's page, and every list of actions, name the same meetings.
    shows = {tracked.action.id: _action_meetings(tracked, archive) for tracked in archive.actions}
    pages = [
        Page("index.html", "home.html", site.title, site.description, {"latest": latest}, **every),
        Page(
            "meetings/index.html",
            "meetings.html",
            "All meetings",
            f"Every meeting in the {site.title} archive, by year.",
            {"filters": meeting_filters(archive)},
            **every,
        ),
        Page(
            "actions/index.html",
            "actions.html",
            "Action tracker",
            "Every action from the meetings, with its owner and current status.",
            {"filters": action_filters(archive)},
            **every,
        ),
        Page(
            "themes/index.html",
            "themes.html",
            "Themes",
            "The subjects the meetings discuss, with every item on each.",
            **every,
        ),
        Page(
            "people/index.html",
            "people.html",
            "People",
            "Everyone who attended or sent apologies, with their roles over time.",
            **every,
        ),
        Page("years/index.html", "years.html", "Meetings by year", "The meetings held in each year.", **every),
        Page(
            "glossary/index.html",
            "glossary.html",
            "Glossary of abbreviations",
            "What the abbreviations in the minutes stand for.",
            **none,
        ),
        Page(
            "search/index.html",
            "search.html",
            "Search the minutes",
            f"Search every agenda item and action in the {site.title} archive.",
            {"ahead": search_ahead, "result_filter": search_result_filter(archive)},
            **every,
        ),
        *(
            [
                Page(
                    DECISIONS_PATH,
                    "decisions.html",
                    "Decisions",
                    "Every motion, resolution and decision minuted, with who moved it and how it was decided.",
                    {"filters": decision_filters(archive)},
                    **every,
                )
            ]
            if archive.decisions
            else []
        ),
        Page("404.html", "404.html", "Page not found", "The page you asked for is not here.", **none),
        Page(
            "data/index.html",
            "opendata.html",
            "Open data",
            f"Download the {site.title} archive as JSON and CSV, with what each field means.",
            {"datasets": datasets},
            **every,
        ),
    ]
    if listed_committees(archive):
        pages.append(
            Page(
                COMMITTEES_PATH,
                "committees.html",
                "Committees",
                f"The committees, boards and panels whose meetings the {site.title} archive holds.",
                **every,
            )
        )
        for committee in listed_committees(archive):
            shown = [m.id for m in committee.meetings]
            shown += [m for tracked in committee.open_actions for m in shows[tracked.action.id]]
            pages.append(
                Page(
                    committee_path(committee.slug),
                    "committee.html",
                    committee.name,
                    f"The members, meetings, open actions and decisions of the {committee.name}.",
                    {"committee": committee, "feeds": committee_feeds(archive, committee)},
                    depends_on=(),
                    # and those that announce its next meetings: its calendar is linked only when it has any
                    summarises=tuple(dict.fromkeys(shown + [m.id for m in archive.announcing(committee)])),
                )
            )
    if archive.content.about:  # content/about.md, in the shared fingerprint as every reference file is
        about = archive.content.about
        pages.append(
            Page(
                ABOUT_PATH,
                "about.html",
                about.title,
                f"What the meetings in the {site.title} archive are, and who holds them.",
                {"about": about},
                **none,
            )
        )
    for meeting in archive.meetings:
        pages.append(
            Page(
                meeting_path(meeting.id),
                "meeting.html",
                meeting.title,
                "",  # written as the page is rendered (Renderer.render): planning writes no date
                {"meeting": meeting},
                depends_on=(meeting.id,),
                summarises=_meeting_neighbourhood(archive, meeting),
            )
        )
    for tracked in archive.actions:
        pages.append(
            Page(
                action_path(tracked.action.id),
                "action.html",
                f"Action {tracked.action.id}",
                _clip(tracked.action.text, 150),
                {"tracked": tracked},
                depends_on=(),
                summarises=shows[tracked.action.id],
            )
        )
    for record in archive.themes:
        shown = [ref.meeting.id for ref in record.items] + [
            m for tracked in record.actions for m in shows[tracked.action.id]
        ]
        pages.append(
            Page(
                theme_path(record.theme.slug),
                "theme.html",
                record.theme.name,
                record.theme.description,
                {"record": record},
                depends_on=(),
                summarises=tuple(dict.fromkeys(shown)),
            )
        )
    committee_years = {c.slug: [m.year for m in c.meetings] for c in archive.committees}
    for person_record in archive.people:
        shown = [r.meeting.id for r in person_record.roles]
        shown += [m.id for m in person_record.chaired + person_record.minuted]
        shown += [m for tracked in person_record.owned for m in shows[tracked.action.id]]
        shown += [d.meeting_id for d in person_record.moved + person_record.voted_on]
        shown += [d.meeting_id for d in person_record.declared]
        shown += _attendance_meetings(archive, person_record, committee_years)
        person = person_record.person
        pages.append(
            Page(
                person_path(person.slug),
                "person.html",
                person.name,
                f"Roles held by {person.name}, meetings attended and actions owned.",
                {"record": person_record},
                depends_on=(),
                summarises=tuple(dict.fromkeys(shown)),
            )
        )
    for year, meetings in archive.years:
        pages.append(
            Page(
                year_path(year),
                "year.html",
                f"Meetings in {year}",
                f"The {len(meetings)} meetings held in {year}.",
                {"year": year, "meetings": meetings},
                depends_on=(),
                summarises=tuple(m.id for m in meetings),
            )
        )
    return pages


def topics(archive: Archive, meeting: Meeting) -> tuple[str, ...]:
    """What a meeting discussed, as a list of meetings shows it: the names of the themes its agenda
    items carry, those on most items first (ties in agenda order). Editors give themes to the items
    where something was discussed, so the procedural ones (apologies, last minutes, the date of the
    next meeting) add nothing; an AOB item with themes had substance, and its themes count."""
    counts: dict[str, int] = {}
    for item in meeting.agenda:
        for slug in item.themes:
            counts[slug] = counts.get(slug, 0) + 1
    ranked = sorted(counts, key=lambda slug: -counts[slug])  # stable: ties keep their first appearance
    return tuple(archive.theme(slug).name for slug in ranked)


def in_brief(names: tuple[str, ...], shown: int = TOPICS_SHOWN) -> str:
    """'A; B; C; and 4 more', or all of them when only one would be left over. Semicolons, as theme
    names hold commas and "and" ("Equality, diversity and inclusion", "Workforce and wellbeing")."""
    if len(names) > shown + 1:
        return "; ".join(names[:shown]) + f"; and {len(names) - shown} more"
    return "; ".join(names)


def names_meeting_types(archive: Archive) -> bool:
    """Whether lists name each meeting's type: only when the archive holds more than one, as saying
    "Monthly Assurance Meeting" beside every meeting tells a reader nothing. It depends on every
    meeting, so it is part of every page's fingerprint (fingerprints.inputs)."""
    return len({m.type for m in archive.meetings}) > 1


def listed_committees(archive: Archive) -> tuple[CommitteeRecord, ...]:
    """The committees with a page each, and a list of them: those with a meeting in the archive, and only
    when there are two or more, as one body's one committee is the whole site already (and a type declared
    in site.yml before any meeting of it is published would be an empty page). It depends on every meeting,
    so it is part of every page's fingerprint (fingerprints.inputs): every page's navigation follows it."""
    held = tuple(c for c in archive.committees if c.meetings)
    return held if len(held) > 1 else ()


def lists_committees(archive: Archive) -> bool:
    return bool(listed_committees(archive))


@dataclass(frozen=True)
class CommitteeFeeds:
    """Where a committee's feed and calendar are: the calendar only when the minutes name a next meeting of it."""

    feed: str
    calendar: str = ""


def committee_feeds(archive: Archive, committee: CommitteeRecord) -> CommitteeFeeds:
    announced = bool(archive.announcing(committee))
    return CommitteeFeeds(
        committee_feed_path(committee.slug), committee_calendar_path(committee.slug) if announced else ""
    )


def _attendance_meetings(archive: Archive, record: PersonRecord, years: dict[str, list[int]]) -> list[str]:
    """The meetings a person's attendance may count: every meeting each of their committees held in the years
    from the first the minutes list them at to the last, whether it lists them or not. CommitteeRecord.attendance
    counts those from their first listing to their last, within these whole years. A meeting that moves into
    those years is named then, which changes the page's fingerprint all the same. `years` holds each committee's
    meetings' years, oldest first, by its slug."""
    listed: dict[str, list[int]] = {}  # committee slug -> the first and last year they are listed at its meetings
    for held in record.roles:  # oldest first: present or sending apologies, one per meeting
        span = listed.setdefault(archive.committee_of(held.meeting).slug, [held.meeting.year, held.meeting.year])
        span[1] = held.meeting.year
    shown = []
    for committee in archive.committees:
        if committee.slug in listed:
            first, last = listed[committee.slug]
            held_in = years[committee.slug]
            chosen = committee.meetings[bisect.bisect_left(held_in, first) : bisect.bisect_right(held_in, last)]
            shown += [m.id for m in chosen]
    return shown


def _meeting_neighbourhood(archive: Archive, meeting: Meeting) -> tuple[str, ...]:
    """The other meetings a meeting's page names: its neighbours, whose titles the pager shows,
    the meetings of the actions it updated, the later meetings that updated its actions, and
    the next meeting it links to. Only their facts appear, never their text."""
    before, after = archive.neighbours(meeting.id)
    ids = [m.id for m in (before, after) if m]
    ids += [a.action.meeting_id for a in archive.updates_at(meeting.id)]  # actions it updated
    ids += [m for a in archive.actions_of(meeting.id) for m in a.updated_by]  # later status changes
    if meeting.id in archive.next_in_archive:
        ids.append(archive.next_in_archive[meeting.id])
    if meeting.id in archive.approved_at:
        ids.append(archive.approved_at[meeting.id])  # the meeting its approval links to
    return tuple(m for m in dict.fromkeys(ids) if m != meeting.id)


def meeting_description(meeting: Meeting, locale: Locale = DEFAULT) -> str:
    """What a meeting's page is, in a sentence: a draft and a cancelled meeting say so first."""
    day = long_date(meeting.date, locale)
    if meeting.status == "cancelled":
        return f"The {meeting.type} due on {day} was cancelled."
    words = locale.words
    draft = f"Draft {words.minutes_in_text}, not yet approved," if meeting.status == "draft" else words.minutes
    return f"{draft} of the {meeting.type} held on {day}."


def _action_meetings(tracked, archive: Archive) -> tuple[str, ...]:
    """The meeting an action arose at and those that updated its status: all its page and its rows show.
    An open action also shows how long it has gone without an update as of the latest meeting, so a new
    latest meeting, or a change to its date or title, must remake it."""
    latest_held = archive.latest_meeting
    assert latest_held is not None, "an action arises only at a meeting that was held: load.py refuses the others"
    latest = (latest_held.id,) if tracked.is_open else ()
    return (tracked.action.meeting_id, *tracked.updated_by, *latest)


def newest_first(archive: Archive, decisions) -> list:
    """Decisions by their meetings, newest first; one meeting's in the order it took them."""
    return sorted(decisions, key=lambda d: (archive.meeting(d.meeting_id).date, d.meeting_id), reverse=True)


VOTE_LABELS = {"for": "For", "against": "Against", "abstain": "Abstained", "absent": "Absent"}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def time_since(earlier: dt.date, latest: dt.date) -> str:
    """How long before the latest meeting a date was, in plain words: "5 years and 2 months ago"."""
    if earlier >= latest:
        return "the latest meeting" if earlier == latest else "after the latest meeting"
    months = whole_months_between(earlier, latest)
    if months == 0:
        return "less than a month ago"
    years, months = divmod(months, 12)
    parts = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in ((years, "year"), (months, "month")) if n]
    return " and ".join(parts) + " ago"


# An agenda item with the sub-items the page lists under it, each with its own.
AgendaBranch = tuple[AgendaItem, list["AgendaBranch"]]


def agenda_tree(agenda: tuple[AgendaItem, ...]) -> list[AgendaBranch]:
    """The agenda as the page lists it: each item with the sub-items under it, by their `level`, in
    the file's order. An agenda without levels is one flat list, as the minutes print it."""
    top: list[AgendaBranch] = []
    open_lists: list[tuple[int, list[AgendaBranch]]] = [(0, top)]  # (level, the list its sub-items go in)
    for item in agenda:
        while len(open_lists) > 1 and open_lists[-1][0] >= item.level:
            open_lists.pop()
        children: list[AgendaBranch] = []
        open_lists[-1][1].append((item, children))
        open_lists.append((item.level, children))
    return top


def grouped(entries: Iterable, attribute: str) -> dict[Any, list]:
    """Entries by the value of an attribute (dotted: "action.item"), each group in their order. A page that
    shows entries group by group finds them all in one pass, not in a search of them all for each group."""
    value_of = operator.attrgetter(attribute)
    groups: dict[Any, list] = {}
    for entry in entries:
        groups.setdefault(value_of(entry), []).append(entry)
    return groups


@jinja2.pass_context
def rel(context: jinja2.runtime.Context, target: str) -> str:
    """A link from the page being rendered to a path within the site: `{{ m.id|meeting_path|rel }}`.
    A filter, not a function, for speed: Jinja calls a filter directly, but a function through its context,
    which costs as much again as making the link, and 500 meetings' pages make some 78,000 links."""
    return context["link_from_here"](target)


class KeptTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in a folder, keyed by each template's name and source and written whole
    (Jinja2's own). The folder may be shared with other builds (incremental/compiled.py), so one that
    cannot be read or written, or is dropped meanwhile, only means compiling again, never a failed build."""

    def __init__(self, folder: Path):
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - unreadable, cut short or damaged: any of pickle's or marshal's errors
            bucket.reset()
        if bucket.code is not None and not isinstance(bucket.code, types.CodeType):  # read whole, but not code
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


class Renderer:
    """Holds the Jinja2 environment and the per-meeting rendered text."""

    def __init__(
        self,
        archive: Archive,
        templates_dir: Path,
        base_url: str = "",
        item_texts: dict | None = None,
        history: dict | None = None,
        compiled: Path | None = None,
    ):
        """`compiled` is a folder to keep compiled templates in between builds: compiling them is a
        good part of a one-meeting rebuild. It must belong to this version of Minutebook's code."""
        self.archive = archive
        self.templates_dir = templates_dir
        self.history = history or {}  # meeting id -> history.PageHistory, read from git by the build
        self.base_url = base_url.rstrip("/") + "/" if base_url else ""
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,  # every template, every value
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # The optimizer folds constant expressions, which these templates hardly have: it is a tenth of
            # the time compiling them takes, and rendering is no faster for it.
            optimized=False,
            bytecode_cache=KeptTemplates(compiled) if compiled else None,
        )
        locale = archive.site.locale
        self.env.filters.update(
            long_date=dates.writer("long", locale),
            weekday_date=dates.writer("weekday", locale),
            time_of_day=dates.writer("time", locale),
            status_label=lambda s: STATUS_LABELS.get(s, s),
            time_since=time_since,
            result_label=result_label,
            outcome=decision_outcome,
            vote_label=lambda v: VOTE_LABELS.get(v, v),
            newest_first=functools.partial(newest_first, archive),
            # Where each page is, as filters for the same reason as `rel`: {{ m.id|meeting_path|rel }}.
            rel=rel,
            meeting_path=meeting_path,
            action_path=action_path,
            theme_path=theme_path,
            person_path=person_path,
            year_path=year_path,
            committee_path=committee_path,
            item_link=item_link,
        )
        self.env.globals.update(
            archive=archive,
            site=archive.site,
            words=locale.words,
            statuses=ACTION_STATUSES,
            results=DECISION_RESULTS,
            role_at=role_at,
            about_path=ABOUT_PATH,
            content_security_policy=CONTENT_SECURITY_POLICY,
            names_types=names_meeting_types(archive),
            lists_committees=lists_committees(archive),
            listed_committees=listed_committees(archive),
            committees_path=COMMITTEES_PATH,
            recent_decisions=RECENT_DECISIONS,
            agenda_tree=agenda_tree,
            grouped=grouped,
        )
        self.env.filters.update(in_brief=in_brief)
        self.env.globals.update(topics=self.topics)
        self._topics: dict[
            str, tuple[str, ...]
        ] = {}  # meeting id -> its topics: people's pages list the same meetings again and again
        self.md = make_parser()
        # Item text is shown on meeting pages only, so its links are relative to theirs.
        self.abbreviations = Abbreviations(
            archive.content.glossary, relative_path("glossary/index.html", posixpath.dirname(meeting_path("_")))
        )
        self.item_texts = item_texts if item_texts is not None else {}
        self.preambles: dict[str, ItemText] = {}  # meeting id -> its preamble, kept only until its page is made

    @property
    def keeps_compiled(self) -> bool:
        """Whether templates compiled by one process are kept on disk, for others to read (`compiled`)."""
        return self.env.bytecode_cache is not None

    def compile_templates(self, names: Iterable[str] | None = None) -> None:
        """Compile the templates `names` (every template) now, once: workers forked after this share them,
        and where compiled templates are kept on disk (`keeps_compiled`), a process reads those another
        compiled; otherwise each worker would compile its own (at 50 meetings, a fifth of a full build)."""
        for name in self.env.list_templates(extensions=["html"]) if names is None else names:
            self.env.get_template(name)

    def templates_in_shares(self, shares: int) -> list[list[str]]:
        """Every template, in `shares` lists of about the same size of source, for as many processes
        to compile at once."""
        names = self.env.list_templates(extensions=["html"])
        sizes = {name: (self.templates_dir / name).stat().st_size for name in names}
        lists: list[list[str]] = [[] for _ in range(shares)]
        totals = [0] * shares
        for name in sorted(sizes, key=sizes.__getitem__, reverse=True):  # the largest first, each to the smallest share
            smallest = totals.index(min(totals))
            lists[smallest].append(name)
            totals[smallest] += sizes[name]
        return lists

    def texts(self, meeting: Meeting) -> tuple[ItemText, ...]:
        """Each meeting's Markdown is parsed once and shared by pages and search."""
        if meeting.id not in self.item_texts:
            preamble, texts = render_minutes(self.md, meeting, self.abbreviations)
            self.preambles[meeting.id], self.item_texts[meeting.id] = preamble, texts
        return self.item_texts[meeting.id]

    def preamble(self, meeting: Meeting) -> ItemText:
        """The text before a meeting's first item, rendered with its items (they share first uses and
        tables' numbers)."""
        if meeting.id not in self.preambles:
            self.preambles[meeting.id] = render_minutes(self.md, meeting, self.abbreviations)[0]
        return self.preambles.pop(meeting.id)

    def topics(self, meeting: Meeting) -> tuple[str, ...]:
        if meeting.id not in self._topics:
            self._topics[meeting.id] = topics(self.archive, meeting)
        return self._topics[meeting.id]

    def render(self, page: Page) -> str:
        here = posixpath.dirname(page.path)

        def link_from_here(target: str) -> str:
            if page.path == "404.html" and self.base_url:
                return self.base_url + target  # a server shows the 404 page at any depth: only absolute links hold
            path, _, anchor = target.partition("#")
            relative = relative_path(path, here) if path else ""
            return relative + (f"#{anchor}" if anchor else "")

        context = dict(page.context)
        if "meeting" in context:
            # Described here, on the worker that renders the page, rather than when the pages are planned: the
            # process that plans them and starts the workers then writes no date, so it does not load Babel's
            # locale data (about 7 MB) only to hand a copy to every worker. The meeting is all it says.
            page = dataclasses.replace(
                page, description=meeting_description(context["meeting"], self.archive.site.locale)
            )
            context["texts"] = self.texts(context["meeting"])
            context["preamble"] = self.preamble(context["meeting"])
            context["history"] = self.history.get(context["meeting"].id)  # None: the page says nothing of changes
        if "about" in context:
            about_abbreviations = Abbreviations(
                self.archive.content.glossary, relative_path("glossary/index.html", here)
            )
            context["about_html"] = render_document(
                make_parser(top_heading=2), context["about"].markdown, about_abbreviations
            )
        canonical = (
            self.base_url + url(page.path) if self.base_url and page.path != "404.html" else ""
        )  # an error page has no address of its own
        template = self.env.get_template(page.template)
        # Printed, a page names where it came from: its address, or failing that its path within the site.
        address = canonical or "/" + url(page.path)
        return template.render(
            page=page, link_from_here=link_from_here, canonical=canonical, address=address, ItemRef=ItemRef, **context
        )
