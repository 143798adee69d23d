"""A meeting page's corrections in Debian's Chromium: the before and after meet WCAG 2.2 AA and never rely on colour."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.test_accessibility import open_page, violations_light_or_dark_wide_or_narrow
from tests.conftest import FIXTURES, build_site, serve
from tests.history.test_meeting_pages import APRIL_PAGE, edit, git, record_correction

pytestmark = pytest.mark.browser

LONG = (
    "The PCC said that he had seen ANPR in action out in the policing areas and that it was great to see it used, "
    "but questioned when the force would be connected to the National ANPR (NAS) system."
)


@pytest.fixture(scope="module")
def corrected_server(tmp_path_factory):
    """The small archive in a git checkout, its April meeting corrected twice: a word, and a whole sentence."""
    folder = tmp_path_factory.mktemp("corrected")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIT_CEILING_DIRECTORIES", str(folder))  # no repository above this one is read
        repo = folder / "repo"
        repo.mkdir()
        git(repo, "init", "-q")
        git(repo, "config", "user.name", "Test Editor")
        git(repo, "config", "user.email", "editor@example.gov.uk")
        content = shutil.copytree(FIXTURES / "small", repo / "content")
        git(repo, "add", "content")
        git(repo, "commit", "-q", "-m", "Publish the minutes", day="2024-03-01")
        edit(content, "None were discussed.", "None were raised.")
        record_correction(content, "2024-03-03", "Item 1.1 said that matters were discussed; none were raised.")
        git(repo, "commit", "-q", "-am", "Correct item 1.1", day="2024-03-03")
        edit(content, LONG, LONG.replace("The PCC said that he had seen", "The Deputy PCC reported having seen"))
        record_correction(content, "2024-03-09", "Item 2.1 named the wrong speaker.")
        git(repo, "commit", "-q", "-am", "Correct item 2.1", day="2024-03-09")
        site = build_site(content, folder / "site")
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # axe is injected
    page = context.new_page()
    yield page
    context.close()


def test_the_before_and_after_is_shown(tab, corrected_server):
    open_page(tab, corrected_server, APRIL_PAGE)
    assert tab.locator(".corrections del").count() >= 2 and tab.locator(".corrections ins").count() >= 2


def test_axe_finds_no_wcag_a_or_aa_violations_in_the_corrections_light_or_dark_wide_or_narrow(tab, corrected_server):
    open_page(tab, corrected_server, APRIL_PAGE)
    assert violations_light_or_dark_wide_or_narrow(tab) == []


def test_nothing_scrolls_sideways_at_320px(tab, corrected_server):
    open_page(tab, corrected_server, APRIL_PAGE, width=320)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320


LINES = "sel => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e).textDecorationLine)"


@pytest.mark.parametrize("media", ["screen", "print"])
def test_removed_words_are_struck_through_and_added_words_underlined_not_only_coloured(tab, corrected_server, media):
    open_page(tab, corrected_server, APRIL_PAGE)
    tab.emulate_media(media=media)
    assert set(tab.evaluate(LINES, ".corrections del")) == {"line-through"}
    assert set(tab.evaluate(LINES, ".corrections ins")) == {"underline"}


def test_a_screen_reader_hears_which_words_were_removed_and_which_added(tab, corrected_server):
    open_page(tab, corrected_server, APRIL_PAGE)
    names = tab.evaluate("[...document.querySelectorAll('.corrections del, .corrections ins')].map(e => e.textContent)")
    assert "removed: discussed." in names and "added: raised." in names
