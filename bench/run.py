"""The performance benchmark: Minutebook beside MkDocs, Hugo and Pagefind over synthetic archives.

    python -m bench.run [--sizes 50,500,5000] [--runs 5] [--compare-commit f622f9f]
                        [--skip-mkdocs] [--skip-hugo] [--skip-pagefind] [--skip-browser]

For each size it generates the archive (bench/generate.py), then times each
tool's full build and rebuild in fresh processes, `--runs` rounds with the
tools taking turns in every round, and reports medians (with least and
greatest); ratios are of medians from the same run. Then the search payload,
and search in headless Chromium over a throttled network, the sites again
taking turns. With --compare-commit, Minutebook as it was at that commit is one
more column, so old and new are timed side by side. Each size's figures are
kept in bench/results/<size>.json; bench/RESULTS.md is rewritten from all of
them, so sizes can be run at different times.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import traceback
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path

from minutebook.pipeline import compiled_store

from . import browser as chromium_search
from . import generate, hugo_project, mkdocs_project, report, schedule
from .measure import CommandFailed, Run, payload, timed
from .stages import EDIT  # the same sentence for every rebuild measured

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
RESULTS_DIR = BENCH / "results"
PYTHON = sys.executable
SEED = 1
SIZES = (50, 500, 5000)  # 10x, 100x and 1,000x the real archive's five meetings
COMPILED = compiled_store({}).name  # what a build compiles of the templates and scripts, beside its code
FIRST_RESULT_WORD = "custody"  # a domain word of middling frequency: results exist at every size
# Rounds: on two shared cores one build can take half as long again as the next, so each figure is
# the median of several, every tool taking its turn in each round.
RUNS = 5

MINUTEBOOK_UI = chromium_search.SearchUI("Minutebook", "search/index.html", "#search-results", "li", "#q")
MKDOCS_UI = chromium_search.SearchUI(
    "MkDocs", "index.html", "#mkdocs-search-results", "article", "#mkdocs-search-query"
)
PAGEFIND_UI = chromium_search.SearchUI(
    "Pagefind", "pagefind-search.html", "#search", ".pagefind-ui__result-link", ".pagefind-ui__search-input"
)
MINUTEBOOK_HOOK = "document.body.getAttribute('data-search-ms')"  # assets/search.js: the search and drawing alone

# Pagefind's default UI on a page of its own, opened with ?q= like the other two.
PAGEFIND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind search</title>
<link href="pagefind/pagefind-ui.css" rel="stylesheet">
<script src="pagefind/pagefind-ui.js"></script></head>
<body><main><h1>Search</h1><div id="search"></div></main>
<script>
window.addEventListener("DOMContentLoaded", function () {
  var ui = new PagefindUI({ element: "#search", showSubResults: false });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
});
</script></body></html>
"""


# ---------------------------------------------------------------- inputs


def content_for(size: int) -> Path:
    """The generated archive, made again only when the generator or its seed changed."""
    folder = OUT / f"c{size}"
    stamp = OUT / f"c{size}.stamp"
    sources = b"".join((BENCH / name).read_bytes() for name in ("generate.py", "lexicon.py"))
    expected = f"{SEED} {size} {hashlib.sha256(sources).hexdigest()}"
    if not (folder.is_dir() and stamp.is_file() and stamp.read_text() == expected):
        print(f"  generating {size} meetings", flush=True)
        generate.write_archive(folder, size, SEED)
        stamp.write_text(expected)
    return folder


def edited_meeting(content: Path) -> Path:
    """The meeting edited for the rebuild measurement: the middle one, so nothing about it is special."""
    meetings = sorted((content / "meetings").glob("*.md"))
    return meetings[len(meetings) // 2]


class Edit:
    """Add one sentence to a file for the duration of a with-block, then put it back exactly."""

    def __init__(self, path: Path, sentence: str = EDIT):
        self.path, self.original, self.sentence = path, path.read_bytes(), sentence

    def __enter__(self):
        self.path.write_bytes(self.original.rstrip(b"\n") + self.sentence.encode() + b"\n")
        return self

    def __exit__(self, *exc):
        self.path.write_bytes(self.original)


def fresh(path: Path) -> Path:
    """An empty place for a site: the folder goes, and with it what a build keeps beside it (its spare,
    manifest and kept parts), so a full build is timed from nothing."""
    for kept in path.parent.glob(f".{path.name}.*"):
        shutil.rmtree(kept) if kept.is_dir() and not kept.is_symlink() else kept.unlink()
    if path.exists():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


# ---------------------------------------------------------------- the tools


def pagefind_runner() -> Path:
    """Pagefind's npm package, installed once under bench/out: it ships the binary for this machine."""
    npm_root = OUT / "pagefind-npm"
    runner = npm_root / "node_modules" / "pagefind" / "lib" / "runner" / "bin.cjs"
    if not runner.is_file():
        print("  Pagefind: npm install --prefix bench/out/pagefind-npm pagefind@1", flush=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(npm_root), "pagefind@1", "--no-audit", "--no-fund", "--loglevel=error"],
            check=True,
            capture_output=True,
            text=True,
        )
    return runner


def pagefind_version() -> str:
    return json.loads((OUT / "pagefind-npm" / "node_modules" / "pagefind" / "package.json").read_text())["version"]


def pages_indexed(run: Run) -> str:
    return next((line.split()[1] for line in run.stdout.splitlines() if "Indexed" in line and "pages" in line), "?")


def both(first: Run, then: Run) -> Run:
    """Two commands run one after the other as one figure: their times added, the larger peak."""
    cpu = (
        first.cpu_seconds + then.cpu_seconds if first.cpu_seconds is not None and then.cpu_seconds is not None else None
    )
    return Run(first.seconds + then.seconds, max(first.peak_rss_mb, then.peak_rss_mb), then.stdout, cpu)


class Tool:
    """One column of the tables: `prepare` once, `sample` once a round (timed figures: a Run or seconds),
    then `finish` for what does not change from round to round (payload, versions, page counts)."""

    key = label = ""
    site: Path
    ui: chromium_search.SearchUI
    hook: str | None = None

    def prepare(self) -> None:
        pass

    def sample(self, n: int) -> dict:
        raise NotImplementedError

    def finish(self) -> dict:
        return {}


class Minutebook(Tool):
    """`python build.py` from a folder of Minutebook's code: this worktree, or an old commit's checkout,
    whose own modules it imports (cwd and PYTHONPATH are that folder)."""

    ui, hook = MINUTEBOOK_UI, MINUTEBOOK_HOOK

    def __init__(self, key: str, label: str, code: Path, content: Path, work: Path, python: Path | str = PYTHON):
        self.key, self.label, self.code, self.content, self.python = key, label, code, content, str(python)
        self.site, self.preview_site = work / key, work / f"{key}-preview"
        # Each tree keeps what it compiles beside its own code (not where MINUTEBOOK_CACHE might say).
        self.env = {name: value for name, value in os.environ.items() if name != "MINUTEBOOK_CACHE"}
        self.env["PYTHONPATH"] = str(code)

    def prepare(self) -> None:
        compileall.compile_dir(self.code / "minutebook", quiet=1)

    def sample(self, n: int) -> dict:
        build = [self.python, "build.py", "--content", str(self.content), "--out", str(fresh(self.site)), "--quiet"]
        # The first build of this code on the computer: nothing compiled yet beside the code (an old commit
        # has no such folder, and every full build of it is its first).
        shutil.rmtree(self.code / COMPILED, ignore_errors=True)
        first = timed(build, cwd=self.code, env=self.env)
        fresh(self.site)
        full = timed(build, cwd=self.code, env=self.env)
        with Edit(edited_meeting(self.content)):
            rebuild = timed(build, cwd=self.code, env=self.env)
        preview = [
            self.python,
            "-m",
            "bench.stages",
            str(self.content),
            str(fresh(self.preview_site)),
            "--preview-edit",
            str(edited_meeting(self.content)),
        ]
        preview_wall = json.loads(timed(preview, cwd=self.code, env=self.env).stdout)["wall"]
        return {"first_build": first, "build": full, "rebuild": rebuild, "preview": preview_wall}

    def finish(self) -> dict:
        searched = [self.site / "search", self.site / "assets" / "lunr.min.js", self.site / "assets" / "search.js"]
        return {
            "pages": sum(1 for _ in self.site.rglob("*.html")),
            "payload": asdict(payload(searched)),
            "payload_files": [str(p.relative_to(self.site)) for p in searched],
            # The index (what ranks) apart from the store (what results show), beside stock lunr.py's index.
            "index_payload": asdict(
                payload(
                    [self.site / "search" / "index.js", self.site / "search" / "words", self.site / "search" / "terms"]
                )
            ),
            "store_payload": asdict(payload([self.site / "search" / "text"])),
        }


class MkDocs(Tool):
    """MkDocs 1.6 over the same meetings, with its search plugin as configured (`prebuild` or its defaults)."""

    ui = MKDOCS_UI

    def __init__(self, key: str, label: str, prebuild: bool, content: Path, work: Path):
        self.key, self.label, self.prebuild, self.content, self.root = key, label, prebuild, content, work / key
        self.site, self.dirty_site = self.root / "site", self.root / "site-dirty"

    def prepare(self) -> None:
        self.config = mkdocs_project.write_project(self.content, self.root, self.prebuild)

    def sample(self, n: int) -> dict:
        build = [PYTHON, "-m", "mkdocs", "build", "--quiet", "--config-file", str(self.config)]
        full = timed(build + ["--site-dir", str(fresh(self.site))], cwd=self.root)
        # --dirty rebuilds only changed pages, but then writes a search index of only those pages,
        # so the site it leaves is not a usable one: it runs on a copy, and a full rebuild is timed too.
        shutil.copytree(self.site, fresh(self.dirty_site))  # copy2 keeps the times --dirty compares
        with Edit(self.root / "docs" / "meetings" / edited_meeting(self.content).name):
            rebuild = timed(build + ["--site-dir", str(self.site)], cwd=self.root)
            dirty = timed(build + ["--dirty", "--site-dir", str(self.dirty_site)], cwd=self.root)
        return {"build": full, "rebuild": rebuild, "dirty": dirty}

    def finish(self) -> dict:
        version = subprocess.run(
            [PYTHON, "-m", "mkdocs", "--version"], capture_output=True, text=True, check=True
        ).stdout
        return {
            "pages": sum(1 for _ in self.site.rglob("*.html")),
            "payload": asdict(payload([self.site / "search"])),
            "payload_files": ["search/"],
            "version": "MkDocs " + version.split("version ", 1)[-1].split()[0],
        }


class HugoPagefind(Tool):
    """Debian's hugo builds a project of the same meetings, then Pagefind indexes its public/ folder."""

    ui = PAGEFIND_UI

    def __init__(self, key: str, label: str, content: Path, work: Path):
        self.key, self.label, self.content, self.root = key, label, content, work / key
        self.site = self.root / "public"

    def prepare(self) -> None:
        if shutil.which("hugo") is None:
            raise FileNotFoundError("hugo is not installed; 'make bench' installs Debian's hugo")
        self.runner = pagefind_runner()
        hugo_project.write_project(self.content, self.root)

    def _build(self) -> tuple[Run, Run]:
        hugo = timed(["hugo", "--quiet", "--source", str(self.root), "--destination", str(self.site)], cwd=self.root)
        indexed = timed(["node", str(self.runner), "--site", str(self.site)], cwd=self.root)
        (self.site / "pagefind-search.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
        self.indexed = pages_indexed(indexed)
        return hugo, indexed

    def sample(self, n: int) -> dict:
        fresh(self.site)
        hugo, indexed = self._build()
        # Hugo has no incremental mode outside its server: a rebuild is the same two commands again.
        with Edit(self.root / "content" / "meetings" / edited_meeting(self.content).name):
            hugo_again, indexed_again = self._build()
        return {
            "build": both(hugo, indexed),
            "hugo": hugo,
            "pagefind": indexed,
            "rebuild": both(hugo_again, indexed_again),
            "hugo_rebuild": hugo_again,
            "pagefind_rebuild": indexed_again,
        }

    def finish(self) -> dict:
        version = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=True).stdout.split()
        return {
            "pages": sum(1 for p in self.site.rglob("*.html") if p.name != "pagefind-search.html"),
            "indexed": self.indexed,
            "payload": asdict(payload([self.site / "pagefind"])),
            "payload_files": ["pagefind/"],
            "version": (
                f"Hugo {version[1].split('+')[0].lstrip('v') if len(version) > 1 else '?'} + Pagefind "
                f"{pagefind_version()}"
            ),
        }


class PagefindOnMinutebook(Tool):
    """Pagefind indexing a copy of Minutebook's site (as the new code last built it)."""

    ui = PAGEFIND_UI

    def __init__(self, key: str, label: str, source: Path, work: Path):
        self.key, self.label, self.source, self.site = key, label, source, work / key

    def prepare(self) -> None:
        self.runner = pagefind_runner()

    def sample(self, n: int) -> dict:
        shutil.copytree(self.source, fresh(self.site), dirs_exist_ok=True)
        indexed = timed(["node", str(self.runner), "--site", str(self.site)], cwd=self.site)
        (self.site / "pagefind-search.html").write_text(
            PAGEFIND_PAGE, encoding="utf-8"
        )  # after indexing, so it is not itself indexed
        self.indexed = pages_indexed(indexed)
        return {"build": indexed}

    def finish(self) -> dict:
        return {
            "pages": self.indexed,
            "payload": asdict(payload([self.site / "pagefind"])),
            "version": f"Pagefind {pagefind_version()}",
        }


def figures(samples: list[dict]) -> dict:
    """Each timed figure over the rounds: a spread of seconds (and of peak memory, for a command)."""
    made: dict = {}
    for name in samples[0]:
        values = [s[name] for s in samples]
        if isinstance(values[0], Run):
            made[name] = {
                "seconds": schedule.spread([v.seconds for v in values]),
                "peak_rss_mb": schedule.spread([v.peak_rss_mb for v in values]),
            }
            if all(v.cpu_seconds is not None for v in values):
                made[name]["cpu_seconds"] = schedule.spread([v.cpu_seconds for v in values])
        else:
            made[name] = schedule.spread(values)
    return made


def old_checkout(commit: str) -> tuple[Path, Path]:
    """The commit's code in bench/out/old-<sha> (a detached git worktree, made once), with this
    checkout's node_modules beside it, as its build reads lunr from there, and the Python of a
    virtual environment holding the dependencies that commit declares (they differ from today's)."""
    sha = subprocess.run(
        ["git", "rev-parse", "--short", f"{commit}^{{commit}}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    folder = OUT / f"old-{sha}"
    if not (folder / "build.py").is_file():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(folder), sha],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
    modules = folder / "node_modules"
    if not modules.exists():
        modules.symlink_to((ROOT / "node_modules").resolve())
    venv = folder / ".venv"
    python = venv / "bin" / "python"
    if not (venv / ".installed").is_file():
        subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", str(folder)], check=True)
        (venv / ".installed").touch()
    return folder, python


def tools_for(content: Path, work: Path, args) -> list[Tool]:
    """The columns, in the order each round runs them."""
    new = Minutebook("minutebook", "Minutebook", ROOT, content, work)
    tools: list[Tool] = [new]
    if args.compare_commit:
        folder, python = old_checkout(args.compare_commit)
        label = f"Minutebook at {folder.name.removeprefix('old-')}"
        tools.append(Minutebook("minutebook_old", label, folder, content, work, python))
    if not args.skip_mkdocs:
        tools.append(MkDocs("mkdocs", "MkDocs, prebuild_index: python", True, content, work))
        tools.append(MkDocs("mkdocs_default", "MkDocs, default search", False, content, work))
    if not args.skip_hugo:
        tools.append(HugoPagefind("hugo_pagefind", "Hugo + Pagefind", content, work))
    if not args.skip_pagefind:
        tools.append(PagefindOnMinutebook("pagefind", "Pagefind on Minutebook's site", new.site, work))
    return tools


def measure_tools(tools: list[Tool], runs: int) -> dict:
    """Every tool `runs` times, taking turns within each round; a tool that fails is recorded and dropped."""
    results: dict = {}
    samples: dict[str, list[dict]] = {}
    for tool in tools:
        results[tool.key] = {"label": tool.label}
        prepared = attempt(tool.label, tool.prepare)
        if "error" in prepared:
            results[tool.key]["error"] = prepared["error"]
        else:
            samples[tool.key] = []
    for n, key in schedule.rounds(list(samples), runs):
        tool = next(t for t in tools if t.key == key)
        if "error" in results[key]:
            continue
        print(f"  round {n + 1} of {runs}: {tool.label}", flush=True)
        sampled = attempt(tool.label, tool.sample, n)
        if "error" in sampled:
            results[key]["error"] = sampled["error"]
        else:
            samples[key].append(sampled["value"])
    for tool in tools:
        if "error" not in results[tool.key]:
            results[tool.key] |= {
                "site": str(tool.site.relative_to(ROOT)),
                "figures": figures(samples[tool.key]),
                **tool.finish(),
            }
    return results


def search_in_browser(results: dict, tools: list[Tool], queries: list[str], timeout: float, work: Path) -> None:
    """First result and typed queries on every site built, the sites taking turns."""
    measured = [t for t in tools if "site" in results[t.key]]
    with chromium_search.chromium() as browser, ExitStack() as stack:
        sites = []
        for tool in measured:
            base, log = stack.enter_context(chromium_search.serve(tool.site))
            sites.append(chromium_search.Site(tool.key, base, log, tool.ui, tool.hook))
        if "minutebook" in results and "site" in results["minutebook"]:
            base, log = stack.enter_context(chromium_search.serve(stubbed(ROOT / results["minutebook"]["site"], work)))
            sites.append(chromium_search.Site("minutebook_stub", base, log, MINUTEBOOK_UI, typed=False))
        print(f"  search in Chromium: {', '.join(s.key for s in sites)}, taking turns", flush=True)
        times = chromium_search.measure_alternating(browser, sites, FIRST_RESULT_WORD, queries, timeout_s=timeout)
    for key, measured_times in times.items():
        if key == "minutebook_stub":
            results["minutebook"]["browser_stub"] = asdict(measured_times)
        else:
            results[key]["browser"] = asdict(measured_times)


def stubbed(minutebook_site: Path, work: Path) -> Path:
    """A copy of the Minutebook site (hard links) whose search code is bench/stub_search.js: the search
    page as it loads, with no searching, to show what loading it costs before any search work."""
    site = fresh(work / "minutebook-stub")
    shutil.copytree(minutebook_site, site, copy_function=os.link, dirs_exist_ok=True)
    (site / "assets" / "search.js").unlink()  # a link: writing through it would change the real site
    shutil.copyfile(BENCH / "stub_search.js", site / "assets" / "search.js")
    return site


STOCK_LUNR_UP_TO = 500  # meetings; lunr.py's own index of 5,000 takes minutes to make and says nothing new


def stages(content: Path, work: Path) -> dict:
    """Minutebook's BuildReport for a full build and for a rebuild after one meeting changed (new code only)."""
    staged = fresh(work / "minutebook-stages")
    command = [PYTHON, "-m", "bench.stages", str(content), str(staged)]
    full = timed(command, cwd=ROOT)
    with Edit(edited_meeting(content)):
        again = timed(command, cwd=ROOT)
    return {"stages": json.loads(full.stdout), "incremental_stages": json.loads(again.stdout)}


def lunr_py_payload(content: Path) -> dict:
    """Bytes of lunr.py's serialised index of the same documents, fields and boosts (json.dumps, as lunr.py's
    users write it), raw and gzip: stock lunr() as the tests hold the search to (tests/index/stock_lunr.py)."""
    import gzip

    from minutebook.content.load import load_content
    from minutebook.link import link
    from minutebook.outputs.search import documents
    from minutebook.site.render import Renderer
    from tests.index.stock_lunr import reference_index

    archive = link(load_content(content))
    docs = documents.documents(archive, Renderer(archive, ROOT / "templates").texts)
    data = json.dumps(reference_index(docs, {t.theme.slug: t.theme.name for t in archive.themes})).encode()
    return {"documents": len(docs), "raw": len(data), "gzip": len(gzip.compress(data, compresslevel=6, mtime=0))}


# ---------------------------------------------------------------- the run


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    meminfo = Path("/proc/meminfo").read_text()
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    kib = int(next(line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal")))
    chromium_version = (
        subprocess.run([chromium_search.CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
        if Path(chromium_search.CHROMIUM).exists()
        else "missing"
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "ram_gib": round(kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "chromium": chromium_version,
        "node": subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip(),
        "commit": commit,
    }


def run_size(size: int, args) -> dict:
    print(f"{size} meetings", flush=True)
    content = content_for(size)
    work = OUT / f"run{size}"
    vocabulary = generate.vocabulary_for(SEED)
    queries = generate.query_words(vocabulary)
    tools = tools_for(content, work, args)
    results: dict = {
        "size": size,
        "date": dt.datetime.now().astimezone().isoformat(timespec="minutes"),
        "machine": machine(),
        "runs": args.runs,
        "order": [t.key for t in tools],
        "compare_commit": tools[1].code.name.removeprefix("old-")
        if len(tools) > 1 and isinstance(tools[1], Minutebook)
        else None,
        "network": chromium_search.NETWORK_LABEL,
        "first_result_word": FIRST_RESULT_WORD,
        "queries": queries,
        "edited": edited_meeting(content).name,
        "timeout_s": args.timeout,
        "load_average": [os.getloadavg()[0]],  # how busy the shared machine was, at the start and the end
    }
    results["tools"] = measure_tools(tools, args.runs)
    if "error" not in results["tools"]["minutebook"]:
        print("  Minutebook: stages of a full build and of a rebuild", flush=True)
        results |= stages(content, work)
        if STOCK_LUNR_UP_TO >= size:
            # In a child process: made here, the index would grow this process, and every command it
            # starts afterwards (the next size's builds) would report that memory as its own peak.
            made = [
                PYTHON,
                "-c",
                "import json, sys; from pathlib import Path; from bench.run import lunr_py_payload; "
                "print(json.dumps(lunr_py_payload(Path(sys.argv[1]))))",
                str(content),
            ]
            results["lunr_py"] = json.loads(
                subprocess.run(made, cwd=ROOT, capture_output=True, text=True, check=True).stdout
            )
    if not args.skip_browser:
        try:
            search_in_browser(results["tools"], tools, queries, args.timeout, work)
        except Exception as exc:  # a missing browser is reported, not fatal: the build figures still stand
            results["browser_error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
    results["load_average"].append(os.getloadavg()[0])
    return results


def attempt(name: str, measure, *args) -> dict:
    """{"value": measure(*args)}, or, for a tool that cannot run here, {"error": the reason}: the run goes on."""
    try:
        return {"value": measure(*args)}
    except (CommandFailed, subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        print(f"  {name} could not be measured: {exc} {detail}".strip(), flush=True)
        return {"error": f"{type(exc).__name__}: {str(exc).strip()[:500]} {detail.strip()[:500]}".strip()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="meeting counts, comma-separated (default: 50,500,5000)"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=RUNS,
        help=f"rounds: each build figure is the median of this many runs, the tools taking turns (default: {RUNS})",
    )
    parser.add_argument(
        "--compare-commit",
        metavar="COMMIT",
        help=(
            "also time Minutebook as it was at COMMIT (checked out in bench/out/old-SHA), "
            "taking turns with this checkout"
        ),
    )
    parser.add_argument("--skip-mkdocs", action="store_true", help="do not build the MkDocs comparisons")
    parser.add_argument("--skip-hugo", action="store_true", help="do not build the Hugo + Pagefind comparison")
    parser.add_argument("--skip-pagefind", action="store_true", help="do not index Minutebook's site with Pagefind")
    parser.add_argument("--skip-browser", action="store_true", help="do not measure search in Chromium")
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds to wait for a search result before recording n/a (default: 10)",
    )
    args = parser.parse_args(argv)
    # Stopped with SIGTERM, the run unwinds as from Ctrl-C, so an edited meeting is put back as it was.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    RESULTS_DIR.mkdir(exist_ok=True)
    for size in sizes:
        results = run_size(size, args)
        (RESULTS_DIR / f"{size}.json").write_text(
            json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(report.size_section(results), flush=True)
    report.main()
    print(f"Wrote {BENCH.relative_to(ROOT) / 'RESULTS.md'} from bench/results/*.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
