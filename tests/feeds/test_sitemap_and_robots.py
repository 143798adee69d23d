"""sitemap.xml only with a known address (the protocol wants absolute URLs); robots.txt always."""

import xml.etree.ElementTree as ET

from tests.conftest import PUBLIC_ADDRESS

LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def test_without_a_base_url_there_is_no_sitemap(real_site):
    assert not (real_site / "sitemap.xml").exists()


def test_the_sitemap_lists_every_page_but_the_404_by_absolute_address(addressed_site):
    listed = {e.text for e in ET.parse(addressed_site / "sitemap.xml").getroot().iter(LOC)}
    pages = {p.relative_to(addressed_site).as_posix() for p in addressed_site.rglob("*.html")} - {"404.html"}
    expected = {PUBLIC_ADDRESS + (p[: -len("index.html")] if p.endswith("index.html") else p) for p in pages}
    assert listed == expected


def test_robots_txt_lets_crawlers_in_and_names_the_sitemap_only_when_there_is_one(real_site, addressed_site):
    assert "Sitemap" not in (real_site / "robots.txt").read_text()
    assert "User-agent: *" in (real_site / "robots.txt").read_text()
    assert f"Sitemap: {PUBLIC_ADDRESS}sitemap.xml" in (addressed_site / "robots.txt").read_text().splitlines()
