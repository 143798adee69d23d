"""Every list of meetings says what each meeting discussed: the themes of its agenda items, in brief."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from minutebook.site.render import in_brief
from tests.conftest import FIXTURES, build_site

DECEMBER_2021 = "2021-12-20-monthly-assurance"
APRIL_2019 = "2019-04-30-monthly-assurance"
# Every page that lists meetings in the real archive, and how many each lists.
LISTS = {
    "index.html": 5,  # the latest meetings
    "meetings/index.html": 5,
    "years/2021/index.html": 2,
    "years/2019/index.html": 1,
    "people/tracey-onslow/index.html": 4,  # the meetings she attended
}


class MeetingEntries(HTMLParser):
    """Each entry of a page's lists of meetings (ul.meeting-list): where it links, its date line and its topics."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries: list[dict[str, str]] = []
        self._lists = 0  # depth inside ul.meeting-list
        self._part: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "ul" and "meeting-list" in (a.get("class") or "").split():
            self._lists += 1
        elif self._lists and tag == "li":
            self.entries.append({"href": "", "title": "", "meta": "", "topics": ""})
            self._part = None
        elif self._lists and tag == "a" and not self.entries[-1]["href"]:
            self.entries[-1]["href"], self._part = a["href"], "title"
        elif self._lists and tag == "span" and a.get("class") in ("meta", "topics"):
            self._part = a["class"]

    def handle_endtag(self, tag):
        if tag == "ul" and self._lists:
            self._lists -= 1
        elif tag in ("a", "span"):
            self._part = None

    def handle_data(self, data):
        if self._lists and self._part:
            self.entries[-1][self._part] += data


def entries(site: Path, page: str) -> list[dict[str, str]]:
    parser = MeetingEntries()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser.entries


def meeting_id(entry: dict[str, str]) -> str:
    return entry["href"].split("/")[-2]  # .../meetings/<id>/index.html, relative to the page


def entry_for(site: Path, page: str, meeting: str) -> dict[str, str]:
    return next(e for e in entries(site, page) if meeting_id(e) == meeting)


@pytest.mark.parametrize("page", LISTS)
def test_every_meeting_in_a_list_names_its_topics(real_site, page):
    listed = entries(real_site, page)
    assert len(listed) == LISTS[page]
    assert all(e["topics"].startswith("Topics: ") and len(e["topics"]) > len("Topics: ") for e in listed), listed


@pytest.mark.parametrize("page", LISTS)
def test_a_meeting_shows_the_same_topics_in_every_list(real_site, page):
    shown = {meeting_id(e): e["topics"] for e in entries(real_site, page)}
    everywhere = {meeting_id(e): e["topics"] for e in entries(real_site, "meetings/index.html")}
    assert shown == {k: everywhere[k] for k in shown}


def test_the_themes_on_most_items_come_first_then_three_and_a_count_of_the_rest(real_site):
    # December 2021: specialist operations is on three items; equality and workforce on two each, named first;
    # then armed policing and roads policing (two each), communications and technology (one each) are counted.
    assert entry_for(real_site, "meetings/index.html", DECEMBER_2021)["topics"] == (
        "Topics: Specialist operations; Equality, diversity and inclusion; Workforce and wellbeing; and 4 more"
    )


def test_four_topics_are_all_named_rather_than_three_and_one_more(real_site):
    assert entry_for(real_site, "index.html", APRIL_2019)["topics"] == (
        "Topics: Roads policing; Partnership working; Technology and digital; Workforce and wellbeing"
    )


def test_procedural_items_without_themes_add_no_topics(real_site):
    # April 2019's outstanding matters, HMICFRS programme, AOB and next meeting carry no theme.
    topics = entry_for(real_site, "years/2019/index.html", APRIL_2019)["topics"]
    assert not any(word in topics for word in ("Outstanding", "AOB", "next meeting", "Holding to account"))


def test_one_meeting_type_throughout_is_not_repeated_beside_every_meeting(real_site):
    for page in LISTS:
        for entry in entries(real_site, page):
            assert "Monthly Assurance Meeting" not in entry["meta"], (page, entry)
            assert entry["meta"].strip()  # the date is still there


def test_each_meetings_type_is_named_when_the_archive_holds_several(small_site):
    metas = [" ".join(e["meta"].split()) for e in entries(small_site, "meetings/index.html")]
    assert metas == ["28 May 2019 · Performance", "30 April 2019 · Monthly Assurance Meeting"]


def test_a_meeting_whose_items_carry_no_theme_has_no_topics_line(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    may = content / "meetings/2019-05-28-performance.md"
    may.write_text(may.read_text().replace("    themes: [public-confidence]\n", ""))
    site = build_site(content, tmp_path / "site")
    listed = {e["title"]: e["topics"] for e in entries(site, "meetings/index.html")}
    assert listed["Performance Meeting May 2019"] == ""
    assert listed["Monthly Assurance Meeting April 2019"].startswith("Topics: ")


@pytest.mark.parametrize(
    "names, brief",
    [
        ((), ""),
        (("Roads policing",), "Roads policing"),
        (("A", "B", "C", "D"), "A; B; C; D"),
        (("A", "B", "C", "D", "E"), "A; B; C; and 2 more"),
    ],
)
def test_topics_in_brief_name_three_and_count_the_rest(names, brief):
    assert in_brief(names) == brief
