"""The build, top to bottom: load, link, render, outputs, write.

Each stage is a function from data to data; file I/O happens only in the
first (reading content and assets) and the last (publishing the site).
Incremental building is a layer around them (minutebook/incremental): the build
cache is opened before loading, asked what is outdated once the pages are
planned, and saved after writing; the pages and archive files it says are
unchanged are taken from the last site. The rest are made on every core, each
meeting's Markdown parsed once for its page, its part of the search and its
open-data record.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import posixpath
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from minutebook.content import history as file_history
from minutebook.content import unfinished
from minutebook.content.load import SourceFile, file_reader, parse_content, read_sources
from minutebook.incremental import fingerprints
from minutebook.incremental.cache import BuildCache
from minutebook.link import Archive, link
from minutebook.model import InvalidContent
from minutebook.outputs import civicdata, feeds, opendata
from minutebook.outputs.minify import LOADERS, Minifier
from minutebook.outputs.search import files as search_index
from minutebook.outputs.search import wire
from minutebook.outputs.search.layout import ahead_attributes
from minutebook.outputs.search.scripts import scripts as search_scripts
from minutebook.site import dates
from minutebook.site.render import Page, Renderer, plan
from minutebook.write import PublishedIncompletely, SiteLock, build_lock, check_target, os_reason, publish

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = Path(__file__).resolve().parent
PARALLEL_FROM = 150  # pages; below this, starting workers costs more than it saves


@dataclass(frozen=True)
class Paths:
    """Where a build reads its content, templates, assets and npm packages, and where it keeps what it
    compiles of its templates and scripts for the next build (incremental/compiled.py)."""

    content: Path = PROJECT / "content"
    templates: Path = PROJECT / "templates"
    assets: Path = PROJECT / "assets"
    node_modules: Path = PROJECT / "node_modules"
    compiled: Path = field(default_factory=lambda: compiled_store(os.environ))


def compiled_store(environment: Mapping[str, str]) -> Path:
    """Where builds keep what they compile of the templates and scripts (incremental/compiled.py):
    `.minutebook_cache/` beside the code, or the folder MINUTEBOOK_CACHE names, as PYTHONPYCACHEPREFIX
    moves Python's own compiled files (for code on a read-only disk, or tests kept apart)."""
    return Path(os.path.abspath(environment.get("MINUTEBOOK_CACHE") or PROJECT / ".minutebook_cache"))


@dataclass
class BuildReport:
    """What a build made, for the editor and the next build in the same process."""

    pages: int = 0
    files: int = 0
    meetings: int = 0
    rendered: int = 0  # pages rendered this time; the rest were unchanged
    unfinished: list = field(default_factory=list)  # places still marked TO DO or CHECK (unfinished.py)
    seconds: dict = field(default_factory=dict)
    # The meetings this build read, for the next build in the same process (`build(remembered=)`).
    read: dict = field(default_factory=dict, repr=False)


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


@dataclass(frozen=True)
class Loaded:
    """The content as loaded and linked, with what it was read from."""

    archive: Archive
    sources: list[SourceFile]
    history: Mapping[str, file_history.FileHistory]  # each meeting file's versions in git


def load_archive(paths: Paths, report: BuildReport | None = None, allow_unfinished: bool = False) -> Archive:
    """Load and link; raises InvalidContent with every problem found (unfinished.Unfinished
    when TO DO or CHECK markers remain, unless `allow_unfinished`)."""
    return load(paths, report, allow_unfinished=allow_unfinished).archive


def load(
    paths: Paths,
    report: BuildReport | None = None,
    read_meeting=None,
    read_history: Callable[[], Mapping[str, file_history.FileHistory]] | None = None,
    allow_unfinished: bool = False,
) -> Loaded:
    """Read, parse and link the content.

    `read_meeting` stands in for parsing a meeting file (the build cache's kept meetings).
    `read_history()` gives each meeting file's versions in git, from which its page shows its publication and
    what its corrections changed; it is asked for only once the files are loaded and linked, so that
    `git log` runs meanwhile, and always, so that no git is left behind when the content is refused.
    A marker for the editor left in the content is a problem like any other, listed with the rest,
    unless `allow_unfinished` (the preview, a deliberate local build): then it is only reported."""
    try:
        began = time.perf_counter()
        sources, errors = read_sources(paths.content)
        content, more = parse_content(sources, read_meeting, file_reader(paths.content))
        marked = unfinished.markers(sources)
        refused = [] if allow_unfinished else marked
        if errors + more:
            raise _refusal(errors + more + _link_problems(content, errors + more), refused)
        mid = time.perf_counter()
        try:
            archive = link(content)
        except InvalidContent as exc:
            raise _refusal(exc.errors, refused) from None
        if refused:
            raise _refusal([], refused)
        linked = time.perf_counter()
    finally:
        history = read_history() if read_history else {}
    if report is not None:
        report.seconds["load"] = mid - began
        report.seconds["link"] = linked - mid
        report.meetings = len(archive.meetings)
        report.unfinished = marked
    return Loaded(archive, sources, history)


def _refusal(errors: list, marked: list) -> InvalidContent:
    return unfinished.Unfinished(errors, marked) if marked else InvalidContent(errors)


def _link_problems(content, load_errors) -> list:
    """Cross-reference problems among the files that did load, so one pass shows everything.

    A file that failed to load may define an action others update, so those look-ups are
    left for the next run rather than reported falsely now."""
    broken = {e.path for e in load_errors}
    try:
        link(content)
    except InvalidContent as exc:
        return [
            e
            for e in exc.errors
            if e.path not in broken and not (broken and "is not the id of any action" in e.message)
        ]
    return []


def served_minified(name: str) -> bool:
    """Whether an asset is served minified: scripts and the stylesheet are (minify.Minifier), so that fewer
    bytes stand between a visitor and the page or the first result; assets/ keeps them readable. Other assets
    are served as they are."""
    return posixpath.splitext(name)[1] in LOADERS


def shipped_asset(name: str, source: bytes, minify: Callable[[str, bytes], bytes]) -> bytes:
    """One asset as the site serves it."""
    return minify(name, source) if served_minified(name) else source


def static_assets(
    paths: Paths, archive: Archive, minify: Callable[[Mapping[str, bytes]], dict[str, bytes]]
) -> dict[str, bytes]:
    """The files under assets/ as served, the search's scripts joined from its modules, lunr.js and the logo.
    Those served minified are minified by one call of `minify`, for them all."""
    sources = {p.name: p.read_bytes() for p in sorted(paths.assets.iterdir()) if p.is_file()}
    sources.update(search_scripts(paths.assets))
    minified = minify({name: data for name, data in sources.items() if served_minified(name)})
    files = {f"assets/{name}": minified.get(name, data) for name, data in sources.items()}
    lunr_js = paths.node_modules / "lunr" / "lunr.min.js"
    if not lunr_js.is_file():
        raise FileNotFoundError(
            f"{lunr_js.relative_to(paths.node_modules.parent)} is missing; run 'make site' (or 'npm ci') first"
        )
    files["assets/lunr.min.js"] = lunr_js.read_bytes()
    logo = archive.site.logo
    if logo:  # its own folder and a name made from its bytes (logo.py): it can never be one of the files above
        if logo.path in files:
            raise ValueError(f"the logo's published name {logo.path} is one of the site's own assets")
        files[logo.path] = logo.data
    return files


@dataclass(frozen=True)
class Work:
    """What a build makes: pages to render, the meetings whose parts of the archive files must be made,
    and the archive files made from the archive alone (`from_archive`, as `outputs_from_archive` gives them)."""

    pages: list[Page]
    search: frozenset[str] = frozenset()  # meeting ids: their part of their year's search file
    records: frozenset[str] = frozenset()  # meeting ids: their record in data/meetings.json
    from_archive: Callable[[], dict[str, bytes]] | None = None

    def units(self, archive: Archive) -> list[tuple]:
        """The work in pieces: ("page", n) for a page that shows no meeting's text, ("meeting", id,
        page number or None) for everything made from one meeting's text, which is parsed once there,
        and ("archive files",) for the files made from the archive alone."""
        own_page = {page.context["meeting"].id: n for n, page in enumerate(self.pages) if "meeting" in page.context}
        ids = [m.id for m in archive.meetings if m.id in own_page or m.id in self.search or m.id in self.records]
        # The archive files and the meetings first: they take longest, so workers finish together.
        return [
            *([("archive files",)] if self.from_archive else []),
            *(("meeting", m, own_page.get(m)) for m in ids),
            *(("page", n) for n, page in enumerate(self.pages) if "meeting" not in page.context),
        ]


@dataclass
class Made:
    """What rendering made, on a worker or in the build itself: pages and files, and the meetings' parts."""

    files: dict[str, bytes] = field(default_factory=dict)
    search: dict[str, bytes] = field(
        default_factory=dict
    )  # meeting id -> its search part (index.meeting_part), in UTF-8
    records: dict[str, bytes] = field(default_factory=dict)  # meeting id -> its open-data record (opendata.record_text)
    archive_files: dict[str, bytes] = field(default_factory=dict)  # Work.from_archive's, by path
    dates: dates.Written = field(default_factory=dict)  # the dates and times a worker wrote that its parent had not

    def join(self, part: Made) -> None:
        self.files.update(part.files)
        self.search.update(part.search)
        self.records.update(part.records)
        self.archive_files.update(part.archive_files)


def make_units(renderer: Renderer, work: Work, units: list[tuple], base_url: str) -> Made:
    made = Made()
    for unit in units:
        if unit[0] == "archive files":
            assert work.from_archive is not None
            made.archive_files.update(work.from_archive())
            continue
        if unit[0] == "page":
            page = work.pages[unit[1]]
            made.files[page.path] = renderer.render(page).encode("utf-8")
            continue
        _, meeting_id, page_number = unit
        meeting = renderer.archive.meeting(meeting_id)
        texts = renderer.texts(meeting)
        if page_number is not None:
            page = work.pages[page_number]
            made.files[page.path] = renderer.render(page).encode("utf-8")
        if meeting_id in work.search:
            made.search[meeting_id] = search_index.meeting_part(renderer.archive, meeting, texts).encode("utf-8")
        if meeting_id in work.records:
            made.records[meeting_id] = opendata.record_text(
                opendata.meeting_record(renderer.archive, meeting, [t.text for t in texts], base_url)
            )
        renderer.item_texts.pop(meeting_id, None)  # each meeting is visited once: its parsed text need not stay
        renderer.preambles.pop(meeting_id, None)  # nor its preamble, where its page was not made
    return made


# A forked worker inherits the renderer, the work and its units from its parent rather
# than receiving them pickled; this is set only while a pool is running.
_inherited: tuple[Renderer, Work, list[tuple], str] | None = None
_shares_compiled: threading.Barrier | None = None  # passed by every worker once it has compiled its share
COMPILING_AT_MOST = 600  # seconds a worker waits for the others to compile theirs: a stuck pool fails, not hangs


def _make_slice(start: int, stop: int) -> Made:
    assert _inherited is not None, "run only by a pool's workers, forked after it was set"
    renderer, work, units, base_url = _inherited
    known = dates.written()
    made = make_units(renderer, work, units[start:stop], base_url)
    made.dates = {key: text for key, text in dates.written().items() if key not in known}
    return made


def _compile_templates(names: list[str]) -> None:
    """Compile a worker's share of the templates, then wait until every worker has compiled its share: none
    starts a page before the templates it needs are on disk, where it would compile one of them again."""
    assert _inherited is not None and _shares_compiled is not None, "run only by a pool's workers"
    try:
        _inherited[0].compile_templates(names)
    finally:  # even when a template is refused, or the others would wait for this one
        _shares_compiled.wait(timeout=COMPILING_AT_MOST)


def _die_with_parent(parent: int) -> None:
    """In a worker: end when the build that started it does. A build killed outright (SIGKILL, or
    the preview server's terminal closed) cannot stop its workers, which would otherwise wait
    forever on a pipe to it."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError, TypeError):
        return  # not Linux: workers end as the pool's pipes close
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def _slices(total: int, parts: int) -> list[tuple[int, int]]:
    step = max(1, -(-total // parts))
    return [(i, min(total, i + step)) for i in range(0, total, step)]


def render_site(
    archive: Archive,
    paths: Paths,
    base_url: str,
    report: BuildReport,
    progress,
    work: Work,
    history: dict | None = None,
    compiled: Path | None = None,
) -> Made:
    """Render the pages and make the meetings' parts that `work` asks for, on every core when it pays.
    `compiled` is where compiled templates are kept between builds (Renderer)."""
    global _inherited, _shares_compiled
    began = time.perf_counter()
    renderer = Renderer(archive, paths.templates, base_url, history=history, compiled=compiled)
    units = work.units(archive)
    workers = min(os.cpu_count() or 1, 4)
    # A meeting's unit parses its Markdown and may index it: it counts for several pages.
    size = sum(4 if unit[0] == "meeting" else 1 for unit in units)
    if workers < 2 or size < PARALLEL_FROM:
        made = Made()
        for a, b in _slices(len(units), max(1, len(units) // 50)):
            part = make_units(renderer, work, units[a:b], base_url)
            made.join(part)
            progress("Rendering pages", b, len(units))
        report.seconds["render"] = time.perf_counter() - began
        return made
    # here: a small rebuild never starts workers, and these take a twentieth of a second to import
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = multiprocessing.get_context("fork")
    # Compiling the templates is a fifth of a small full build, so where compiled templates are kept on disk
    # the workers share it out: each compiles a share as it starts and reads the others' from disk.
    # Otherwise they are compiled here, once, before the workers are forked.
    on_disk = renderer.keeps_compiled
    if not on_disk:
        renderer.compile_templates()
    if not dates.written():  # a full build: each worker would load Babel and its data to write its dates
        dates.load_language(archive.site.locale)
    _inherited = (renderer, work, units, base_url)
    _shares_compiled = fork.Barrier(workers)
    made = Made()
    try:
        progress("Rendering pages and the search index")
        with ProcessPoolExecutor(
            workers, mp_context=fork, initializer=_die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            shares = renderer.templates_in_shares(workers) if on_disk else []
            compiling = [pool.submit(_compile_templates, share) for share in shares]
            jobs = [pool.submit(_make_slice, a, b) for a, b in _slices(len(units), workers * 8)]
            for done, job in enumerate(jobs, 1):
                part = job.result()
                made.join(part)
                dates.recall(part.dates)  # kept for the next build, with those written here
                progress("Rendering pages", done, len(jobs))
            for share in compiling:
                share.result()
    finally:
        _inherited = _shares_compiled = None
    report.seconds["render"] = time.perf_counter() - began
    return made


def outputs_from_archive(archive: Archive, pages: list[Page], base_url: str, wanted: set[str]) -> dict[str, bytes]:
    """The archive files in `wanted` that are made from the archive alone: the feeds and calendars, the actions'
    and decisions' open data and the civic open data. `pages` is every page, for the sitemap."""
    files: dict[str, bytes] = {}
    if wanted & set(feeds.outputs(archive, base_url)):
        files.update(feeds.feed_files(archive, pages, base_url))
    if wanted & set(opendata.ACTION_OUTPUTS):
        files.update(opendata.action_files(archive, base_url))
    if opendata.DECISIONS_CSV in wanted:
        files.update(opendata.decision_files(archive, base_url))
    if wanted & set(civicdata.OUTPUTS):
        files.update(civicdata.civic_files(archive, base_url))
    return {path: data for path, data in files.items() if path in wanted}


def outputs_from_parts(archive: Archive, wanted: set[str], parts) -> dict[str, bytes]:
    """The archive files in `wanted` joined from each meeting's parts (`parts`: its record, its search part
    and summary line): data/meetings.json and the search index."""
    files: dict[str, bytes] = {}
    if opendata.MEETINGS in wanted:
        files[opendata.MEETINGS] = opendata.meetings_json(archive, [parts.records[m.id] for m in archive.meetings])
    if any(path.startswith("search/") for path in wanted):
        term_files = search_index.index_outputs(archive)
        years = {year for year, _ in archive.years if wanted & set(term_files[str(year)])}
        texts = {m.id for m in archive.meetings if wire.text_path(m.id) in wanted}
        vocabulary = parts.vocabulary or search_index.whole_vocabulary
        files.update(search_index.index_files(archive, parts.summaries, parts.search, years, texts, vocabulary))
    return {path: data for path, data in files.items() if path in wanted}


def refused_folders(paths: Paths) -> tuple[dict[str, Path], dict[str, Path]]:
    """The folders `--out` must never name (write.check_target): what the build reads, where nothing
    inside may be replaced either, and places a slip of the keyboard could name."""
    inputs = {
        "the content folder": paths.content,
        "the templates folder": paths.templates,
        "the assets folder": paths.assets,
        "the folder compiled templates and scripts are kept in": paths.compiled,
    }
    places = {"Minutebook's own folder, which holds build.py": PROJECT}
    for what, where in (("your home folder", Path.home), ("the folder you are working in", Path.cwd)):
        try:
            places[what] = where()
        except (OSError, RuntimeError):
            pass  # none known (no HOME), or deleted from under us: nothing there to replace
    return inputs, places


def running_code() -> str:
    """The stamp of Minutebook's code as it is now (fingerprints.tree_stamp), for a process that builds
    more than once to take as it starts; "" while a file of it has only just changed."""
    return fingerprints.tree_stamp(PACKAGE, time.time()) or ""


def build(
    paths: Paths,
    out_dir: Path,
    base_url: str = "",
    progress=None,
    remembered: dict | None = None,
    allow_unfinished: bool = False,
    wait: float | None = None,
    waiting: Callable[[], None] | None = None,
    code_run: str | None = None,
) -> BuildReport:
    """Build the whole site into `out_dir`, atomically; nothing is written on failure.

    `remembered` is the `read` of the last report from this process: meetings already in memory. A process
    that builds more than once passes `code_run`, the stamp of its code as it started (`running_code`), so a
    build can tell whether the code it runs is still the code on disk.
    Content still marked TO DO or CHECK is refused unless `allow_unfinished`: such a site is not for publication.
    A folder that is not a site's (write.check_target) is refused before anything is done. The folder's lock
    is held from reading what the last build kept to writing what the next will read: another build into
    the same folder is waited for, up to `wait` seconds (None: as long as it takes; `waiting()` is called
    once if that is more than a moment)."""
    out_dir = Path(os.path.abspath(out_dir))
    check_target(out_dir, *refused_folders(paths))
    with build_lock(out_dir, wait, waiting) as lock:
        try:
            return _build(paths, out_dir, lock, base_url, progress, remembered, allow_unfinished, code_run)
        finally:
            gc.unfreeze()  # what the build froze (long_lived) is the collector's again once it ends


@contextlib.contextmanager
def long_lived():
    """Make, inside, what lives for the whole build and holds no cycles: the meetings kept from the last
    build and the archive. The collector does not run meanwhile, and what is alive after is frozen, so its
    later passes skip it (and forked workers leave its memory shared): one pass over the archive just read
    cost a one-meeting rebuild at 500 meetings 17 ms, to free some 450 objects."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def _build(
    paths: Paths,
    out_dir: Path,
    lock: SiteLock,
    base_url: str,
    progress,
    remembered: dict | None,
    allow_unfinished: bool,
    code_run: str | None,
) -> BuildReport:
    progress = progress or Progress(quiet=True)
    report = BuildReport()
    with long_lived():
        cache = BuildCache.open(out_dir, PACKAGE, remembered, paths.compiled, code_run)
        read_history = file_history.start_reading_history(paths.content)  # one `git log`; none outside git
        loaded = load(paths, report, cache.meetings, read_history, allow_unfinished)
    archive = loaded.archive
    base_url = base_url or archive.site.base_url  # site.yml's address unless the command line gives one
    pages = plan(
        archive,
        search_ahead=ahead_attributes(archive),
        datasets=opendata.datasets(archive) + civicdata.datasets(archive),
    )
    todo = cache.outdated(archive, loaded.sources, loaded.history, pages, base_url, paths.templates)

    shown = file_history.page_histories(  # only for the meeting pages being made: their corrections' before and after
        paths.content,
        loaded.history,
        (p.context["meeting"] for p in todo.pages if p.template == "meeting.html"),
        {p.slug: p.name for p in archive.content.people},
        {t.slug: t.name for t in archive.content.themes},
        archive.site.locale.words,
    )
    # Made on a worker while the pages render, where there are workers: they need no page and no meeting's text.
    from_archive = functools.partial(outputs_from_archive, archive, pages, base_url, todo.outputs)
    made = render_site(
        archive,
        paths,
        base_url,
        report,
        progress,
        Work(todo.pages, todo.search, todo.records, from_archive),
        shown,
        cache.compiled_templates,
    )

    began = time.perf_counter()
    progress("Building the search index")
    parts = todo.parts(made.search, made.records)
    from_parts = outputs_from_parts(archive, todo.outputs, parts)
    archive_files = cache.same_as_before({**made.archive_files, **from_parts})
    report.seconds["index"] = time.perf_counter() - began

    minifier = Minifier.installed(paths.node_modules)
    minify = functools.partial(cache.minified, make=minifier.many, maker=minifier.identity)
    assets = static_assets(paths, archive, minify)
    files = {**todo.reused, **made.files, **archive_files, **assets}
    began = time.perf_counter()
    progress("Writing the site")
    site = todo.site(assets)
    publish(files, out_dir, site, held=lock)
    try:
        cache.save(archive, todo, parts, site)
    except Exception as exc:  # after the swap the site has changed: say so, whatever went wrong
        raise _incomplete(out_dir, exc) from exc
    report.seconds["write"] = time.perf_counter() - began
    report.pages, report.rendered = len(pages), len(todo.pages)
    report.files, report.read = len(files), cache.meetings.read
    return report


def _incomplete(out_dir: Path, exc: Exception) -> PublishedIncompletely:
    """The new site is in place but what the next build reuses is not (the cache dropped its record,
    so the next build makes everything again rather than trust a stale one)."""
    reason = os_reason(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
    return PublishedIncompletely(
        f"{os.path.abspath(out_dir)}: the new site is in place (the site did change), but what the next build "
        f"reuses could not be saved beside it: {reason}. Fix that and build again; "
        "the next build makes every page anew."
    )
