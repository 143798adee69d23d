"""Every internal link and #anchor in the built site resolves, and cross-links run both ways."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.site.links import relative_path
from tests.conftest import ASSURANCE, FIXTURES


class PageLinks(HTMLParser):
    """The hrefs/srcs and the element ids of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "form"):
                self.links.append(attrs[name])


def crawl(site: Path) -> dict[str, PageLinks]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = PageLinks()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


def broken_links(site: Path) -> list[str]:
    pages = crawl(site)
    broken = []
    for page, parsed in pages.items():
        for href in parsed.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # external: not ours to check
            target = (
                page
                if not parts.path
                else posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
            )
            if target.startswith(".."):
                broken.append(f"{page}: {href} leaves the site")
                continue
            if target.endswith("/") or (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (site / target).is_file():
                broken.append(f"{page}: {href} -> {target} does not exist")
            elif parts.fragment and target.endswith(".html") and parts.fragment not in pages[target].ids:
                broken.append(f"{page}: {href} -> #{parts.fragment} is not an id on {target}")
    return broken


def links_from(site: Path, page: str) -> set[str]:
    """Every internal link on `page`, as a site-root path with its fragment."""
    parsed = crawl_one(site, page)
    out = set()
    for href in parsed.links:
        parts = urlsplit(href)
        if parts.scheme:
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path)) if parts.path else page
        out.add(path + (f"#{parts.fragment}" if parts.fragment else ""))
    return out


def crawl_one(site: Path, page: str) -> PageLinks:
    parser = PageLinks()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module", params=["small", "real"])
def built(request):
    """Each built site with the archive it came from."""
    content = FIXTURES / "small" if request.param == "small" else ASSURANCE
    site = request.getfixturevalue(f"{request.param}_site")
    return site, link(load_content(content))


def test_every_internal_link_and_anchor_resolves(built):
    site, _ = built
    assert broken_links(site) == []


def test_every_link_is_relative(built):
    site, _ = built
    for page, parsed in crawl(site).items():
        for href in parsed.links:
            assert not href.startswith("/"), f"{page} links to {href}: root-relative links break under a sub-path"


def test_a_meeting_page_links_to_each_of_its_actions_and_themes(built):
    site, archive = built
    for meeting in archive.meetings:
        links = links_from(site, f"meetings/{meeting.id}/index.html")
        for tracked in archive.actions_of(meeting.id):
            assert f"actions/{tracked.action.id}/index.html" in links
        for item in meeting.agenda:
            for theme in item.themes:
                assert f"themes/{theme}/index.html" in links


def test_an_action_page_links_back_to_its_meeting_item_anchor(built):
    site, archive = built
    for tracked in archive.actions:
        meeting = archive.meeting(tracked.action.meeting_id)
        anchor = meeting.item(tracked.action.item).anchor
        assert f"meetings/{meeting.id}/index.html#{anchor}" in links_from(
            site, f"actions/{tracked.action.id}/index.html"
        )


def test_a_theme_page_lists_every_item_tagged_with_it(built):
    site, archive = built
    for record in archive.themes:
        links = links_from(site, f"themes/{record.theme.slug}/index.html")
        tagged = {
            f"meetings/{m.id}/index.html#{i.anchor}"
            for m in archive.meetings
            for i in m.agenda
            if record.theme.slug in i.themes
        }
        assert tagged <= links


def test_a_person_page_lists_every_meeting_they_attended(built):
    site, archive = built
    for record in archive.people:
        links = links_from(site, f"people/{record.person.slug}/index.html")
        attended = {
            f"meetings/{m.id}/index.html"
            for m in archive.meetings
            if any(a.person == record.person.slug for a in m.attendees)
        }
        assert attended <= links


def test_a_year_page_lists_the_meetings_of_that_year(built):
    site, archive = built
    for year, meetings in archive.years:
        links = links_from(site, f"years/{year}/index.html")
        assert {f"meetings/{m.id}/index.html" for m in meetings} <= links


def test_the_next_meeting_line_links_to_that_meeting_when_it_is_in_the_archive(small_site):
    links = links_from(small_site, "meetings/2019-04-30-monthly-assurance/index.html")
    assert "meetings/2019-05-28-performance/index.html" in links


def test_the_broken_link_checker_notices_a_missing_anchor(tmp_path, small_site):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(small_site, copy)
    page = copy / "actions/2019-04-30-1/index.html"
    page.write_text(page.read_text().replace('#item-2-1"', '#item-9-9"'))
    assert any("#item-9-9" in problem for problem in broken_links(copy))


@pytest.mark.parametrize("folder", ["", "meetings/2019-04-30-monthly-assurance", "search", "themes/roads", "a/b/c"])
@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "meetings/index.html",
        "meetings/2019-04-30-monthly-assurance/index.html",
        "assets/style.css",
        "themes/roads/index.html",
        "a/b",
        "a/b/c",
        "a/b/c/d.html",
        "a",
        "themes",
    ],
)
def test_links_are_made_relative_as_posixpath_would(folder, path):
    assert relative_path(path, folder) == posixpath.relpath(path, folder or ".")


def test_a_stable_id_is_the_uuid5_of_its_parts_asked_for_once_or_again():
    import uuid

    from minutebook.site.links import stable_id

    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "urn:minutebook")
    expected = "urn:uuid:" + str(uuid.uuid5(namespace, "Parish Council\nocd-person\npeople/ann-smith/"))
    assert stable_id("Parish Council", "ocd-person", "people/ann-smith/") == expected
    assert stable_id("Parish Council", "ocd-person", "people/ann-smith/") == expected  # now from the cache
    assert stable_id("Parish Council", "ocd-person", "people/bob-jones/") != expected
