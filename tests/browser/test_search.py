"""Search in Debian's Chromium, against the real site served with a strict CSP."""
import re
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


def search(page, base, query="", **filters):
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{base}search/index.html?{params}")
    page.wait_for_selector("body[data-search-ready]")
    return page


def results(page):
    return page.locator("#search-results li")


def first_link(page):
    return results(page).first.locator("a").get_attribute("href")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("ANPR", "meetings/2019-04-30-monthly-assurance/index.html#item-2-1"),
        ("armed response vehicles", "meetings/2021-12-20-monthly-assurance/index.html#item-2-1"),
        ("coercive control", "meetings/2016-10-19-monthly-assurance/index.html#item-4a"),
        ("unresourced calls", "meetings/2018-02-27-monthly-assurance/index.html#item-c"),
        ("SOCJAG independent chairs", "meetings/2021-03-23-monthly-assurance/index.html#item-3"),
        ("drone capability", "meetings/2021-12-20-monthly-assurance/index.html#item-2-4"),
    ],
)
def test_the_expected_item_is_the_first_result(page, real_server, query, expected):
    search(page, real_server, query)
    assert first_link(page) == "../" + expected
    assert page.problems.errors == []


def test_a_result_link_lands_on_the_item_anchor(page, real_server):
    search(page, real_server, "Sarah Everard")
    with page.expect_navigation():
        results(page).first.locator("a").click()
    assert page.url.endswith("meetings/2021-03-23-monthly-assurance/index.html#item-2")
    assert page.locator("#item-2").count() == 1


def test_a_misspelt_word_finds_close_spellings(page, real_server):
    search(page, real_server, "burglery")
    assert "close spellings" in page.locator("#search-status").inner_text()
    assert first_link(page).endswith("2016-10-19-monthly-assurance/index.html#item-4a")


def test_a_quoted_phrase_matches_only_where_its_words_stand_together(page, real_server):
    search(page, real_server, "force priority", kind="item")
    loose = results(page).count()
    search(page, real_server, '"force priority"', kind="item")
    assert results(page).count() == 1 < loose
    assert first_link(page).endswith("2019-04-30-monthly-assurance/index.html#item-2-1")


def test_typing_finds_words_by_their_beginning_and_updates_the_address(page, real_server):
    search(page, real_server)
    page.fill("#q", "helicop")
    page.fill("#q", "taskfor")
    page.wait_for_url(re.compile(r"q=taskfor"))
    page.wait_for_selector("#search-results li")
    assert first_link(page).endswith("2021-12-20-monthly-assurance/index.html#item-2-1")


@pytest.mark.parametrize(
    "field, value, check",
    [
        ("year", "2018", lambda doc: "2018" in doc),
        ("kind", "action", lambda doc: doc.startswith("Action from")),
        ("type", "Monthly Assurance Meeting", lambda doc: True),
    ],
)
def test_each_filter_narrows_the_results_without_reloading(page, real_server, field, value, check):
    search(page, real_server, "PCC")
    everything = results(page).count()
    page.evaluate("window.__same_page = true")
    page.select_option(f"#filter-{field}", value)
    page.wait_for_url(re.compile(f"{field}="))
    assert page.evaluate("window.__same_page") is True
    metas = results(page).locator(".meta").all_inner_texts()
    assert 0 < len(metas) <= everything and all(check(m) for m in metas)


def test_the_theme_filter_keeps_only_items_on_that_theme(page, real_server):
    search(page, real_server, "PCC", theme="serious-organised-crime")
    hrefs = [a.get_attribute("href") for a in results(page).locator(".result-title a").all()]
    assert hrefs and all("2021-03-23" in h or h.startswith("../actions/2021-03-23") for h in hrefs)


def test_a_deep_link_restores_the_query_and_filters(page, real_server):
    search(page, real_server, "roads", year="2019", kind="item")
    assert page.input_value("#q") == "roads"
    assert page.input_value("#filter-year") == "2019" and page.input_value("#filter-kind") == "item"
    assert all("2019" in m for m in results(page).locator(".meta").all_inner_texts())


@pytest.mark.parametrize("query", ["title:roads", "+armed +policing", "polic*", "roads~1", "roads^10 safety", "-roads policing"])
def test_lunr_query_syntax_is_honoured(page, real_server, query):
    search(page, real_server, query)
    assert results(page).count() > 0
    assert page.problems.errors == []


@pytest.mark.parametrize("query", ["title:", '"unclosed', "+", "~~", "foo^", "*:*", "-", "::", "^^^"])
def test_broken_syntax_never_throws(page, real_server, query):
    search(page, real_server, query)
    assert page.locator("#search-status").inner_text() != ""
    assert page.problems.errors == []


def test_no_match_explains_and_offers_ways_to_browse(page, real_server):
    search(page, real_server, "xylophone")
    assert page.locator("#search-status").inner_text().startswith("No results")
    assert page.locator("#search-help a[href='../themes/index.html']").count() == 1


def test_the_result_count_is_announced_politely(page, real_server):
    search(page, real_server, "ANPR")
    status = page.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite" and "result" in status.inner_text()


def test_arrow_keys_move_through_results_and_enter_opens_one(page, real_server):
    search(page, real_server, "roads policing")
    page.focus("#q")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = results(page).nth(1).locator("a").get_attribute("href")
    assert page.evaluate("document.activeElement.getAttribute('href')") == second
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("/")[-2:] == second.split("/")[-2:]


def test_search_works_opened_from_disk(page, real_site):
    page.goto((real_site / "search" / "index.html").as_uri() + "?q=ANPR")
    page.wait_for_selector("body[data-search-ready]")
    assert first_link(page) == "../meetings/2019-04-30-monthly-assurance/index.html#item-2-1"
    assert page.problems.errors == []


def test_matched_words_are_highlighted_in_the_snippet(page, real_server):
    search(page, real_server, "telematics")
    assert "telematic" in results(page).first.locator("mark").first.inner_text().lower()
