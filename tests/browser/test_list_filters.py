"""Filtering the lists in Debian's Chromium, under the strict CSP: the city council with a Planning Commission
that lost a motion (tests/bodies/sites.py). A reader picks a result or a committee, sees only what matches,
hears how many are shown, and can share or reload the filtered list by its address."""

from __future__ import annotations

import pytest

from tests.bodies.sites import build, city_with_a_planning_commission
from tests.conftest import serve

pytestmark = pytest.mark.browser

DECISIONS = "decisions/index.html"
MEETINGS = "meetings/index.html"
# The decisions each shown row stands for: a decision listed by year and again by result is one.
SHOWN_DECISIONS = """() => [...new Set([...document.querySelectorAll('main tr[data-row]')]
  .filter(row => row.checkVisibility()).map(row => row.querySelector('a').getAttribute('href')))]"""
SHOWN_MEETINGS = """() => [...document.querySelectorAll('main .meeting-list li')]
  .filter(li => li.checkVisibility()).map(li => li.querySelector('a').textContent)"""


@pytest.fixture(scope="module")
def city_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-committees")
    return build(city_with_a_planning_commission(folder / "content"), folder / "site")


@pytest.fixture(scope="module")
def city_server(city_site):
    with serve(city_site) as url:
        yield url


def choose(page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).select_option(label=option)


def test_choosing_lost_leaves_only_the_lost_motion(page, city_server):
    page.goto(city_server + DECISIONS)
    assert len(page.evaluate(SHOWN_DECISIONS)) == 7
    choose(page, "Result", "Lost")
    assert page.evaluate(SHOWN_DECISIONS) == ["../meetings/2019-07-09-planning-commission/index.html#decision-1"]
    assert page.problems.errors == []


def test_the_number_shown_is_announced_politely(page, city_server):
    page.goto(city_server + DECISIONS)
    choose(page, "Result", "Lost")
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == "1 decision shown"
    choose(page, "Result", "Carried")
    assert status.inner_text() == "6 decisions shown"


def test_the_address_holds_the_filter_and_a_reload_restores_it(page, city_server):
    page.goto(city_server + DECISIONS)
    choose(page, "Result", "Lost")
    assert page.url.endswith("decisions/index.html?result=lost")
    page.reload()
    assert page.get_by_label("Result", exact=True).input_value() == "lost"
    assert len(page.evaluate(SHOWN_DECISIONS)) == 1
    assert page.get_by_role("status").inner_text() == "1 decision shown"


def test_a_shared_link_with_two_filters_opens_the_list_filtered_by_both(page, city_server):
    page.goto(city_server + DECISIONS + "?committee=city-council&theme=streets")
    assert page.evaluate(SHOWN_DECISIONS) == [
        "../meetings/2019-06-18-city-council/index.html#decision-2",
        "../meetings/2019-06-04-city-council/index.html#decision-2",
    ]


def test_a_link_to_a_choice_the_list_does_not_offer_shows_everything(page, city_server):
    page.goto(city_server + DECISIONS + "?result=withdrawn")
    assert page.get_by_label("Result", exact=True).input_value() == ""
    assert len(page.evaluate(SHOWN_DECISIONS)) == 7


def test_show_all_clears_the_filters_and_the_address(page, city_server):
    page.goto(city_server + DECISIONS + "?result=lost")
    page.get_by_role("button", name="Show all decisions").click()
    assert len(page.evaluate(SHOWN_DECISIONS)) == 7
    assert page.url.endswith("decisions/index.html")
    assert page.get_by_role("button", name="Show all decisions").is_hidden()


def test_filtering_by_committee_lists_only_its_meetings_under_the_years_it_met(page, city_server):
    page.goto(city_server + MEETINGS)
    choose(page, "Meeting type", "Planning Commission")
    assert page.evaluate(SHOWN_MEETINGS) == ["Planning Commission Meeting July 9, 2019"]
    assert page.get_by_role("heading", name="2019").is_visible()
    assert page.get_by_role("heading", name="2020").is_hidden()  # the commission did not meet in 2020
    assert page.get_by_role("status").inner_text() == "1 meeting shown"
    assert page.url.endswith("meetings/index.html?committee=planning-commission")
    assert page.problems.errors == []


def test_without_javascript_every_row_is_listed_and_no_filter_is_offered(browser, city_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(city_server + DECISIONS + "?result=lost")
        assert tab.locator("form[data-list-filters]").is_hidden()
        assert tab.locator("main tr[data-row]").count() == 14  # by year, and again by result
        assert all(tab.locator("main tr[data-row]").nth(i).is_visible() for i in range(14))
    finally:
        context.close()


def test_the_filters_work_on_a_site_opened_from_disk(page, city_site):
    page.goto((city_site / DECISIONS).as_uri() + "?committee=planning-commission")
    assert page.get_by_role("status").inner_text() == "1 decision shown"
    choose(page, "Meeting type", "City Council")
    assert page.get_by_role("status").inner_text() == "6 decisions shown"
    assert page.problems.errors == []


def test_a_summary_counting_the_whole_list_of_actions_is_hidden_while_a_filter_is_on(page, city_server):
    page.goto(city_server + "actions/index.html")
    summary = page.locator("main p", has_text="of the")
    assert summary.first.is_visible()
    choose(page, "Meeting type", "Planning Commission")
    assert summary.first.is_hidden()


def test_the_count_of_all_meetings_is_hidden_while_a_filter_is_on(page, city_server):
    page.goto(city_server + MEETINGS)
    summary = page.get_by_text("meetings, newest first.")
    assert summary.is_visible()
    choose(page, "Meeting type", "Planning Commission")
    assert summary.is_hidden()


def test_filters_matching_nothing_say_so_plainly(page, city_server):
    page.goto(city_server + DECISIONS + "?committee=planning-commission&result=carried")
    assert page.get_by_role("status").inner_text() == "No decisions match these filters. 0 decisions shown."
