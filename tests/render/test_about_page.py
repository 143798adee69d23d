"""The About page: content/about.md rendered as safely as the minutes, linked from every page, or absent altogether."""

from __future__ import annotations

import posixpath
import shutil
import xml.etree.ElementTree as ET

from tests.conftest import FIXTURES, PUBLIC_ADDRESS, build_site
from tests.render.pages import every_page, outline

ABOUT = "about/index.html"


def links_to(path: str, urls: list[str], target: str) -> bool:
    here = posixpath.dirname(path)
    return any(
        posixpath.normpath(posixpath.join(here, url.split("#")[0])) == target for url in urls if "://" not in url
    )


def test_the_about_page_says_what_the_meetings_are_from_content_about_md(real_site):
    page = outline(real_site / ABOUT)
    text = " ".join((real_site / ABOUT).read_text(encoding="utf-8").split())
    assert page.headings[0] == (1, "About these meetings")
    assert (2, "Who holds them") in page.headings  # the file's '##' headings sit under the page's h1
    assert page.title == "About these meetings – West Mercia PCC meeting minutes"
    assert (
        "holds Monthly Assurance Meetings at which the Chief Constable of West Mercia Police is held to account" in text
    )


def test_every_page_links_to_the_about_page_and_the_home_page_says_what_it_tells(real_site):
    pages = every_page(real_site)
    assert [path for path, page in pages.items() if not links_to(path, page.urls, ABOUT)] == []
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="about/index.html">Find out what these meetings are and who holds them</a>' in home


def test_the_about_page_is_in_the_sitemap(addressed_site):
    listed = {
        e.text
        for e in ET.parse(addressed_site / "sitemap.xml")
        .getroot()
        .iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    }
    assert f"{PUBLIC_ADDRESS}about/" in listed


def test_without_about_md_there_is_no_about_page_and_no_link_to_one(small_site):
    assert not (small_site / "about").exists()
    pages = every_page(small_site)
    assert [path for path, page in pages.items() if any("about" in url for url in page.urls)] == []
    assert "these meetings are" not in (small_site / "index.html").read_text(encoding="utf-8")


def test_the_about_text_is_markdown_without_html_or_unsafe_links_and_with_abbreviations_explained(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    (content / "about.md").write_text(
        "# About the PCC's meetings\n\nThe PCC holds them. <script>alert(1)</script>\n\n"
        "[Contact](javascript:alert(1)) or [the tracker](../actions/index.html).\n",
        encoding="utf-8",
    )
    html = (build_site(content, tmp_path / "site") / ABOUT).read_text(encoding="utf-8")
    body = html[html.index("<main") : html.index("</main>")]
    assert "<script" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "javascript:" not in body.replace("[Contact](javascript:alert(1))", "")  # shown as text, never a link
    assert 'href="javascript' not in body
    assert '<a href="../actions/index.html">the tracker</a>' in body
    assert (
        '<a class="abbreviation" href="../glossary/index.html#abbr-PCC" '
        'aria-label="PCC (Police and Crime Commissioner)">'
        '<abbr title="Police and Crime Commissioner">PCC</abbr></a> holds them'
    ) in body
    assert "<h1>About the PCC&#39;s meetings</h1>" in body
