"""The index stock lunr.py builds loads in lunr.js and ranks as in lunr.py; the browser makes that index and
ranks as lunr.js."""

import pytest
from lunr.index import Index
from lunr.pipeline import Pipeline

from bench.generate import write_archive
from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.outputs.search.documents import documents
from minutebook.outputs.search.layout import SEPARATORS, separator_source
from minutebook.site.render import Renderer
from tests.bodies.sites import CITY
from tests.conftest import ASSURANCE, FIXTURES, ROOT
from tests.index.lunr_node import LUNR_JS, SEARCH_JS, node, write_search_data
from tests.index.stock_lunr import js_stemmer, reference_index

QUERIES = [
    "ANPR",
    "armed policing",
    "coercive control",
    "roads",
    "SOCJAG chairs",
    "title:dogs",
    "victim satisfaction",
    "drones",
    "key survey days",
    "journey delays",
]  # the last two: words lunr.py's own stemmer makes other terms of

SEARCH = """
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const lunr = require(input.lunr);
lunr.tokenizer.separator = lunr.QueryLexer.termSeparator = new RegExp(input.separator);
const idx = lunr.Index.load(input.index);
const out = {};
for (const q of input.queries) out[q] = idx.search(q).slice(0, 5).map(r => r.ref);
process.stdout.write(JSON.stringify(out));
"""

SPLITS = """
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const separator = new RegExp(input.separator);
const out = [];
for (let code = 0; code < 0x3000; code++) if (separator.test(String.fromCharCode(code))) out.push(code);
process.stdout.write(JSON.stringify(out));
"""

ASSEMBLE = """
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const fs = require('fs'), path = require('path');
global.window = {};
require(input.index);
const site = path.dirname(path.dirname(input.index));
for (const folder of ['words', 'terms', 'text']) {
  for (const name of fs.readdirSync(path.join(site, 'search', folder))) \
require(path.join(site, 'search', folder, name));
}
const search = require(input.search);
const opened = search.open(window.MINUTEBOOK_SEARCH, \
{words: window.MINUTEBOOK_SEARCH_WORDS, terms: window.MINUTEBOOK_SEARCH_TERMS, \
texts: window.MINUTEBOOK_SEARCH_TEXTS});
process.stdout.write(JSON.stringify(search.serialise(opened)));
"""


# The browser's own scoring beside lunr.js's Index.query over the index the browser makes: each query is
# lunr's query language, or clauses as the search page builds them ({term, ...options}).
SCORED_ALIKE = """
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const fs = require('fs'), path = require('path');
const lunr = require(input.lunr);
global.window = {};
require(input.index);
const site = path.dirname(path.dirname(input.index));
for (const folder of ['words', 'terms']) {
  for (const name of fs.readdirSync(path.join(site, 'search', folder))) \
require(path.join(site, 'search', folder, name));
}
const search = require(input.search);
const engine = search.createEngine(lunr, window.MINUTEBOOK_SEARCH, \
{words: window.MINUTEBOOK_SEARCH_WORDS, terms: window.MINUTEBOOK_SEARCH_TERMS, texts: {}});
const made = search.serialise(engine.opened), number = new Map();
made.invertedIndex.forEach(([term, posting], n) => { number.set(term, n); posting._index = n; });
made.fieldVectors = made.fieldVectors.map(([ref, v]) => [ref, v.map((x, i) => i % 2 ? x : number.get(x))]);
made.pipeline = ['stemmer'];
const index = lunr.Index.load(made);
const builder = asked => q => typeof asked === 'string'
  ? new lunr.QueryParser(asked, q).parse()
  : asked.forEach(c => q.term(c.term, c));
const shown = results => results.map(r => [+r.ref, r.score, Object.keys(r.matchData.metadata).sort()]);
const out = input.queries.map(asked => ({asked, ours: shown(engine.query(builder(asked))), \
lunr: shown(index.query(builder(asked)))}));
process.stdout.write(JSON.stringify(out));
"""

SCORED_QUERIES = [
    "custody",
    "custody review",
    "+custody +review",
    "+custody -review",
    "-custody",
    "custod*",
    "*ody",
    "c*y",
    "title:custody^5 text:review",
    "custdy~1",
    "recieve~2 budget",
    "+nosuchword custody",
    "people:chief",
    "themes:custody meeting:board",
    "year:2019",
    "police performance plan",
    "+police performance -plan^3",
    [
        {"term": "custodi", "usePipeline": False, "boost": 10},
        {"term": "custody", "usePipeline": False, "wildcard": 2},
        {"term": "custodi", "usePipeline": False, "wildcard": 2},
        {"term": "custod", "usePipeline": False},
    ],
    [{"term": "polic", "usePipeline": False, "presence": 2}, {"term": "perf", "usePipeline": False, "wildcard": 2}],
    [
        {"term": "budget", "usePipeline": False, "presence": 2, "editDistance": 1},
        {"term": "plan", "usePipeline": False, "presence": 3},
    ],
]


def named(serialised: dict) -> dict:
    """A serialised lunr index with each term's number replaced by the term: the numbers are the builder's
    own choice (lunr.py numbers terms as it meets them, the browser in sorted order) and rank nothing."""
    inverted = serialised["invertedIndex"]
    if inverted and "_index" in inverted[0][1]:
        number = {posting["_index"]: term for term, posting in inverted}
        inverted = [[term, {k: v for k, v in posting.items() if k != "_index"}] for term, posting in inverted]
        vectors = [[ref, [x if i % 2 else number[x] for i, x in enumerate(v)]] for ref, v in serialised["fieldVectors"]]
    else:
        vectors = serialised["fieldVectors"]
    # Within a vector, elements are in term order; the order of terms differs as their numbers do.
    vectors = {ref: dict(zip(v[::2], v[1::2], strict=True)) for ref, v in vectors}
    return {
        "version": serialised["version"],
        "fields": serialised["fields"],
        "fieldVectors": vectors,
        "invertedIndex": dict(inverted),
    }


def lunr_py_index(content):
    archive = link(load_content(content))
    renderer = Renderer(archive, ROOT / "templates")
    names = {t.theme.slug: t.theme.name for t in archive.themes}
    return reference_index(documents(archive, renderer.texts), names)


@pytest.fixture(scope="module")
def serialised():
    return lunr_py_index(ASSURANCE)


def test_lunr_js_returns_the_same_top_results_as_lunr_py(serialised):
    from_js = node(
        SEARCH, {"lunr": str(LUNR_JS), "index": serialised, "queries": QUERIES, "separator": separator_source()}
    )
    index = Index.load(serialised)
    # The index names its search pipeline "stemmer", which lunr.js loads as its own; lunr.py would load its
    # own stemmer, which is not lunr.js's ("days" -> "dai"), so it is given the port of lunr.js's.
    index.pipeline = Pipeline()
    index.pipeline.add(js_stemmer)
    from_py = {q: [r["ref"] for r in index.search(q)[:5]] for q in QUERIES}
    assert all(from_js[q] for q in QUERIES if q != "title:dogs")
    assert from_js == from_py


def test_the_browser_is_told_to_split_words_where_the_index_did():
    splits = node(SPLITS, {"separator": separator_source()})
    assert {chr(c) for c in splits} == set(SEPARATORS)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Forty synthetic meetings: thousands of words, and actions raised and updated (bench/generate.py)."""
    return write_archive(tmp_path_factory.mktemp("generated") / "content", 40, 7)


@pytest.mark.parametrize("content", [ASSURANCE, FIXTURES / "search", "generated", CITY])
def test_the_browser_makes_from_the_term_files_exactly_the_index_lunr_py_builds(content, generated, tmp_path):
    content = generated if content == "generated" else content
    index_js = write_search_data(content, tmp_path / "search" / "index.js")
    assert named(node(ASSEMBLE, {"search": str(SEARCH_JS), "index": str(index_js)})) == named(lunr_py_index(content))


@pytest.mark.parametrize("content", [ASSURANCE, "generated"])
def test_the_browser_scores_every_query_exactly_as_lunr_js_does_over_the_same_index(content, generated, tmp_path):
    content = generated if content == "generated" else content
    index_js = write_search_data(content, tmp_path / "search" / "index.js")
    answers = node(
        SCORED_ALIKE,
        {"lunr": str(LUNR_JS), "search": str(SEARCH_JS), "index": str(index_js), "queries": SCORED_QUERIES},
    )
    assert sum(1 for a in answers if a["lunr"]) >= len(SCORED_QUERIES) // 2  # most queries find something to rank
    for answer in answers:
        assert answer["ours"] == answer["lunr"], answer["asked"]


def test_the_index_names_the_lunr_version_the_site_ships_and_lunr_py_targets():
    import json

    import lunr

    from minutebook.outputs.search import wire
    from tests.conftest import ROOT

    shipped = json.loads((ROOT / "node_modules" / "lunr" / "package.json").read_text())["version"]
    assert wire.VERSION == shipped == lunr.__TARGET_JS_VERSION__
