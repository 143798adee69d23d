"""The action tracker as a reader sees it in Chromium: status in plain words, and the longest-waiting actions
a link away."""

import pytest

pytestmark = pytest.mark.browser


def test_status_reads_as_a_plain_word_not_capitals_and_not_by_colour_alone(page, real_server):
    page.goto(real_server + "actions/index.html")
    badge = page.locator(".actions-table .status").first
    assert badge.inner_text() == "Open"  # inner_text is the text as drawn, after any text-transform
    assert badge.evaluate("b => getComputedStyle(b).borderStyle") == "solid"  # a box and a word, whatever the colour


def test_the_link_from_the_summary_reaches_the_list_of_actions_with_no_update_for_over_a_year(page, real_server):
    page.goto(real_server + "actions/index.html")
    page.get_by_role("link", name="7 of them have had no update recorded for over a year").click()
    assert page.evaluate("location.hash") == "#no-update-for-a-year"
    assert page.locator("#no-update-for-a-year").is_visible()
    region = page.get_by_role("region", name="Open actions with no update for over a year, longest first")
    assert region.locator("tbody tr").count() == 7
