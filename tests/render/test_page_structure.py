"""Every built page has the structure assistive technology relies on."""

import pytest

from tests.render.pages import every_page


@pytest.fixture(scope="module")
def pages(real_site):
    return every_page(real_site)


def test_every_page_is_in_british_english(pages):
    assert {path: page.lang for path, page in pages.items() if page.lang != "en-GB"} == {}


def test_every_page_has_exactly_one_h1_and_it_comes_first(pages):
    for path, page in pages.items():
        levels = [level for level, _ in page.headings]
        assert levels.count(1) == 1 and levels[0] == 1, f"{path}: {page.headings[:3]}"


def test_headings_never_skip_a_level_going_down(pages):
    for path, page in pages.items():
        levels = [level for level, _ in page.headings]
        jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert jumps == [], f"{path}: heading levels jump {jumps}"


def test_the_first_thing_to_tab_to_is_a_skip_link_to_the_main_content(pages):
    for path, page in pages.items():
        first = page.focusable[0]
        assert first.get("class") == "skip-link" and first["href"] == "#main", path
        assert "main" in page.ids, path


def test_every_page_has_one_banner_main_and_footer_and_labelled_navigation(pages):
    for path, page in pages.items():
        top = [tag for tag, _, depth in page.landmarks if depth == 0]
        assert top.count("header") == 1 and top.count("footer") == 1, path
        assert [tag for tag, _, _ in page.landmarks].count("main") == 1, path
        labels = [a.get("aria-label") for tag, a, _ in page.landmarks if tag == "nav"]
        assert all(labels) and len(set(labels)) == len(labels), f"{path}: navigation labels {labels}"


def test_every_page_has_its_own_meaningful_title(pages):
    titles = {path: page.title for path, page in pages.items()}
    assert all(len(t) > 10 for t in titles.values())
    assert len(set(titles.values())) == len(titles), "two pages share a title"
