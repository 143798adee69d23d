"""The outputs' plan: archive files, made from the whole archive at once, remade only as far as an edit requires.

The search (index.py), the feed, calendar, sitemap and robots.txt (feeds.py) and
the open data (opendata.py, civicdata.py) each get a fingerprint of what they show, as pages
do (fingerprints.py), and a file whose fingerprint has not changed is carried
over. Most show only the meetings' facts (fingerprints.summary), so correcting
a sentence leaves them alone.

The files that carry the minutes' text, the search (index.py) and
data/meetings.json, are joined from one part per meeting; the parts are kept
beside the site (kept.py), one set per year, each under a key of everything it
is made from, so an edit makes one meeting's parts again and joins them with the
rest: search/index.js from every meeting's summary line (kept as a set of their
own, so an edit does not read every year's postings), the term files of the
edited meeting's year, and its text file. The words files' vocabulary is kept
too (vocabulary.py), under the summaries it was made from, and updated with the
meetings whose summary changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from minutebook.incremental import kept
from minutebook.incremental.fingerprints import Inputs, digest
from minutebook.incremental.vocabulary import KEPT as SEARCH_WORDS
from minutebook.incremental.vocabulary import KeptVocabulary
from minutebook.link import Archive
from minutebook.outputs import civicdata, feeds, opendata
from minutebook.outputs.search import files as search_index
from minutebook.outputs.search import wire
from minutebook.outputs.search.layout import range_starts

MEETING_PARTS = "meetings"  # the kept records of data/meetings.json, one set per year
SEARCH_SUMMARIES = "search-summaries"  # every meeting's summary line, which search/index.js is made from


def search_parts_name(year: int) -> str:
    return f"search-{year}"


def record_parts_name(year: int) -> str:
    return f"{MEETING_PARTS}-{year}"


@dataclass(frozen=True)
class Plan:
    """What the archive files are made from, and the key of each meeting's kept parts."""

    prints: dict[str, str]  # every archive file -> its fingerprint
    search_keys: dict[str, str]  # meeting id -> the key of its part of the search
    record_keys: dict[str, str]  # meeting id -> the key of its open-data record


def plan(archive: Archive, inputs: Inputs, base_url: str) -> Plan:
    """What each archive file is made from, as fingerprints, and the key of each meeting's parts."""
    ids = [m.id for m in archive.meetings]
    facts = digest(inputs.reference, base_url, *(f"{m}={inputs.summaries[m]}" for m in ids))
    made_from_facts = (
        *opendata.ACTION_OUTPUTS,
        *([opendata.DECISIONS_CSV] if archive.decisions else []),
        *civicdata.OUTPUTS,  # the meetings' facts without their text, as the actions' files
    )
    prints = {path: facts for path in (*feeds.outputs(archive, base_url), *made_from_facts)}
    prints[opendata.MEETINGS] = digest(inputs.reference, base_url, *(f"{m}={inputs.meetings[m]}" for m in ids))
    # A meeting's search part holds the actions it raised, whose notes and status later meetings write,
    # and its postings cut at the ranges of terms, which follow the archive's size.
    ranges = ",".join(range_starts(archive))
    search_keys = {}
    for meeting in archive.meetings:
        updaters = dict.fromkeys(m for tracked in archive.actions_of(meeting.id) for m in tracked.updated_by)
        search_keys[meeting.id] = digest(
            inputs.reference, ranges, inputs.meetings[meeting.id], *(f"{m}={inputs.summaries[m]}" for m in updaters)
        )
    prints[wire.MAIN] = digest(inputs.reference, ranges, *(f"{m}={search_keys[m]}" for m in ids))
    prints.update(dict.fromkeys(search_index.words_outputs(archive), prints[wire.MAIN]))
    term_files = search_index.index_outputs(archive)
    for year, meetings in archive.years:
        year_print = digest(str(year), ranges, *(search_keys[m.id] for m in meetings))
        prints.update(dict.fromkeys(term_files[str(year)], year_print))
        prints.update({wire.text_path(m.id): search_keys[m.id] for m in meetings})
    record_keys = {m: digest(inputs.reference, base_url, inputs.meetings[m]) for m in ids}
    return Plan(prints, search_keys, record_keys)


@dataclass
class Parts:
    """Each meeting's parts of the files being remade: meeting id -> its part, in UTF-8 (a rebuild joins
    megabytes of them, which need never be decoded)."""

    search: dict[str, bytes]  # whole search parts (index.py meeting_part), of the meetings whose year or text is remade
    records: dict[str, bytes]  # open-data records (opendata.record_text)
    summaries: dict[str, bytes] = field(default_factory=dict)  # every meeting's summary line, when the search is remade
    # What each set of kept parts held when read, so a set that has not changed is not written again.
    read: dict[str, dict] = field(default_factory=dict)
    vocabulary: KeptVocabulary | None = None  # the words files' vocabulary, when the search is remade

    def joined(self, search: dict[str, bytes], records: dict[str, bytes]) -> Parts:
        """These parts with those just made."""
        summaries = {**self.summaries, **{m: search_index.summary_line(part) for m, part in search.items()}}
        return Parts({**self.search, **search}, {**self.records, **records}, summaries, self.read, self.vocabulary)


def search_stale(stale: set[str]) -> bool:
    """Whether any search file is to be remade; search/index.js then needs every meeting's summary."""
    return any(path.startswith("search/") and path.endswith(".js") for path in stale)


def _stale_years(archive: Archive, stale: set[str]) -> set[int]:
    """The years with a term file or a meeting's text file to remake: those need their meetings' whole parts."""
    term_files = search_index.index_outputs(archive)
    return {
        year
        for year, meetings in archive.years
        if stale & set(term_files[str(year)]) or any(wire.text_path(m.id) in stale for m in meetings)
    }


def kept_parts(out_dir, code: str, archive: Archive, files: Plan, stale: set[str]) -> Parts:
    """The parts earlier builds made that still hold, for the files to be remade now."""
    parts = Parts({}, {})

    def still_good(name: str, ids: list[str], keys: dict[str, str]) -> dict[str, bytes]:
        read = parts.read[name] = kept.read_set(out_dir, name, code)
        return {m: read[m][1] for m in ids if m in read and read[m][0] == keys[m]}

    if search_stale(stale):
        parts.summaries.update(still_good(SEARCH_SUMMARIES, [m.id for m in archive.meetings], files.search_keys))
        parts.vocabulary = KeptVocabulary(
            kept.read_kept(out_dir, SEARCH_WORDS, code), parts.read[SEARCH_SUMMARIES], files.search_keys
        )
        years = _stale_years(archive, stale)
        for year, meetings in archive.years:
            if year in years:
                parts.search.update(still_good(search_parts_name(year), [m.id for m in meetings], files.search_keys))
    if opendata.MEETINGS in stale:
        for year, meetings in archive.years:
            parts.records.update(still_good(record_parts_name(year), [m.id for m in meetings], files.record_keys))
    return parts


def wanted(archive: Archive, stale: set[str], parts: Parts) -> tuple[set[str], set[str]]:
    """The meetings whose search part, and whose record, must be made this time."""
    search = set()
    if search_stale(stale):
        years = _stale_years(archive, stale)
        search = {
            m.id
            for year, meetings in archive.years
            for m in meetings
            if m.id not in parts.summaries or (year in years and m.id not in parts.search)
        }
    records = {m.id for m in archive.meetings if m.id not in parts.records} if opendata.MEETINGS in stale else set()
    return search, records


def keep(out_dir, code: str, archive: Archive, files: Plan, stale: set[str], parts: Parts) -> set[str]:
    """Keep the parts of the files just remade for the next build; returns the names of every set kept."""
    if search_stale(stale):
        keys = files.search_keys
        kept.write_set(
            out_dir,
            SEARCH_SUMMARIES,
            code,
            {m.id: (keys[m.id], parts.summaries[m.id]) for m in archive.meetings},
            parts.read.get(SEARCH_SUMMARIES),
        )
        to_keep = parts.vocabulary.to_keep(m.id for m in archive.meetings) if parts.vocabulary else None
        if to_keep is not None:
            kept.write_kept(out_dir, SEARCH_WORDS, code, to_keep)
        years = _stale_years(archive, stale)
        for year, meetings in archive.years:
            if year in years:
                name = search_parts_name(year)
                kept.write_set(
                    out_dir,
                    name,
                    code,
                    {m.id: (keys[m.id], parts.search[m.id]) for m in meetings},
                    parts.read.get(name),
                )
    if opendata.MEETINGS in stale:
        for year, meetings in archive.years:
            name = record_parts_name(year)
            records = {m.id: (files.record_keys[m.id], parts.records[m.id]) for m in meetings}
            kept.write_set(out_dir, name, code, records, parts.read.get(name))
    held = [year for year, _ in archive.years]
    return {SEARCH_SUMMARIES, SEARCH_WORDS, *map(search_parts_name, held), *map(record_parts_name, held)}
