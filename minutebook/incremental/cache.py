"""The build cache: what the last build into a folder left beside it, and what this build leaves.

The pipeline opens it before loading (the meetings parsed last time stand in for
parsing again), asks it what is outdated once the pages are planned, and saves it
after the site is written. Everything else in this package is behind it:
fingerprints.py (what each file is made from), kept.py (the manifest and the
kept parts on disk), meetings.py (the kept meetings) and plan.py (the archive
files and their parts).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from minutebook.incremental import compiled, fingerprints, kept, plan
from minutebook.incremental.meetings import KnownMeetings
from minutebook.link import Archive
from minutebook.model import Meeting
from minutebook.site import dates
from minutebook.site.render import Page

MEETINGS = "parsed"  # the sets of meetings parsed by the last build, one per year their files are named for
DATES = "dates-written"  # every date and time the last build wrote (site/dates.py)
CODE = "code"  # the digest of Minutebook's own code, under the stamp of its files (code_digest)


def meetings_set(path: str) -> str:
    """The set a meeting file's parse is kept in: its year's, so an edit writes one year's set again, not all."""
    year = re.match(r"\d{4}", path.rsplit("/", 1)[-1])
    return f"{MEETINGS}-{year.group(0) if year else 'other'}"


def code_digest(out_dir: Path, package: Path, stamp: str | None) -> tuple[str, str | None]:
    """Minutebook's own code (fingerprints.tree_digest), and the stamp of its files to keep it under when it
    was hashed again (None: nothing to keep). Reading every file of the code costs a one-meeting rebuild more
    than a look at their sizes and times, so the digest the last build kept stands while its stamp does.
    `stamp` is the files' stamp (fingerprints.tree_stamp), taken before they are read: one changed
    meanwhile changes the next stamp."""
    if stamp is not None and isinstance(known := kept.read_kept(out_dir, CODE, stamp), str):
        return known, None
    return fingerprints.tree_digest(package), stamp


@dataclass
class Outdated:
    """What this build must make, and what it may take from the last one."""

    pages: list[Page]  # to render
    search: frozenset[str]  # meeting ids: their part of their year's search file
    records: frozenset[str]  # meeting ids: their record in data/meetings.json
    outputs: set[str]  # archive files (search, feeds, open data) to make
    reused: dict[str, Path]  # files carried over from the last site, as they are
    kept: plan.Parts  # the meetings' parts kept by earlier builds that still hold
    prints: dict[str, str]  # every file's fingerprint
    files: plan.Plan

    def parts(self, search: Mapping[str, bytes], records: Mapping[str, bytes]) -> plan.Parts:
        """Every part the outputs need: those kept, with those just made."""
        return self.kept.joined(dict(search), dict(records))

    def site(self, assets: Mapping[str, bytes]) -> str:
        """The name of the site this build makes (fingerprints.site_digest)."""
        return fingerprints.site_digest(self.prints, assets)


class BuildCache:
    def __init__(
        self,
        out_dir: Path,
        code: str,
        manifest: Mapping[str, list],
        kept_meetings: Mapping[str, Mapping],
        remembered,
        code_stamp: str | None = None,
        store: Path | None = None,
    ):
        """`store`: the folder beside the code for the templates and scripts it compiles (compiled.py); None:
        beside the site."""
        self.out_dir, self.code, self.manifest = out_dir, code, manifest
        self.code_stamp = code_stamp  # to keep `code` under, when it was hashed again
        self.kept_meetings = kept_meetings  # each set of kept meetings as read, so an unchanged one is not written
        self.compiled, self.compiled_beside_code = compiled.folder_for(store, out_dir, code)
        self.kept_scripts = compiled.read_scripts(self.compiled, code)
        self.scripts: dict[str, tuple[str, bytes]] = {}
        every = {path: entry for entries in kept_meetings.values() for path, entry in entries.items()}
        self.meetings = KnownMeetings(every, code, remembered)
        self.dates_read = 0  # how many dates and times were recalled from the last build

    @classmethod
    def open(
        cls,
        out_dir: Path,
        package: Path,
        remembered: Mapping[str, tuple[str, Meeting]] | None = None,
        store: Path | None = None,
        code_run: str | None = None,
    ) -> BuildCache:
        """What was kept beside `out_dir`, for this version of the code in `package`; nothing when it was not
        kept for the site now in `out_dir`. `remembered`: the meetings the last build in this process read.
        `store`: where the templates and scripts compiled by this code are kept for every build (compiled.py).
        `code_run`: the stamp of the code this process runs, as it started (fingerprints.tree_stamp, "" where
        not known); None for a process that builds once, just started, whose code is the code on disk."""
        manifest = kept.read_manifest(out_dir)
        if manifest is None:  # not kept for the site in out_dir: nothing kept beside it is trusted
            kept.forget(out_dir)
        stamp = fingerprints.tree_stamp(package, time.time())
        code, code_stamp = code_digest(out_dir, package, stamp)  # a new Minutebook makes everything again
        # A process that lives on (the preview server) while the code changes still compiles with the old
        # code: what it compiles is then kept only beside its own site, not where the new code's builds look.
        shared = store if code_run is None or (stamp is not None and stamp == code_run) else None
        kept_meetings = {name: kept.read_set(out_dir, name, code) for name in kept.set_names(out_dir, MEETINGS)}
        cache = cls(out_dir, code, manifest or {}, kept_meetings, remembered, code_stamp, shared)
        memo = kept.read_kept(out_dir, DATES, cache.dates_code)
        cache.dates_read = len(memo) if isinstance(memo, dict) else 0
        if isinstance(memo, dict):
            dates.recall(memo)
        return cache

    @property
    def dates_code(self) -> str:
        """What the kept dates were written by: this Minutebook and the Babel installed."""
        return f"{self.code} {dates.babel_version()}"

    @property
    def compiled_templates(self) -> Path:
        return compiled.templates(self.compiled)

    def outdated(
        self, archive: Archive, sources, history, pages: list[Page], base_url: str, templates: Path
    ) -> Outdated:
        """What the last build did not make from the same inputs, of `pages` and the archive files."""
        inputs = fingerprints.inputs(archive, sources, history, self.meetings.summaries, base_url, self.code, templates)
        files = plan.plan(archive, inputs, base_url)
        prints = {**fingerprints.pages(pages, inputs), **files.prints}
        reused = kept.reusable(self.out_dir, prints, self.manifest)
        stale = {path for path in files.prints if path not in reused}
        parts = plan.kept_parts(self.out_dir, self.code, archive, files, stale)
        search, records = plan.wanted(archive, stale, parts)
        return Outdated(
            [p for p in pages if p.path not in reused],
            frozenset(search),
            frozenset(records),
            stale,
            reused,
            parts,
            prints,
            files,
        )

    def minified(
        self, sources: Mapping[str, bytes], make: Callable[[Mapping[str, bytes]], dict[str, bytes]], maker: str
    ) -> dict[str, bytes]:
        """`make(sources)` (name -> source), or for each source what `make` gave the last build for the same
        source and the same `maker` (a name for the tool and its version): minifying the scripts is the one
        step of making the assets that takes time, and most builds change no script."""
        digests = {
            name: hashlib.sha256(maker.encode("utf-8") + b"\0" + source).hexdigest() for name, source in sources.items()
        }
        served = {name: was[1] for name in sources if (was := self.kept_scripts.get(name)) and was[0] == digests[name]}
        if len(served) < len(sources):
            served.update(make({name: source for name, source in sources.items() if name not in served}))
        self.scripts.update({name: (digests[name], served[name]) for name in sources})
        return {name: served[name] for name in sources}

    def same_as_before(self, made: Mapping[str, bytes]) -> dict[str, bytes | Path]:
        return kept.same_as_before(self.out_dir, made)

    def save(self, archive: Archive, outdated: Outdated, parts: plan.Parts, site: str) -> None:
        """Keep what the next build reuses, for the site named `site` now in the folder. On any failure the
        manifest goes, so the next build makes everything again rather than trust a stale record."""
        try:
            names = plan.keep(self.out_dir, self.code, archive, outdated.files, outdated.outputs, parts)
            meetings: dict[str, dict] = defaultdict(dict)
            for path, entry in self.meetings.parts().items():
                meetings[meetings_set(path)][path] = entry
            for name, entries in meetings.items():
                kept.write_set(self.out_dir, name, self.code, entries, self.kept_meetings.get(name))
            if self.scripts != self.kept_scripts:
                compiled.write_scripts(self.compiled, self.code, self.scripts)
            written = dates.written()
            if len(written) != self.dates_read:  # it only grows: a new date or time was written
                kept.write_kept(self.out_dir, DATES, self.dates_code, written)
            if self.code_stamp is not None:
                kept.write_kept(self.out_dir, CODE, self.code_stamp, self.code)
            kept.prune(
                self.out_dir, {*names, *meetings, DATES, CODE}, set() if self.compiled_beside_code else {self.compiled}
            )
            kept.write_manifest(
                self.out_dir, outdated.prints, site
            )  # last: a manifest naming the site says all the rest was kept for it
        except BaseException:
            with contextlib.suppress(OSError):
                kept.manifest_path(self.out_dir).unlink(missing_ok=True)
            raise
