"""The build, top to bottom: load, link, render, index, write.

Each stage is a function from data to data; file I/O happens only in the
first (reading content and assets) and the last (publishing the site).
Pages whose inputs did not change since the last build are taken from it
(see rebuild.py); the rest are rendered on every core.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import feeds, opendata, rebuild
from . import index as search_index
from .link import Archive, link
from .load import parse_content, read_sources
from .model import InvalidContent
from .render import Page, Renderer, plan
from .write import publish

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = Path(__file__).resolve().parent
PARALLEL_FROM = 150  # pages; below this, starting workers costs more than it saves


@dataclass(frozen=True)
class Paths:
    content: Path = PROJECT / "content"
    templates: Path = PROJECT / "templates"
    assets: Path = PROJECT / "assets"
    node_modules: Path = PROJECT / "node_modules"


@dataclass
class BuildReport:
    pages: int = 0
    files: int = 0
    meetings: int = 0
    rendered: int = 0  # pages rendered this time; the rest were unchanged
    seconds: dict = field(default_factory=dict)


class Progress:
    """A progress line on stderr, shown only once a build has taken a second."""

    def __init__(self, stream=sys.stderr, quiet: bool = False):
        self.stream, self.quiet, self.start, self.last = stream, quiet, time.monotonic(), ""

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if self.quiet or time.monotonic() - self.start < 1.0:
            return
        if self.stream.isatty():
            counts = f" {done}/{total}" if total else ""
            self.stream.write(f"\r{stage}{counts}\x1b[K")
        elif stage != self.last:  # in a log, one line per stage
            self.stream.write(f"{stage}…\n")
        self.stream.flush()
        self.last = stage

    def done(self) -> None:
        if self.last and self.stream.isatty():
            self.stream.write("\n")


def load_archive(paths: Paths, report: BuildReport | None = None) -> Archive:
    """Load and link; raises InvalidContent with every problem found."""
    return load_with_inputs(paths, report)[0]


def load_with_inputs(paths: Paths, report: BuildReport | None = None, base_url: str = "") -> tuple[Archive, rebuild.Inputs]:
    """The archive, and the hashes of what each page is made from."""
    began = time.perf_counter()
    sources, errors = read_sources(paths.content)
    content, more = parse_content(sources)
    if errors + more:
        raise InvalidContent(errors + more + _link_problems(content, errors + more))
    mid = time.perf_counter()
    archive = link(content)
    meeting_sources = {Path(s.path).stem: s.text for s in sources if "/meetings/" in f"/{s.path}"}
    shared = rebuild.digest(
        base_url,
        rebuild.tree_digest(paths.templates),
        rebuild.tree_digest(PACKAGE),  # a new Minutebook renders everything again
        *(f"{s.path}\n{s.text}" for s in sources if Path(s.path).stem not in meeting_sources),
    )
    inputs = rebuild.Inputs(
        shared,
        {m.id: rebuild.digest(meeting_sources[m.id]) for m in archive.meetings},
        {m.id: rebuild.summary(m) for m in archive.meetings},
    )
    if report is not None:
        report.seconds["load"] = mid - began
        report.seconds["link"] = time.perf_counter() - mid
        report.meetings = len(archive.meetings)
    return archive, inputs


def _link_problems(content, load_errors) -> list:
    """Cross-reference problems among the files that did load, so one pass shows everything.

    A file that failed to load may define an action others update, so those look-ups are
    left for the next run rather than reported falsely now."""
    broken = {e.path for e in load_errors}
    try:
        link(content)
    except InvalidContent as exc:
        return [e for e in exc.errors if e.path not in broken and not (broken and "is not the id of any action" in e.message)]
    return []


def archive_files(archive: Archive, base_url: str, item_texts) -> dict[str, bytes]:
    """Files made from the whole archive at once: the feed, calendar, sitemap, robots.txt and open data."""
    files = feeds.feed_files(archive, plan(archive), base_url)
    files.update(opendata.data_files(archive, item_texts, base_url))
    return files


def archive_outputs(base_url: str) -> tuple[str, ...]:
    return (*search_index.OUTPUTS, *feeds.outputs(base_url), *opendata.OUTPUTS)


def static_assets(paths: Paths, archive: Archive) -> dict[str, bytes]:
    files = {f"assets/{p.name}": p.read_bytes() for p in sorted(paths.assets.iterdir()) if p.is_file()}
    lunr_js = paths.node_modules / "lunr" / "lunr.min.js"
    if not lunr_js.is_file():
        raise FileNotFoundError(f"{lunr_js.relative_to(paths.node_modules.parent)} is missing; run 'make site' (or 'npm ci') first")
    files["assets/lunr.min.js"] = lunr_js.read_bytes()
    if archive.site.logo:
        logo = paths.content / archive.site.logo
        if logo.resolve().is_relative_to(paths.content.resolve()) and logo.is_file():
            files[f"assets/{logo.name}"] = logo.read_bytes()
    return files


# A forked worker inherits the renderer and page list from its parent rather
# than receiving them pickled; this is set only while a pool is running.
_inherited: tuple[Renderer, list[Page]] | None = None


def _render_slice(start: int, stop: int) -> list[tuple[str, bytes]]:
    renderer, pages = _inherited
    return [(p.path, renderer.render(p).encode("utf-8")) for p in pages[start:stop]]


def _item_texts(meeting_ids: list[str]) -> dict:
    renderer, _ = _inherited
    return {m: renderer.texts(renderer.archive.meeting(m)) for m in meeting_ids}


def _search_files() -> dict[str, bytes]:
    renderer, _ = _inherited
    return search_index.search_files(renderer.archive, renderer.texts)


def _slices(total: int, parts: int) -> list[tuple[int, int]]:
    step = max(1, -(-total // parts))
    return [(i, min(total, i + step)) for i in range(0, total, step)]


def render_site(archive: Archive, paths: Paths, base_url: str, report: BuildReport, progress, pages=None, need_index=True) -> dict[str, bytes]:
    """Render `pages` (default: all) and, if `need_index`, the search files."""
    global _inherited
    began = time.perf_counter()
    renderer = Renderer(archive, paths.templates, base_url)
    pages = plan(archive) if pages is None else pages
    workers = min(os.cpu_count() or 1, 4)
    files: dict[str, bytes] = {}
    if workers < 2 or len(pages) + (len(archive.meetings) if need_index else 0) < PARALLEL_FROM:
        for done, page in enumerate(pages, 1):
            files[page.path] = renderer.render(page).encode("utf-8")
            if done % 50 == 0:
                progress("Rendering pages", done, len(pages))
        rendered = time.perf_counter()
        if need_index:
            progress("Building the search index")
            files.update(search_index.search_files(archive, renderer.texts))
            files.update(archive_files(archive, base_url, renderer.texts))
        report.seconds["render"] = rendered - began
        report.seconds["index"] = time.perf_counter() - rendered
        return files
    fork = multiprocessing.get_context("fork")
    _inherited = (renderer, pages)
    try:
        # Each meeting's Markdown is parsed once, in parallel; pages and index share the result.
        ids = [m.id for m in archive.meetings]
        with ProcessPoolExecutor(workers, mp_context=fork) as pool:
            for texts in pool.map(_item_texts, [ids[a:b] for a, b in _slices(len(ids), workers * 4)]):
                renderer.item_texts.update(texts)
        progress("Rendering pages and the search index")
        with ProcessPoolExecutor(workers, mp_context=fork) as pool:
            index_job = pool.submit(_search_files) if need_index else None
            jobs = [pool.submit(_render_slice, a, b) for a, b in _slices(len(pages), workers * 8)]
            for done, job in enumerate(jobs, 1):
                files.update(job.result())
                progress("Rendering pages", done, len(jobs))
            rendered = time.perf_counter()
            if index_job:
                files.update(index_job.result())
    finally:
        _inherited = None
    if need_index:  # every meeting's text is in the renderer by now, parsed by the workers
        files.update(archive_files(archive, base_url, renderer.texts))
    # Both ran at once; the index's own share is what it added after rendering finished.
    report.seconds["render"] = rendered - began
    report.seconds["index"] = time.perf_counter() - rendered
    return files


def build(paths: Paths, out_dir: Path, base_url: str = "", progress=None) -> BuildReport:
    """Build the whole site into `out_dir`, atomically; nothing is written on failure."""
    progress = progress or Progress(quiet=True)
    report = BuildReport()
    archive, inputs = load_with_inputs(paths, report, base_url)
    base_url = base_url or archive.site.base_url  # site.yml's address unless the command line gives one
    pages = plan(archive)
    prints = rebuild.fingerprints(pages, inputs)
    prints.update({path: inputs.everything for path in archive_outputs(base_url)})
    unchanged = rebuild.reusable(out_dir, prints, rebuild.read_manifest(out_dir))
    to_render = [p for p in pages if p.path not in unchanged]
    need_index = any(path not in unchanged for path in archive_outputs(base_url))
    files: dict[str, bytes | Path] = dict(unchanged)
    files.update(render_site(archive, paths, base_url, report, progress, to_render, need_index))
    files.update(static_assets(paths, archive))
    report.pages, report.rendered = len(pages), len(to_render)
    began = time.perf_counter()
    progress("Writing the site")
    publish(files, out_dir)
    rebuild.write_manifest(out_dir, prints)
    report.seconds["write"] = time.perf_counter() - began
    report.files = len(files)
    return report
