"""Draft and cancelled meetings in Debian's Chromium: axe-core finds no WCAG A or AA violation on their pages
or in the lists that label them, wide or at 320 px, light or dark, and the banner fits a small screen."""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import open_page, violations_light_or_dark_wide_or_narrow
from tests.conftest import FIXTURES, build_site, serve

pytestmark = pytest.mark.browser

PAGES = {
    "draft meeting": "meetings/2019-05-28-monthly-assurance/index.html",
    "cancelled meeting": "meetings/2019-06-25-monthly-assurance/index.html",
    "approved meeting": "meetings/2019-04-30-monthly-assurance/index.html",
    "home": "index.html",
    "action": "actions/2019-05-28-1/index.html",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve(build_site(FIXTURES / "status", tmp_path_factory.mktemp("status") / "site")) as url:
        yield url


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, bypass_csp=True
    )  # to inject axe; see test_accessibility
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations_light_or_dark_wide_or_at_320px(tab, server, name):
    open_page(tab, server, PAGES[name])
    assert violations_light_or_dark_wide_or_narrow(tab) == []


def test_the_draft_banner_is_on_screen_whole_at_320px_without_sideways_scrolling(tab, server):
    open_page(tab, server, PAGES["draft meeting"], width=320)
    box = tab.locator(".minutes-banner").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    assert tab.get_by_role("note").inner_text().startswith("Draft minutes: not yet approved")
