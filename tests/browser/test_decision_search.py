"""Decisions in the search page, in Debian's Chromium: the city council's minutes with a lost motion
added (tests/bodies/sites.city_with_a_lost_motion), served with the strict CSP."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.bodies.sites import CITY, LOST_MOTION_MEETING, build, city_with_a_lost_motion
from tests.browser.test_search import nothing_goes_wrong  # noqa: F401 (autouse: no console error, nor CSP violation)
from tests.conftest import serve

pytestmark = pytest.mark.browser

LOST = f"../meetings/{LOST_MOTION_MEETING}/index.html#decision-1"


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    root = tmp_path_factory.mktemp("city")
    with serve(build(city_with_a_lost_motion(root / "content"), root / "site")) as url:
        yield url


@pytest.fixture(scope="module")
def all_carried(tmp_path_factory):
    """The city council's own minutes, in which every decision was carried."""
    with serve(build(CITY, tmp_path_factory.mktemp("carried") / "site")) as url:
        yield url


def ready(page, address: str):
    page.goto(address)
    page.wait_for_selector("body[data-search-ready]", state="attached")
    return settled(page)


def settled(page):
    page.wait_for_selector("#search-results:not([aria-busy])", state="attached")
    return page


def typed(page, base, words: str):
    """The search page opened, and `words` typed into its box as a reader types them."""
    page.goto(f"{base}search/index.html")
    page.wait_for_selector("body[data-search-ready]", state="attached")
    page.locator("#q").press_sequentially(words)
    # The whole words: a slow machine may pause between keys, and search for the first letters first.
    page.wait_for_url(lambda address: parse_qs(urlsplit(address).query).get("q") == [words])
    return settled(page)


def decisions(page) -> list[tuple[str, str]]:
    """Each decision result's link and what its line under the title says first."""
    found = settled(page).locator("#search-results > li.result-decision")
    return [
        (r.locator(".result-title a").get_attribute("href"), r.locator(".decision-result").inner_text())
        for r in found.all()
    ]


def links(page) -> list[str]:
    return [a.get_attribute("href") for a in settled(page).locator("#search-results .result-title a").all()]


def test_words_of_a_motion_find_it_with_its_result_and_counts(page, city):
    typed(page, city, "fenced dog park")
    assert decisions(page) == [(LOST, "Lost, 2 for, 4 against.")]


def headings(page) -> list[str]:
    return [a.inner_text() for a in settled(page).locator("#search-results > li.result-decision .result-title a").all()]


def test_decisions_without_a_number_are_told_apart_by_the_words_of_their_links(page, city):
    page.goto(f"{city}search/index.html?q=grace+kim&kind=decision")
    found = headings(page)
    assert len(found) > 1 and len(set(found)) == len(found)
    assert all(h.startswith("Motion: To ") for h in found)


def test_a_long_decision_is_headed_by_its_label_and_first_words_cut_at_a_word(page, city):
    typed(page, city, "claims vouchers")
    assert headings(page) == [
        "Motion: To approve the consent agenda, including the minutes of May 21, 2019 and claims …"
    ]


def test_the_line_under_a_decision_heading_does_not_repeat_its_kind(page, city):
    page.goto(f"{city}search/index.html?q=grace+kim&kind=decision")
    found = lines_under(page)
    assert found and all(line.startswith("Carried, ") for line in found)


def lines_under(page) -> list[str]:
    """The line under each decision result's title, as a reader sees it."""
    return [r.inner_text() for r in settled(page).locator("#search-results > li.result-decision .meta").all()]


def test_a_decision_under_an_unnumbered_item_names_the_item_once(page, city):
    typed(page, city, "consent agenda")
    found = lines_under(page)
    assert found and all("Under CONSENT AGENDA, " in line for line in found)
    assert not any("CONSENT AGENDA CONSENT AGENDA" in line for line in found)


def test_a_decision_under_a_numbered_item_names_the_items_number_and_title(page, city):
    typed(page, city, "fenced dog park")
    (line,) = lines_under(page)
    assert "Under item C Fenced dog park at Alder Field, " in line


def test_a_decision_result_leads_to_the_decision_on_its_meeting_page(page, city):
    typed(page, city, "fenced dog park")
    page.locator("li.result-decision .result-title a").click()
    page.wait_for_url(re.compile(r"#decision-1$"))
    assert "To build a fenced dog park at Alder Field" in page.locator("#decision-1").inner_text()


def test_the_result_filter_keeps_the_lost_motion_and_the_address_says_so(page, city):
    typed(page, city, "park")
    page.select_option("#filter-result", "lost")
    page.wait_for_url(re.compile(r"result=lost"))
    assert links(page) == [LOST]
    assert settled(page).locator("#search-status").inner_text() == "1 result for “park” with the filters chosen."


def test_a_filtered_search_reloaded_shows_the_same_results(page, city):
    typed(page, city, "park")
    page.select_option("#filter-result", "lost")
    page.wait_for_url(re.compile(r"result=lost"))
    before = links(page)
    page.reload()
    page.wait_for_selector("body[data-search-ready]", state="attached")
    assert (page.input_value("#q"), page.input_value("#filter-result")) == ("park", "lost")
    assert links(page) == before == [LOST]


def test_a_shared_link_with_a_carried_filter_does_not_show_the_lost_motion(page, city):
    page.goto(f"{city}search/index.html?q=park&kind=decision&result=carried")
    page.wait_for_selector("body[data-search-ready]", state="attached")
    assert page.input_value("#filter-kind") == "decision"
    found = decisions(page)
    assert found and LOST not in [link for link, _ in found]
    assert all(label.startswith("Carried") for _, label in found)


def test_back_returns_from_a_filter_to_the_search_before_it(page, city):
    typed(page, city, "park")
    everything = links(page)
    page.select_option("#filter-result", "lost")
    page.wait_for_url(re.compile(r"result=lost"))
    settled(page)
    page.go_back()
    page.wait_for_url(re.compile(r"q=park$"))
    assert page.input_value("#filter-result") == ""
    assert links(page) == everything


def test_the_result_filter_is_reached_and_changed_by_keyboard(page, city):
    typed(page, city, "park")
    page.focus("#filter-kind")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-result"
    assert page.locator("label[for=filter-result]").inner_text() == "Decision result"
    page.keyboard.press("ArrowDown")  # to "Carried"
    page.wait_for_url(re.compile(r"result=carried"))
    assert settled(page).locator("#search-status").inner_text().endswith("with the filters chosen.")


def test_results_are_drawn_as_a_list_not_as_a_decisions_result_badge(page, city):
    # A decision's result on its meeting page is a badge (class "result"), as every search result's entry is.
    typed(page, city, "fenced dog park")
    entry = page.locator("#search-results > li.result-decision").first
    assert entry.evaluate("e => [getComputedStyle(e).display, getComputedStyle(e).borderTopWidth]") == [
        "list-item",
        "0px",
    ]


def test_the_result_filter_offers_only_the_results_the_decisions_have(page, city):
    ready(page, f"{city}search/index.html")
    options = page.locator("#filter-result option").all()
    assert [(o.get_attribute("value"), o.inner_text()) for o in options] == [
        ("", "Any result"),
        ("carried", "Carried"),
        ("lost", "Lost"),
    ]


def test_an_archive_whose_decisions_were_all_carried_offers_no_result_filter(page, all_carried):
    ready(page, f"{all_carried}search/index.html")
    assert page.locator("#filter-result").count() == 0
    assert "decision" in [o.get_attribute("value") for o in page.locator("#filter-kind option").all()]


def test_an_address_asking_for_agenda_items_with_a_result_shows_the_agenda_items(page, city):
    ready(page, f"{city}search/index.html?q=park&kind=item&result=carried")
    found = settled(page).locator("#search-results > li")
    assert found.count() > 0
    assert found.count() == page.locator("#search-results > li.result-item").count()


def test_an_address_asking_for_agenda_items_with_a_result_loses_the_result(page, city):
    ready(page, f"{city}search/index.html?q=park&kind=item&result=carried")
    page.wait_for_url(re.compile(r"\?q=park&kind=item$"))
    assert page.locator("#filter-result").is_hidden()


def test_choosing_actions_only_hides_the_result_filter_and_drops_it_from_the_address(page, city):
    typed(page, city, "park")
    page.select_option("#filter-result", "lost")
    page.wait_for_url(re.compile(r"result=lost"))
    page.select_option("#filter-kind", "action")
    page.wait_for_url(re.compile(r"kind=action$"))
    assert page.locator("#filter-result").is_hidden()


def test_choosing_decisions_only_offers_the_result_filter_again(page, city):
    ready(page, f"{city}search/index.html?q=park&kind=item")
    page.select_option("#filter-kind", "decision")
    page.wait_for_url(re.compile(r"kind=decision$"))
    assert page.locator("#filter-result").is_visible()
