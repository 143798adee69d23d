"""The prebuilt index loads in lunr.js and ranks results as lunr.py does."""
import json
import shutil
import subprocess

import pytest
from lunr.index import Index

from minutebook.index import build_index, documents
from minutebook.load import load_content
from minutebook.link import link
from minutebook.render import Renderer
from tests.conftest import ROOT

QUERIES = ["ANPR", "armed policing", "coercive control", "roads", "SOCJAG chairs", "title:dogs", "victim satisfaction", "drones"]

NODE_SCRIPT = """
const lunr = require(process.argv[1]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
lunr.tokenizer.separator = /[\s\-\/()\[\]<>"=;!?,]+/;
const idx = lunr.Index.load(input.index);
const out = {};
for (const q of input.queries) out[q] = idx.search(q).slice(0, 5).map(r => r.ref);
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def serialised():
    archive = link(load_content(ROOT / "content"))
    renderer = Renderer(archive, ROOT / "templates")
    names = {t.theme.slug: t.theme.name for t in archive.themes}
    return build_index(documents(archive, renderer.texts), names)


def test_lunr_js_returns_the_same_top_results_as_lunr_py(serialised):
    node = shutil.which("node")
    assert node, "node is needed to run lunr.js"
    lunr_js = ROOT / "node_modules" / "lunr" / "lunr.js"
    run = subprocess.run(
        [node, "-e", NODE_SCRIPT, str(lunr_js)],
        input=json.dumps({"index": serialised, "queries": QUERIES}),
        capture_output=True, text=True, check=True,
    )
    from_js = json.loads(run.stdout)
    index = Index.load(serialised)
    from_py = {q: [r["ref"] for r in index.search(q)[:5]] for q in QUERIES}
    assert all(from_js[q] for q in QUERIES if q != "title:dogs")
    assert from_js == from_py


def test_the_browser_splits_words_where_the_index_did():
    import re

    from minutebook.index import SEPARATORS

    script = (ROOT / "assets" / "search.js").read_text()
    pattern = re.search(r"lunr\.tokenizer\.separator = /(.*?)/;", script).group(1)
    splits = {c for c in map(chr, range(32, 127)) if re.fullmatch(pattern, c)} | {c for c in "\t\n\r\f\v\xa0" if re.fullmatch(pattern, c)}
    assert splits == set(SEPARATORS)
