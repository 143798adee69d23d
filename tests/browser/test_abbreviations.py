"""Abbreviations explain themselves to keyboard, touch and screen-reader users, not only to a mouse:
the real site in Debian's Chromium, served with the strict CSP."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations, open_page, tab  # noqa: F401
from tests.browser.test_search import nothing_goes_wrong, search, status  # noqa: F401
from tests.conftest import PageProblems

pytestmark = pytest.mark.browser

APRIL_2019 = "meetings/2019-04-30-monthly-assurance/index.html"
FIRST_USE = ".item-text a.abbreviation"


def tab_to(page, selector: str, most: int = 300) -> None:
    """Press Tab, as a keyboard user would, until focus is on the first element matching `selector`."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{most} presses of Tab never reached {selector}")


def test_an_abbreviations_first_use_is_reached_by_tab_and_named_with_its_expansion(page, real_server):
    page.goto(real_server + APRIL_2019)
    tab_to(page, FIRST_USE)
    assert page.evaluate("s => document.activeElement === document.querySelector(s)", FIRST_USE)
    expect(page.get_by_role("link", name="PCC (Police and Crime Commissioner)", exact=True)).to_be_focused()
    assert page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)") >= 3


def test_enter_on_a_first_use_opens_its_entry_in_the_glossary(page, real_server):
    page.goto(real_server + APRIL_2019)
    tab_to(page, FIRST_USE)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("glossary/index.html#abbr-PCC")
    entry = page.locator(":target")
    expect(entry.locator("dd")).to_have_text("Police and Crime Commissioner")
    expect(entry).to_be_in_viewport()


def test_a_tap_on_a_first_use_opens_its_entry_on_a_phone(browser, real_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    phone = context.new_page()
    problems = PageProblems(phone)
    try:
        phone.goto(real_server + APRIL_2019)
        with phone.expect_navigation():
            phone.get_by_role("link", name="ANPR (Automatic Number Plate Recognition)").tap()
        assert phone.url.endswith("glossary/index.html#abbr-ANPR")
        expect(phone.locator(":target dd")).to_have_text("Automatic Number Plate Recognition")
        assert problems.errors == []
    finally:
        context.close()


def test_only_the_first_use_on_the_page_is_a_link(page, real_server):
    page.goto(real_server + APRIL_2019)
    assert page.locator(".minutes").inner_text().count("ANPR") > 1
    expect(page.locator(FIRST_USE, has_text="ANPR")).to_have_count(1)


def test_a_plural_leads_to_its_singulars_entry(page, real_server):
    page.goto(real_server + APRIL_2019)
    plural = page.get_by_role("link", name="KSIs (Killed and seriously injured)", exact=True)
    plural.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("glossary/index.html#abbr-KSI")
    expect(page.locator(":target dt")).to_have_text("KSI")
    expect(page.locator(":target dd")).to_have_text("Killed and seriously injured (also written KSIs)")


@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_no_violation_on_the_glossary_with_an_entry_picked_out(tab, real_server, width):  # noqa: F811
    open_page(tab, real_server, "glossary/index.html#abbr-KSI", width=width)
    problems = []
    for scheme in ("light", "dark"):
        tab.emulate_media(color_scheme=scheme)
        problems += [f"{scheme}: {p}" for p in axe_violations(tab)]
    assert problems == []


def test_axe_finds_no_violation_with_a_first_use_focused_at_320px(tab, real_server):  # noqa: F811
    open_page(tab, real_server, APRIL_2019, width=320)
    tab.locator(FIRST_USE).first.focus()
    assert axe_violations(tab) == []


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("KSIs", "KSI (Killed and seriously injured)"),
        ("ARVs", "ARV (Armed response vehicle)"),
    ],
)
def test_search_still_knows_a_plural_that_is_no_longer_an_entry_of_its_own(page, real_server, typed, shown):
    search(page, real_server, typed)
    assert f"Also searched for {shown}" in status(page)
