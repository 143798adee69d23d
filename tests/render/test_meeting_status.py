"""Where a meeting's minutes stand is said on its page and beside it in every list that names it.

The status fixture: April 2019 approved at the meeting of 28 May 2019, May 2019
a draft (with an action, a theme and an update to April's action), June 2019
cancelled.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, build_site, copy_content
from tests.load.test_bad_input import rewrite

APRIL, MAY, JUNE = "2019-04-30-monthly-assurance", "2019-05-28-monthly-assurance", "2019-06-25-monthly-assurance"
CONTAINERS = ("li", "td", "dd")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(FIXTURES / "status", tmp_path_factory.mktemp("status") / "site")


class Entries(HTMLParser):
    """Each list entry, table cell or fact of a page: the meetings it links to, its labels, and its words."""

    def __init__(self, folder: str):
        super().__init__(convert_charrefs=True)
        self.folder = folder  # the page's folder in the site, to resolve its relative links
        self.entries: list[dict] = []
        self._open: list[dict] = []
        self._label: list[str] | None = None
        self._banner = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag in CONTAINERS:
            self._open.append({"meetings": set(), "labels": [], "text": []})
        elif tag == "a" and self._open:
            target = posixpath.normpath(posixpath.join(self.folder, a.get("href", "").partition("#")[0]))
            found = re.fullmatch(r"meetings/([a-z0-9-]+)/index\.html", target)
            if found:
                self._open[-1]["meetings"].add(found.group(1))
        elif tag == "strong" and "minutes-label" in a.get("class", "").split():
            self._label = []

    def handle_endtag(self, tag):
        if tag == "strong" and self._label is not None:
            if self._open:
                self._open[-1]["labels"].append("".join(self._label))
            self._label = None
        elif tag in CONTAINERS and self._open:
            entry = self._open.pop()
            entry["text"] = " ".join("".join(entry["text"]).split())
            self.entries.append(entry)

    def handle_data(self, data):
        if self._label is not None:
            self._label.append(data)
        for entry in self._open:
            entry["text"].append(data)


def entries(page: Path) -> list[dict]:
    site = next(p for p in page.parents if (p / "index.html").exists() and (p / "meetings").is_dir())
    parser = Entries(page.parent.relative_to(site).as_posix())
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.entries


def labels_beside(page: Path, meeting_id: str) -> list[list[str]]:
    """The labels of each entry on `page` that links to `meeting_id` (the innermost entry holding the link)."""
    return [e["labels"] for e in entries(page) if e["meetings"] == {meeting_id}]


def text_of_html(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def banner(page: Path) -> str:
    """The words of the page's status banner, a note to every reader; empty when there is none."""
    found = re.search(
        r'<div class="minutes-banner[^"]*" role="note">(.*?)</div>', page.read_text(encoding="utf-8"), re.S
    )
    return text_of_html(found.group(1)) if found else ""


def meeting_page(site: Path, meeting_id: str) -> Path:
    return site / "meetings" / meeting_id / "index.html"


def test_a_drafts_page_opens_with_a_banner_saying_it_is_not_yet_approved(site):
    page = meeting_page(site, MAY)
    assert banner(page).startswith("Draft minutes: not yet approved")
    html = page.read_text(encoding="utf-8")
    assert html.index('class="minutes-banner') < html.index(
        '<dl class="facts">'
    )  # read before anything else the page says


def test_a_drafts_page_describes_it_as_draft_minutes(site):
    assert (
        '<meta name="description" content="Draft minutes, not yet approved, '
        'of the Monthly Assurance Meeting held on 28 May 2019.">' in meeting_page(site, MAY).read_text(encoding="utf-8")
    )


def test_approved_minutes_name_the_meeting_that_approved_them_linked_to_its_page(site):
    (status,) = [e for e in entries(meeting_page(site, APRIL)) if e["text"].startswith("Approved")]
    assert status["text"] == "Approved at the meeting of 28 May 2019"
    assert status["meetings"] == {MAY}
    assert banner(meeting_page(site, APRIL)) == ""


def test_an_approving_meeting_not_in_the_archive_is_named_by_its_date_without_a_link(tmp_path):
    content = copy_content(FIXTURES / "status", tmp_path / "content")
    rewrite(content, "approved: 2019-05-28", "approved: 2019-05-29")
    site = build_site(content, tmp_path / "site")
    (status,) = [e for e in entries(meeting_page(site, APRIL)) if e["text"].startswith("Approved")]
    assert (status["text"], status["meetings"]) == ("Approved at the meeting of 29 May 2019", set())


def test_minutes_approved_without_a_date_say_only_that_they_are_approved(real_site):
    page = meeting_page(real_site, "2019-04-30-monthly-assurance")
    assert [e["text"] for e in entries(page) if e["text"].startswith("Approved")] == ["Approved"]
    assert banner(page) == ""


def test_a_cancelled_meetings_page_says_so_and_shows_no_empty_attendance_agenda_or_actions(site):
    page = meeting_page(site, JUNE)
    assert banner(page) == "This meeting was cancelled It did not take place, so there are no minutes."
    html = page.read_text(encoding="utf-8")
    for section in ('id="attendance"', 'id="agenda"', 'id="actions"', "<dt>Venue</dt>", "<dt>Minutes</dt>"):
        assert section not in html
    assert '<time datetime="2019-06-25">Tuesday 25 June 2019</time>' in html  # no time was set, so none is shown


def test_a_cancelled_meeting_that_kept_its_planned_agenda_shows_it(tmp_path):
    content = copy_content(FIXTURES / "status", tmp_path / "content")
    path = content / "meetings" / f"{JUNE}.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("source:", 'agenda:\n  - number: "1"\n    title: Confidence\nsource:')
        + "\n## 1 Confidence\n",
        encoding="utf-8",
    )
    page = meeting_page(build_site(content, tmp_path / "site"), JUNE)
    assert banner(page).endswith("The agenda below is the one it was to have had.")
    assert 'id="agenda"' in page.read_text(encoding="utf-8")


# Every kind of page that lists meetings, with the meetings it names.
LISTS = {
    "home": ("index.html", (MAY, JUNE)),
    "all meetings": ("meetings/index.html", (MAY, JUNE)),
    "year": ("years/2019/index.html", (MAY, JUNE)),
    "theme": ("themes/public-confidence/index.html", (MAY,)),
    "person": ("people/john-campion/index.html", (MAY, JUNE)),
    "action tracker": ("actions/index.html", (MAY,)),
    "action": ("actions/2019-05-28-1/index.html", (MAY,)),
    "an action updated by a draft": ("actions/2019-04-30-1/index.html", (MAY,)),
}
EXPECTED = {MAY: ["Draft"], JUNE: ["Cancelled"]}


@pytest.mark.parametrize("kind", LISTS)
def test_every_list_labels_a_draft_and_a_cancelled_meeting_wherever_it_names_them(site, kind):
    path, named = LISTS[kind]
    for meeting_id in named:
        found = labels_beside(site / path, meeting_id)
        assert found, f"{path} does not name {meeting_id}"
        assert all(labels == EXPECTED[meeting_id] for labels in found), (meeting_id, found)


@pytest.mark.parametrize("kind", ["home", "all meetings", "year"])
def test_approved_minutes_carry_no_label_in_lists(site, kind):
    found = labels_beside(site / LISTS[kind][0], APRIL)
    assert found and all(labels == [] for labels in found)


def test_the_links_to_the_previous_and_next_meeting_label_a_draft_and_a_cancelled_neighbour(site):
    html = meeting_page(site, MAY).read_text(encoding="utf-8")
    pager = text_of_html(html[html.index('<nav class="pager"') :])
    assert (
        "Previous meeting Monthly Assurance Meeting April 2019 Next meeting Monthly Assurance "
        "Meeting June 2019 Cancelled" in pager
    )


def test_how_long_an_action_has_waited_is_counted_to_the_latest_meeting_that_took_place_not_a_cancelled_one(site):
    words = text_of_html((site / "actions/2019-05-28-1/index.html").read_text(encoding="utf-8"))
    assert "How long ago is counted to the latest meeting, Monthly Assurance Meeting May 2019 on 28 May 2019" in words
