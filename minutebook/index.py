"""Index: the search documents and the prebuilt lunr index the browser reads.

One document per agenda item (a result lands on its anchor) and one per
action. lunr.py builds the index at build time; lunr.js only loads it. The
index ships as a script (`search/index.js`), not JSON, so search also works
from disk, where browsers refuse to fetch files.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from .link import Archive
from .lunr_builder import build_index as build_lunr_index
from .render import action_path, item_link, long_date


@dataclass(frozen=True)
class SearchDocument:
    ref: str
    kind: str  # "item" or "action"
    title: str
    meeting: str
    date: str
    number: str
    url: str
    text: str
    themes: tuple[str, ...]
    people: str
    year: str
    type: str


OUTPUTS = ("search/index.js",)
ACTION_BOOST = 0.5
# lunr splits words only at spaces and hyphens; minutes write "drink/drug" and "(KSIs)".
# Not ':', which lunr's query syntax uses. assets/search.js sets the same for lunr.js.
SEPARATORS = " \t\n\r\f\v\xa0-/()[]<>\"=;!?,"  # every file search_files writes

FIELDS = (
    {"field_name": "title", "boost": 10},
    {"field_name": "themes", "boost": 5},
    {"field_name": "meeting", "boost": 2},
    {"field_name": "people", "boost": 2},
    {"field_name": "text"},
    {"field_name": "year"},
    {"field_name": "type"},
)


def documents(archive: Archive, item_texts) -> list[SearchDocument]:
    """Every searchable thing: `item_texts(meeting)` gives each item's plain text."""
    names = {p.person.slug: p.person.name for p in archive.people}
    themes = {t.theme.slug: t.theme.name for t in archive.themes}
    docs = []
    for meeting in archive.meetings:
        present = " ".join(names.get(a.person, "") for a in meeting.attendees)
        for item, text in zip(meeting.agenda, item_texts(meeting)):
            docs.append(
                SearchDocument(
                    ref=f"{meeting.id}#{item.anchor}",
                    kind="item",
                    title=item.title,
                    meeting=meeting.title,
                    date=meeting.date.isoformat(),
                    number=item.number,
                    url=item_link(meeting.id, item.anchor),
                    text=text.text,
                    themes=item.themes,
                    people=present,
                    year=str(meeting.year),
                    type=meeting.type,
                )
            )
    for tracked in archive.actions:
        action = tracked.action
        meeting = archive.meeting(action.meeting_id)
        item = meeting.item(action.item)
        docs.append(
            SearchDocument(
                ref=f"action:{action.id}",
                kind="action",
                title=f"Action {action.id}",
                meeting=meeting.title,
                date=meeting.date.isoformat(),
                number=action.item,
                url=action_path(action.id),
                text=action.text,
                themes=item.themes if item else (),
                people=names.get(action.owner, ""),
                year=str(meeting.year),
                type=meeting.type,
            )
        )
    return docs


def build_index(docs: list[SearchDocument], theme_names: dict[str, str]) -> dict:
    # An action repeats words of the item it arose under; the item is the better answer.
    rows = [
        (
            {
                "ref": d.ref,
                "title": d.title,
                "themes": " ".join(theme_names.get(t, t) for t in d.themes),
                "meeting": d.meeting,
                "people": d.people,
                "text": d.text,
                "year": d.year,
                "type": d.type,
            },
            {"boost": ACTION_BOOST if d.kind == "action" else 1},
        )
        for d in docs
    ]
    return build_lunr_index("ref", list(FIELDS), rows, separators=SEPARATORS)


def store(docs: list[SearchDocument]) -> dict:
    """What a result shows, keyed by ref; the text is kept for snippets."""
    return {
        d.ref: {
            "k": d.kind,
            "t": d.title,
            "m": d.meeting,
            "d": d.date,
            "dl": long_date(dt.date.fromisoformat(d.date)),
            "n": d.number,
            "u": d.url,
            "x": d.text,
            "th": list(d.themes),
            "y": d.year,
            "ty": d.type,
        }
        for d in docs
    }


def search_files(archive: Archive, item_texts) -> dict[str, bytes]:
    docs = documents(archive, item_texts)
    theme_names = {t.theme.slug: t.theme.name for t in archive.themes}
    payload = {"index": build_index(docs, theme_names), "store": store(docs)}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # `</` cannot appear inside the script, so no text in the minutes can end it early.
    script = "window.MINUTEBOOK_SEARCH=" + text.replace("</", "<\\/") + ";\n"
    return {"search/index.js": script.encode("utf-8")}
