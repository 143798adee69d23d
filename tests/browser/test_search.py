"""The search page in Debian's Chromium: the real site served with a strict CSP, and opened from disk."""

import re
from urllib.parse import quote

import pytest

from tests.conftest import FIXTURES, build_site, serve

pytestmark = pytest.mark.browser

APRIL_2019 = "meetings/2019-04-30-monthly-assurance/index.html"


@pytest.fixture(autouse=True)
def nothing_goes_wrong(page):
    """No console error, uncaught exception or CSP violation on any page a test visits."""
    yield
    assert page.problems.errors == []
    assert page.problems.dialogs == []


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    """tests/fixtures/search: two meeting types, and "<script>" written in the minutes."""
    with serve(build_site(FIXTURES / "search", tmp_path_factory.mktemp("search") / "site")) as url:
        yield url


def search(page, base, query="", **filters):
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{base}search/index.html?{params}")
    page.wait_for_selector("body[data-search-ready]", state="attached")
    return page


def settled(page):
    """Waits for the search under way to finish: the files it needs loaded and its results drawn."""
    page.wait_for_selector("#search-results:not([aria-busy])", state="attached")
    return page


def results(page):
    return settled(page).locator("#search-results > li")


def links(page):
    return [a.get_attribute("href") for a in settled(page).locator("#search-results .result-title a").all()]


def status(page):
    return settled(page).locator("#search-status").inner_text()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("coercive control", "meetings/2016-10-19-monthly-assurance/index.html#item-4a"),
        ("unresourced calls", "meetings/2018-02-27-monthly-assurance/index.html#item-c"),
        ("ANPR", f"{APRIL_2019}#item-2-1"),
        ("Sarah Everard", "meetings/2021-03-23-monthly-assurance/index.html#item-2"),
        ("SOCJAG independent chairs", "meetings/2021-03-23-monthly-assurance/index.html#item-3"),
        ("armed response vehicles", "meetings/2021-12-20-monthly-assurance/index.html#item-2-1"),
        ("drone capability", "meetings/2021-12-20-monthly-assurance/index.html#item-2-4"),
    ],
)
def test_the_expected_item_is_the_first_result_and_its_link_lands_on_it(page, real_server, query, expected):
    search(page, real_server, query)
    assert links(page)[0] == "../" + expected
    with page.expect_navigation():
        results(page).first.locator(".result-title a").click()
    anchor = expected.split("#")[1]
    assert page.url == real_server + expected
    assert page.evaluate("location.hash") == "#" + anchor
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_a_result_shows_the_meeting_date_item_and_a_snippet_with_the_words_marked(page, real_server):
    search(page, real_server, "ANPR")
    first = results(page).first
    assert first.locator(".result-title").inner_text() == "2.1 Roads policing"
    assert first.locator(".meta").inner_text() == "Monthly Assurance Meeting April 2019, 30 April 2019"
    assert first.locator(".meta time").get_attribute("datetime") == "2019-04-30"
    assert "ANPR" in first.locator(".snippet mark").all_inner_texts()


def test_the_result_count_is_announced_in_the_live_region(page, real_server):
    search(page, real_server, "ANPR")
    region = page.locator("#search-status")
    assert (region.get_attribute("role"), region.get_attribute("aria-live")) == ("status", "polite")
    assert status(page) == f"{results(page).count()} results for “ANPR”."


@pytest.mark.parametrize("query, expected", [("burglery", "#item-4a"), ("coersive control", "#item-4a")])
def test_a_misspelt_word_finds_close_spellings_and_says_so(page, real_server, query, expected):
    search(page, real_server, query)
    assert status(page).startswith(f"No exact matches for “{query}”;")
    assert links(page)[0] == f"../meetings/2016-10-19-monthly-assurance/index.html{expected}"


def test_a_quoted_phrase_matches_only_where_its_words_stand_together(page, real_server):
    search(page, real_server, "force priority ", kind="item")
    loose = links(page)
    search(page, real_server, '"force priority"', kind="item")
    assert links(page) == [f"../{APRIL_2019}#item-2-1"]
    assert len(loose) > 1 and links(page)[0] in loose
    assert "force priority" in results(page).first.locator(".snippet").inner_text()


@pytest.mark.parametrize("query", ["everyone", "everyone’s", "everyone's"])
def test_a_word_the_minutes_write_with_apostrophe_s_is_found_by_the_word_alone_or_either_apostrophe(
    page, real_server, query
):
    # March 2021's item 1.2: "they need to enforce that it is everyone's responsibility".
    search(page, real_server, query)
    assert "../meetings/2021-03-23-monthly-assurance/index.html#item-1-2" in links(page)


def test_typing_finds_words_by_their_beginning_and_keeps_the_address_shareable(page, real_server):
    search(page, real_server)
    before = page.evaluate("history.length")
    page.locator("#q").press_sequentially("taskfor", delay=20)
    page.wait_for_url(re.compile(r"\?q=taskfor$"))
    page.wait_for_selector("#search-results li")
    assert links(page)[0] == "../meetings/2021-12-20-monthly-assurance/index.html#item-2-1"
    assert page.evaluate("history.length") == before  # the address was replaced, not added to


def test_an_address_that_already_says_what_is_searched_is_left_as_it_is(page, real_server):
    # A filter chosen is a step in the history (pushState), typing is not (replaceState): both write the address.
    page.add_init_script(
        "window.__written = 0;"
        " for (const name of ['replaceState', 'pushState']) { const was = history[name].bind(history);"
        " history[name] = (...args) => { window.__written++; return was(...args); }; }"
    )
    search(page, real_server, "custody", kind="item")
    assert page.evaluate("window.__written") == 0
    page.select_option("#filter-kind", "")
    page.wait_for_url(re.compile(r"\?q=custody$"))
    assert page.evaluate("window.__written") == 1


def one_step_back_to_custody(page, before: int, cleared: str):
    """The choices made since the search for "custody" added one entry to the history, which Back leaves."""
    assert page.evaluate("history.length") == before + 1
    page.go_back()
    page.wait_for_url(re.compile(r"\?q=custody$"))
    assert page.input_value(cleared) == ""


def test_choosing_a_filter_is_a_step_that_back_returns_from(page, real_server):
    search(page, real_server, "custody")
    before = page.evaluate("history.length")
    page.select_option("#filter-kind", "action")
    page.wait_for_url(re.compile(r"kind=action"))
    one_step_back_to_custody(page, before, "#filter-kind")


def test_stepping_through_a_filter_by_keyboard_is_one_step_that_back_returns_from(page, real_server):
    search(page, real_server, "custody")
    before = page.evaluate("history.length")
    page.focus("#filter-year")
    for _ in range(3):  # each arrow is a change of the list's value
        page.keyboard.press("ArrowDown")
    page.wait_for_url(re.compile(r"year=\d{4}"))
    settled(page)
    one_step_back_to_custody(page, before, "#filter-year")


def test_a_second_choice_in_another_list_is_a_step_of_its_own(page, real_server):
    search(page, real_server, "custody")
    before = page.evaluate("history.length")
    page.select_option("#filter-kind", "item")
    page.wait_for_url(re.compile(r"kind=item"))
    page.select_option("#search-order", "newest")
    page.wait_for_url(re.compile(r"sort=newest"))
    assert page.evaluate("history.length") == before + 2
    page.go_back()
    page.wait_for_url(re.compile(r"\?q=custody&kind=item$"))


def test_a_choice_after_going_back_is_a_new_step_that_leaves_what_was_ahead(page, real_server):
    def at(address: str):
        page.wait_for_url(re.compile(re.escape(address) + "$"))

    search(page, real_server, "custody")
    for year_or_kind, value in (("year", "2021"), ("kind", "action")):
        page.select_option(f"#filter-{year_or_kind}", value)
        at(f"{year_or_kind}={value}")
    page.go_back()
    at("?q=custody&year=2021")
    settled(page)
    page.select_option("#filter-year", "2019")
    at("?q=custody&year=2019")
    page.go_back()  # to the choice of 2021, which the choice of 2019 did not replace
    at("?q=custody&year=2021")
    assert page.input_value("#filter-year") == "2021"


def test_a_filter_chosen_before_the_pause_in_typing_is_a_step_back_from_the_words_typed(page, real_server):
    search(page, real_server)
    # Typed, then a filter chosen at once: in one script, so no pause in typing comes between them.
    page.evaluate(
        "const box = document.getElementById('q'); box.value = 'custody';"
        " box.dispatchEvent(new Event('input', {bubbles: true}));"
        " const kind = document.getElementById('filter-kind'); kind.value = 'action';"
        " kind.dispatchEvent(new Event('change', {bubbles: true}));"
    )
    page.wait_for_url(re.compile(r"\?q=custody&kind=action$"))
    page.go_back()
    page.wait_for_url(re.compile(r"\?q=custody$"))
    assert (page.input_value("#q"), page.input_value("#filter-kind")) == ("custody", "")


@pytest.mark.parametrize(
    "name, value, belongs",
    [
        ("year", "2018", lambda meta: "2018" in meta),
        ("theme", "serious-organised-crime", lambda meta: "March 2021" in meta),
        ("kind", "action", lambda meta: meta.startswith("Action from item")),
        ("kind", "item", lambda meta: not meta.startswith("Action")),
    ],
)
def test_each_filter_narrows_the_results_without_reloading(page, real_server, name, value, belongs):
    search(page, real_server, "PCC")
    everything = results(page).count()
    page.evaluate("window.stillTheSamePage = true")
    page.select_option(f"#filter-{name}", value)
    page.wait_for_url(re.compile(f"[?&]{name}={re.escape(quote(value))}"))
    metas = results(page).locator(".meta").all_inner_texts()
    assert 0 < len(metas) < everything and all(belongs(m) for m in metas)
    assert page.evaluate("window.stillTheSamePage") is True
    assert "with the filters chosen" in status(page)


def test_the_meeting_type_filter_keeps_meetings_of_that_type(page, fixture_server):
    search(page, fixture_server, "PCC")
    page.select_option("#filter-type", "Performance")
    page.wait_for_url(re.compile(r"type=Performance"))
    assert [m.split(", ")[0] for m in results(page).locator(".meta").all_inner_texts()] == [
        "Performance Meeting May 2020"
    ] * 2


def test_a_deep_link_restores_the_form_and_the_results(page, real_server):
    search(page, real_server, "roads", year="2019", kind="item", theme="roads-policing")
    assert page.input_value("#q") == "roads"
    assert [page.input_value(f"#filter-{n}") for n in ("year", "kind", "theme", "type")] == [
        "2019",
        "item",
        "roads-policing",
        "",
    ]
    assert links(page) == [f"../{APRIL_2019}#item-2-1"]


def test_filters_alone_list_what_they_keep(page, real_server):
    search(page, real_server, year="2019", kind="action")
    assert links(page) and all(href.startswith("../actions/2019-04-30-") for href in links(page))
    assert status(page).endswith("the filters chosen.")


def test_when_the_filters_hide_every_result_they_can_be_cleared(page, real_server):
    search(page, real_server, "ANPR", year="2016")
    assert status(page) == "No results for “ANPR” with the filters chosen."
    page.click("#search-help button")
    page.wait_for_url(re.compile(r"\?q=ANPR$"))
    assert links(page)[0] == f"../{APRIL_2019}#item-2-1"


def test_no_match_says_so_and_suggests_ways_to_browse(page, real_server):
    search(page, real_server, "xylophone")
    assert status(page) == "No results for “xylophone”."
    hrefs = [a.get_attribute("href") for a in page.locator("#search-help a").all()]
    assert {"../themes/index.html", "../years/index.html"} <= set(hrefs)


@pytest.mark.parametrize(
    "query, belongs",
    [
        ("title:roads", lambda title: "road" in title.lower()),
        ("+armed +policing", lambda title: True),
        ("polic*", lambda title: True),
        ("roads~1", lambda title: True),
        ("roads^10 safety", lambda title: True),
        ("-roads policing", lambda title: "road" not in title.lower()),
    ],
)
def test_lunr_query_syntax_is_honoured(page, real_server, query, belongs):
    search(page, real_server, query)
    titles = page.locator("#search-results .result-title").all_inner_texts()
    items = [t for t, href in zip(titles, links(page), strict=True) if "#item" in href]
    assert items and all(belongs(t) for t in items)


@pytest.mark.parametrize("query", ["title:", '"unclosed', "+", "~~", "foo^", "*:*", "-", "::", "^^^", "roads~99"])
def test_broken_syntax_never_throws_and_always_answers(page, real_server, query):
    search(page, real_server, query)
    assert status(page) != ""


def test_arrow_keys_move_through_the_results_and_enter_opens_one(page, real_server):
    search(page, real_server, "roads policing")
    page.focus("#q")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    second = links(page)[1]
    assert page.evaluate("document.activeElement.getAttribute('href')") == second
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == real_server + second.removeprefix("../")


def test_arrow_up_from_the_first_result_returns_to_the_search_box(page, real_server):
    search(page, real_server, "ANPR")
    page.focus("#q")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "q"


def test_tab_reaches_the_results_after_the_form(page, real_server):
    search(page, real_server, "ANPR")
    page.focus("#search-order")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == links(page)[0]


def test_a_long_list_is_drawn_in_pages_and_the_next_page_takes_focus(page, real_server):
    search(page, real_server, "*")
    total = int(re.match(r"(\d+) results", status(page)).group(1))
    assert total > 50 and results(page).count() == 50
    page.click("#search-more")
    assert results(page).count() == total
    assert page.evaluate("document.activeElement.getAttribute('href')") == links(page)[50]


def test_words_written_as_markup_in_the_minutes_show_as_text(page, fixture_server):
    search(page, fixture_server, "alert")
    assert "<script>alert('minutes')</script>" in results(page).first.locator(".snippet").inner_text()
    assert page.locator("#search-results script, #search-results [onerror]").count() == 0


def test_the_files_for_the_words_in_the_address_are_asked_for_once_by_the_first_script(page, real_server):
    asked = []
    page.on("request", lambda request: asked.append(request.url.removeprefix(real_server)))
    search(page, real_server, "ANPR")
    index_files = [path for path in asked if path.startswith(("search/words/", "search/terms/"))]
    # Only search-ahead.js marks the scripts it adds with how they went; search.js waited for those.
    marked = page.eval_on_selector_all(
        "script[data-state]", "all => all.map(s => [s.getAttribute('src'), s.dataset.state])"
    )
    assert index_files and len(index_files) == len(set(index_files))
    assert sorted(src.removeprefix(real_server) for src, _ in marked) == sorted(index_files)
    assert {state for _, state in marked} == {"loaded"}
    assert links(page)[0] == f"../{APRIL_2019}#item-2-1"


def test_the_same_search_works_opened_from_disk(page, real_site):
    page.goto((real_site / "search" / "index.html").as_uri() + "?q=ANPR&kind=item")
    page.wait_for_selector("body[data-search-ready]", state="attached")
    assert links(page) == [f"../{APRIL_2019}#item-2-1"]
    page.fill("#q", "coercive control")
    page.wait_for_url(re.compile(r"\?q=coercive\+control&kind=item$"))
    page.wait_for_selector("#search-results a[href$='#item-4a']")
    with page.expect_navigation():
        results(page).first.locator(".result-title a").click()
    assert page.url == (real_site / "meetings/2016-10-19-monthly-assurance/index.html").as_uri() + "#item-4a"


def test_without_javascript_the_page_says_search_needs_it(browser, real_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(real_server + "search/index.html?q=ANPR")
        assert "Search needs JavaScript" in tab.locator("main").inner_text()
        assert tab.locator("#search-results li").count() == 0
    finally:
        context.close()


def refused_loads(page):
    """Takes the console's reports of files a test refused on purpose off the page's problems, and returns them."""
    refused = [e for e in page.problems.errors if "Failed to load resource" in e]
    page.problems.errors[:] = [e for e in page.problems.errors if e not in refused]
    return refused


def test_when_a_file_the_search_needs_cannot_load_it_says_so_and_the_next_search_asks_again(page, real_server):
    page.route("**/search/terms/**", lambda route: route.abort())
    page.goto(f"{real_server}search/index.html?q=ANPR")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('could not be loaded')")
    assert status(page) == "Search could not be loaded. You can still browse the meetings by theme, year or person."
    assert results(page).count() == 0
    assert refused_loads(page)
    page.unroute("**/search/terms/**")
    page.press("#q", "Enter")
    page.wait_for_selector(f"#search-results a[href='../{APRIL_2019}#item-2-1']")
    assert status(page).endswith("for “ANPR”.")


def test_without_the_search_code_the_page_says_search_is_unavailable(page, real_server):
    page.route("**/assets/lunr.min.js", lambda route: route.abort())
    page.goto(f"{real_server}search/index.html?q=ANPR")
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    assert status(page).startswith("Search could not be loaded.")
    assert page.locator("#search-results li").count() == 0
    assert refused_loads(page)


PHONE = {"width": 375, "height": 740}


def test_on_a_phone_the_filters_start_folded_so_the_first_results_are_on_the_screen(page, real_server):
    page.set_viewport_size(PHONE)
    search(page, real_server, "police")
    assert page.locator("#filter-panel").evaluate("panel => panel.open") is False
    first = results(page).first.bounding_box()
    assert first is not None and first["y"] + 20 < PHONE["height"]
    page.click("#filter-panel > summary")  # opened, the filters work as on a wide screen
    page.select_option("#filter-kind", "action")
    page.wait_for_url(re.compile(r"kind=action"))


def test_on_a_phone_the_filters_the_address_chose_are_shown(page, real_server):
    page.set_viewport_size(PHONE)
    search(page, real_server, "police", kind="action")
    assert page.locator("#filter-panel").evaluate("panel => panel.open") is True


def test_on_a_wide_screen_the_filters_are_shown(page, real_server):
    search(page, real_server, "police")
    assert page.locator("#filter-panel").evaluate("panel => panel.open") is True
