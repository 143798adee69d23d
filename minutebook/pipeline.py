"""The build, top to bottom: load, link, render, index, write.

Each stage is a function from data to data; file I/O happens only in the
first (reading content and assets) and the last (publishing the site).
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import index as search_index
from .link import Archive, link
from .load import parse_content, read_sources
from .model import InvalidContent
from .render import Renderer, plan
from .write import publish

PROJECT = Path(__file__).resolve().parent.parent


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
    seconds: dict = field(default_factory=dict)


class Progress:
    """A progress line on stderr, shown only once a build has taken a second."""

    def __init__(self, stream=sys.stderr, quiet: bool = False):
        self.stream, self.quiet, self.start, self.shown = stream, quiet, time.monotonic(), False

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if self.quiet or time.monotonic() - self.start < 1.0:
            return
        counts = f" {done}/{total}" if total else ""
        end = "\r" if self.stream.isatty() and total else "\n"
        if end == "\n" and total and done not in (total,) and done % max(1, total // 4):
            return  # in logs, a few lines per stage is enough
        self.stream.write(f"{stage}{counts}\x1b[K{end}" if end == "\r" else f"{stage}{counts}{end}")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown and self.stream.isatty():
            self.stream.write("\n")


def load_archive(paths: Paths, report: BuildReport | None = None) -> Archive:
    """Load and link; raises InvalidContent with every problem found."""
    began = time.perf_counter()
    sources, errors = read_sources(paths.content)
    content, more = parse_content(sources)
    if errors + more:
        raise InvalidContent(errors + more)
    mid = time.perf_counter()
    archive = link(content)
    if report is not None:
        report.seconds["load"] = mid - began
        report.seconds["link"] = time.perf_counter() - mid
        report.meetings = len(archive.meetings)
    return archive


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


def render_site(archive: Archive, paths: Paths, base_url: str, report: BuildReport, progress) -> dict[str, bytes]:
    began = time.perf_counter()
    renderer = Renderer(archive, paths.templates, base_url)
    pages = plan(archive)
    files: dict[str, bytes] = {}
    for done, page in enumerate(pages, 1):
        files[page.path] = renderer.render(page).encode("utf-8")
        if done % 50 == 0 or done == len(pages):
            progress("Rendering pages", done, len(pages))
    report.pages = len(pages)
    rendered = time.perf_counter()
    report.seconds["render"] = rendered - began
    progress("Building the search index")
    files.update(search_index.search_files(archive, renderer.texts))
    report.seconds["index"] = time.perf_counter() - rendered
    return files


def build(paths: Paths, out_dir: Path, base_url: str = "", progress=None) -> BuildReport:
    """Build the whole site into `out_dir`, atomically; nothing is written on failure."""
    progress = progress or Progress(quiet=True)
    report = BuildReport()
    archive = load_archive(paths, report)
    files = render_site(archive, paths, base_url, report, progress)
    files.update(static_assets(paths, archive))
    began = time.perf_counter()
    progress("Writing the site")
    publish(files, out_dir)
    report.seconds["write"] = time.perf_counter() - began
    report.files = len(files)
    return report
