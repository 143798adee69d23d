"""Every page type against WCAG 2.2 A and AA in Debian's Chromium: axe-core, small screens, keyboard, motion and print.

axe-core is injected as a script. The site is served with its strict CSP, which
would block an injected script, so these pages open in a browser context with
Playwright's `bypass_csp`: the server and the pages are exactly as published,
and only our test script is let through. (The search tests check that the
site's own scripts run under the CSP.)
"""

from __future__ import annotations

import pytest

from tests.bodies.sites import COMMITTEES, build, city_with_a_lost_motion, city_with_a_planning_commission
from tests.conftest import PUBLIC_ADDRESS, ROOT, serve

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MEETING = "meetings/2019-04-30-monthly-assurance/index.html"

PAGE_TYPES = {
    "home": "index.html",
    "meetings list": "meetings/index.html",
    "meetings list, filtered": "meetings/index.html?year=2019&theme=roads-policing",
    "meeting": MEETING,
    "action tracker": "actions/index.html",
    "action tracker, filtered": "actions/index.html?theme=roads-policing",
    "action": "actions/2019-04-30-1/index.html",
    "themes": "themes/index.html",
    "theme": "themes/roads-policing/index.html",
    "people": "people/index.html",
    "person": "people/john-campion/index.html",
    "years": "years/index.html",
    "year": "years/2019/index.html",
    "glossary": "glossary/index.html",
    "search": "search/index.html?q=ANPR",
    "404": "404.html",
    "open data": "data/index.html",
    "about": "about/index.html",
}

# The page kinds only an archive of two committees or more has, and those that change with it.
COMMITTEE_PAGE_TYPES = {
    "committees": "committees/index.html",
    "committee": "committees/planning-commission/index.html",
    "person, with attendance by committee": "people/samuel-price/index.html",
    "meeting, with its committee linked": "meetings/2019-09-10-planning-commission/index.html",
}


@pytest.fixture(scope="module")
def committees_server(tmp_path_factory):
    with serve(build(COMMITTEES, tmp_path_factory.mktemp("committees") / "site")) as url:
        yield url


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for the whole module: pages are only read, never changed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def open_page(tab, base: str, path: str, width: int = 1280, scheme: str = "light"):
    tab.set_viewport_size({"width": width, "height": 900})
    tab.emulate_media(color_scheme=scheme, media="screen", reduced_motion="no-preference")
    tab.goto(base + path)
    if path.startswith("search/"):
        tab.wait_for_selector("body[data-search-ready]", state="attached")
    return tab


def axe_violations(tab) -> list[str]:
    if not tab.evaluate("typeof axe !== 'undefined'"):
        tab.add_script_tag(path=str(AXE))
    found = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: {node.get('failureSummary', '')}"
        for v in found["violations"]
        for node in v["nodes"]
    ]


def violations_light_or_dark_wide_or_narrow(tab) -> list[str]:
    """axe's violations on the page open in `tab`, in both colour schemes, at 1280 and 320 px."""
    problems = []
    for scheme in ("light", "dark"):
        for width in (1280, 320):
            tab.set_viewport_size({"width": width, "height": 900})
            tab.emulate_media(color_scheme=scheme)
            problems += [f"{scheme}, {width}px: {p}" for p in axe_violations(tab)]
    return problems


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_no_wcag_a_or_aa_violations_light_or_dark_wide_or_narrow(tab, real_server, name):
    open_page(tab, real_server, PAGE_TYPES[name])
    assert violations_light_or_dark_wide_or_narrow(tab) == []


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_nothing_scrolls_sideways_at_320px(tab, real_server, name):
    open_page(tab, real_server, PAGE_TYPES[name], width=320)
    # Wide tables may scroll, but only inside their own box.
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize("name", COMMITTEE_PAGE_TYPES)
def test_committee_pages_have_no_wcag_a_or_aa_violations_light_or_dark_wide_or_narrow(tab, committees_server, name):
    open_page(tab, committees_server, COMMITTEE_PAGE_TYPES[name])
    assert violations_light_or_dark_wide_or_narrow(tab) == []


@pytest.mark.parametrize("name", COMMITTEE_PAGE_TYPES)
def test_nothing_on_committee_pages_scrolls_sideways_at_320px(tab, committees_server, name):
    open_page(tab, committees_server, COMMITTEE_PAGE_TYPES[name], width=320)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320


# Lists filtered by committee and by result, which only an archive of more than one committee offers.
FILTERED_LISTS = {
    "decisions, filtered by result": "decisions/index.html?result=lost",
    "decisions, filtered by committee": "decisions/index.html?committee=planning-commission",
    "meetings, filtered by committee": "meetings/index.html?committee=planning-commission",
}


@pytest.fixture(scope="module")
def two_committee_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-committees")
    with serve(build(city_with_a_planning_commission(folder / "content"), folder / "site")) as url:
        yield url


@pytest.mark.parametrize("name", FILTERED_LISTS)
def test_axe_finds_no_violations_on_a_filtered_list_wide_or_narrow(tab, two_committee_server, name):
    open_page(tab, two_committee_server, FILTERED_LISTS[name])
    assert tab.locator("form[data-list-filters]").is_visible()
    assert violations_light_or_dark_wide_or_narrow(tab) == []
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320  # left at 320 px


def test_the_first_tab_reaches_the_skip_link_and_it_moves_focus_to_the_content(tab, real_server):
    open_page(tab, real_server, MEETING)
    tab.keyboard.press("Tab")
    skip = tab.evaluate(
        "({text: document.activeElement.textContent, left: document.activeElement.getBoundingClientRect().left})"
    )
    assert skip == {"text": "Skip to main content", "left": 0}  # on screen once focused
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.getElementById('main').contains(document.activeElement)")


FOCUS_STYLE = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {tag: el.tagName, id: el.id || el.textContent.trim().slice(0, 30),
          outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_shows_a_clear_focus_outline_when_reached_by_keyboard(tab, real_server, scheme):
    weak = []
    for path in ("index.html", "search/index.html?q=ANPR"):
        open_page(tab, real_server, path, scheme=scheme)
        count = tab.evaluate("document.querySelectorAll('a[href], input, select, button, [tabindex=\"0\"]').length")
        for _ in range(count):
            tab.keyboard.press("Tab")
            focus = tab.evaluate(FOCUS_STYLE)
            if focus["tag"] == "BODY":
                break
            if focus["outline"] < 3:
                weak.append(f"{path}: {focus}")
    assert weak == []


def test_keyboard_alone_searches_from_the_header(tab, real_server):
    open_page(tab, real_server, "index.html")
    for _ in range(3):  # skip link, site name, search box
        tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "site-search"
    tab.keyboard.type("ANPR")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    tab.wait_for_selector("#search-results li")
    assert "q=ANPR" in tab.url


def test_nothing_moves_when_the_visitor_asks_for_reduced_motion(tab, real_server):
    for path in (MEETING, "search/index.html?q=ANPR"):
        open_page(tab, real_server, path)
        tab.emulate_media(reduced_motion="reduce")
        assert tab.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
        assert tab.evaluate("document.getAnimations().length") == 0


def printed(tab, selector: str) -> list[str]:
    return tab.evaluate("s => [...document.querySelectorAll(s)].map(e => getComputedStyle(e).display)", selector)


def test_a_meeting_prints_as_minutes_without_header_navigation_or_search(tab, real_server):
    open_page(tab, real_server, MEETING)
    tab.emulate_media(media="print")
    for selector in (
        ".site-header",
        ".site-nav",
        "form[role=search]",
        ".skip-link",
        ".breadcrumbs",
        ".pager",
        ".site-footer",
    ):
        assert set(printed(tab, selector)) == {"none"}, selector
    assert printed(tab, "main h1") == ["block"]
    assert "none" not in printed(tab, ".minutes .item")


def test_printed_links_that_leave_the_site_show_their_address(tab, real_server):
    open_page(tab, real_server, MEETING)
    tab.evaluate(
        "document.querySelector('.item-text p').insertAdjacentHTML('beforeend', ' <a id=\"out\" href=\"https://example.org/report.pdf\">report</a>')"
    )
    tab.emulate_media(media="print")
    assert "https://example.org/report.pdf" in tab.evaluate(
        "getComputedStyle(document.getElementById('out'), '::after').content"
    )


ORGANISATION_LINE = (
    "From West Mercia PCC meeting minutes, published by the Office of the Police and Crime "
    "Commissioner for West Mercia."
)


def test_a_printed_page_names_its_organisation_and_its_address_when_the_site_has_one(tab, addressed_site):
    with serve(addressed_site) as base:
        open_page(tab, base, MEETING)
        tab.emulate_media(media="print")
        assert printed(tab, ".print-origin") == ["block"]
        assert tab.inner_text(".print-origin").split("\n\n") == [
            ORGANISATION_LINE,
            f"Online at {PUBLIC_ADDRESS}meetings/2019-04-30-monthly-assurance/",
        ]


def test_a_printed_page_of_a_site_without_an_address_gives_its_path_within_the_site(tab, real_server):
    open_page(tab, real_server, MEETING)
    tab.emulate_media(media="print")
    assert tab.inner_text(".print-origin").split("\n\n") == [
        ORGANISATION_LINE,
        "Address within the site: /meetings/2019-04-30-monthly-assurance/",
    ]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_the_print_origin_is_hidden_on_screen(tab, real_server, name):
    open_page(tab, real_server, PAGE_TYPES[name])
    assert printed(tab, ".print-origin") == ["none"]
    assert tab.evaluate("document.querySelector('.print-origin').getBoundingClientRect().height") == 0


def test_a_meeting_printed_to_pdf_names_the_organisation_and_the_pages_address(tab, real_server):
    import unicodedata
    from io import BytesIO

    from pypdf import PdfReader

    open_page(tab, real_server, MEETING)
    tab.emulate_media(media="print")  # as Chromium's own print does; open_page chose the screen
    pdf = PdfReader(BytesIO(tab.pdf(format="A4")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    text = unicodedata.normalize("NFKC", text)  # the serif font's ligatures ("ﬃ") back to letters
    assert ORGANISATION_LINE in text
    assert "Address within the site: /meetings/2019-04-30-monthly-assurance/" in text
    assert "Monthly Assurance Meeting April 2019" in text and "Skip to main content" not in text


def test_the_axe_check_notices_a_violation(tab, real_server):
    open_page(tab, real_server, "index.html")
    tab.evaluate("document.querySelector('label[for=home-search]').remove()")
    assert any(p.startswith("label ") for p in axe_violations(tab))


@pytest.fixture(scope="module")
def city_with_decisions(tmp_path_factory):
    """The city council's minutes with a lost motion: the search page then offers decisions and their results."""
    root = tmp_path_factory.mktemp("decisions")
    with serve(build(city_with_a_lost_motion(root / "content"), root / "site")) as url:
        yield url


DECISION_SEARCH = "search/index.html?q=park&kind=decision"


def test_axe_finds_no_violations_on_a_search_with_decision_results(tab, city_with_decisions):
    open_page(tab, city_with_decisions, DECISION_SEARCH)
    assert tab.locator("#search-results li.result-decision").count() > 0
    assert violations_light_or_dark_wide_or_narrow(tab) == []


def test_a_search_with_decision_results_does_not_scroll_sideways_at_320px(tab, city_with_decisions):
    open_page(tab, city_with_decisions, DECISION_SEARCH, width=320)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
