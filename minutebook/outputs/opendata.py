"""Open data: the archive as JSON and CSV, for anyone to reuse.

- `data/meetings.json`: every meeting with its attendance, agenda and item text;
- `data/actions.json`: every action with its whole status history;
- `data/actions.csv`: the actions again, one row each, for spreadsheets;
- `data/decisions.csv`: every decision, one row each, only in an archive that minutes any.

Text is carried as plain text, never HTML: the item text is the Markdown's
words with its formatting taken away. Every record carries its permalink,
relative to the data file (so it resolves against the file's own address)
and, when the site's address is known, absolute.

The fields are declared once, here, with what each means; the data page and
docs/open-data.md show the same descriptions, and a test holds the records to
them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import orjson

from minutebook.content.markdown import parser, plain_text
from minutebook.link import Archive, TrackedAction, role_at
from minutebook.model import STATUS_LABELS, Attendee, Decision, Declaration, Meeting
from minutebook.site.links import absolute, action_path, item_link, meeting_path, relative

DATA_DIR = "data"
MEETINGS = f"{DATA_DIR}/meetings.json"  # the only file that carries the minutes' text
ACTION_OUTPUTS = (f"{DATA_DIR}/actions.json", f"{DATA_DIR}/actions.csv")
DECISIONS_CSV = f"{DATA_DIR}/decisions.csv"  # written only when the archive minutes a decision
OUTPUTS = (MEETINGS, *ACTION_OUTPUTS, DECISIONS_CSV)  # every file data_files may write


@dataclass(frozen=True)
class Field:
    """A column of an open-data file, described on the data page."""

    name: str
    description: str


@dataclass(frozen=True)
class Dataset:
    """One open-data file, and how the data page describes it."""

    path: str
    title: str
    format: str
    summary: str
    fields: tuple[Field, ...]
    counted: str = "meetings"  # the Archive's list the data page counts: "meetings", "actions", "decisions"...
    noun: str = "record"  # what the data page calls one of them
    plural: str = ""  # what it calls several, where not the noun and an s ("people")
    # A worked example as JSON, made from the archive's own records only when the data page is rendered:
    # a rebuild that leaves that page alone never makes it.
    example: Callable[[], str] | None = None


MEETING_FIELDS = (
    Field("id", "The meeting's permanent id: its date and type, such as 2025-01-28-full-council."),
    Field("title", "The meeting's title."),
    Field("date", "The date it was held, YYYY-MM-DD."),
    Field(
        "time",
        "The start time as minuted, 24-hour HH:MM, local time in time_zone; null where the minutes record none.",
    ),
    Field("time_zone", "The IANA time zone its times are local to, such as Europe/London or America/Los_Angeles."),
    Field("type", "The type of meeting, such as Full Council."),
    Field("venue", "Where it was held, as minuted; null where the minutes record none."),
    Field(
        "status",
        "Where its minutes stand: draft (published, not yet approved), approved, or cancelled "
        "(the meeting did not take place).",
    ),
    Field(
        "approved",
        "For approved minutes, the date of the meeting that approved them, YYYY-MM-DD; "
        "null where that is not recorded or the minutes are not approved.",
    ),
    Field("chair", "Who chaired it: id and name; null where the minutes do not record it."),
    Field("minute_taker", "Who took the minutes: id, name and role; null where the minutes do not record it."),
    Field(
        "attendees",
        "Everyone present: id, name, role held at this meeting, abbreviation as minuted (may be empty), and when "
        "they arrived late or left early, as minuted (null where not minuted).",
    ),
    Field("apologies", "Everyone who sent apologies, in the same form as attendees."),
    Field("preamble", "The minuted text before the first item, as plain text; empty where there is none."),
    Field(
        "agenda",
        "The agenda items in the order taken: number as printed (null for an unnumbered item), title, level (2 for a "
        "sub-item), theme ids, the minuted text as plain text, and permalinks to the item.",
    ),
    Field("actions", "The ids of the actions that arose at this meeting (see actions.json)."),
    Field("actions_updated", "The ids of earlier actions whose status this meeting updated."),
    Field(
        "decisions",
        "What the meeting decided, in the order minuted: the item it was made under, kind, number as printed, text, "
        "who moved and seconded it, result, the counts and each member's vote where minuted, and permalinks.",
    ),
    Field(
        "declarations",
        "The interests members declared, in the order minuted: who (id and name), the item it was declared in "
        "(null for the whole meeting), its kind as minuted (null where not said), the interest, and permalinks.",
    ),
    Field("next_meeting", "The next meeting as minuted (date, time, type, venue and the line as printed), or null."),
    Field("papers", "The papers before the meeting: title and, where published, url (else null)."),
    Field("recording", "A recording of the meeting: title and url; null where there is none."),
    Field("source", "The source document: title and, where known, url."),
    Field("editorial_notes", "Repairs made to the text when it was transcribed."),
    Field("url", "The meeting's page, relative to this file."),
    Field("absolute_url", "The meeting's page as a full web address, or null when the site was built without one."),
)

ACTION_FIELDS = (
    Field("id", "The action's permanent id: the date of the meeting where it arose and a counter."),
    Field("meeting_id", "The id of the meeting where it arose."),
    Field("meeting_date", "The date of that meeting, YYYY-MM-DD."),
    Field(
        "meeting_status",
        "Where that meeting's minutes stand: draft, approved or cancelled. "
        "An action from draft minutes may change when they are approved.",
    ),
    Field("item", "The number of the agenda item it arose under, as printed; for an unnumbered item, its title."),
    Field("item_title", "The title of that agenda item."),
    Field("owner_id", "The id of the person who owns it; empty where the minutes name no owner."),
    Field("owner_name", "The owner's name; empty where the minutes name no owner."),
    Field("owner_role", "The role the owner held at that meeting; empty where there is no owner."),
    Field("text", "The action as minuted."),
    Field("status", "Its current status: open, in-progress, completed or closed."),
    Field("status_label", "The current status in words, as the site shows it."),
    Field("due", "The due date as minuted, YYYY-MM-DD; empty where none was minuted."),
    Field("last_updated", "The date of its latest status, YYYY-MM-DD."),
    Field("themes", "The theme ids of the item it arose under; in the CSV, separated by semicolons."),
    Field(
        "history",
        "Every status it has had, oldest first: date, status, note and the id of the meeting that recorded it "
        "(empty for updates made between meetings). JSON only.",
    ),
    Field("url", "The action's page, relative to this file."),
    Field(
        "absolute_url",
        "The action's page as a full web address; null (empty in the CSV) when the site was built without one.",
    ),
)

CSV_FIELDS = tuple(f for f in ACTION_FIELDS if f.name != "history")

DECISION_CSV_FIELDS = (
    Field("meeting_id", "The id of the meeting that made it."),
    Field("meeting_date", "The date of that meeting, YYYY-MM-DD."),
    Field("meeting_type", "The type of that meeting, such as Full Council."),
    Field("meeting_status", "Where that meeting's minutes stand: draft, approved or cancelled."),
    Field("item", "The number of the agenda item it was made under, as printed; for an unnumbered item, its title."),
    Field("item_title", "The title of that agenda item."),
    Field("kind", "resolution, motion, decision or ordinance, as the minutes record it."),
    Field("number", "Its number as printed, such as Resolution 2019-14; empty where it has none."),
    Field("text", "The motion or resolution as minuted."),
    Field("moved_id", "The id of the person who moved it; empty where not minuted."),
    Field("moved_name", "Their name; empty where not minuted."),
    Field("seconded_id", "The id of the person who seconded it; empty where not minuted."),
    Field("seconded_name", "Their name; empty where not minuted."),
    Field("result", "carried, lost, withdrawn or deferred."),
    Field("votes_for", "How many voted for, as minuted or counted from the roll call; empty where neither is."),
    Field("votes_against", "How many voted against, in the same way."),
    Field("abstentions", "How many abstained, where minuted or counted from the roll call; else empty."),
    Field(
        "roll_call",
        "Each member's vote where a roll call is minuted, as id=vote (for, against, abstain or absent), separated by "
        "semicolons; empty otherwise.",
    ),
    Field("url", "The decision on its meeting's page, relative to this file."),
    Field("absolute_url", "The decision on its meeting's page as a full web address; empty without one."),
)

DATASETS = (
    Dataset(
        f"{DATA_DIR}/meetings.json",
        "Meetings",
        "JSON",
        "Every meeting: attendance, agenda and the text of each item.",
        MEETING_FIELDS,
    ),
    Dataset(
        f"{DATA_DIR}/actions.json",
        "Actions",
        "JSON",
        "Every action, with its owner, current status and whole history.",
        ACTION_FIELDS,
        counted="actions",
    ),
    Dataset(
        f"{DATA_DIR}/actions.csv",
        "Actions (spreadsheet)",
        "CSV",
        "The actions again, one row each, without the history.",
        CSV_FIELDS,
        counted="actions",
    ),
    Dataset(
        DECISIONS_CSV,
        "Decisions (spreadsheet)",
        "CSV",
        "Every motion, resolution, decision and ordinance, one row each, with its result and the roll call.",
        DECISION_CSV_FIELDS,
        counted="decisions",
    ),
)


def datasets(archive: Archive) -> tuple[Dataset, ...]:
    """The datasets this archive publishes: the decisions only where it minutes any."""
    return tuple(d for d in DATASETS if d.path != DECISIONS_CSV or archive.decisions)


def _link(path: str, data_file: str, base_url: str) -> tuple[str, str | None]:
    return relative(path, data_file), absolute(path, base_url) or None


def _person(archive: Archive, attendee: Attendee) -> dict:
    return {
        "id": attendee.person,
        "name": archive.person(attendee.person).name,
        "role": attendee.role,
        "abbreviation": attendee.abbreviation,
    }


def _attendee(archive: Archive, attendee: Attendee) -> dict:
    return _person(archive, attendee) | {"arrived": attendee.arrived or None, "left": attendee.left or None}


def _named(archive: Archive, slug: str) -> dict | None:
    return {"id": slug, "name": archive.person(slug).name} if slug else None


def decision_record(archive: Archive, meeting: Meeting, decision: Decision, data_file: str, base_url: str) -> dict:
    """One decision as plain data: only what the minutes record, null where they record nothing."""
    url, full = _link(item_link(meeting.id, decision.anchor), data_file, base_url)
    item = meeting.item(decision.item)
    counts = decision.counts
    return {
        "item": decision.item,
        "item_title": item.title if item else "",
        "kind": decision.kind,
        "number": decision.number or None,
        "text": decision.text,
        "moved": _named(archive, decision.moved),
        "seconded": _named(archive, decision.seconded),
        "result": decision.result,
        "counts": None
        if counts is None
        else {"for": counts.for_, "against": counts.against, "abstain": counts.abstain},
        "votes": [{"id": v.person, "name": archive.person(v.person).name, "vote": v.vote} for v in decision.votes],
        "url": url,
        "absolute_url": full,
    }


def declaration_record(
    archive: Archive, meeting: Meeting, declaration: Declaration, data_file: str, base_url: str
) -> dict:
    """One declaration of interest as plain data, null where the minutes record nothing."""
    url, full = _link(item_link(meeting.id, declaration.anchor), data_file, base_url)
    item = meeting.item(declaration.item) if declaration.item else None
    return {
        "person": _named(archive, declaration.person),
        "item": declaration.item or None,
        "item_title": item.title if item else None,
        "kind": declaration.kind or None,
        "interest": declaration.interest,
        "url": url,
        "absolute_url": full,
    }


def meeting_record(archive: Archive, meeting: Meeting, item_texts, base_url: str = "") -> dict:
    """One meeting as plain data; `item_texts` holds each item's text, in agenda order."""
    here = f"{DATA_DIR}/meetings.json"
    url, full = _link(meeting_path(meeting.id), here, base_url)
    named = meeting.next_meeting
    agenda = []
    for item, text in zip(meeting.agenda, item_texts, strict=True):
        item_url, item_full = _link(item_link(meeting.id, item.anchor), here, base_url)
        agenda.append(
            {
                "number": item.number or None,
                "title": item.title,
                "level": item.level,
                "themes": list(item.themes),
                "text": text,
                "url": item_url,
                "absolute_url": item_full,
            }
        )
    minute_taker = _person(archive, meeting.minute_taker) if meeting.minute_taker.person else None
    if minute_taker:
        del minute_taker["abbreviation"]
    return {
        "id": meeting.id,
        "title": meeting.title,
        "date": meeting.date.isoformat(),
        "time": meeting.time or None,
        "time_zone": archive.site.locale.time_zone,
        "type": meeting.type,
        "venue": meeting.venue or None,
        "status": meeting.status,
        "approved": meeting.approved_on.isoformat() if meeting.approved_on else None,
        "chair": {"id": meeting.chair, "name": archive.person(meeting.chair).name} if meeting.chair else None,
        "minute_taker": minute_taker,
        "attendees": [_attendee(archive, a) for a in meeting.attendees],
        "apologies": [_person(archive, a) for a in meeting.apologies],
        "preamble": plain_text(parser().parse(meeting.preamble)) if meeting.preamble else "",
        "agenda": agenda,
        "actions": [t.action.id for t in archive.actions_of(meeting.id)],
        "actions_updated": [t.action.id for t in archive.updates_at(meeting.id)],
        "decisions": [decision_record(archive, meeting, d, here, base_url) for d in meeting.decisions],
        "declarations": [declaration_record(archive, meeting, d, here, base_url) for d in meeting.declarations],
        "next_meeting": None
        if named is None
        else {
            "date": named.date.isoformat(),
            "time": named.time,
            "type": named.type,
            "venue": named.venue,
            "as_minuted": named.as_minuted,
        },
        "papers": [{"title": paper.title, "url": paper.url or None} for paper in meeting.papers],
        "recording": None
        if meeting.recording is None
        else {"title": meeting.recording.title, "url": meeting.recording.url},
        "source": {"title": meeting.source_title, "url": meeting.source_url or None},
        "editorial_notes": list(meeting.editorial_notes),
        "url": url,
        "absolute_url": full,
    }


def action_record(archive: Archive, tracked: TrackedAction, data_file: str, base_url: str = "") -> dict:
    action = tracked.action
    meeting = archive.meeting(action.meeting_id)
    item = meeting.item(action.item)
    held = role_at(meeting, action.owner) if action.owner else None
    url, full = _link(action_path(action.id), data_file, base_url)
    return {
        "id": action.id,
        "meeting_id": meeting.id,
        "meeting_date": meeting.date.isoformat(),
        "meeting_status": meeting.status,
        "item": action.item,
        "item_title": item.title if item else "",
        "owner_id": action.owner,
        "owner_name": archive.person(action.owner).name if action.owner else "",
        "owner_role": held.role if held else "",
        "text": action.text,
        "status": tracked.status,
        "status_label": STATUS_LABELS[tracked.status],
        "due": action.due.isoformat() if action.due else "",
        "last_updated": tracked.history[-1].date.isoformat(),
        "themes": list(item.themes) if item else [],
        # The first entry is the status minuted where the action arose; later ones name the meeting that updated it.
        "history": [
            {
                "date": c.date.isoformat(),
                "status": c.status,
                "note": c.note,
                "meeting_id": c.meeting_id or (meeting.id if i == 0 else ""),
            }
            for i, c in enumerate(tracked.history)
        ],
        "url": url,
        "absolute_url": full,
    }


def _json(archive: Archive, key: str, records: list[dict]) -> bytes:
    return _joined(archive, key, [record_text(r) for r in records])


def record_text(record: dict) -> bytes:
    """One record as it stands in a data file's list, indented for its place there, in UTF-8: kept as bytes,
    a record is joined with the others without decoding and encoding megabytes again at each build."""
    # orjson writes the bytes json.dumps(record, ensure_ascii=False, indent=2) would, ten times as fast: the
    # standard library's encoder is pure Python wherever it indents, and the records are most of the open data.
    # A JSON string holds no raw newline, so each newline starts a line of the record.
    return b"    " + orjson.dumps(record, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    ")


def _joined(archive: Archive, key: str, texts: list[bytes]) -> bytes:
    """The data file json.dumps(..., indent=2) would write, from its records' texts: each record is made once
    and kept."""
    return joined_lists(archive, {key: texts})


def joined_lists(archive: Archive, lists: Mapping[str, list[bytes]]) -> bytes:
    """The data file json.dumps({"title": …, "publisher": …, **lists}, indent=2) would write, from each list's
    records' texts (record_text): one record at a time, never the whole file's pieces at once."""
    head = json.dumps(
        {"title": archive.site.title, "publisher": archive.site.organisation}, ensure_ascii=False, indent=2
    )[:-2]
    parts = [head.encode("utf-8")]
    for key, texts in lists.items():
        parts.append(f",\n  {json.dumps(key)}: ".encode())
        parts.append(b"[\n" + b",\n".join(texts) + b"\n  ]" if texts else b"[]")
    return b"".join(parts) + b"\n}\n"


def meetings_json(archive: Archive, texts: list[bytes]) -> bytes:
    """data/meetings.json from each meeting's `record_text(meeting_record(...))`, oldest first."""
    return _joined(archive, "meetings", texts)


# A spreadsheet runs a cell that starts with one of these as a formula; a leading ' makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def actions_csv(records: list[dict]) -> bytes:
    """One row per action; every cell quoted as RFC 4180 needs, none a formula."""
    return _csv(records, CSV_FIELDS)


def _csv(records: list[dict], fields: tuple[Field, ...]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([f.name for f in fields])
    for record in records:
        row = []
        for f in fields:
            value = record[f.name]
            value = ";".join(value) if isinstance(value, list) else ("" if value is None else str(value))
            row.append(safe_cell(value))
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def data_files(archive: Archive, item_texts, base_url: str = "") -> dict[str, bytes]:
    """The three open-data files; `item_texts(meeting)` gives each item's rendered text (its `.text` is used)."""
    meetings = [
        record_text(meeting_record(archive, m, [t.text for t in item_texts(m)], base_url)) for m in archive.meetings
    ]
    return {
        MEETINGS: meetings_json(archive, meetings),
        **action_files(archive, base_url),
        **decision_files(archive, base_url),
    }


def action_files(archive: Archive, base_url: str = "") -> dict[str, bytes]:
    """actions.json and actions.csv: made from the archive's facts alone, never the minutes' text."""
    # Both action files sit in data/, so one set of records, with links relative to that folder, serves both.
    actions = [action_record(archive, t, f"{DATA_DIR}/actions.json", base_url) for t in archive.actions]
    return {
        f"{DATA_DIR}/actions.json": _json(archive, "actions", actions),
        f"{DATA_DIR}/actions.csv": actions_csv(actions),
    }


def decision_row(archive: Archive, decision: Decision, base_url: str = "") -> dict:
    """One decision as a row of decisions.csv."""
    meeting = archive.meeting(decision.meeting_id)
    item = meeting.item(decision.item)
    tally = decision.tally
    url, full = _link(item_link(meeting.id, decision.anchor), DECISIONS_CSV, base_url)
    return {
        "meeting_id": meeting.id,
        "meeting_date": meeting.date.isoformat(),
        "meeting_type": meeting.type,
        "meeting_status": meeting.status,
        "item": decision.item,
        "item_title": item.title if item else "",
        "kind": decision.kind,
        "number": decision.number,
        "text": decision.text,
        "moved_id": decision.moved,
        "moved_name": archive.person(decision.moved).name if decision.moved else "",
        "seconded_id": decision.seconded,
        "seconded_name": archive.person(decision.seconded).name if decision.seconded else "",
        "result": decision.result,
        "votes_for": tally.for_ if tally else None,
        "votes_against": tally.against if tally else None,
        "abstentions": tally.abstain if tally else None,
        "roll_call": ";".join(f"{v.person}={v.vote}" for v in decision.votes),
        "url": url,
        "absolute_url": full,
    }


def decision_files(archive: Archive, base_url: str = "") -> dict[str, bytes]:
    """decisions.csv, made from the archive's facts alone; nothing for an archive that minutes no decision."""
    if not archive.decisions:
        return {}
    return {DECISIONS_CSV: _csv([decision_row(archive, d, base_url) for d in archive.decisions], DECISION_CSV_FIELDS)}
