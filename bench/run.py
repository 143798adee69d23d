"""The performance benchmark: Minutebook beside MkDocs and Pagefind over synthetic archives.

    python -m bench.run [--sizes 50,500,5000] [--skip-mkdocs] [--skip-browser] [--skip-pagefind]

For each size it generates the archive (bench/generate.py), then measures
builds in fresh processes, the search payload, and search in headless
Chromium over a throttled network. Each size's figures are kept in
bench/results/<size>.json; bench/RESULTS.md is rewritten from all of them, so
sizes can be run at different times.
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
import statistics
import subprocess
import sys
import traceback
from dataclasses import asdict
from pathlib import Path

from . import browser as chromium_search
from . import generate, mkdocs_project, report
from .measure import CommandFailed, payload, timed

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
RESULTS_DIR = BENCH / "results"
PYTHON = sys.executable
SEED = 1
SIZES = (50, 500, 5000)  # 10x, 100x and 1,000x the real archive's five meetings
FIRST_RESULT_WORD = "custody"  # a domain word of middling frequency: results exist at every size
# Rebuilds timed after one meeting changed, each after a different sentence: on two shared cores one
# rebuild can take half as long again as the next, so the figure is their median.
REBUILD_TRIES = 5
from .stages import EDIT  # the same sentence for every rebuild measured

MINUTEBOOK_UI = chromium_search.SearchUI("Minutebook", "search/index.html", "#search-results", "li", "#q")
MKDOCS_UI = chromium_search.SearchUI("MkDocs", "index.html", "#mkdocs-search-results", "article", "#mkdocs-search-query")
PAGEFIND_UI = chromium_search.SearchUI("Pagefind", "pagefind-search.html", "#search", ".pagefind-ui__result-link", ".pagefind-ui__search-input")
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


# ---------------------------------------------------------------- the three tools


def compiled_package() -> None:
    """Byte-compile Minutebook's own modules, as Python does on any first run and pip at install for
    MkDocs and every library: where PYTHONDONTWRITEBYTECODE is set (as on some CI machines), each
    timed run would otherwise compile them from source again, which no editor's machine does."""
    compileall.compile_dir(ROOT / "minutebook", quiet=1)


def minutebook(content: Path, work: Path) -> dict:
    site, staged = fresh(work / "minutebook"), fresh(work / "minutebook-stages")
    compiled_package()
    build = [PYTHON, "build.py", "--content", str(content), "--out", str(site), "--quiet"]
    stages = [PYTHON, "-m", "bench.stages", str(content), str(staged)]
    print("  Minutebook: full build", flush=True)
    full = timed(build, cwd=ROOT)
    full_stages = timed(stages, cwd=ROOT)
    print("  Minutebook: rebuild after one meeting changed", flush=True)
    rebuilds = []
    for n in range(REBUILD_TRIES):  # each sentence differs from the last, so each rebuild has one meeting to redo
        with Edit(edited_meeting(content), EDIT + " Once more." * n):
            rebuilds.append(timed(build, cwd=ROOT))
    with Edit(edited_meeting(content)):
        incremental_stages = timed(stages, cwd=ROOT)
    print("  Minutebook: the preview server's rebuild after one meeting changed", flush=True)
    preview = timed([*stages, "--preview-edit", str(edited_meeting(content))], cwd=ROOT)
    searched = [site / "search", site / "assets" / "lunr.min.js", site / "assets" / "search.js"]
    return {
        "site": str(site.relative_to(ROOT)),
        "build": asdict(full) | {"stdout": ""},
        "stages": json.loads(full_stages.stdout),
        "incremental": {
            "seconds": statistics.median(r.seconds for r in rebuilds),
            "peak_rss_mb": max(r.peak_rss_mb for r in rebuilds),
            "tries": [r.seconds for r in rebuilds],
        },
        "incremental_stages": json.loads(incremental_stages.stdout),
        "preview": json.loads(preview.stdout),
        "payload": asdict(payload(searched)),
        "payload_files": [str(p.relative_to(site)) for p in searched],
        # The index (what ranks) apart from the store (what results show), beside stock lunr.py's index.
        "index_payload": asdict(payload([site / "search" / "index.js", site / "search" / "words", site / "search" / "terms"])),
        "store_payload": asdict(payload([site / "search" / "text"])),
        "lunr_py": lunr_py_payload(content) if STOCK_LUNR_UP_TO >= len(list((content / "meetings").glob("*.md"))) else None,
    }


STOCK_LUNR_UP_TO = 500  # meetings; lunr.py's own index of 5,000 takes minutes to make and says nothing new


def lunr_py_payload(content: Path) -> dict:
    """Bytes of lunr.py's serialised index of the same documents, fields and boosts (json.dumps, as lunr.py's
    users write it), raw and gzip: stock lunr() as the tests hold the search to (tests/index/stock_lunr.py)."""
    import gzip

    from minutebook.outputs.search import documents as index
    from minutebook.link import link
    from minutebook.content.load import load_content
    from minutebook.site.render import Renderer
    from tests.index.stock_lunr import reference_index

    archive = link(load_content(content))
    docs = index.documents(archive, Renderer(archive, ROOT / "templates").texts)
    data = json.dumps(reference_index(docs, {t.theme.slug: t.theme.name for t in archive.themes})).encode()
    return {"documents": len(docs), "raw": len(data), "gzip": len(gzip.compress(data, compresslevel=6, mtime=0))}


def mkdocs(content: Path, work: Path) -> dict:
    config = mkdocs_project.write_project(content, fresh(work / "mkdocs"))
    site, dirty_site = config.parent / "site", config.parent / "site-dirty"
    build = [PYTHON, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    print("  MkDocs: full build", flush=True)
    full = timed(build + ["--site-dir", str(site)], cwd=config.parent)
    searched = asdict(payload([site / "search"]))
    # --dirty rebuilds only changed pages, but then writes a search index of only those pages,
    # so the site it leaves is not a usable one: it runs on a copy, and a full rebuild is timed too.
    shutil.copytree(site, dirty_site)  # copy2 keeps the times --dirty compares
    print("  MkDocs: rebuild after one page changed (full, then --dirty)", flush=True)
    with Edit(config.parent / "docs" / "meetings" / edited_meeting(content).name):
        incremental = timed(build + ["--site-dir", str(site)], cwd=config.parent)
        dirty = timed(build + ["--dirty", "--site-dir", str(dirty_site)], cwd=config.parent)
    version = subprocess.run([PYTHON, "-m", "mkdocs", "--version"], capture_output=True, text=True).stdout
    return {
        "site": str(site.relative_to(ROOT)),
        "pages": sum(1 for _ in site.rglob("*.html")),
        "build": asdict(full) | {"stdout": ""},
        "incremental": asdict(incremental) | {"stdout": ""},
        "dirty": asdict(dirty) | {"stdout": ""},
        "payload": searched,
        "payload_files": ["search/"],
        "version": "MkDocs " + version.split("version ", 1)[-1].split()[0],
    }


def pagefind(minutebook_site: Path, work: Path) -> dict:
    """Pagefind indexing a copy of the Minutebook site; its npm package ships the binary."""
    npm_root = OUT / "pagefind-npm"
    runner = npm_root / "node_modules" / "pagefind" / "lib" / "runner" / "bin.cjs"
    if not runner.is_file():
        print("  Pagefind: npm install --prefix bench/out/pagefind-npm pagefind@1", flush=True)
        subprocess.run(["npm", "install", "--prefix", str(npm_root), "pagefind@1", "--no-audit", "--no-fund", "--loglevel=error"], check=True, capture_output=True, text=True)
    site = fresh(work / "pagefind")
    shutil.copytree(minutebook_site, site, dirs_exist_ok=True)
    print("  Pagefind: indexing the Minutebook site", flush=True)
    indexed = timed(["node", str(runner), "--site", str(site)], cwd=site)
    (site / "pagefind-search.html").write_text(PAGEFIND_PAGE, encoding="utf-8")  # after indexing, so it is not itself indexed
    version = json.loads((npm_root / "node_modules" / "pagefind" / "package.json").read_text())["version"]
    pages = next((line.split()[1] for line in indexed.stdout.splitlines() if "Indexed" in line and "pages" in line), "?")
    return {
        "site": str(site.relative_to(ROOT)),
        "index": asdict(indexed) | {"stdout": ""},
        "pages": pages,
        "payload": asdict(payload([site / "pagefind"])),
        "version": version,
    }


def stubbed(minutebook_site: Path, work: Path) -> Path:
    """A copy of the Minutebook site (hard links) whose search code is bench/stub_search.js: the search
    page as it loads, with no searching, to show what loading it costs before any search work."""
    site = fresh(work / "minutebook-stub")
    shutil.copytree(minutebook_site, site, copy_function=os.link, dirs_exist_ok=True)
    (site / "assets" / "search.js").unlink()  # a link: writing through it would change the real site
    shutil.copyfile(BENCH / "stub_search.js", site / "assets" / "search.js")
    return site


def search_in_browser(results: dict, queries: list[str], timeout: float, work: Path) -> None:
    uis = [("minutebook", MINUTEBOOK_UI, MINUTEBOOK_HOOK), ("mkdocs", MKDOCS_UI, None), ("pagefind", PAGEFIND_UI, None)]
    with chromium_search.chromium() as browser:
        for key, ui, hook in uis:
            if "site" not in results.get(key, {}):
                continue
            print(f"  {ui.name}: search in Chromium", flush=True)
            with chromium_search.serve(ROOT / results[key]["site"]) as (base, log):
                times = chromium_search.measure(browser, base, log, ui, FIRST_RESULT_WORD, queries, timeout_s=timeout, hook=hook)
            results[key]["browser"] = asdict(times)
            if key == "minutebook":
                print("  Minutebook with a stub for its search code: first result in Chromium", flush=True)
                with chromium_search.serve(stubbed(ROOT / results[key]["site"], work)) as (base, log):
                    times = chromium_search.measure(browser, base, log, ui, FIRST_RESULT_WORD, [], timeout_s=timeout)
                results[key]["browser_stub"] = asdict(times)


# ---------------------------------------------------------------- the run


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    meminfo = Path("/proc/meminfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), platform.processor())
    kib = int(next(line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal")))
    chromium_version = subprocess.run([chromium_search.CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip() if Path(chromium_search.CHROMIUM).exists() else "missing"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
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
    results: dict = {
        "size": size,
        "date": dt.datetime.now().astimezone().isoformat(timespec="minutes"),
        "machine": machine(),
        "network": chromium_search.NETWORK_LABEL,
        "first_result_word": FIRST_RESULT_WORD,
        "queries": queries,
        "edited": edited_meeting(content).name,
        "timeout_s": args.timeout,
    }
    results["minutebook"] = minutebook(content, work)
    if not args.skip_mkdocs:
        results["mkdocs"] = attempt("MkDocs", lambda: mkdocs(content, work))
    if not args.skip_pagefind:
        results["pagefind"] = attempt("Pagefind", lambda: pagefind(ROOT / results["minutebook"]["site"], work))
    if not args.skip_browser:
        try:
            search_in_browser(results, queries, args.timeout, work)
        except Exception as exc:  # a missing browser is reported, not fatal: the build figures still stand
            results["browser_error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
    return results


def attempt(name: str, measure) -> dict:
    """A comparison tool that cannot run here is recorded with the reason, and the run goes on."""
    try:
        return measure()
    except (CommandFailed, subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        print(f"  {name} could not be measured: {exc} {detail}".strip(), flush=True)
        return {"error": f"{type(exc).__name__}: {str(exc).strip()[:500]} {detail.strip()[:500]}".strip()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="meeting counts, comma-separated (default: 50,500,5000)")
    parser.add_argument("--skip-mkdocs", action="store_true", help="do not build the MkDocs comparison")
    parser.add_argument("--skip-pagefind", action="store_true", help="do not index with Pagefind")
    parser.add_argument("--skip-browser", action="store_true", help="do not measure search in Chromium")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a search result before recording n/a (default: 10)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    RESULTS_DIR.mkdir(exist_ok=True)
    for size in sizes:
        results = run_size(size, args)
        (RESULTS_DIR / f"{size}.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(report.size_section(results), flush=True)
    everything = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RESULTS_DIR.glob("*.json"), key=lambda p: int(p.stem))]
    (BENCH / "RESULTS.md").write_text(report.document(everything), encoding="utf-8")
    print(f"Wrote {BENCH.relative_to(ROOT) / 'RESULTS.md'} ({', '.join(str(r['size']) for r in everything)} meetings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
