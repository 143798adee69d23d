"""Archive files: those made from the whole archive at once, remade only as far as an edit requires.

The search (index.py), the feed, calendar, sitemap and robots.txt (feeds.py) and
the open data (opendata.py) each get a fingerprint of what they show, as pages
do (rebuild.py), and a file whose fingerprint has not changed is carried over.
Most show only the meetings' facts (rebuild.summary), so correcting a sentence
leaves them alone.

The files that carry the minutes' text, the search (index.py) and
data/meetings.json, are joined from one part per meeting; the parts are kept
beside the site (rebuild.read_parts), one set per year, each under a key of
everything it is made from, so an edit makes one meeting's parts again and joins
them with the rest: search/index.js from every meeting's summary line (kept as
a set of their own, so an edit does not read every year's postings), the term
files of the edited meeting's year, and its text file. The words files' vocabulary
is kept too (index.Vocabulary), under the summaries it was made from, and updated
with the meetings whose summary changed rather than gathered from all of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from minutebook.outputs import feeds

from minutebook.outputs import opendata

from minutebook.incremental import rebuild
from minutebook.outputs.search import files as search_index
from minutebook.link import Archive
from minutebook.site.render import Page

MEETING_PARTS = "meetings"  # the kept records of data/meetings.json
SEARCH_SUMMARIES = "search-summaries"  # every meeting's summary line, which search/index.js is made from
SEARCH_WORDS = "search-words"  # the vocabulary the words files hold (index.Vocabulary), under the summaries' keys


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
    prints = {path: facts for path in (*feeds.outputs(base_url), *opendata.ACTION_OUTPUTS)}
    prints[opendata.MEETINGS] = rebuild.digest(inputs.reference, base_url, *(f"{m}={inputs.meetings[m]}" for m in ids))
    # A meeting's search part holds the actions it raised, whose notes and status later meetings write,
    # and its postings cut at the ranges of terms, which follow the archive's size.
    ranges = ",".join(search_index.range_starts(archive))
    search_keys = {}
    for meeting in archive.meetings:
        updaters = dict.fromkeys(m for tracked in archive.actions_of(meeting.id) for m in tracked.updated_by)
        search_keys[meeting.id] = rebuild.digest(inputs.reference, ranges, inputs.meetings[meeting.id], *(f"{m}={inputs.summaries[m]}" for m in updaters))
    prints[search_index.MAIN] = rebuild.digest(inputs.reference, ranges, *(f"{m}={search_keys[m]}" for m in ids))
    prints.update(dict.fromkeys(search_index.words_outputs(archive), prints[search_index.MAIN]))
    term_files = search_index.index_outputs(archive)
    for year, meetings in archive.years:
        year_print = rebuild.digest(str(year), ranges, *(search_keys[m.id] for m in meetings))
        prints.update(dict.fromkeys(term_files[str(year)], year_print))
        prints.update({search_index.text_path(m.id): search_keys[m.id] for m in meetings})
    record_keys = {m: rebuild.digest(inputs.reference, base_url, inputs.meetings[m]) for m in ids}
    return Plan(prints, search_keys, record_keys)


@dataclass
class Parts:
    """Each meeting's parts of the files being remade: meeting id -> its part."""

    # Kept as UTF-8 bytes: a rebuild joins megabytes of them, which need never be decoded.
    search: dict[str, bytes]  # whole search parts (index.py meeting_part), of the meetings whose year or text is remade
    records: dict[str, bytes]  # open-data records (opendata.record_text)
    summaries: dict[str, bytes] = field(default_factory=dict)  # every meeting's summary line, when the search is remade
    # What each set of kept parts held when read, so a set that has not changed is not written again.
    read: dict[str, dict] = field(default_factory=dict)


def search_stale(archive: Archive, stale: set[str]) -> bool:
    """Whether any search file is to be remade; search/index.js then needs every meeting's summary."""
    return any(path.startswith("search/") and path.endswith(".js") for path in stale)


def _years_with_stale_terms(archive: Archive, stale: set[str]) -> set[int]:
    term_files = search_index.index_outputs(archive)
    return {year for year, _ in archive.years if stale & set(term_files[str(year)])}


def _stale_years(archive: Archive, stale: set[str]) -> set[int]:
    """The years with a term file or a meeting's text file to remake: those need their meetings' whole parts."""
    texts = {year for year, meetings in archive.years if any(search_index.text_path(m.id) in stale for m in meetings)}
    return _years_with_stale_terms(archive, stale) | texts


def kept_parts(out_dir, archive: Archive, files: Plan, stale: set[str]) -> Parts:
    """The parts earlier builds made that still hold, for the files to be remade now."""
    parts = Parts({}, {})
    if search_stale(archive, stale):
        read = parts.read[SEARCH_SUMMARIES] = rebuild.read_parts(out_dir, SEARCH_SUMMARIES, binary=True)
        parts.summaries.update(_still_good(read, [m.id for m in archive.meetings], files.search_keys))
        parts.read[SEARCH_WORDS] = rebuild.read_parts(out_dir, SEARCH_WORDS)
        years = _stale_years(archive, stale)
        for year, meetings in archive.years:
            if year in years:
                read = parts.read[search_parts_name(year)] = rebuild.read_parts(out_dir, search_parts_name(year), binary=True)
                parts.search.update(_still_good(read, [m.id for m in meetings], files.search_keys))
    if opendata.MEETINGS in stale:
        read = parts.read[MEETING_PARTS] = rebuild.read_parts(out_dir, MEETING_PARTS, binary=True)
        parts.records.update(_still_good(read, [m.id for m in archive.meetings], files.record_keys))
    return parts


def _still_good(kept: dict, ids: list[str], keys: dict[str, str]) -> dict[str, str]:
    return {m: kept[m][1] for m in ids if m in kept and kept[m][0] == keys[m]}


def wanted(archive: Archive, stale: set[str], kept: Parts) -> tuple[set[str], set[str]]:
    """The meetings whose search part, and whose record, must be made this time."""
    search = set()
    if search_stale(archive, stale):
        years = _stale_years(archive, stale)
        search = {m.id for year, meetings in archive.years for m in meetings
                  if m.id not in kept.summaries or (year in years and m.id not in kept.search)}
    records = {m.id for m in archive.meetings if m.id not in kept.records} if opendata.MEETINGS in stale else set()
    return search, records


def joined(kept: Parts, search: dict[str, bytes], records: dict[str, bytes]) -> Parts:
    """The kept parts with those just made."""
    summaries = {**kept.summaries, **{m: search_index.summary_line(part) for m, part in search.items()}}
    return Parts({**kept.search, **search}, {**kept.records, **records}, summaries, kept.read)


def _vocabulary_key(keys) -> str:
    """What a kept vocabulary was made from: every meeting's summary, by its key."""
    return rebuild.digest(*(f"{m}={key}" for m, key in sorted(keys)))


def _kept_vocabulary(parts: Parts) -> tuple[search_index.Vocabulary | None, dict[str, bytes | None] | None]:
    """The vocabulary an earlier build kept, and the summary lines it was made from that differ now
    (meeting id -> its line then, or None); nothing when what was kept does not match what was read."""
    summaries, kept = parts.read.get(SEARCH_SUMMARIES) or {}, (parts.read.get(SEARCH_WORDS) or {}).get("vocabulary")
    if not kept or kept[0] != _vocabulary_key((m, entry[0]) for m, entry in summaries.items()):
        return None, None
    changed = {m: summaries[m][1] if m in summaries else None
               for m in set(summaries) | set(parts.summaries) if m not in summaries or summaries[m][1] != parts.summaries.get(m)}
    return search_index.Vocabulary.from_kept(kept[1]), changed


def make(archive: Archive, pages: list[Page], base_url: str, stale: set[str], parts: Parts) -> tuple[dict[str, bytes], search_index.Vocabulary | None]:
    """The stale archive files, and the search's vocabulary when it was made again; `parts` holds every part
    they need, kept or new; `pages` every page, for the sitemap."""
    files: dict[str, bytes] = {}
    vocabulary = None
    if stale & set(feeds.outputs(base_url)):
        files.update(feeds.feed_files(archive, pages, base_url))
    if stale & set(opendata.ACTION_OUTPUTS):
        files.update(opendata.action_files(archive, base_url))
    if opendata.MEETINGS in stale:
        files[opendata.MEETINGS] = opendata.meetings_json(archive, [parts.records[m.id] for m in archive.meetings])
    if search_stale(archive, stale):
        texts = {m.id for m in archive.meetings if search_index.text_path(m.id) in stale}
        made, vocabulary = search_index.index_files(archive, parts.summaries, parts.search, _years_with_stale_terms(archive, stale), texts,
                                                    *_kept_vocabulary(parts))
        files.update(made)
    return {path: data for path, data in files.items() if path in stale}, vocabulary


def keep(out_dir, archive: Archive, files: Plan, stale: set[str], parts: Parts, vocabulary: search_index.Vocabulary | None = None) -> set[str]:
    """Keep the parts of the files just remade, and the search's vocabulary, for the next build; returns the
    names of every set kept."""
    names = {SEARCH_SUMMARIES, SEARCH_WORDS, MEETING_PARTS, *(search_parts_name(year) for year, _ in archive.years)}
    if search_stale(archive, stale):
        keys = files.search_keys
        rebuild.write_parts(out_dir, SEARCH_SUMMARIES, {m.id: (keys[m.id], parts.summaries[m.id]) for m in archive.meetings},
                            parts.read.get(SEARCH_SUMMARIES))
        if vocabulary is not None:
            key = _vocabulary_key((m.id, keys[m.id]) for m in archive.meetings)
            rebuild.write_parts(out_dir, SEARCH_WORDS, {"vocabulary": (key, vocabulary.kept_text())}, parts.read.get(SEARCH_WORDS))
        years = _stale_years(archive, stale)
        for year, meetings in archive.years:
            if year in years:
                name = search_parts_name(year)
                rebuild.write_parts(out_dir, name, {m.id: (keys[m.id], parts.search[m.id]) for m in meetings}, parts.read.get(name))
    if opendata.MEETINGS in stale:
        rebuild.write_parts(out_dir, MEETING_PARTS, {m.id: (files.record_keys[m.id], parts.records[m.id]) for m in archive.meetings},
                            parts.read.get(MEETING_PARTS))
    return names
