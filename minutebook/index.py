"""Index: the search documents and the prebuilt lunr index the browser reads.

One document per agenda item (a result lands on its anchor) and one per
action. lunr.py builds the index at build time; lunr.js only loads it. The
index ships as a script (`search/index.js`), not JSON, so search also works
from disk, where browsers refuse to fetch files.

The script sets `window.MINUTEBOOK_SEARCH` to:

    index      the serialised lunr index, its inverted index packed (see `packed`);
               each document's ref is its place in `docs`
    separator  the characters words are split at, as a JavaScript RegExp source
    meetings   one entry per meeting: t title, d ISO date, dl date as shown,
               y year, ty type
    themes     theme slug -> name
    docs       one entry per document, in ref order: k kind ("item" or "action"),
               m place in `meetings`, n item number, t title, it the item's title
               (actions), u URL from the site root, x text, th theme slugs,
               p people named, s current status (actions)

Refs are positions, not ids, because every posting in the index repeats its
ref: meeting-and-anchor refs made the index three times the size. Meeting
facts are stored once per meeting for the same reason.

Phrases ("force priority") are checked in the browser against the stored
text, which results need for snippets anyway, rather than with term positions
in the index: on the first five meetings, positions made lunr's index half as
big again (201 to 300 KB; 29 to 50 KB gzipped) for that one feature.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .link import Archive, role_at
from .lunr_builder import build_index as build_lunr_index
from .model import Attendee, Meeting
from .render import STATUS_LABELS, action_path, item_link, long_date

OUTPUTS = ("search/index.js",)  # every file search_files writes

# lunr splits words only at spaces and hyphens; minutes write "drink/drug" and "(KSIs)".
# Not ':', which lunr's query syntax uses. The browser is sent the same set.
SEPARATORS = " \t\n\r\f\v\xa0-/()[]<>\"=;!?,"

# An action repeats words of the item it arose under; the item is the better answer.
ACTION_BOOST = 0.5

# Titles and themes say what an item is about; the body only mentions things.
FIELDS = (
    {"field_name": "title", "boost": 10},
    {"field_name": "themes", "boost": 5},
    {"field_name": "meeting", "boost": 2},
    {"field_name": "people", "boost": 2},
    {"field_name": "text"},
    {"field_name": "year"},
    {"field_name": "type"},
)


@dataclass(frozen=True)
class SearchDocument:
    kind: str  # "item" or "action"
    key: str  # what it stands for: "<meeting id>#<anchor>" or "action:<id>"
    meeting: Meeting
    number: str  # the agenda item's number
    title: str  # as a result shows it
    item_title: str  # the agenda item's title; for an item, its own title
    url: str
    text: str
    themes: tuple[str, ...]  # slugs
    people: tuple[str, ...]  # "Name, role" of everyone the text names
    status: str = ""  # an action's current status


def documents(archive: Archive, item_texts) -> list[SearchDocument]:
    """Every searchable thing, items then actions: `item_texts(meeting)` gives each item's plain text."""
    names = {p.person.slug: p.person.name for p in archive.people}
    docs = []
    for meeting in archive.meetings:
        owners = {}
        for tracked in archive.actions_of(meeting.id):
            owners.setdefault(tracked.action.item, []).append(tracked.action.owner)
        for item, text in zip(meeting.agenda, item_texts(meeting)):
            docs.append(
                SearchDocument(
                    kind="item",
                    key=f"{meeting.id}#{item.anchor}",
                    meeting=meeting,
                    number=item.number,
                    title=item.title,
                    item_title=item.title,
                    url=item_link(meeting.id, item.anchor),
                    text=text.text,
                    themes=item.themes,
                    people=people_named(meeting, f"{item.title}\n{text.text}", owners.get(item.number, ()), names),
                )
            )
    for tracked in archive.actions:
        action = tracked.action
        meeting = archive.meeting(action.meeting_id)
        item = meeting.item(action.item)
        # Notes added later say what became of the action; they are searched with it.
        notes = [change.note for change in tracked.history[1:] if change.note]
        docs.append(
            SearchDocument(
                kind="action",
                key=f"action:{action.id}",
                meeting=meeting,
                number=action.item,
                title=f"Action {action.id}",
                item_title=item.title if item else "",
                url=action_path(action.id),
                text="\n".join([action.text, *notes]),
                themes=item.themes if item else (),
                people=people_named(meeting, action.text, [action.owner] if action.owner else [], names),
                status=STATUS_LABELS.get(tracked.status, tracked.status),
            )
        )
    return docs


def people_named(meeting: Meeting, text: str, owners, names: dict[str, str]) -> tuple[str, ...]:
    """Who `text` names, and who owns what arose from it, each as "Name, role".

    Minutes name people by the abbreviation of their role that day ("The DCC
    said"), so a search for a name or a role finds what that person said."""
    everyone: list[Attendee] = [*meeting.attendees, *meeting.apologies, meeting.minute_taker]
    named = [a for a in everyone if a.abbreviation and _names(text, a.abbreviation)]
    named += [role_at(meeting, slug) or Attendee(slug, "") for slug in owners]
    found = {}
    for attendee in named:
        name = names.get(attendee.person, "")
        found.setdefault(attendee.person, f"{name}, {attendee.role}" if attendee.role else name)
    return tuple(found.values())


def _names(text: str, abbreviation: str) -> bool:
    return re.search(rf"(?<![\w&]){re.escape(abbreviation)}(?!\w)", text) is not None


def build_index(docs: list[SearchDocument], theme_names: dict[str, str]) -> dict:
    """The serialised lunr index; each document's ref is its place in `docs`."""
    rows = [
        (
            {
                "ref": str(ref),
                "title": d.item_title,
                "themes": " ".join(theme_names.get(t, t) for t in d.themes),
                "meeting": d.meeting.title,
                "people": "\n".join(d.people),
                "text": d.text,
                "year": str(d.meeting.year),
                "type": d.meeting.type,
            },
            {"boost": ACTION_BOOST if d.kind == "action" else 1},
        )
        for ref, d in enumerate(docs)
    ]
    return build_lunr_index("ref", list(FIELDS), rows, separators=SEPARATORS)


def packed(index: dict) -> dict:
    """lunr's serialised index with the inverted index, most of its bytes, written compactly.

    lunr writes each term as {"_index": n, field: {ref: {}, ...}, ...}, every field
    present even when empty. Here "terms" holds [term, [refs in field 1], [refs in
    field 2], ...] in `_index` order, refs as numbers, empty lists at the end left
    off. assets/search.js unpacks it to exactly lunr's form before loading it."""
    rows = sorted(index["invertedIndex"], key=lambda row: row[1]["_index"])
    assert [posting["_index"] for _, posting in rows] == list(range(len(rows))), "lunr numbers its terms from 0"
    terms = []
    for term, posting in rows:
        refs = [[int(ref) for ref in posting[field]] for field in index["fields"]]
        while refs and not refs[-1]:
            refs.pop()
        terms.append([term, *refs])
    return {key: value for key, value in index.items() if key != "invertedIndex"} | {"terms": terms}


def store(docs: list[SearchDocument], theme_names: dict[str, str]) -> dict:
    """What results show and snippets need, beside the index (see the module's docstring)."""
    meetings = list({d.meeting.id: d.meeting for d in docs}.values())
    place = {m.id: i for i, m in enumerate(meetings)}
    return {
        "meetings": [
            {"t": m.title, "d": m.date.isoformat(), "dl": long_date(m.date), "y": str(m.year), "ty": m.type}
            for m in meetings
        ],
        "themes": {slug: theme_names[slug] for slug in sorted({t for d in docs for t in d.themes})},
        "docs": [_stored(d, place[d.meeting.id]) for d in docs],
    }


def _stored(d: SearchDocument, meeting: int) -> dict:
    entry = {"k": d.kind, "m": meeting, "n": d.number, "t": d.title, "u": d.url, "x": d.text, "th": list(d.themes), "p": list(d.people)}
    if d.kind == "action":
        entry.update(it=d.item_title, s=d.status)
    return entry


def separator_source(separators: str = SEPARATORS) -> str:
    """A JavaScript RegExp source matching a run of `separators`, each written as \\uXXXX."""
    return "[" + "".join(f"\\u{ord(c):04x}" for c in separators) + "]+"


def search_files(archive: Archive, item_texts) -> dict[str, bytes]:
    docs = documents(archive, item_texts)
    theme_names = {t.theme.slug: t.theme.name for t in archive.themes}
    payload = {"index": packed(build_index(docs, theme_names)), "separator": separator_source(), **store(docs, theme_names)}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # `</` cannot appear inside the script, so no text in the minutes can end it early.
    script = "window.MINUTEBOOK_SEARCH=" + text.replace("</", "<\\/") + ";\n"
    return {"search/index.js": script.encode("utf-8")}
