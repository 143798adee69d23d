"""What is searchable: one document per agenda item (a result lands on its anchor), one per action
and one per decision (a result lands on the decision's anchor on its meeting's page).

Each document has lunr's fields (FIELDS, with the boosts that rank a word in a
title above the same word in a body); field_texts gives what each field holds.
The index stage (files.py) makes terms of them and writes the files the
browser searches (wire.py says how).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Required, TypedDict

from minutebook.content.markdown import parser, plain_text
from minutebook.link import Archive, PersonRecord, TrackedAction, role_at
from minutebook.model import STATUS_LABELS, Attendee, Decision, Locale, Meeting
from minutebook.site.dates import DEFAULT, long_date
from minutebook.site.filters import decision_outcome
from minutebook.site.links import action_path, item_link

# The text before a meeting's first item: its anchor on the page, and what a result calls it.
PREAMBLE_ANCHOR = "preamble"
PREAMBLE_TITLE = "Before the first item"

# An action repeats words of the item it arose under; the item is the better answer.
ACTION_BOOST = 0.5

# How much of a decision's own words its result's heading shows, in characters: enough to tell
# one "Motion" from the next, short enough to read as a heading.
HEADING_WORDS = 80


class LunrField(TypedDict, total=False):
    """A field as lunr's builder takes it; without a boost, a field's words count once."""

    field_name: Required[str]
    boost: int


# Titles and themes say what an item is about; the body only mentions things.
FIELDS: tuple[LunrField, ...] = (
    {"field_name": "title", "boost": 10},
    {"field_name": "themes", "boost": 5},
    {"field_name": "meeting", "boost": 2},
    {"field_name": "people", "boost": 2},
    {"field_name": "text"},
    {"field_name": "year"},
    {"field_name": "type"},
)
FIELD_PLACE = {f["field_name"]: n for n, f in enumerate(FIELDS)}


@dataclass(frozen=True)
class SearchDocument:
    """What one search result stands for: an item, an action or a decision, with its text."""

    kind: str  # "item", "action" or "decision"
    key: str  # what it stands for: "<meeting id>#<anchor>" (an item's or a decision's) or "action:<id>"
    meeting: Meeting
    number: str  # the agenda item's number, in context: "2.1(d)" for item "d" under "2.1"; "" for an unnumbered one
    title: str  # as a result shows it
    item_title: str  # the agenda item's title; for an item, its own title
    url: str
    text: str
    themes: tuple[str, ...]  # slugs
    people: tuple[tuple[str, str], ...]  # ("Name, role", abbreviation) of everyone the text names
    status: str = ""  # an action's current status; a decision's result and counts, "Carried, 6 for, 0 against"
    result: str = ""  # a decision's result, one of DECISION_RESULTS, which the search filters by
    heading: str = ""  # what the result's link says, where not its title: "Motion: To approve the …"


def documents(archive: Archive, item_texts) -> list[SearchDocument]:
    """Every searchable thing, items, then actions, then decisions: `item_texts(meeting)` gives each item's
    plain text."""
    names = person_names(archive)
    items = [d for meeting in archive.meetings for d in item_documents(archive, meeting, item_texts(meeting), names)]
    actions = [action_document(archive, tracked, names) for tracked in archive.actions]
    return items + actions + [d for meeting in archive.meetings for d in decision_documents(meeting, names)]


def person_names(archive: Archive) -> dict[str, str]:
    return {p.person.slug: p.person.name for p in archive.people}


def item_documents(archive: Archive, meeting: Meeting, texts, names: dict[str, str]) -> list[SearchDocument]:
    """A meeting's agenda items, given the plain text of each."""
    owners: dict[str, list[str]] = {}  # agenda item number -> who owns the actions arising from it
    for tracked in archive.actions_of(meeting.id):
        if tracked.action.owner:  # the minutes may name no owner; then nobody is named for it
            owners.setdefault(tracked.action.item, []).append(tracked.action.owner)
    return preamble_documents(meeting, names) + [
        SearchDocument(
            kind="item",
            key=f"{meeting.id}#{item.anchor}",
            meeting=meeting,
            number=meeting.number_in_context(item.number),
            title=item.title,
            item_title=item.title,
            url=item_link(meeting.id, item.anchor),
            text=text.text,
            themes=item.themes,
            people=people_named(meeting, f"{item.title}\n{text.text}", owners.get(item.reference, ()), names),
        )
        for item, text in zip(meeting.agenda, texts, strict=True)
    ]


def preamble_documents(meeting: Meeting, names: dict[str, str]) -> list[SearchDocument]:
    """The text before the first item, where the minutes have one, searched as an item of its own."""
    if not meeting.preamble:
        return []
    text = plain_text(parser().parse(meeting.preamble))
    return [
        SearchDocument(
            kind="item",
            key=f"{meeting.id}#{PREAMBLE_ANCHOR}",
            meeting=meeting,
            number="",
            title=PREAMBLE_TITLE,
            item_title=PREAMBLE_TITLE,
            url=item_link(meeting.id, PREAMBLE_ANCHOR),
            text=text,
            themes=(),
            people=people_named(meeting, text, (), names),
        )
    ]


def action_document(archive: Archive, tracked: TrackedAction, names: dict[str, str]) -> SearchDocument:
    action = tracked.action
    meeting = archive.meeting(action.meeting_id)
    item = meeting.item(action.item)
    # Notes added later say what became of the action; they are searched with it.
    notes = [change.note for change in tracked.history[1:] if change.note]
    return SearchDocument(
        kind="action",
        key=f"action:{action.id}",
        meeting=meeting,
        number=meeting.number_in_context(action.item),
        title=f"Action {action.id}",
        item_title=item.title if item else "",
        url=action_path(action.id),
        text="\n".join([action.text, *notes]),
        themes=item.themes if item else (),
        people=people_named(meeting, action.text, [action.owner] if action.owner else [], names),
        status=STATUS_LABELS.get(tracked.status, tracked.status),
    )


def decision_documents(meeting: Meeting, names: dict[str, str]) -> list[SearchDocument]:
    return [decision_document(meeting, decision, names) for decision in meeting.decisions]


def decision_document(meeting: Meeting, decision: Decision, names: dict[str, str]) -> SearchDocument:
    """A decision, found by its words, its number as printed and who moved and seconded it. Its item's
    text is the item's own document: a decision holds only its own few words, so the index grows little."""
    item = meeting.item(decision.item)
    # An unnumbered item is referred to by its title, which the result already shows.
    numbered = item is None or bool(item.number)
    return SearchDocument(
        kind="decision",
        key=f"{meeting.id}#{decision.anchor}",
        meeting=meeting,
        number=meeting.number_in_context(decision.item) if numbered else "",
        title=decision.label,
        item_title=item.title if item else "",
        url=item_link(meeting.id, decision.anchor),
        text=decision.text,
        themes=item.themes if item else (),
        people=people_named(meeting, decision.text, [s for s in (decision.moved, decision.seconded) if s], names),
        status=decision_outcome(decision),
        result=decision.result,
        heading=f"{decision.label}: {opening(decision.text)}",
    )


def opening(text: str, length: int = HEADING_WORDS) -> str:
    """The start of `text`, its whole words up to `length` characters, then " …" where any are left out."""
    words = " ".join(text.split())
    if len(words) <= length:
        return words
    cut = words[: length + 1].rsplit(" ", 1)[0] if " " in words[:length] else words[:length]
    return cut.rstrip(",;:") + " …"


def person_summary(record: PersonRecord, locale: Locale = DEFAULT) -> str:
    """What a person's search result says of them: each role from the first meeting they held it at to the last,
    meetings attended, actions owned. Their page has the detail, committee by committee."""
    roles = [
        f"{label}, {long_date(first.date, locale)}" + ("" if first is last else f" to {long_date(last.date, locale)}")
        for label, first, last in record.roles_first_to_last
    ]
    counts = [f"{len(record.attended)} meeting{'s' * (len(record.attended) != 1)} attended"]
    if record.minuted:
        counts.append(f"{len(record.minuted)} minuted")
    if record.owned:
        counts.append(f"{len(record.owned)} action{'s' * (len(record.owned) != 1)} owned")
    return "; ".join(roles + counts)


def people_named(meeting: Meeting, text: str, owners, names: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Who `text` names, and who owns what arose from it, each as ("Name, role", the role's abbreviation).

    Minutes name people by the abbreviation of their role that day ("The DCC
    said"), so a search for a name or a role finds what that person said, and
    its snippet can open where the abbreviation stands."""
    everyone: list[Attendee] = [*meeting.attendees, *meeting.apologies, meeting.minute_taker]
    named = [a for a in everyone if a.abbreviation and _names(text, a.abbreviation)]
    named += [role_at(meeting, slug) or Attendee(slug, "") for slug in owners]
    found: dict[str, tuple[str, str]] = {}  # person slug -> ("Name, role", abbreviation)
    for attendee in named:
        name = names.get(attendee.person, "")
        found.setdefault(
            attendee.person, (f"{name}, {attendee.role}" if attendee.role else name, attendee.abbreviation)
        )
    return tuple(found.values())


def _names(text: str, abbreviation: str) -> bool:
    """Whether `abbreviation` stands in `text` as a word of its own: with no letter, digit, _ or & just
    before it and no letter, digit or _ just after it (as \\w has them). Each place it stands is found by a
    plain search, far quicker than an expression that must look behind at every character."""
    at = text.find(abbreviation)
    while at != -1:
        end = at + len(abbreviation)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_&") and not (after.isalnum() or after == "_"):
            return True
        at = text.find(abbreviation, at + 1)
    return False


def field_texts(d: SearchDocument, theme_names: dict[str, str]) -> dict[str, str]:
    """What lunr indexes of a document, field by field. A decision's title is its label ("Resolution
    2019-14"), so its number finds it; an action's is its item's, as its own ("Action 12") says nothing."""
    return {
        "title": d.title if d.kind == "decision" else d.item_title,
        "themes": " ".join(theme_names.get(t, t) for t in d.themes),
        "people": "\n".join(named for named, _ in d.people),
        "text": d.text,
        **meeting_fields(d.meeting),
    }


def meeting_fields(meeting: Meeting) -> dict[str, str]:
    """The fields every document of a meeting shares."""
    return {"meeting": meeting.title, "year": str(meeting.year), "type": meeting.type}
