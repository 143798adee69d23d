"""A parish council's meeting page, with its payments table, in Debian's Chromium: axe finds nothing at
full width or at 320 px, and the wide table scrolls within its own region, never the page. A US city
council's archive, in its own locale, is searched there too."""

from __future__ import annotations

import pytest

from tests.bodies.sites import CITY, JUNE, NOVEMBER, PARISH, build
from tests.browser.test_accessibility import open_page, violations_light_or_dark_wide_or_narrow
from tests.browser.test_search import links, results, search
from tests.conftest import serve

pytestmark = pytest.mark.browser

TABLE = ".minutes .table-scroll"


@pytest.fixture(scope="module")
def parish_server(tmp_path_factory):
    with serve(build(PARISH, tmp_path_factory.mktemp("parish") / "site")) as url:
        yield url


@pytest.fixture(scope="module")
def city_server(tmp_path_factory):
    with serve(build(CITY, tmp_path_factory.mktemp("citycouncil") / "site")) as url:
        yield url


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context.new_page()
    context.close()


def test_axe_finds_no_violations_on_the_parish_meeting_page(tab, parish_server):
    open_page(tab, parish_server, NOVEMBER)
    assert violations_light_or_dark_wide_or_narrow(tab) == []


def test_axe_finds_no_violations_on_a_members_page_with_the_interests_they_declared(tab, parish_server):
    open_page(tab, parish_server, "people/tom-avery/index.html")
    assert tab.locator("#declared").count() == 1
    assert violations_light_or_dark_wide_or_narrow(tab) == []


def test_at_320px_the_declarations_do_not_make_the_page_scroll_sideways(tab, parish_server):
    for path in (NOVEMBER, "people/tom-avery/index.html"):
        open_page(tab, parish_server, path, width=320)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_at_320px_the_payments_table_scrolls_within_its_region_and_the_page_does_not(tab, parish_server):
    open_page(tab, parish_server, NOVEMBER, width=320)
    region = tab.locator(TABLE)
    assert region.evaluate("box => box.scrollWidth > box.clientWidth"), "the table fits: the test shows nothing"
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    region.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    assert region.evaluate("box => box.scrollLeft") > 0


def test_the_table_region_is_reached_by_keyboard_and_scrolled_with_the_arrow_keys(tab, parish_server):
    open_page(tab, parish_server, NOVEMBER, width=320)
    region = tab.locator(TABLE)
    region.focus()
    assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Table 1, item 71/17 Payments"
    for _ in range(5):
        tab.keyboard.press("ArrowRight")
    tab.wait_for_function("box => box.scrollLeft > 0", arg=region.element_handle())


def test_searching_finds_the_payments_table_and_the_text_before_the_first_item(page, parish_server):
    assert links(search(page, parish_server, "Greenway")) == [f"../{NOVEMBER}#item-71-17"]
    assert links(search(page, parish_server, "silence")) == [f"../{NOVEMBER}#preamble"]
    assert page.problems.errors == []


def test_searching_the_city_council_finds_its_item_dated_month_first(page, city_server):
    assert links(search(page, city_server, "playground"))[0] == f"../{JUNE}#item-b"
    assert results(page).first.locator(".meta").inner_text().endswith("June 18, 2019")
    assert page.problems.errors == []


def test_axe_finds_no_violations_on_the_city_council_meeting_page(tab, city_server):
    open_page(tab, city_server, JUNE)
    assert tab.evaluate("document.documentElement.lang") == "en-US"
    assert violations_light_or_dark_wide_or_narrow(tab) == []


# The page kinds that show decisions: the meeting's roll calls above, these with the archive's and a member's.
DECISION_PAGES = {"decisions": "decisions/index.html", "member's votes": "people/martin-yoder/index.html"}


@pytest.mark.parametrize("name", DECISION_PAGES)
def test_axe_finds_no_violations_on_the_city_councils_pages_of_decisions(tab, city_server, name):
    open_page(tab, city_server, DECISION_PAGES[name])
    assert violations_light_or_dark_wide_or_narrow(tab) == []


@pytest.mark.parametrize("path", [JUNE, *DECISION_PAGES.values()])
def test_at_320px_no_page_of_decisions_scrolls_sideways(tab, city_server, path):
    open_page(tab, city_server, path, width=320)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_members_page_shows_how_they_voted_and_leads_to_each_decision(tab, city_server):
    open_page(tab, city_server, "people/martin-yoder/index.html", width=320)
    votes = tab.get_by_role("table", name="How Martin Yoder voted, newest first")
    row = votes.get_by_role("row").filter(has_text="Resolution 2019-14")
    assert row.get_by_role("cell").nth(2).inner_text() == "Absent"
    assert row.is_visible()
    row.get_by_role("link", name="Resolution 2019-14").click()
    tab.wait_for_url("**/meetings/2019-06-18-city-council/**")
    target = tab.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert tab.locator(f"[id='{target}']").inner_text().count("2019-14") >= 1


def test_at_320px_the_stacked_attendance_table_is_as_wide_as_the_page_so_its_caption_reads_in_lines(tab, city_server):
    open_page(tab, city_server, "people/martin-yoder/index.html", width=320)
    widths = tab.evaluate(
        """() => { const table = document.querySelector('table.attendance-table');
        return [table.getBoundingClientRect().width, table.closest('main').clientWidth]; }"""
    )
    table, main = widths
    assert table >= main * 0.9
