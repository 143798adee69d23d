"""Fingerprints: a hash of everything each page and archive file is made from.

Each page's fingerprint is a hash of the templates and reference files every
page shares, plus the meetings it shows, as listed in `Page.depends_on` and
`Page.summarises`. A page whose fingerprint matches the previous build's is
taken from the previous site instead of being rendered again.

Each meeting has two hashes: one of its whole file (and its history in git),
for the pages that show its minutes, and one of its facts without the minutes'
text (`summary`), for the pages that only list it, its items or its actions.
Correcting a sentence then re-renders the meeting's own page, not every list
that names it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from minutebook.content import history as file_history
from minutebook.content import walk
from minutebook.link import Archive
from minutebook.model import Meeting
from minutebook.site.render import Page, listed_committees, names_meeting_types


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _tree_files(root: Path) -> list[tuple[str, os.DirEntry]]:
    """Every file under `root` in a fixed order, compiled Python (__pycache__) left out: it follows from the
    source, and Python rewrites it at will."""
    return sorted(
        (
            (path, entry)
            for path, entry in walk.entries(root)
            if entry.is_file() and "__pycache__" not in path.split("/")
        ),
        key=lambda found: walk.path_order(found[0]),
    )


def tree_digest(root: Path) -> str:
    """One hash for every file under `root` (templates, Minutebook's own code), names included."""
    return digest(*(part for path, _ in _tree_files(root) for part in (path, Path(root, path).read_bytes())))


# A file changed twice within one tick of the file system's clock can keep its times and size: a stamp
# is taken only when every file last changed longer ago than this.
SETTLED_SECONDS = 2.0


def tree_stamp(root: Path, now: float) -> str | None:
    """A hash of every file's name, size and times of change under `root`: a file's bytes cannot change
    without its status-change time (st_ctime, which no one can set back, unlike the modification time that
    `cp -p` or `touch` can). None while a file changed in the last SETTLED_SECONDS before `now`, when a
    second change could not be told from the first. (A modification time in the future does not matter:
    any change sets the status-change time to the present.)"""
    stats = [(path, entry.stat()) for path, entry in _tree_files(root)]
    if any(stat.st_ctime > now - SETTLED_SECONDS for _, stat in stats):
        return None
    return digest(*(f"{path} {stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns}" for path, stat in stats))


_COMPARED: dict[type, tuple[str, ...] | None] = {}  # by class, as _compared found them


def _compared(kind: type) -> tuple[str, ...] | None:
    """The names of a dataclass's fields that compare, found once a class: every meeting is made of thousands of
    values; None for a type that is no dataclass."""
    if kind not in _COMPARED:
        _COMPARED[kind] = (
            tuple(f.name for f in dataclasses.fields(kind) if f.compare) if dataclasses.is_dataclass(kind) else None
        )
    return _COMPARED[kind]


def facts(value) -> str:
    """A model value as canonical text: every field that compares, never where it came from (origins, lines)."""
    if isinstance(value, str):  # most values are, and no text is a dataclass
        return repr(value)
    names = _compared(type(value))
    if names is not None:
        return f"{type(value).__name__}(" + ",".join(f"{name}={facts(getattr(value, name))}" for name in names) + ")"
    if isinstance(value, tuple):
        return "(" + ",".join(facts(v) for v in value) + ")"
    if value is None or isinstance(value, (str, int, float, dt.date)):
        return repr(value)
    raise TypeError(f"no canonical text for {type(value).__name__}")  # a new kind of field must be thought about here


def summary(meeting: Meeting) -> str:
    """The hash of what list pages can show of a meeting: all but the text of its items.

    Titles, dates, attendance, items' numbers, titles and themes, actions and their updates
    are all in it; only `AgendaItem.markdown` and the preamble are left out, which only the meeting's
    own page, the search index and the open data show, and the corrections, which only its page shows."""
    agenda = tuple(dataclasses.replace(item, markdown="") for item in meeting.agenda)
    return digest(facts(dataclasses.replace(meeting, agenda=agenda, corrections=(), preamble="")))


@dataclass(frozen=True)
class Inputs:
    """What pages are made from: one hash shared by all, and two per meeting (its whole file, its summary)."""

    shared: str  # the templates, the reference files, Minutebook itself and the base URL
    meetings: Mapping[str, str]
    summaries: Mapping[str, str]
    reference: str = ""  # `shared` without the templates: what the data files (search, feeds, open data) share

    @property
    def everything(self) -> str:
        return digest(self.shared, *(f"{k}={v}" for k, v in sorted(self.meetings.items())))


def inputs(
    archive: Archive,
    sources,
    history: Mapping[str, file_history.FileHistory],
    summaries: Mapping[str, str],
    base_url: str,
    code: str,
    templates: Path,
) -> Inputs:
    """The hashes of what the pages are made from: `sources` as read (load.SourceFile), each meeting's
    history in git (a new commit re-renders its page), `summaries` by meeting id, and Minutebook's `code`."""
    stems = {
        s.path: os.path.splitext(os.path.basename(s.path))[0] for s in sources
    }  # as Path.stem, without a Path each
    meeting_sources = {stems[s.path]: s.digest for s in sources if "/meetings/" in f"/{s.path}"}
    reference = digest(
        base_url,
        code,
        *(f"{s.path}\n{s.digest}" for s in sources if stems[s.path] not in meeting_sources),
        # every page shows the logo, and its name is its digest
        f"logo: {archive.site.logo.path if archive.site.logo else ''}",
    )
    return Inputs(
        # Whether lists name meetings' types follows from every meeting: a page listing one meeting depends on it too.
        # So does whether any meeting minutes a decision: every page's navigation links to the decisions then;
        # and whether the archive holds two committees or more, when it links to the committees; which they are
        # decides whose calendar a next-meeting line is in (Archive.announcing), a rare change.
        digest(
            reference,
            tree_digest(templates),
            f"names types: {names_meeting_types(archive)}",
            f"decisions: {bool(archive.decisions)}",
            f"committees: {[c.slug for c in archive.committees] if listed_committees(archive) else 'unlisted'}",
        ),
        {m.id: digest(meeting_sources[m.id], file_history.digest_text(history, m.id)) for m in archive.meetings},
        {m.id: summaries[m.id] for m in archive.meetings},
        reference,
    )


def pages(pages: Iterable[Page], inputs: Inputs) -> dict[str, str]:
    """Each page's fingerprint, by its path in the site."""
    everything = inputs.everything
    # Each meeting's line made once: a list page names thousands of meetings, and there are thousands of pages.
    # Ids are slugs (no spaces or newlines), so lines joined with newlines cannot be read two ways.
    whole = {m: f"whole {m} {h}\n" for m, h in inputs.meetings.items()}
    shown = {m: f"facts {m} {h}\n" for m, h in inputs.summaries.items()}
    out = {}
    for page in pages:
        if page.depends_on is None:
            out[page.path] = digest(everything, page.path)
        else:
            lines = "".join([whole[m] for m in page.depends_on] + [shown[m] for m in page.summarises])
            out[page.path] = digest(inputs.shared, page.path, lines)
    return out


def site_digest(prints: Mapping[str, str], assets: Mapping[str, bytes]) -> str:
    """What names a site (in its marker and its manifest): a hash of every file's fingerprint and of the
    assets copied as they are. It follows from what the site is made of, so a site built again from the
    same inputs, incrementally or not, is the same to the byte, marker and all."""
    return digest(
        *(f"{path}={fingerprint}\n" for path, fingerprint in sorted(prints.items())),
        *(part for path, data in sorted(assets.items()) for part in (path, data)),
    )
