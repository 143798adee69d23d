"""lunr.js, and the browser's search engine (assets/search/, joined as the build joins it), run under node."""

import atexit
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.outputs.search.files import search_files
from minutebook.outputs.search.scripts import scripts
from minutebook.site.render import Renderer
from tests.conftest import ROOT

LUNR_JS = ROOT / "node_modules" / "lunr" / "lunr.js"


def _joined_scripts() -> Path:
    """assets/search/ joined into search.js and search-ahead.js as the build joins them (not minified),
    side by side, as search.js requires search-ahead.js under node; in a folder of this process's own."""
    folder = Path(tempfile.mkdtemp(prefix="minutebook-search-js-"))
    atexit.register(shutil.rmtree, folder, True)
    for name, data in scripts(ROOT / "assets").items():
        (folder / name).write_bytes(data)
    return folder


SCRIPTS = _joined_scripts()
SEARCH_JS = SCRIPTS / "search.js"
SEARCH_AHEAD_JS = SCRIPTS / "search-ahead.js"

# Loads search/index.js, then each words, term and text file when the engine asks for it, as the page does;
# answers each line, [text, filters], with a line saying what the page would show.
ENGINE = """
const lunr = require(process.argv[1]);
const path = require('path');
global.window = {};
require(process.argv[3]);
const site = path.dirname(path.dirname(process.argv[3]));
const files = {words: window.MINUTEBOOK_SEARCH_WORDS = {}, terms: window.MINUTEBOOK_SEARCH_TERMS = {}, \
texts: window.MINUTEBOOK_SEARCH_TEXTS = {}};
const engine = require(process.argv[2]).createEngine(lunr, window.MINUTEBOOK_SEARCH, files);
const loaded = new Set();
function load(paths) {
  for (const p of paths) {
    if (loaded.has(p)) throw new Error('asked twice for ' + p);
    loaded.add(p);
    require(path.join(site, p));
  }
}
const show = pieces => pieces.map(p => p.mark ? '[' + p.text + ']' : p.text).join('');
function answer([text, filters, order]) {
  try {
    let found;
    const asked = [];  // what the search itself asked for, before the results shown need their texts
    while ((found = engine.search(text, filters || {}, order)).missing) { \
asked.push(...found.missing); load(found.missing); }
    load(engine.textsFor(found.results));
    return {
      mode: found.mode,
      unfiltered: found.unfiltered,
      people: found.people,
      also: found.also,
      loaded: Array.from(loaded).sort(),
      asked: asked,
      results: found.results.map(r => {
        const d = engine.describe(r, found);
        return {url: d.url, kind: d.kind, number: d.number, lacking: d.lacking, terms: r.terms, \
title: show(d.title), itemTitle: show(d.itemTitle), people: show(d.people),
                snippet: show(d.snippet), year: d.year, type: d.type, themes: d.themes, \
status: d.status, result: d.result};
      }),
    };
  } catch (e) {
    return {error: String(e && e.stack || e)};
  }
}
require('readline').createInterface({input: process.stdin}).on('line', line => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(answer)) + '\\n');
});
"""


def _node() -> str:
    executable = shutil.which("node")
    if not executable:
        pytest.fail("node is needed to run lunr.js")
    return executable


def node(script: str, payload, args=()):
    """Run `script` (with `args` as process.argv[1:]) with `payload` as JSON on its stdin; its stdout, read as JSON."""
    run = subprocess.run(
        [_node(), "-e", script, *args], input=json.dumps(payload), capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def write_search_data(content: Path, out: Path) -> Path:
    """search/index.js for `content`, with the term and text files under it, as the build writes them; returns index.js.

    `out` is the index.js to write, in a folder named search."""
    assert out.parent.name == "search"
    archive = link(load_content(content))
    for path, data in search_files(archive, Renderer(archive, ROOT / "templates").texts).items():
        target = out.parent.parent / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return out


class SearchPage:
    """search.js (or `script`) over one search/index.js and the files it loads, in a node process kept for many
    questions."""

    def __init__(self, data: Path, script: Path = SEARCH_JS):
        self.data = data
        self.process = subprocess.Popen(
            [_node(), "-e", ENGINE, str(LUNR_JS), str(script), str(data)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def searches(self, calls: list) -> list[dict]:
        """What the page finds for each of `calls`: a text, or [text, filters] or [text, filters, order]."""
        calls = [[c, {}] if isinstance(c, str) else list(c) for c in calls]
        self.process.stdin.write(json.dumps(calls) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "node stopped"
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)
