"""Archive files: those made from the whole archive at once, remade only as far as an edit requires.

The search (index.py), the feed, calendar, sitemap and robots.txt (feeds.py) and
the open data (opendata.py) each get a fingerprint of what they show, as pages
do (rebuild.py), and a file whose fingerprint has not changed is carried over.
Most show only the meetings' facts (rebuild.summary), so correcting a sentence
leaves them alone.

The two kinds of file that carry the minutes' text, each year's search file and
data/meetings.json, are joined from one part per meeting; the parts are kept
beside the site (rebuild.read_parts), each under a key of everything it is made
from, so an edit makes one meeting's parts again and joins them with the rest.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import feeds, opendata, rebuild
from . import index as search_index
from .link import Archive
from .render import Page

MEETING_PARTS = "meetings"  # the kept records of data/meetings.json


def search_parts_name(year: int) -> str:
    return f"search-{year}"


@dataclass(frozen=True)
class Plan:
    prints: dict[str, str]  # every archive file -> its fingerprint
    search_keys: dict[str, str]  # meeting id -> the key of its part of the search
    record_keys: dict[str, str]  # meeting id -> the key of its open-data record


def plan(archive: Archive, inputs: rebuild.Inputs, base_url: str) -> Plan:
    """What each archive file is made from, as fingerprints, and the key of each meeting's parts."""
    ids = [m.id for m in archive.meetings]
    facts = rebuild.digest(inputs.reference, base_url, *(f"{m}={inputs.summaries[m]}" for m in ids))
    prints = {path: facts for path in (*feeds.outputs(base_url), *opendata.ACTION_OUTPUTS, search_index.MAIN)}
    prints[opendata.MEETINGS] = rebuild.digest(inputs.reference, base_url, *(f"{m}={inputs.meetings[m]}" for m in ids))
    # A meeting's search part holds the actions it raised, whose notes and status later meetings write.
    search_keys = {}
    for meeting in archive.meetings:
        updaters = dict.fromkeys(m for tracked in archive.actions_of(meeting.id) for m in tracked.updated_by)
        search_keys[meeting.id] = rebuild.digest(inputs.reference, inputs.meetings[meeting.id], *(f"{m}={inputs.summaries[m]}" for m in updaters))
    for year, meetings in archive.years:
        prints[search_index.shard_path(year)] = rebuild.digest(str(year), *(search_keys[m.id] for m in meetings))
    record_keys = {m: rebuild.digest(inputs.reference, base_url, inputs.meetings[m]) for m in ids}
    return Plan(prints, search_keys, record_keys)


@dataclass
class Parts:
    """Each meeting's parts of the files being remade: meeting id -> JSON text."""

    search: dict[str, str]
    records: dict[str, str]


def kept_parts(out_dir, archive: Archive, files: Plan, stale: set[str]) -> Parts:
    """The parts earlier builds made that still hold, for the files to be remade now."""
    search: dict[str, str] = {}
    for year, meetings in archive.years:
        if search_index.shard_path(year) in stale:
            kept = rebuild.read_parts(out_dir, search_parts_name(year))
            search.update(_still_good(kept, [m.id for m in meetings], files.search_keys))
    records = {}
    if opendata.MEETINGS in stale:
        records = _still_good(rebuild.read_parts(out_dir, MEETING_PARTS), [m.id for m in archive.meetings], files.record_keys)
    return Parts(search, records)


def _still_good(kept: dict, ids: list[str], keys: dict[str, str]) -> dict[str, str]:
    return {m: kept[m][1] for m in ids if m in kept and kept[m][0] == keys[m]}


def wanted(archive: Archive, stale: set[str], kept: Parts) -> tuple[set[str], set[str]]:
    """The meetings whose search part, and whose record, must be made this time."""
    search = {
        m.id
        for year, meetings in archive.years
        if search_index.shard_path(year) in stale
        for m in meetings
        if m.id not in kept.search
    }
    records = {m.id for m in archive.meetings if m.id not in kept.records} if opendata.MEETINGS in stale else set()
    return search, records


def make(archive: Archive, pages: list[Page], base_url: str, stale: set[str], parts: Parts) -> dict[str, bytes]:
    """The stale archive files; `parts` holds every part they need, kept or new; `pages` every page, for the sitemap."""
    files: dict[str, bytes] = {}
    if stale & set(feeds.outputs(base_url)):
        files.update(feeds.feed_files(archive, pages, base_url))
    if stale & set(opendata.ACTION_OUTPUTS):
        files.update(opendata.action_files(archive, base_url))
    if opendata.MEETINGS in stale:
        files[opendata.MEETINGS] = opendata.meetings_json(archive, [parts.records[m.id] for m in archive.meetings])
    if search_index.MAIN in stale:
        files[search_index.MAIN] = search_index.main_script(archive)
    for year, meetings in archive.years:
        if search_index.shard_path(year) in stale:
            files[search_index.shard_path(year)] = search_index.shard_script(year, [parts.search[m.id] for m in meetings])
    return {path: data for path, data in files.items() if path in stale}


def keep(out_dir, archive: Archive, files: Plan, stale: set[str], parts: Parts) -> set[str]:
    """Keep the parts of the files just remade, for the next build; returns the names of every set kept."""
    names = set()
    for year, meetings in archive.years:
        names.add(search_parts_name(year))
        if search_index.shard_path(year) in stale:
            rebuild.write_parts(out_dir, search_parts_name(year), {m.id: (files.search_keys[m.id], parts.search[m.id]) for m in meetings})
    names.add(MEETING_PARTS)
    if opendata.MEETINGS in stale:
        rebuild.write_parts(out_dir, MEETING_PARTS, {m.id: (files.record_keys[m.id], parts.records[m.id]) for m in archive.meetings})
    return names
