"""Search as a reader tries it, in Debian's Chromium under a strict CSP: words that are on the page
are found, several words with one missing still answer, people are found by name, abbreviations
both ways, results sorted by date, and a query of only common words says so."""

import re
from urllib.parse import quote

import pytest

from tests.browser.test_search import links, nothing_goes_wrong, results, search, settled, status  # noqa: F401
from tests.conftest import FIXTURES, build_site, serve

pytestmark = pytest.mark.browser


def marked(page) -> list[str]:
    """The words highlighted in the results, in lower case."""
    return [m.lower() for m in settled(page).locator("#search-results mark").all_inner_texts()]


@pytest.mark.parametrize("word", ["day", "days", "key", "Tuesday", "ways", "survey"])
def test_a_word_ending_in_a_vowel_and_y_finds_the_items_that_say_it(page, real_server, word):
    search(page, real_server, word)
    assert results(page).count() > 0
    assert word.lower() in marked(page)


@pytest.mark.parametrize(
    "query, found, lacking",
    [
        ("speed cameras", "speed", "cameras"),
        ("anpr camera", "anpr", "camera"),
        ("Covid-19", "covid", "19"),
    ],
)
def test_when_no_item_has_every_word_those_with_some_are_shown_under_a_plain_heading(
    page, real_server, query, found, lacking
):
    search(page, real_server, query)
    assert status(page).startswith("No results with all your words. Results with some of them:")
    first = results(page).first
    assert found in [m.lower() for m in first.locator("mark").all_inner_texts()]
    assert first.locator(".lacking").inner_text() == f"Does not mention: {lacking}"


def test_two_words_that_stand_together_in_the_minutes_need_no_fallback(page, real_server):
    search(page, real_server, "key issues")
    assert not status(page).startswith("No results with all")
    assert "../meetings/2018-02-27-monthly-assurance/index.html#item-a" in links(page)
    assert "key" in marked(page) and "issues" in marked(page)


@pytest.mark.parametrize(
    "name, slug",
    [("Jackie Irvin", "jackie-irvin"), ("Charity Pearce", "charity-pearce"), ("Jack Taylor", "jack-taylor")],
)
def test_a_person_is_found_by_name_and_their_page_comes_first(page, real_server, name, slug):
    search(page, real_server, name)
    first = results(page).first
    assert first.get_attribute("class") == "result result-person"
    assert "Person." in first.locator(".meta").inner_text()
    with page.expect_navigation():
        first.locator("a").click()
    assert page.url == f"{real_server}people/{slug}/index.html"
    assert page.locator("h1").inner_text() == name


def test_a_person_named_by_their_role_in_the_text_is_found_with_the_snippet_on_the_role(page, real_server):
    search(page, real_server, "Tracey Onslow")
    assert results(page).first.get_attribute("class") == "result result-person"
    items = settled(page).locator("#search-results > li.result-item")
    assert items.count() > 0
    assert "dpcc" in [m.lower() for m in items.first.locator(".snippet mark").all_inner_texts()]


def test_an_expansion_finds_the_items_that_use_its_abbreviation(page, real_server):
    search(page, real_server, "Automatic Number Plate Recognition")
    assert links(page)[0] == "../meetings/2019-04-30-monthly-assurance/index.html#item-2-1"
    assert "anpr" in [m.lower() for m in results(page).first.locator(".snippet mark").all_inner_texts()]
    assert "Also searched for ANPR (Automatic Number Plate Recognition)" in status(page)


def test_an_abbreviation_finds_the_items_that_spell_it_out(page, real_server):
    search(page, real_server, "KSI")
    assert "Also searched for KSI (Killed and seriously injured)" in status(page)
    snippets = [s.lower() for s in settled(page).locator("#search-results .snippet").all_inner_texts()]
    assert any("killed and serious" in s for s in snippets)


def dates(page) -> list[str]:
    return (
        settled(page)
        .locator("#search-results > li .meta time")
        .evaluate_all("all => all.map(t => t.getAttribute('datetime'))")
    )


def test_results_can_be_sorted_newest_or_oldest_first_and_the_address_keeps_the_order(page, real_server):
    search(page, real_server, "police")
    by_relevance = dates(page)
    page.select_option("#search-order", "newest")
    page.wait_for_url(re.compile(r"sort=newest"))
    newest = dates(page)
    assert newest == sorted(by_relevance, reverse=True) and newest != by_relevance
    assert "Newest first." in status(page)
    search(page, real_server, "police", sort="oldest")
    assert page.locator("#search-order").input_value() == "oldest"
    assert dates(page) == sorted(by_relevance)


@pytest.mark.parametrize("query", ["the", "and of"])
def test_a_query_of_only_common_words_says_so_and_matches_nothing(page, real_server, query):
    search(page, real_server, query)
    assert results(page).count() == 0
    assert status(page) == (
        f"“{query}” is made of words too common to search for, such as “the” and “of”. "
        "Add a word that says what you are looking for."
    )


def test_a_query_of_no_word_at_all_says_so_not_that_its_words_are_common(page, real_server):
    search(page, real_server, "::")
    assert results(page).count() == 0
    assert status(page) == "“::” holds no word to search for. Type a word the minutes might use."


@pytest.mark.parametrize(
    "kind, says",
    [("item", "agenda items match"), ("action", "actions match"), ("", "agenda items and actions match")],
)
def test_browsing_by_filters_names_the_kind_of_result_shown(page, real_server, kind, says):
    search(page, real_server, "", year="2021", kind=kind)
    assert results(page).count() > 1
    assert re.fullmatch(rf"\d+ {says} the filters chosen\.", status(page)), status(page)


def test_a_first_letter_typed_is_not_answered_no_results_before_the_next(page, real_server):
    search(page, real_server)
    page.locator("#q").press_sequentially("s")
    page.wait_for_url(re.compile(r"\?q=s$"))
    settled(page)
    assert status(page) == "" and page.locator("#search-help").count() == 0
    page.locator("#q").press_sequentially("peed")
    page.wait_for_url(re.compile(r"\?q=speed$"))
    assert results(settled(page)).count() > 0


def test_the_same_answers_opened_from_disk(page, real_site):
    def opened(query):
        page.goto((real_site / "search" / "index.html").as_uri() + "?q=" + quote(query))
        page.wait_for_selector("body[data-search-ready]", state="attached")
        return settled(page)

    assert "days" in marked(opened("days"))
    assert results(opened("Jackie Irvin")).first.get_attribute("class") == "result result-person"
    assert status(opened("speed cameras")).startswith("No results with all your words.")
    assert "anpr" in marked(opened("Automatic Number Plate Recognition"))
    assert status(opened("the")).startswith("“the” is made of words too common")


def test_pressing_enter_searches_the_last_word_as_whole_not_as_a_beginning(page, real_server):
    search(page, real_server)
    page.fill("#q", "Business Operations Centre")
    page.wait_for_url(re.compile(r"\?q=Business\+Operations\+Centre$"))
    settled(page)
    page.press("#q", "Enter")
    page.wait_for_function("document.body.getAttribute('data-search-done') === '3'")
    # "Centre" alone, not also "central" and "centralised", which the unfinished word matched.
    assert links(page)[0] == "../meetings/2021-12-20-monthly-assurance/index.html#item-2-1"
    assert "central" not in marked(page)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("4P's", "../meetings/2021-03-23-monthly-assurance/index.html#item-1-2"),
        ("1.38", "../meetings/2019-04-30-monthly-assurance/index.html#item-4"),
    ],
)
def test_a_word_with_an_apostrophe_or_a_dot_is_found_as_typed(page, real_server, query, expected):
    search(page, real_server, query)
    assert expected in links(page)
    assert query.lower() in marked(page)


def test_a_lettered_item_is_numbered_in_the_context_of_the_item_above_it(page, real_server):
    search(page, real_server, "road traffic collisions")
    assert results(page).first.locator(".result-title").inner_text() == "2.1(d) Road traffic collisions"


@pytest.fixture(scope="module")
def status_server(tmp_path_factory):
    """tests/fixtures/status: April approved at the May meeting, May a draft, June cancelled."""
    with serve(build_site(FIXTURES / "status", tmp_path_factory.mktemp("status") / "site")) as url:
        yield url


def test_a_result_from_draft_minutes_says_they_are_not_yet_approved(page, status_server):
    search(page, status_server, "*", sort="newest")
    labels = {
        li.locator("time").get_attribute("datetime"): li.locator(".minutes-label").all_inner_texts()
        for li in results(page).all()
    }
    assert labels["2019-05-28"] == ["Draft minutes: not yet approved"]
    assert labels["2019-04-30"] == []
