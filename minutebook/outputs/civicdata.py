"""Standard civic open data: the meetings as Open Civic Data events, and the body, its committees, its people,
their memberships, the motions and the votes in Popolo.

- `data/ocd-events.json`: every meeting as an Open Civic Data event (OCDEP 4, in the form Open Civic Data's
  own scrapers (pupa) write: `start_date`; participants and related entities as `{name, entity_type, id,
  note}`; documents and media as `{note, date, links: [{url, media_type, text}]}`; agenda `order` from "0");
- `data/popolo.json`: `organizations`, `persons`, `memberships`, `motions` and `vote_events`, as the Popolo
  specification names them.

Both carry only the minutes' facts, never their text (that stays in meetings.json), so they are made again
whenever a meeting's facts change and left alone when only its words do. Every decision is one motion;
every decision put to a vote is one vote event, holding each roll-call vote once.

Ids are Open Civic Data's form, `ocd-<kind>/<uuid>`, the UUID made (version 5) from the organisation's
name and the thing's address in the site (links.stable_id): the same on every build, with or without a
base URL. Addresses follow opendata.py: `url` relative to the file, `absolute_url` with a base URL, else null.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import mimetypes

from minutebook.link import Archive, CommitteeRecord, role_at
from minutebook.model import Decision, Meeting
from minutebook.outputs.feeds import rfc3339
from minutebook.outputs.opendata import DATA_DIR, Dataset, Field, joined_lists, record_text
from minutebook.site.dates import meeting_start
from minutebook.site.links import absolute, committee_path, item_link, meeting_path, person_path, relative, stable_id
from minutebook.site.render import listed_committees

OCD_EVENTS = f"{DATA_DIR}/ocd-events.json"
POPOLO = f"{DATA_DIR}/popolo.json"
OUTPUTS = (OCD_EVENTS, POPOLO)

# Open Civic Data's event statuses: minutes record a meeting that has been held ("passed") or one called off.
EVENT_STATUS = {"draft": "passed", "approved": "passed", "cancelled": "cancelled"}
# Popolo's vote options, for the votes the minutes record.
VOTE_OPTIONS = {"for": "yes", "against": "no", "abstain": "abstain", "absent": "absent"}
# Popolo's usual vote event results, for the decisions put to a vote.
VOTE_RESULTS = {"carried": "pass", "lost": "fail"}

EVENT_FIELDS = (
    Field("id", "The event's permanent id, such as ocd-event/0b4c2e52-…: the same on every build."),
    Field("name", "The meeting's title."),
    Field("description", "Always empty: the minutes' text is in meetings.json."),
    Field("classification", "The type of meeting, such as Full Council."),
    Field(
        "start_date",
        "When it began, as ISO 8601 with the offset from UTC in its time zone, such as 2019-06-18T19:00:00-07:00; "
        "the date alone, YYYY-MM-DD, where the minutes record no time. Minutes do not record when a meeting ends, "
        "so there is no end_date.",
    ),
    Field("timezone", "The IANA time zone of its times, such as Europe/London."),
    Field("all_day", "Always false: a meeting is not an all-day event, even where no time is minuted."),
    Field(
        "status", "passed for a meeting held (draft or approved minutes), cancelled for one that did not take place."
    ),
    Field("location", "Where it was held: name as minuted, note and coordinates (null); null where not minuted."),
    Field(
        "participants",
        "The body or committee that held it (entity_type organization, note host), then each person: name, "
        "entity_type person, id (their id in popolo.json), note (chair, present, apologies or minute taker) and "
        "role, the role they held at this meeting (empty where not minuted; Minutebook's addition). The chair is "
        "also listed as present where minuted so.",
    ),
    Field(
        "agenda",
        "The items in the order taken: description (its title), order (its place as text, from 0, as Open "
        "Civic Data's tools count), number as printed (null where unnumbered), subjects (its themes' names), "
        "related_entities (for each decision under it put to a vote: name, entity_type vote_event, id (the vote "
        "event's id in popolo.json) and note (the result as minuted); a decision not put to a vote is only in "
        "popolo.json's motions) and permalinks.",
    ),
    Field(
        "documents",
        "The minutes' page, the source document, and the papers before the meeting: note (its title), date "
        "(always empty: the minutes do not date their papers) and links: for each, url, media_type (text/html "
        "for the minutes' page; empty where it cannot be told from the address) and text (always empty). The "
        "minutes' page link also has absolute_url. A paper not published has no links.",
    ),
    Field(
        "media",
        "The recording of the meeting, where there is one: note, date (the meeting's, YYYY-MM-DD) and links "
        "(url, media_type and text, as in documents).",
    ),
    Field("links", "Always empty: the meeting's page is in sources and documents."),
    Field("sources", "The meeting's page in the archive: url, absolute_url and note."),
    Field("extras", "meeting_id (its id in meetings.json) and minutes_status (draft, approved or cancelled)."),
)

POPOLO_FIELDS = (
    Field(
        "organizations",
        "The body (classification body), and, where it holds more than one type of meeting, each committee, "
        "board or panel (classification committee, parent_id the body's id): id, name and links, to the "
        "archive or to the committee's page.",
    ),
    Field(
        "persons",
        "Everyone in the archive's list of people: id, name, identifiers (their id in the other files, scheme "
        "minutebook) and links to their page.",
    ),
    Field(
        "memberships",
        "Each person's run in one role at one body or committee's meetings, as the minutes list them: id, "
        "person_id, organization_id, role, start_date and end_date (the first and last meeting they are listed "
        "at in that role, YYYY-MM-DD).",
    ),
    Field(
        "motions",
        "Every decision minuted, once: id, organization_id, event_id (its meeting in ocd-events.json), "
        "classification (resolution, motion, decision or ordinance), identifier (its number as printed, or "
        "null), text, date, result (carried, lost, withdrawn or deferred), creator_id (who moved it) and "
        "seconder_id (who seconded it), each null where not minuted, and sources.",
    ),
    Field(
        "vote_events",
        "Every decision put to a vote (carried or lost, or with counts or a roll call minuted), once: id, "
        "motion_id, organization_id, start_date, result (pass where carried, fail where lost, else the result as "
        "minuted), counts (option yes, no, abstain or "
        "absent, and value; only the numbers minuted or counted from the roll call) and votes (voter_id and "
        "option, for each member in the roll call; empty where none is minuted).",
    ),
)

NO_DECLARATIONS = " Declarations of interest are in meetings.json only: Popolo has no place for them."

DATASETS = (
    Dataset(
        OCD_EVENTS,
        "Meetings as Open Civic Data events",
        "JSON",
        "Every meeting as an Open Civic Data event: who took part, the agenda, the papers and the recording.",
        EVENT_FIELDS,
        counted="meetings",
        noun="event",
    ),
    # Its title, summary and count follow what the archive holds: see popolo_dataset.
    Dataset(POPOLO, "", "JSON", "", POPOLO_FIELDS),
)


def _ocd_id(archive: Archive, kind: str, path: str) -> str:
    return f"ocd-{kind}/" + stable_id(archive.site.organisation, f"ocd-{kind}", path).removeprefix("urn:uuid:")


def event_id(archive: Archive, meeting: Meeting) -> str:
    return _ocd_id(archive, "event", meeting_path(meeting.id))


def person_id(archive: Archive, slug: str) -> str:
    return _ocd_id(archive, "person", person_path(slug))


def body_id(archive: Archive) -> str:
    return _ocd_id(archive, "organization", "")


def motion_id(archive: Archive, decision: Decision) -> str:
    return _ocd_id(archive, "motion", item_link(decision.meeting_id, decision.anchor))


def vote_event_id(archive: Archive, decision: Decision) -> str:
    return _ocd_id(archive, "vote", item_link(decision.meeting_id, decision.anchor))


def committee_id(archive: Archive, committee: CommitteeRecord) -> str:
    return _ocd_id(archive, "organization", committee_path(committee.slug))


# The committees named apart from the body are those with pages of their own (render.listed_committees): none
# where the body holds one type of meeting, as that body is the committee.


def organization_id(archive: Archive, meeting: Meeting) -> str:
    """The body, or the committee that held the meeting where the archive has several."""
    if not listed_committees(archive):
        return body_id(archive)
    return committee_id(archive, archive.committee_of(meeting))


def organization_name(archive: Archive, meeting: Meeting) -> str:
    return archive.committee_of(meeting).name if listed_committees(archive) else archive.site.organisation


def was_voted_on(decision: Decision) -> bool:
    """Whether a decision was put to a vote: carried or lost, or with counts or a roll call minuted."""
    return decision.result in VOTE_RESULTS or decision.counts is not None or bool(decision.votes)


def start_date(archive: Archive, meeting: Meeting) -> str:
    if not meeting.time:
        return meeting.date.isoformat()
    return rfc3339(meeting_start(meeting.date, meeting.time, archive.site.locale.time_zone))


def _link(path: str, data_file: str, base_url: str, note: str) -> dict:
    return {"note": note, "url": relative(path, data_file), "absolute_url": absolute(path, base_url) or None}


@functools.cache
def _known_types() -> mimetypes.MimeTypes:
    # Python's own table, not the machine's (/etc/mime.types): the same address gives the same type on every machine.
    return mimetypes.MimeTypes()


def _media_type(url: str) -> str | None:
    """The media type an address's file name shows, such as application/pdf; None where it shows none."""
    return _known_types().guess_type(url.split("?")[0].split("#")[0], strict=False)[0] if url else None


def _entity(name: str, entity_type: str, id: str, note: str) -> dict:
    """A participant or related entity, keyed as Open Civic Data's tools (pupa) write one with a known id."""
    return {"name": name, "entity_type": entity_type, "id": id, "note": note}


def _participants(archive: Archive, meeting: Meeting) -> list[dict]:
    def person(slug: str, note: str, role: str) -> dict:
        return _entity(archive.person(slug).name, "person", person_id(archive, slug), note) | {"role": role}

    host = _entity(organization_name(archive, meeting), "organization", organization_id(archive, meeting), "host")
    held = role_at(meeting, meeting.chair) if meeting.chair else None
    chair = [person(meeting.chair, "chair", held.role if held else "")] if meeting.chair else []
    taker = meeting.minute_taker
    minuted = [person(taker.person, "minute taker", taker.role)] if taker.person else []
    return [
        host,
        *chair,
        *(person(a.person, "present", a.role) for a in meeting.attendees),
        *(person(a.person, "apologies", a.role) for a in meeting.apologies),
        *minuted,
    ]


def _related(archive: Archive, decision: Decision) -> list[dict]:
    """The decision as an agenda item's related entity, where Open Civic Data has a type for it: a vote event
    for one put to a vote. Its entity types are organization, person, bill and vote_event only, and a motion
    not voted on is no bill, so that one is left to popolo.json's motions (each names its event)."""
    if not was_voted_on(decision):
        return []
    return [_entity(decision.label, "vote_event", vote_event_id(archive, decision), decision.result)]


def _document(note: str, date: str, url: str, media_type: str | None = None, **more: object) -> dict:
    """A document or recording as Open Civic Data's tools write one: its links, none where it is unpublished."""
    found = _media_type(url) if media_type is None else media_type
    links = [{"url": url, **more, "media_type": found or "", "text": ""}] if url else []
    return {"note": note, "date": date, "links": links}


def event_record(archive: Archive, meeting: Meeting, base_url: str = "") -> dict:
    """One meeting as an Open Civic Data event: its facts only, never the minutes' text."""
    here = OCD_EVENTS
    page = meeting_path(meeting.id)
    themes = {t.theme.slug: t.theme.name for t in archive.themes}
    agenda = []
    # Counted from 0, as text, as Open Civic Data's tools number an event's agenda items.
    for order, item in enumerate(meeting.agenda):
        made = [d for d in meeting.decisions if d.item == item.reference]
        agenda.append(
            {
                "description": item.title,
                "order": str(order),
                "number": item.number or None,
                "subjects": [themes[slug] for slug in item.themes],
                "related_entities": [entity for d in made for entity in _related(archive, d)],
                "url": relative(item_link(meeting.id, item.anchor), here),
                "absolute_url": absolute(item_link(meeting.id, item.anchor), base_url) or None,
            }
        )
    minutes = _document(
        archive.site.locale.words.minutes,
        "",
        relative(page, here),
        "text/html",
        absolute_url=absolute(page, base_url) or None,
    )
    documents = [minutes]
    if meeting.source_url or meeting.source_title:
        documents.append(_document(meeting.source_title, "", meeting.source_url))
    documents += [_document(p.title, "", p.url) for p in meeting.papers]
    recording = meeting.recording
    return {
        "id": event_id(archive, meeting),
        "name": meeting.title,
        "description": "",
        "classification": meeting.type,
        "start_date": start_date(archive, meeting),
        "timezone": archive.site.locale.time_zone,
        "all_day": False,
        "status": EVENT_STATUS[meeting.status],
        "location": {"name": meeting.venue, "note": "", "coordinates": None} if meeting.venue else None,
        "participants": _participants(archive, meeting),
        "agenda": agenda,
        "documents": documents,
        "media": [] if recording is None else [_document(recording.title, meeting.date.isoformat(), recording.url)],
        "links": [],
        "sources": [_link(page, here, base_url, "The meeting's page in the archive")],
        "extras": {"meeting_id": meeting.id, "minutes_status": meeting.status},
    }


def organization_records(archive: Archive, base_url: str = "") -> list[dict]:
    body = {
        "id": body_id(archive),
        "name": archive.site.organisation,
        "classification": "body",
        "links": [_link("index.html", POPOLO, base_url, "The archive of its minutes")],
    }
    return [body] + [
        {
            "id": committee_id(archive, c),
            "name": c.name,
            "classification": "committee",
            "parent_id": body["id"],
            "links": [_link(committee_path(c.slug), POPOLO, base_url, "Its page in the archive")],
        }
        for c in listed_committees(archive)
    ]


def person_records(archive: Archive, base_url: str = "") -> list[dict]:
    return [
        {
            "id": person_id(archive, p.person.slug),
            "name": p.person.name,
            "identifiers": [{"scheme": "minutebook", "identifier": p.person.slug}],
            "links": [_link(person_path(p.person.slug), POPOLO, base_url, "Their page in the archive")],
        }
        for p in archive.people
    ]


def membership_records(archive: Archive) -> list[dict]:
    records = []
    for committee in archive.committees:
        if not committee.meetings:
            continue
        organization = organization_id(archive, committee.meetings[0])
        for member in committee.members:
            key = f"{committee_path(committee.slug)}#{member.person}/{member.role}/{member.first.id}"
            records.append(
                {
                    "id": _ocd_id(archive, "membership", key),
                    "person_id": person_id(archive, member.person),
                    "organization_id": organization,
                    "role": member.role,
                    "start_date": member.first.date.isoformat(),
                    "end_date": member.last.date.isoformat(),
                }
            )
    return records


def _person_or_none(archive: Archive, slug: str) -> str | None:
    return person_id(archive, slug) if slug else None


def motion_record(archive: Archive, decision: Decision, base_url: str = "") -> dict:
    meeting = archive.meeting(decision.meeting_id)
    return {
        "id": motion_id(archive, decision),
        "organization_id": organization_id(archive, meeting),
        "event_id": event_id(archive, meeting),
        "classification": decision.kind,
        "identifier": decision.number or None,
        "text": decision.text,
        "date": start_date(archive, meeting),
        "result": decision.result,
        "creator_id": _person_or_none(archive, decision.moved),
        # Popolo has no seconder; its motions take further properties, and this one is named as creator_id is.
        "seconder_id": _person_or_none(archive, decision.seconded),
        "sources": [_link(item_link(meeting.id, decision.anchor), POPOLO, base_url, "The decision in its minutes")],
    }


def counts(decision: Decision) -> list[dict]:
    """The numbers voting each way: as minuted or counted from the roll call; absent ones only from a roll call."""
    tally = decision.tally
    if tally is None:
        return []
    found = [("yes", tally.for_), ("no", tally.against), ("abstain", tally.abstain)]
    if decision.votes:
        found.append(("absent", sum(v.vote == "absent" for v in decision.votes)))
    return [{"option": option, "value": value} for option, value in found if value is not None]


def vote_event_record(archive: Archive, decision: Decision, base_url: str = "") -> dict:
    meeting = archive.meeting(decision.meeting_id)
    return {
        "id": vote_event_id(archive, decision),
        "motion_id": motion_id(archive, decision),
        "organization_id": organization_id(archive, meeting),
        "start_date": start_date(archive, meeting),
        "result": VOTE_RESULTS.get(decision.result, decision.result),
        "counts": counts(decision),
        "votes": [{"voter_id": person_id(archive, v.person), "option": VOTE_OPTIONS[v.vote]} for v in decision.votes],
        "sources": [_link(item_link(meeting.id, decision.anchor), POPOLO, base_url, "The vote in its minutes")],
    }


def popolo(archive: Archive, base_url: str = "") -> dict:
    """The whole Popolo export: who, in what, and how each decision was made."""
    return {
        "organizations": organization_records(archive, base_url),
        "persons": person_records(archive, base_url),
        "memberships": membership_records(archive),
        "motions": [motion_record(archive, d, base_url) for d in archive.decisions],
        "vote_events": [vote_event_record(archive, d, base_url) for d in archive.decisions if was_voted_on(d)],
    }


def _file(archive: Archive, lists: dict[str, list[dict]]) -> bytes:
    """What json.dumps would write of the file, made a record at a time as meetings.json is: never holding
    every piece of the whole file at once."""
    return joined_lists(archive, {key: [record_text(r) for r in records] for key, records in lists.items()})


def civic_files(archive: Archive, base_url: str = "") -> dict[str, bytes]:
    """ocd-events.json and popolo.json, made from the archive's facts alone."""
    return {
        OCD_EVENTS: _file(archive, {"events": [event_record(archive, m, base_url) for m in archive.meetings]}),
        POPOLO: _file(archive, popolo(archive, base_url)),
    }


def _shortened(value, most: int = 2):
    """A record with each of its lists cut to its first `most` entries, to show its shape on the data page."""
    if isinstance(value, dict):
        return {k: _shortened(v, most) for k, v in value.items()}
    if isinstance(value, list):
        return [_shortened(v, most) for v in value[:most]]
    return value


def event_example(archive: Archive) -> str:
    """A meeting, lists shortened: the latest that minutes a decision, else the latest held, showing first
    the items that name a decision; "" for an archive of no meetings."""
    held = [m for m in archive.meetings if m.status != "cancelled"] or list(archive.meetings)
    deciding = [m for m in held if m.decisions] or held
    if not deciding:
        return ""
    event = event_record(archive, deciding[-1])
    # The items that name a decision show the most of an item's shape.
    event["agenda"] = [i for i in event["agenda"] if i["related_entities"]] or event["agenda"]
    return json.dumps(_shortened(event, most=3), ensure_ascii=False, indent=2)


def vote_event_example(archive: Archive) -> str:
    """A vote event, lists shortened: the latest with a roll call, else any; "" where none was voted on."""
    voted = [d for d in archive.decisions if was_voted_on(d)]
    with_roll_call = [d for d in voted if d.votes] or voted
    if not with_roll_call:
        return ""
    record = _shortened(vote_event_record(archive, with_roll_call[-1]), most=4)
    return json.dumps({"vote_events": [record]}, ensure_ascii=False, indent=2)


# Each file's worked example from this archive's own records, made only for the data page.
EXAMPLES = {OCD_EVENTS: event_example, POPOLO: vote_event_example}


def _listed(things: list[str]) -> str:
    return " and ".join(filter(None, (", ".join(things[:-1]), things[-1])))


def popolo_dataset(archive: Archive, dataset: Dataset) -> Dataset:
    """The Popolo file as the data page describes it: naming committees only where the archive has several,
    motions and votes only where it minutes them, and counting its motions, or else its people."""
    several = bool(listed_committees(archive))
    voted = any(was_voted_on(d) for d in archive.decisions)
    decided = ["every motion and vote"] if voted else ["every motion"] if archive.decisions else []
    held = ["People", *(["committees"] if several else []), *(["votes"] if voted else ["motions"] if decided else [])]
    holds = _listed(
        ["The body and its committees" if several else "The body", "the people", "their memberships", *decided]
    )
    declared = any(m.declarations for m in archive.meetings)
    counted, noun, plural = ("decisions", "motion", "") if archive.decisions else ("people", "person", "people")
    return dataclasses.replace(
        dataset,
        title=f"{_listed(held)} in Popolo",
        summary=f"{holds}, in Popolo." + (NO_DECLARATIONS if declared else ""),
        counted=counted,
        noun=noun,
        plural=plural,
    )


def datasets(archive: Archive) -> tuple[Dataset, ...]:
    """The two files, each with its worked example from this archive, made when asked for, the Popolo file
    described by what the archive holds (popolo_dataset)."""
    return tuple(
        dataclasses.replace(
            popolo_dataset(archive, d) if d.path == POPOLO else d, example=functools.partial(EXAMPLES[d.path], archive)
        )
        for d in DATASETS
    )
