"""Hostile content run through every kind of page and the search results: nothing executes."""

import pytest

from tests.conftest import FIXTURES, build_site, serve

pytestmark = pytest.mark.browser

PAGES = [
    "index.html",
    "meetings/index.html",
    "meetings/2019-04-30-monthly-assurance/index.html",
    "actions/index.html",
    "actions/2019-04-30-1/index.html",
    "themes/index.html",
    "themes/roads-policing/index.html",
    "people/index.html",
    "people/amanda-blakeman/index.html",
    "years/index.html",
    "years/2019/index.html",
    "glossary/index.html",
    "search/index.html",
    "404.html",
    "search/index.html?q=xyzzyhostile",
    "search/index.html?q=alert",
    "search/index.html?q=script",
]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    site = build_site(FIXTURES / "hostile", tmp_path_factory.mktemp("hostile-browser") / "site")
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_nothing_from_the_content_runs(page, hostile_server, path):
    page.goto(hostile_server + path)
    page.wait_for_load_state("load")
    if "?q=" in path:
        page.wait_for_selector("body[data-search-ready]")
        assert page.locator("#search-results li").count() > 0
    assert page.problems.dialogs == []
    assert page.problems.errors == []
    assert (
        page.evaluate("document.querySelectorAll('iframe, object, embed, [onerror], [onclick], [onload]').length") == 0
    )
