"""Index: the search documents, and the words of each that the browser indexes.

One document per agenda item (a result lands on its anchor) and one per
action. The search is lunr's: its pipeline (trimmer, stop words, stemmer) runs
here, at build time, through lunr.py; what ships is each document's index
terms with their counts, and assets/search.js puts them together into exactly
the index lunr.py would build (same terms, numbering and BM25 scores; a test
compares the two), which lunr.js then searches.

Shipping term counts rather than the finished index keeps a rebuild small:
scores depend on the whole archive (how many documents hold a word, how long
fields are on average), so one edited meeting changes every score, while its
counts change only that meeting's own part. The search is split into one file
per year, and a meeting's part is made once and kept (pipeline.py), so an edit
rewrites one year's file from parts already made. Counts are also a third of
the size of lunr's scored vectors and postings together.

Every file is a script, not JSON, so search also works from disk, where
browsers refuse to fetch files:

`search/index.js` sets `window.MINUTEBOOK_SEARCH` to
    version     the lunr version the index is built for
    separator   the characters words are split at, as a JavaScript RegExp source
    fields      [name, boost] of each index field, in lunr's order
    docFields, meetingFields
                which fields each document carries, and which it takes from its
                meeting (the meeting's title, year and type, stored once)
    actionBoost the document boost of actions
    themes      slug -> {n: name, w: terms of the name}; the themes field of a
                document is the names of its themes
    shards      the years, oldest first: one file each, `search/<year>.js`

`search/<year>.js` sets `window.MINUTEBOOK_SEARCH_SHARDS[year]` to
    terms       the year's index terms; `w` lists refer to them by place
    meetings    one entry per meeting: t title, d ISO date, dl date as shown,
                y year, ty type, w its meetingFields' terms
    items, actions
                one entry per document: m place in the year's meetings, n item
                number, t title, it the item's title (actions), u URL from the
                site root, x text, th theme slugs, p people named, s current
                status (actions), w its docFields' terms
A list of terms is the places of its terms in first-seen order, each followed
by minus its count when that is more than one: [4, 9, -3, 2] is 4 once, 9
three times, 2 once. A document's ref is its place among all items, year by
year, then all actions, as in `documents`.

Phrases ("force priority") are checked in the browser against the stored
text, which results need for snippets anyway, rather than with term positions
in the index: on the first five meetings, positions made lunr's index half as
big again (201 to 300 KB; 29 to 50 KB gzipped) for that one feature.
"""
from __future__ import annotations

import functools
import itertools
import json
import re
from collections import defaultdict
from dataclasses import dataclass

from lunr import __TARGET_JS_VERSION__

from .link import Archive, TrackedAction, role_at
from .lunr_builder import Tokenizer
from .lunr_builder import build_index as build_lunr_index
from .model import Attendee, Meeting
from .render import STATUS_LABELS, action_path, item_link, long_date

MAIN = "search/index.js"

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
DOC_FIELDS = ("title", "people", "text")  # what each document carries; the rest come from its meeting and themes
MEETING_FIELDS = ("meeting", "year", "type")


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
    names = person_names(archive)
    items = [d for meeting in archive.meetings for d in item_documents(archive, meeting, item_texts(meeting), names)]
    return items + [action_document(archive, tracked, names) for tracked in archive.actions]


def person_names(archive: Archive) -> dict[str, str]:
    return {p.person.slug: p.person.name for p in archive.people}


def item_documents(archive: Archive, meeting: Meeting, texts, names: dict[str, str]) -> list[SearchDocument]:
    """A meeting's agenda items, given the plain text of each."""
    owners = {}
    for tracked in archive.actions_of(meeting.id):
        owners.setdefault(tracked.action.item, []).append(tracked.action.owner)
    return [
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
        for item, text in zip(meeting.agenda, texts)
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
        number=action.item,
        title=f"Action {action.id}",
        item_title=item.title if item else "",
        url=action_path(action.id),
        text="\n".join([action.text, *notes]),
        themes=item.themes if item else (),
        people=people_named(meeting, action.text, [action.owner] if action.owner else [], names),
        status=STATUS_LABELS.get(tracked.status, tracked.status),
    )


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
    return abbreviation in text and _naming(abbreviation)(text) is not None  # most texts lack most abbreviations: a plain look first


@functools.lru_cache(maxsize=4096)
def _naming(abbreviation: str):
    """The search for an abbreviation standing as a word of its own; made once for each."""
    return re.compile(rf"(?<![\w&]){re.escape(abbreviation)}(?!\w)").search


def field_texts(d: SearchDocument, theme_names: dict[str, str]) -> dict[str, str]:
    """What lunr indexes of a document, field by field."""
    return {
        "title": d.item_title,
        "themes": " ".join(theme_names.get(t, t) for t in d.themes),
        "people": "\n".join(d.people),
        "text": d.text,
        **meeting_fields(d.meeting),
    }


def meeting_fields(meeting: Meeting) -> dict[str, str]:
    """The fields every document of a meeting shares."""
    return {"meeting": meeting.title, "year": str(meeting.year), "type": meeting.type}


def build_index(docs: list[SearchDocument], theme_names: dict[str, str]) -> dict:
    """The serialised lunr index lunr.py makes of `docs`; each document's ref is its place in `docs`.

    The build ships term counts instead (see the module's docstring); this is what the
    browser must arrive at from them, and what the tests hold it to."""
    rows = [
        ({"ref": str(ref), **field_texts(d, theme_names)}, {"boost": ACTION_BOOST if d.kind == "action" else 1})
        for ref, d in enumerate(docs)
    ]
    return build_lunr_index("ref", list(FIELDS), rows, separators=SEPARATORS)


def separator_source(separators: str = SEPARATORS) -> str:
    """A JavaScript RegExp source matching a run of `separators`, each written as \\uXXXX."""
    return "[" + "".join(f"\\u{ord(c):04x}" for c in separators) + "]+"


# ------------------------------------------------------------------ what ships


_tokenizer: Tokenizer | None = None


def _terms(text: str, field: str) -> list:
    """A field's index terms with their counts, in first-seen order: a count of one is left out ["a", "b", 3]."""
    global _tokenizer
    if _tokenizer is None:  # made on first use, then kept: it remembers every word it has stemmed
        _tokenizer = Tokenizer(SEPARATORS)
    return [part for term, count in _tokenizer.counts(text, field).items() for part in ((term,) if count == 1 else (term, count))]


def meeting_part(archive: Archive, meeting: Meeting, texts) -> str:
    """A meeting's part of its year's search file, as JSON text: its entry, its items and the actions it raised.

    `texts` are its items' ItemTexts. The part depends on the meeting, the reference files
    and the meetings that updated its actions (notes and status), nothing else, so a
    build keeps it until one of those changes."""
    names = person_names(archive)
    theme_names = {t.theme.slug: t.theme.name for t in archive.themes}
    docs = item_documents(archive, meeting, texts, names)
    actions = [action_document(archive, tracked, names) for tracked in archive.actions_of(meeting.id)]
    entry = {"t": meeting.title, "d": meeting.date.isoformat(), "dl": long_date(meeting.date), "y": str(meeting.year), "ty": meeting.type}
    shared = meeting_fields(meeting)
    entry["w"] = [_terms(shared[name], name) for name in MEETING_FIELDS]
    part = {"meeting": entry, "items": [_stored(d, theme_names) for d in docs], "actions": [_stored(d, theme_names) for d in actions]}
    return json.dumps(part, ensure_ascii=False, separators=(",", ":"))


def _stored(d: SearchDocument, theme_names: dict[str, str]) -> dict:
    """What a result shows and snippets need, and the document's own fields' terms."""
    entry = {"n": d.number, "t": d.title, "u": d.url, "x": d.text, "th": list(d.themes), "p": list(d.people)}
    if d.kind == "action":
        entry.update(it=d.item_title, s=d.status)
    fields = field_texts(d, theme_names)
    entry["w"] = [_terms(fields[name], name) for name in DOC_FIELDS]
    return entry


def shard_script(year: int, parts: list[str]) -> bytes:
    """A year's search file from its meetings' parts, oldest first; its terms are listed once and referred to by place."""
    places: dict[str, int] = defaultdict(itertools.count().__next__)  # a term's place, given when first seen

    def encode(terms: list) -> list[int]:
        return [-part if part.__class__ is int else places[part] for part in terms]

    meetings, items, actions = [], [], []
    for m, text in enumerate(parts):
        part = json.loads(text)
        entry = part["meeting"]
        entry["w"] = [encode(terms) for terms in entry["w"]]
        meetings.append(entry)
        for docs, into in ((part["items"], items), (part["actions"], actions)):
            for doc in docs:
                doc["m"] = m
                doc["w"] = [encode(terms) for terms in doc["w"]]
                into.append(doc)
    shard = {"terms": list(places), "meetings": meetings, "items": items, "actions": actions}
    return _script(f"(window.MINUTEBOOK_SEARCH_SHARDS=window.MINUTEBOOK_SEARCH_SHARDS||{{}})[{json.dumps(str(year))}]=", shard)


def main_script(archive: Archive) -> bytes:
    """search/index.js: how to put the index together, the themes, and the list of year files."""
    data = {
        "version": __TARGET_JS_VERSION__,
        "separator": separator_source(),
        "fields": [[f["field_name"], f.get("boost", 1)] for f in FIELDS],
        "docFields": list(DOC_FIELDS),
        "meetingFields": list(MEETING_FIELDS),
        "actionBoost": ACTION_BOOST,
        "themes": {t.theme.slug: {"n": t.theme.name, "w": _terms(t.theme.name, "themes")} for t in archive.themes},
        "shards": [str(year) for year in shard_years(archive)],
    }
    return _script("window.MINUTEBOOK_SEARCH=", data)


def _script(assignment: str, data: dict) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # `</` cannot appear inside the script, so no text in the minutes can end it early.
    return (assignment + text.replace("</", "<\\/") + ";\n").encode("utf-8")


def shard_years(archive: Archive) -> list[int]:
    return sorted(year for year, _ in archive.years)


def shard_path(year: int) -> str:
    return f"search/{year}.js"


def outputs(archive: Archive) -> tuple[str, ...]:
    """Every file the search is made of."""
    return (MAIN, *(shard_path(year) for year in shard_years(archive)))


def search_files(archive: Archive, item_texts) -> dict[str, bytes]:
    """Every search file, made from nothing kept: `item_texts(meeting)` gives each meeting's ItemTexts."""
    files = {MAIN: main_script(archive)}
    for year, meetings in archive.years:
        files[shard_path(year)] = shard_script(year, [meeting_part(archive, m, item_texts(m)) for m in meetings])
    return files
