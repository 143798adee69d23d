"""The scripts as the site serves them: minified, and doing just what their source does."""

import gzip
import shutil

import pytest

from bench.generate import write_archive
from minutebook.outputs.minify import Minifier, MinifyFailed
from minutebook.outputs.search.scripts import SCRIPTS, scripts
from minutebook.pipeline import shipped_asset
from tests.conftest import FIXTURES, ROOT
from tests.index.lunr_node import SEARCH_AHEAD_JS, SEARCH_JS, SearchPage, write_search_data

# Each way of searching: words, unfinished words, close spellings, phrases, the query language
# (fields, presence, boosts, wildcards), broken syntax, and filters.
QUERIES = [
    "burglary",
    "burglary ",
    "camera",
    "burglery",
    '"community confidence"',
    '"roads',
    "title:roads",
    "+crime -roads",
    "roads^10 crime",
    "bur*",
    "*ary",
    "crime~1",
    "title:",
    "+",
    "~~",
    "",
    ["", {"year": "2019"}],
    ["crime", {"kind": "action"}],
    ["police", {"type": "Performance"}],
    "custody",
    "custody ",
    "staff risk",
    '"the board"',
    "agenc",
    "board^5 -risk",
    "perf*",
    "comunication",
]


MINIFY = Minifier.installed(ROOT / "node_modules")


@pytest.fixture(scope="module")
def shipped_search_js(tmp_path_factory):
    """search.js as the build writes it, beside the search-ahead.js it requires under node."""
    folder = tmp_path_factory.mktemp("assets")
    for source in (SEARCH_JS, SEARCH_AHEAD_JS):
        (folder / source.name).write_bytes(shipped_asset(source.name, source.read_bytes(), MINIFY))
    return folder / SEARCH_JS.name


@pytest.fixture(scope="module", params=["fixture", "generated"])
def search_data(request, tmp_path_factory):
    content = FIXTURES / "search"
    if request.param == "generated":
        content = write_archive(tmp_path_factory.mktemp("generated") / "content", 60, 11)
    return write_search_data(content, tmp_path_factory.mktemp("site") / "search" / "index.js")


def answers(data, script):
    page = SearchPage(data, script)
    try:
        return page.searches(QUERIES)
    finally:
        page.close()


def test_the_search_code_the_site_serves_finds_shows_and_loads_what_its_source_does(search_data, shipped_search_js):
    served = answers(search_data, shipped_search_js)
    assert not [a["error"] for a in served if "error" in a]
    assert any(a["results"] for a in served)
    assert served == answers(search_data, SEARCH_JS)


@pytest.mark.parametrize("source", [SEARCH_JS, SEARCH_AHEAD_JS], ids=lambda p: p.name)
def test_a_script_the_site_serves_is_at_most_two_thirds_of_its_source_gzipped(source):
    served = shipped_asset(source.name, source.read_bytes(), MINIFY)
    assert b"/*" not in served
    assert len(gzip.compress(served, 9)) <= len(gzip.compress(source.read_bytes(), 9)) * 2 / 3


def test_the_stylesheet_the_site_serves_keeps_its_rules_without_comments_or_spaces():
    source = ROOT / "assets" / "style.css"
    served = shipped_asset("style.css", source.read_bytes(), MINIFY)
    assert shipped_asset("style.css", b"/* why */\nbody {\n  margin: 0;\n}\n", MINIFY) == b"body{margin:0}\n"
    assert b"/*" not in served and b"@media print" in served
    assert len(gzip.compress(served, 9)) <= len(gzip.compress(source.read_bytes(), 9)) * 4 / 5


def test_other_assets_are_served_as_they_are():
    icon = (ROOT / "assets" / "favicon.svg").read_bytes()
    assert shipped_asset("favicon.svg", icon, MINIFY) == icon


def test_a_script_the_site_serves_has_its_local_names_shortened():
    served = shipped_asset(SEARCH_JS.name, SEARCH_JS.read_bytes(), MINIFY).decode()
    source = SEARCH_JS.read_text()
    assert "function createEngine(" in source and "function createEngine(" not in served


def test_a_script_esbuild_cannot_read_stops_the_build_naming_the_script():
    with pytest.raises(MinifyFailed, match=r"(?s)search\.js: esbuild refused the script:.*Expected"):
        MINIFY("search.js", b"function broken( {\n")


def test_scripts_minified_together_are_each_as_it_is_minified_alone():
    sources = {name: (ROOT / "assets" / name).read_bytes() for name in ("filters.js", "style.css")}
    sources["search.js"] = SEARCH_JS.read_bytes()
    assert MINIFY.many(sources) == {name: MINIFY(name, source) for name, source in sources.items()}


def test_among_several_scripts_the_one_esbuild_cannot_read_is_named():
    sources = {"style.css": b"body { margin: 0 }", "broken.js": b"function broken( {\n", "fine.js": b"var a = 1;"}
    with pytest.raises(MinifyFailed, match=r"(?s)^broken\.js: esbuild refused the script:.*Expected"):
        MINIFY.many(sources)


def test_a_missing_esbuild_says_how_to_install_it(tmp_path):
    (tmp_path / "node_modules").mkdir()
    with pytest.raises(FileNotFoundError, match=r"node_modules/\.bin/esbuild is missing; run 'make site'"):
        Minifier.installed(tmp_path / "node_modules")


def test_a_search_module_no_served_script_lists_stops_the_build(tmp_path):
    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "assets", assets)
    (assets / "search" / "forgotten.js").write_text("function forgotten() {}\n")
    with pytest.raises(ValueError, match="forgotten.js, which no script lists"):
        scripts(assets)


def test_each_served_search_script_runs_its_modules_in_one_strict_function_of_its_own():
    for name, modules in SCRIPTS.items():
        joined = scripts(ROOT / "assets")[name].decode()
        assert joined.startswith('(function () {\n"use strict";') and joined.endswith("})();\n")
        places = [joined.index((ROOT / "assets" / "search" / module).read_text()) for module in modules]
        assert places == sorted(places)
