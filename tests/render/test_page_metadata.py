"""Head tags: description, Open Graph, the feed, and a canonical link only when the address is known."""

import pytest

from tests.conftest import PUBLIC_ADDRESS
from tests.render.pages import every_page


@pytest.fixture(scope="module")
def pages(real_site):
    return every_page(real_site)


@pytest.fixture(scope="module")
def addressed(addressed_site):
    return every_page(addressed_site)


def permalink(path: str) -> str:
    return PUBLIC_ADDRESS + (path[: -len("index.html")] if path.endswith("index.html") else path)


def test_every_page_describes_itself_for_search_engines_and_sharing(pages):
    for path, page in pages.items():
        for name in ("description", "og:title", "og:description", "og:type", "og:site_name", "og:locale"):
            assert page.meta.get(name), f"{path}: no {name}"


def test_every_page_points_feed_readers_at_the_atom_feed(pages):
    for path, page in pages.items():
        assert any(
            link.get("rel") == "alternate" and link.get("type") == "application/atom+xml" for link in page.links
        ), path


def test_without_a_base_url_there_is_no_canonical_link(pages):
    for path, page in pages.items():
        assert not any(link.get("rel") == "canonical" for link in page.links), path
        assert "og:url" not in page.meta, path


def test_with_a_base_url_each_page_names_its_own_address(addressed):
    for path, page in addressed.items():
        canonical = [link["href"] for link in page.links if link.get("rel") == "canonical"]
        if path == "404.html":  # served in place of any missing page: it has no address of its own
            assert canonical == [], canonical
            continue
        assert canonical == [permalink(path)] and page.meta["og:url"] == permalink(path), path


def test_the_footer_links_to_the_open_data_feed_and_calendar(pages):
    home = pages["index.html"]
    for target in ("data/index.html", "feed.xml", "calendar.ics"):
        assert target in home.urls
