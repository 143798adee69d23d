"""Results to Markdown: pure functions from the figures run.py keeps to the tables in RESULTS.md.

python -m bench.report    # writes bench/RESULTS.md again from bench/results/*.json, measuring nothing
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .browser import FIRST_RESULT_TRIES
from .schedule import within

STAGES = ("load", "link", "render", "index", "write")

COMMANDS = """\
```sh
make bench BENCH_ARGS="--sizes 50,500 --runs 5 --compare-commit f622f9f"   # or, in the venv:
python -m bench.run --sizes 50,500 --runs 5 --compare-commit f622f9f
#   [--skip-mkdocs] [--skip-hugo] [--skip-pagefind] [--skip-browser] [--timeout 10]

# what it runs for each size N; every command is timed in a fresh process, each round running
# each tool's commands in turn (Minutebook, Minutebook at the old commit, MkDocs twice, Hugo + Pagefind, Pagefind):
python -m bench.generate --meetings N --seed 1 --out bench/out/cN
python build.py --content bench/out/cN --out bench/out/runN/minutebook --quiet\
    # first build (.minutebook_cache/ deleted), full build, then again after editing one meeting
python -m bench.stages bench/out/cN bench/out/runN/minutebook-preview --preview-edit MEETING\
   # the preview server's rebuild
git worktree add --detach bench/out/old-SHA SHA\
                                  # once, and a venv of its deps; then the same two commands, cwd and PYTHONPATH there
python -m mkdocs build --quiet --config-file bench/out/runN/mkdocs/mkdocs.yml --site-dir bench/out/runN/mkdocs/site\
   # again after editing the meeting, and with --dirty on a copy
python -m mkdocs build --quiet --config-file bench/out/runN/mkdocs_default/mkdocs.yml \
--site-dir bench/out/runN/mkdocs_default/site
hugo --quiet --source bench/out/runN/hugo_pagefind --destination bench/out/runN/hugo_pagefind/public\
   # then Pagefind on public/; both again after the edit
npm install --prefix bench/out/pagefind-npm pagefind@1\
                         # once; the npm package ships Pagefind's binary
node bench/out/pagefind-npm/node_modules/pagefind/lib/runner/bin.cjs --site bench/out/runN/pagefind\
   # a copy of Minutebook's site
python -m bench.stages bench/out/cN bench/out/runN/minutebook-stages\
            # once, after the rounds: BuildReport.seconds
```
"""

METHOD = """\
## How each figure is measured

- **Rounds**: every build figure is taken `--runs` times (5 by default), the
  tools taking turns within each round (Minutebook, Minutebook at the old
  commit, MkDocs with `prebuild_index: python`, MkDocs with its default search,
  Hugo + Pagefind, Pagefind on Minutebook's site; then the same in reverse
  order, so no tool always follows another's writes), and the table
  shows the median with the least and greatest in brackets. On a machine
  shared with other work one build can take half as long again as the next;
  taking turns lets a slow spell fall on every tool alike, so the ratios, all
  of medians from the same run, are fair. Search payloads are measured once, on
  the sites the last round left.
- **Build time and peak memory**: wall-clock time of the command in a new
  process; peak memory is `ru_maxrss` from `os.wait4`, the resident set of the
  largest single process in the command's tree (the build's forked workers
  included, one at a time, not summed: they share most pages with the parent).
  CPU time is user plus system time from the same `os.wait4`, summed over the
  command's processes (the build's workers included): it is what the work
  costs, and it moves far less than wall time when other work shares the
  cores, so it tells a slow spell on the machine from slower code.
  Minutebook's modules are byte-compiled first (`compileall`), as Python does on
  any first run and as pip did for MkDocs and every library at install; where
  `PYTHONDONTWRITEBYTECODE` is set, each run would otherwise compile them again.
- **Full build and first build**: a full build is into a new, empty folder.
  Minutebook keeps the templates it compiled and the scripts it minified
  beside its code (`.minutebook_cache/`), for every build of the same code on
  the computer, so the full build is timed with them there, as for every build
  but the first after the code changes; the first build is timed just before
  it, with that folder deleted. An old commit that keeps no such folder
  compiles and minifies in every build, so its two figures are alike.
- **Stages**: `BuildReport.seconds` from a second, separate full build through
  `minutebook.pipeline.build` (`bench/stages.py`). Pages are rendered on worker
  processes, each meeting's part of the search and of the open data made beside
  its page; `index` is the time taken after rendering to join the search files
  and make the feed, calendar and open data, as the pipeline reports it. `load`
  + `link` + `render` + `index` + `write` is less than the wall time, which also
  counts Python starting, imports and copying assets.
- **Rebuild after one meeting changed**: in each round, after the full build,
  one sentence is appended to the middle meeting's file, and the same command
  is run into the same output folder; whatever `python build.py` does is what
  is measured (the line above each table says how many pages it re-rendered).
  MkDocs is timed the same way (a full build, which is what gives a correct
  site) and, on a copy of its site, with `--dirty`, its own incremental mode,
  which re-renders only the changed page but then writes a search index of that
  page alone. Hugo has no incremental mode outside its development server: its
  rebuild is `hugo` and Pagefind again. The file is restored afterwards.
- **MkDocs** is built twice over: with its search plugin's defaults (the
  browser builds the lunr index from `search_index.json` when search is first
  used) and with `prebuild_index: python`, which makes the index at build time
  as Minutebook does and is most of MkDocs's build time. Both use the default
  `mkdocs` theme; only the home page and one page per year are in the
  navigation.
- **Hugo + Pagefind**: Debian's `hugo` builds a project the benchmark writes
  (`bench/hugo_project.py`: a page per meeting with its title and date as front
  matter and its body as written, a list, minimal layouts, no theme), then
  Pagefind indexes `public/`, only the meetings' main element marked
  `data-pagefind-body`. The figure is the two commands' times added and the
  larger peak memory; each is also shown alone.
- **Minutebook at an older commit** (`--compare-commit`): the commit is checked
  out with `git worktree add --detach` into `bench/out/old-SHA` (with this
  checkout's `node_modules` linked beside it) and its own `build.py` and
  `bench/stages.py` are run from that folder and with it as `PYTHONPATH`, so it
  imports its own code, by the same Python version in a virtual environment of
  its own (`bench/out/old-SHA/.venv`, made once) holding the dependencies that
  commit declares. Old and new take turns in every round and in the browser.
- **Preview server's rebuild**: what `python build.py serve` does when an
  editor saves a file: `python -m bench.stages ... --preview-edit FILE` builds,
  adds the same sentence to the same meeting, and builds again in the same
  process, handed the meetings the first build read; the figure is that second
  build from start to end (no Python start-up or imports, as in the server).
- **Search payload**: every file the search needs, as stored and gzipped at
  level 6. Minutebook: `search/` (the page; `index.js`, with every meeting
  and document's field lengths; `words/`, the terms by range, and `terms/`, the
  postings by year and range of terms, of which a query fetches its terms'
  ranges; `text/`, one file per
  meeting, fetched for the results shown), `assets/lunr.min.js` and
  `assets/search.js`. MkDocs: `search/`
  (`search_index.json` with the prebuilt lunr index, `lunr.js`, `main.js`,
  `worker.js`). Pagefind: the whole `pagefind/` folder it wrote, of which a
  browser fetches only the parts a query needs.
- **Search in the browser**: Debian's Chromium (headless, the arguments in
  `tests/conftest.py`) through Playwright, each try in a new browser context
  with the cache off, the network throttled with the DevTools protocol's
  `Network.emulateNetworkConditions`. The site is served from 127.0.0.1 by a
  small server that gzips text files as a production server would.
  - *First result*: from the start of navigation to `search page?q=WORD` until
    the first result element is in the page (observed from the document's
    start, so it is the time a visitor waits); median of {tries} tries, the
    sites taking turns (least and greatest in brackets). The result
    elements are `#search-results li` (Minutebook), `#mkdocs-search-results
    article` (MkDocs's default theme, whose search runs in a Web Worker) and
    `.pagefind-ui__result-link` (Pagefind's default UI, on a page written into
    the copy of Minutebook's site and into Hugo's `public/`). No result within the timeout is recorded as n/a.
  - *First result with a stub for the search code*: the same, on a copy of
    Minutebook's site whose `assets/search.js` is `bench/stub_search.js`. It
    runs where the search code would, waits for the files `search-ahead.js`
    asked for the word, then draws a placeholder. So it is what loading the page
    and those files costs before any searching, and the difference from the
    row above is what the search itself adds (scoring, then fetching and
    drawing the first result's text).
  - *Fetched before the first result*: bytes the server sent (headers and
    gzipped bodies) for requests that arrived before the first result appeared,
    Web Worker and WebAssembly fetches included.
  - *Typed query*: on the loaded page, each query is put into the search box
    with the events a browser sends when typing (`input`, then `keyup`), and the
    time until a new first result is drawn is taken; the median over the
    queries is shown. It includes each page's own pause for typing (Minutebook
    waits 120 ms after the last key, Pagefind's UI 300 ms; MkDocs searches on
    every key-up). *Search and drawing alone* is Minutebook's own
    `data-search-ms` hook for the same queries.
- **Ratios** divide Minutebook's median by the peer's, or the new code's by the
  old commit's, from the same run: below 1 means faster or smaller. "Within
  10% or better" is a ratio of at most 1.10.
- **Sizes measured before issue 25** (shown as "an earlier run") had one sample
  per figure and only MkDocs with `prebuild_index: python`.
"""


def _num(value, digits: int = 1) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    return f"{value:,.{digits}f}"


def _seconds(value) -> str:
    return _num(value, 2 if value is not None and not isinstance(value, str) and value < 10 else 1)


def _kb(value) -> str:
    return "n/a" if value is None else f"{value / 1024:,.0f}"


def _ratio(ours, theirs) -> str:
    if not isinstance(ours, (int, float)) or not isinstance(theirs, (int, float)) or not theirs:
        return "–"
    return f"{ours / theirs:.2f}×"


def _get(results: dict, *keys):
    value = results
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def comparison_rows(r: dict) -> list[tuple[str, object, object, object, str]]:
    """(what, Minutebook, MkDocs, Pagefind, how to show them) for the main table."""
    mb, mk, pf = r.get("minutebook", {}), r.get("mkdocs", {}), r.get("pagefind", {})
    stages = mb.get("incremental_stages", {})
    rendered = f"{stages['rendered']:,} of {stages['pages']:,}" if stages else None
    typed_n = lambda tool: _get(tool, "browser", "typed_measured")  # noqa: E731
    return [
        (
            "Full build, s",
            _get(mb, "build", "seconds"),
            _get(mk, "build", "seconds"),
            _get(pf, "index", "seconds"),
            "s",
        ),
        (
            "Full build, peak memory, MB",
            _get(mb, "build", "peak_rss_mb"),
            _get(mk, "build", "peak_rss_mb"),
            _get(pf, "index", "peak_rss_mb"),
            "n",
        ),
        (
            "Rebuild after one meeting changed, s",
            _get(mb, "incremental", "seconds"),
            _get(mk, "incremental", "seconds"),
            None,
            "s",
        ),
        ("Preview server's rebuild after one meeting changed, s", _get(mb, "preview", "wall"), None, None, "s"),
        (
            "Rebuild, peak memory, MB",
            _get(mb, "incremental", "peak_rss_mb"),
            _get(mk, "incremental", "peak_rss_mb"),
            None,
            "n",
        ),
        (
            "MkDocs's --dirty rebuild, s (its search index then holds only the changed page)",
            None,
            _get(mk, "dirty", "seconds"),
            None,
            "s",
        ),
        ("Pages rendered in the rebuild", rendered, None, None, "t"),
        ("Search payload, KB", _get(mb, "payload", "raw"), _get(mk, "payload", "raw"), _get(pf, "payload", "raw"), "k"),
        (
            "Search payload gzipped, KB",
            _get(mb, "payload", "gzip"),
            _get(mk, "payload", "gzip"),
            _get(pf, "payload", "gzip"),
            "k",
        ),
        (
            "First result on fast 4G, ms",
            _get(mb, "browser", "first_result_ms"),
            _get(mk, "browser", "first_result_ms"),
            _get(pf, "browser", "first_result_ms"),
            "n0",
        ),
        (
            "First result with a stub for the search code (no searching), ms",
            _get(mb, "browser_stub", "first_result_ms"),
            None,
            None,
            "n0",
        ),
        (
            "Fetched before the first result, KB",
            _get(mb, "browser", "first_result_bytes"),
            _get(mk, "browser", "first_result_bytes"),
            _get(pf, "browser", "first_result_bytes"),
            "k",
        ),
        (
            f"Typed query, median ms (of {typed_n(mb) or 0} / {typed_n(mk) or 0} / {typed_n(pf) or 0} queries)",
            _get(mb, "browser", "typed_median_ms"),
            _get(mk, "browser", "typed_median_ms"),
            _get(pf, "browser", "typed_median_ms"),
            "n0",
        ),
        (
            "Search and drawing alone (Minutebook's hook), median ms",
            _get(mb, "browser", "engine_median_ms"),
            None,
            None,
            "n",
        ),
    ]


def _show(value, how: str, present: bool) -> str:
    if not present:
        return "–"
    if how == "s":
        return _seconds(value)
    if how == "k":
        return _kb(value)
    if how == "n0":
        return _num(value, 0)
    if how == "t":
        return value or "–"
    return _num(value)


def legacy_section(r: dict) -> str:
    """A size measured before issue 25: one sample per figure, MkDocs with prebuild_index: python only."""
    mb, mk, pf = r.get("minutebook", {}), r.get("mkdocs", {}), r.get("pagefind", {})
    has_browser = "browser" in mb
    lines = [
        f"## {r['size']:,} meetings (an earlier run: one sample per figure)",
        "",
        f"Run {r['date']} at commit `{r['machine']['commit']}`. Minutebook built "
        f"{_get(mb, 'stages', 'pages') or '?':,} pages ({_get(mb, 'stages', 'files') or '?':,} files); "
        f"MkDocs {mk.get('pages', '–') if 'error' not in mk else '–'} pages; "
        f"Pagefind indexed {pf.get('pages', '–') if 'error' not in pf else '–'} pages.",
        "",
        f"| | Minutebook | {mk.get('version', 'MkDocs')} | Minutebook ÷ MkDocs | Pagefind {pf.get('version', '')} |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, ours, theirs, pagefind, how in comparison_rows(r):
        browser_row = "fast 4G" in label or "stub" in label or "Fetched" in label or "Typed" in label or "hook" in label
        present = (not browser_row) or has_browser
        mk_shown = _show(theirs, how, present and "error" not in mk and theirs is not None)
        pf_shown = _show(pagefind, how, present and "error" not in pf and pagefind is not None)
        if label.startswith("Full build") and pf_shown != "–":
            pf_shown += " (indexing only)"
        ratio = _ratio(ours, theirs) if present and how != "t" else "–"
        measured_then = (
            not label.startswith("First result with a stub") or "browser_stub" in mb
        )  # a row added after some runs
        ours_shown = _show(ours, how, present and measured_then and not label.startswith("MkDocs's"))
        lines.append(f"| {label} | {ours_shown} | {mk_shown} | {ratio} | {pf_shown} |")
    stock = mb.get("lunr_py")
    if stock and "index_payload" in mb:
        index_kb, store_kb = mb["index_payload"]["gzip"], mb["store_payload"]["gzip"]
        lines += [
            "",
            f"Search files beside stock lunr.py's serialised index of the same {stock['documents']:,} documents "
            "(gzip): Minutebook's index (`search/index.js`, `search/words/` and `search/terms/`) "
            f"{_kb(index_kb)} KB, {_ratio(index_kb, stock['gzip'])} of lunr.py's "
            f"{_kb(stock['gzip'])} KB; with the result store (`search/text/`, every result's title, link and text, "
            f"fetched only for results shown) {_kb(index_kb + store_kb)} KB, "
            f"{_ratio(index_kb + store_kb, stock['gzip'])}.",
        ]
    lines += [
        "",
        "Minutebook's stages (`BuildReport.seconds`), seconds:",
        "",
        "| stage | full build | rebuild after one meeting changed |",
        "| --- | ---: | ---: |",
    ]
    for stage in STAGES:
        lines.append(
            f"| {stage} | {_seconds(_get(mb, 'stages', 'seconds', stage))} | "
            f"{_seconds(_get(mb, 'incremental_stages', 'seconds', stage))} |"
        )
    notes = []
    tries = _get(mb, "incremental", "tries")
    if tries:
        notes.append(
            "- Minutebook's rebuilds after one meeting changed, in the order run, s: "
            f"{', '.join(_seconds(t) for t in tries)} (the table gives their median)."
        )
    for name, tool in (("MkDocs", mk), ("Pagefind", pf)):
        if "error" in tool:
            notes.append(f"- {name} could not be measured: {tool['error']}")
    for name, tool in (("Minutebook", mb), ("MkDocs", mk), ("Pagefind", pf)):
        note = _get(tool, "browser", "note")
        if note:
            notes.append(f"- {name} in the browser: {note}.")
    if "browser_error" in r:
        notes.append(f"- Search in the browser could not be measured: {r['browser_error']}")
    if not has_browser and "browser_error" not in r:
        notes.append("- Search in the browser was not measured in this run (`--skip-browser`).")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- alternated runs (issue 25 on)

# (column, tool key, heading): the peers table's columns, left to right. Hugo and Pagefind alone are
# parts of the Hugo + Pagefind tool's figures, shown beside their sum.
PEER_COLUMNS = (
    ("minutebook", "minutebook", "Minutebook"),
    ("mkdocs", "mkdocs", "MkDocs, `prebuild_index: python`"),
    ("mkdocs_default", "mkdocs_default", "MkDocs, default search"),
    ("hugo_pagefind", "hugo_pagefind", "Hugo + Pagefind"),
    ("hugo", "hugo_pagefind", "Hugo alone"),
    ("pagefind_hugo", "hugo_pagefind", "Pagefind alone, on Hugo's site"),
    ("pagefind", "pagefind", "Pagefind on Minutebook's site"),
)
RATIO_AFTER = ("mkdocs", "mkdocs_default", "hugo_pagefind")  # the peers a user would pick instead

_BUILD = {
    key: ("figures", "build", "{}") for key in ("minutebook", "mkdocs", "mkdocs_default", "hugo_pagefind", "pagefind")
} | {"hugo": ("figures", "hugo", "{}"), "pagefind_hugo": ("figures", "pagefind", "{}")}
_REBUILD = {
    key: ("figures", "rebuild", "{}") for key in ("minutebook", "mkdocs", "mkdocs_default", "hugo_pagefind")
} | {"hugo": ("figures", "hugo_rebuild", "{}"), "pagefind_hugo": ("figures", "pagefind_rebuild", "{}")}
_PAYLOAD = {
    key: ("payload", "{}")
    for key in ("minutebook", "mkdocs", "mkdocs_default", "hugo_pagefind", "pagefind_hugo", "pagefind")
}
_BROWSER = {key: ("browser", "{}") for key in ("minutebook", "mkdocs", "mkdocs_default", "hugo_pagefind", "pagefind")}


def _fill(paths: dict, value: str) -> dict:
    return {column: tuple(value if part == "{}" else part for part in path) for column, path in paths.items()}


# (label, how to show, {column: path into that column's tool}); "browser" rows need the browser run.
PEER_ROWS = (
    ("Full build, s", "s", _fill(_BUILD, "seconds")),
    ("Full build, CPU time (user + system), s", "s", _fill(_BUILD, "cpu_seconds")),
    ("Full build, peak memory, MB", "n", _fill(_BUILD, "peak_rss_mb")),
    ("Rebuild after one meeting changed, s", "s", _fill(_REBUILD, "seconds")),
    ("Rebuild, CPU time (user + system), s", "s", _fill(_REBUILD, "cpu_seconds")),
    ("Rebuild, peak memory, MB", "n", _fill(_REBUILD, "peak_rss_mb")),
    ("Preview server's rebuild after one meeting changed, s", "s", {"minutebook": ("figures", "preview")}),
    (
        "MkDocs's --dirty rebuild, s (its search index then holds only the changed page)",
        "s",
        {"mkdocs": ("figures", "dirty", "seconds"), "mkdocs_default": ("figures", "dirty", "seconds")},
    ),
    ("Search payload, KB", "k", _fill(_PAYLOAD, "raw")),
    ("Search payload gzipped, KB", "k", _fill(_PAYLOAD, "gzip")),
    ("First result on fast 4G, ms", "n0", _fill(_BROWSER, "first_result_ms")),
    (
        "First result with a stub for the search code (no searching), ms",
        "n0",
        {"minutebook": ("browser_stub", "first_result_ms")},
    ),
    ("Fetched before the first result, KB", "k", _fill(_BROWSER, "first_result_bytes")),
    ("Typed query, median ms", "n0", _fill(_BROWSER, "typed_median_ms")),
    ("Search and drawing alone (Minutebook's hook), median ms", "n", {"minutebook": ("browser", "engine_median_ms")}),
)

# The old-and-new table: (label, how to show, path into each Minutebook).
OLD_NEW_ROWS = (
    ("First build of the code on this computer, s", "s", ("figures", "first_build", "seconds")),
    ("First build, CPU time (user + system), s", "s", ("figures", "first_build", "cpu_seconds")),
    ("Full build, s", "s", ("figures", "build", "seconds")),
    ("Full build, CPU time (user + system), s", "s", ("figures", "build", "cpu_seconds")),
    ("Full build, peak memory, MB", "n", ("figures", "build", "peak_rss_mb")),
    ("Rebuild after one meeting changed, s", "s", ("figures", "rebuild", "seconds")),
    ("Rebuild, CPU time (user + system), s", "s", ("figures", "rebuild", "cpu_seconds")),
    ("Rebuild, peak memory, MB", "n", ("figures", "rebuild", "peak_rss_mb")),
    ("Preview server's rebuild after one meeting changed, s", "s", ("figures", "preview")),
    ("Search payload, KB", "k", ("payload", "raw")),
    ("Search payload gzipped, KB", "k", ("payload", "gzip")),
    ("First result on fast 4G, ms", "n0", ("browser", "first_result_ms")),
    ("Fetched before the first result, KB", "k", ("browser", "first_result_bytes")),
    ("Typed query, median ms", "n0", ("browser", "typed_median_ms")),
    ("Search and drawing alone (Minutebook's hook), median ms", "n", ("browser", "engine_median_ms")),
)


def _median(figure):
    """A figure's middle value: the median of a spread, or the figure itself."""
    return figure.get("median") if isinstance(figure, dict) else figure


def _cell(figure, how: str) -> str:
    """A figure as shown: the median, and for repeated samples their least–greatest in brackets."""
    if figure is None:
        return "–"
    shown = _show(_median(figure), how, True)
    if isinstance(figure, dict) and figure.get("min") is not None and figure["min"] != figure["max"]:
        shown += f" ({_show(figure['min'], how, True)}–{_show(figure['max'], how, True)})"
    return shown


def _first_result(tool: dict, key: str = "browser"):
    """The first-result figure as a spread, from the samples the browser run kept."""
    times = tool.get(key)
    if not isinstance(times, dict) or times.get("first_result_ms") is None:
        return None
    samples = times.get("first_result_samples") or []
    return {"median": times["first_result_ms"], "min": min(samples, default=None), "max": max(samples, default=None)}


def _figure(tool: dict, path: tuple):
    if path[-1] == "first_result_ms":
        return _first_result(tool, path[0])
    return _get(tool, *path)


def _browser_row(label: str) -> bool:
    return any(word in label for word in ("fast 4G", "stub", "Fetched", "Typed", "hook"))


def peers_table(r: dict) -> list[str]:
    tools = r.get("tools", {})
    head, rule = [""], ["---"]
    for column, key, heading in PEER_COLUMNS:
        if key not in tools:
            continue
        version = tools[key].get("version", "")
        head.append(heading + (f" ({version})" if column in ("mkdocs", "hugo_pagefind") and version else ""))
        rule.append("---:")
        if column in RATIO_AFTER:
            head.append("Minutebook ÷ it")
            rule.append("---:")
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(rule) + " |"]
    ours_tool = tools.get("minutebook", {})
    for label, how, paths in PEER_ROWS:
        ours = _median(_figure(ours_tool, paths["minutebook"])) if "minutebook" in paths else None
        cells = [label]
        for column, key, _ in PEER_COLUMNS:
            if key not in tools:
                continue
            tool = tools[key]
            figure = _figure(tool, paths[column]) if column in paths and "error" not in tool else None
            cells.append(_cell(figure, how))
            if column in RATIO_AFTER:
                cells.append(_ratio(ours, _median(figure)) if figure is not None else "–")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def old_new_table(r: dict) -> list[str]:
    tools = r.get("tools", {})
    old, new = tools.get("minutebook_old", {}), tools.get("minutebook", {})
    sha = r.get("compare_commit") or "old"
    lines = [
        f"| | Minutebook at `{sha}` | Minutebook now (`{r['machine']['commit']}`) | now ÷ `{sha}` "
        f"| within 10% of `{sha}` or better |",
        "| --- | ---: | ---: | ---: | :---: |",
    ]
    for label, how, path in OLD_NEW_ROWS:
        before, after = _figure(old, path), _figure(new, path)
        ratio = _ratio(_median(after), _median(before))
        lines.append(
            f"| {label} | {_cell(before, how)} | {_cell(after, how)} | {ratio} | "
            f"{within(_median(after), _median(before))} |"
        )
    return lines


def size_section(r: dict) -> str:
    if "tools" not in r:
        return legacy_section(r)
    tools = r["tools"]
    mb = tools.get("minutebook", {})
    order = "; ".join(tools[key]["label"] for key in r.get("order", []) if key in tools)
    counted = "; ".join(
        f"{t['label']} {t['pages'] if isinstance(t.get('pages'), str) else format(t.get('pages', 0), ',')} pages"
        + (f" (Pagefind indexed {t['indexed']})" if t.get("indexed") else "")
        for t in tools.values()
        if "pages" in t
    )
    stages = r.get("incremental_stages")
    lines = [
        f"## {r['size']:,} meetings",
        "",
        f"Run {r['date']} at commit `{r['machine']['commit']}`. Each build figure is the median of {r['runs']} runs "
        f"(least–greatest in brackets), the tools taking turns in every round, every other round in reverse: {order}. "
        f"Search in the browser: the median of {FIRST_RESULT_TRIES} loads of each search page, the sites taking turns. "
        f"Built: {counted}."
        + (f" Minutebook's rebuild rendered {stages['rendered']:,} of {stages['pages']:,} pages." if stages else "")
        + (
            " Load average (1 minute) at the start and the end: "
            + " and ".join(f"{x:.1f}" for x in r["load_average"])
            + f" on {r['machine']['cores']} cores."
            if r.get("load_average")
            else ""
        ),
        "",
        "Minutebook beside its peers (ratios are Minutebook's median ÷ the peer's, from this run; "
        "below 1 is faster or smaller):",
        "",
        *peers_table(r),
    ]
    if "minutebook_old" in tools:
        lines += [
            "",
            f"Minutebook at `{r.get('compare_commit')}` and now, taking turns in the same run:",
            "",
            *old_new_table(r),
        ]
    stock = r.get("lunr_py")
    if stock and "documents" in stock and "index_payload" in mb:
        index_kb, store_kb = mb["index_payload"]["gzip"], mb["store_payload"]["gzip"]
        lines += [
            "",
            f"Search files beside stock lunr.py's serialised index of the same {stock['documents']:,} documents "
            "(gzip): Minutebook's index (`search/index.js`, `search/words/` and `search/terms/`) "
            f"{_kb(index_kb)} KB, {_ratio(index_kb, stock['gzip'])} of lunr.py's {_kb(stock['gzip'])} KB; "
            f"with the result store (`search/text/`) {_kb(index_kb + store_kb)} KB, "
            f"{_ratio(index_kb + store_kb, stock['gzip'])}.",
        ]
    if r.get("stages"):
        lines += [
            "",
            "Minutebook's stages (`BuildReport.seconds`, one build each), seconds:",
            "",
            "| stage | full build | rebuild after one meeting changed |",
            "| --- | ---: | ---: |",
        ]
        for stage in STAGES:
            lines.append(
                f"| {stage} | {_seconds(_get(r, 'stages', 'seconds', stage))} | "
                f"{_seconds(_get(r, 'incremental_stages', 'seconds', stage))} |"
            )
    notes = []
    for tool in tools.values():
        if "error" in tool:
            notes.append(f"- {tool['label']} could not be measured: {tool['error']}")
        note = _get(tool, "browser", "note")
        if note:
            notes.append(f"- {tool['label']} in the browser: {note}.")
    if _get(r, "lunr_py", "error"):
        notes.append(f"- Stock lunr.py's index could not be made: {r['lunr_py']['error']}")
    if "browser_error" in r:
        notes.append(f"- Search in the browser could not be measured: {r['browser_error']}")
    elif "browser" not in mb:
        notes.append("- Search in the browser was not measured in this run (`--skip-browser`).")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def machine_lines(results: list[dict]) -> list[str]:
    seen, lines = set(), []
    for r in results:
        m = r["machine"]
        key = (m["cpu"], m["cores"], m["ram_gib"], m["python"], m["chromium"])
        if key in seen:
            continue
        seen.add(key)
        sizes = ", ".join(
            f"{x['size']:,}"
            for x in results
            if (
                x["machine"]["cpu"],
                x["machine"]["cores"],
                x["machine"]["ram_gib"],
                x["machine"]["python"],
                x["machine"]["chromium"],
            )
            == key
        )
        lines.append(
            f"- {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM; Python {m['python']}; {m['chromium']}; "
            f"Node {m['node']} (sizes: {sizes})"
        )
    return lines


def document(results: list[dict]) -> str:
    first = results[0] if results else {}
    parts = [
        "# Benchmark results",
        "",
        "Written by `python -m bench.run` (`make bench`); each size's raw figures are in `bench/results/<size>.json`.",
        "The archives are synthetic (`bench/generate.py`, seed 1): 10, 100 and 1,000 times the real",
        "archive's five meetings, each about 1,450 words in 5 to 10 agenda items over a 15,000-word vocabulary.",
        "",
        "Machine:",
        "",
        *machine_lines(results),
        "",
        f"Network in the browser: {first.get('network', '')}. First-result query: "
        f"`{first.get('first_result_word', '')}`;",
        f"typed queries: {', '.join(f'`{q}`' for q in first.get('queries', []))}.",
        f"n/a means no result within {first.get('timeout_s', 10):g} s.",
        "",
        "Commands:",
        "",
        COMMANDS,
    ]
    for r in results:
        parts.append(size_section(r))
    parts.append(METHOD.replace("{tries}", str(FIRST_RESULT_TRIES)))
    return "\n".join(parts)


def main() -> int:
    bench = Path(__file__).resolve().parent
    everything = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((bench / "results").glob("*.json"), key=lambda p: int(p.stem))
    ]
    (bench / "RESULTS.md").write_text(document(everything), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
