"""Committees as pages of their own, where an archive holds meetings of two or more: the city council and
its planning commission (tests/fixtures/committees). A body with one committee keeps its site as it was."""

import shutil

import pytest

from tests.bodies.sites import COMMITTEES, build, city_with_a_planning_commission, main_of, text
from tests.render.pages import outline
from tests.render.tables import read

PLANNING = "committees/planning-commission/index.html"
COUNCIL = "committees/city-council/index.html"
SEPTEMBER = "meetings/2019-09-10-planning-commission/index.html"


@pytest.fixture(scope="module")
def site(committees_site):
    return committees_site


@pytest.fixture(scope="module")
def one_committee(citycouncil_site):
    return citycouncil_site


def nav_links(site, page) -> list[str]:
    html = (site / page).read_text(encoding="utf-8")
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    return [text(item) for item in nav.split("<li>")[1:]]


def test_the_committees_page_links_to_each_committee_with_its_meetings_count(site):
    page = read(site / "committees/index.html")
    assert '<a href="city-council/index.html">City Council</a>' in page.html
    assert '<a href="planning-commission/index.html">Planning Commission</a>' in page.html
    assert "Planning Commission 2 meetings, the latest on February 11, 2020" in text(
        main_of(site, "committees/index.html")
    )


def test_every_page_links_to_the_committees_beside_the_meetings(site):
    assert nav_links(site, "index.html")[:4] == ["Meetings", "Actions", "Decisions", "Committees"]
    assert nav_links(site, SEPTEMBER)[3] == "Committees"


def test_a_body_with_one_committee_has_no_committee_pages_nor_a_link_to_them(one_committee):
    assert not (one_committee / "committees").exists()
    assert "Committees" not in nav_links(one_committee, "index.html")


def test_a_meeting_page_links_its_type_to_its_committee(site):
    assert (
        '<p class="caption"><a href="../../committees/planning-commission/index.html">Planning Commission</a></p>'
        in main_of(site, SEPTEMBER)
    )


def test_with_one_committee_a_meeting_page_names_its_type_without_a_link(one_committee):
    assert '<p class="caption">City Council</p>' in main_of(
        one_committee, "meetings/2019-06-18-city-council/index.html"
    )


def test_a_committee_page_lists_its_members_with_their_roles_and_first_and_last_meetings(site):
    members = read(site / PLANNING).table(
        "Members of the Planning Commission over time, by when they were first listed"
    )
    rows = [[cell.text for cell in row] for row in members.rows]
    assert members.headers == ["Member", "Role", "First meeting", "Last meeting"]
    assert rows == [
        ["Nora Lindqvist", "Commission Chair", "September 10, 2019", "February 11, 2020"],
        ["Grace Kim", "Council Liaison", "September 10, 2019", "September 10, 2019"],
        ["Samuel Price", "Commissioner", "September 10, 2019", "February 11, 2020"],
    ]


def test_a_members_first_and_last_meetings_link_to_those_meetings(site):
    members = read(site / PLANNING).tables[0]
    nora = members.rows[0]
    assert nora[0].links == [("../../people/nora-lindqvist/index.html", "Nora Lindqvist")]
    assert nora[2].links == [("../../" + SEPTEMBER, "September 10, 2019")]


def test_a_committee_page_lists_only_its_own_meetings_newest_first_without_naming_their_type(site):
    listed = text(main_of(site, PLANNING).split('id="meetings">')[1].split("</ul>")[0])
    assert listed.startswith("Meetings (2) Planning Commission Meeting February 11, 2020 February 11, 2020")
    assert "September 10, 2019" in listed
    assert "City Council" not in listed
    assert "· Planning Commission" not in listed


def test_a_committee_page_shows_the_open_actions_of_its_own_meetings_alone(site):
    planning = read(site / PLANNING).table("Open actions from the Planning Commission's meetings, newest first")
    assert [row[0].text for row in planning.rows] == ["Staff to report on sight lines at the Alder Lane junction."]
    council = text(main_of(site, COUNCIL))
    assert "Alder Lane" not in council


def test_a_committee_page_shows_its_recent_decisions(site):
    decisions = read(site / PLANNING).table("The Planning Commission's latest decisions, newest first")
    assert [row[0].text for row in decisions.rows] == ["Motion: To grant the variance for 14 Alder Lane."]


def test_a_committee_page_links_to_its_own_feed_and_calendar(site):
    main = main_of(site, PLANNING)
    assert '<a href="feed.xml">Atom feed of the Planning Commission\'s meetings</a>' in main.replace("&#39;", "'")
    assert '<a href="calendar.ics">Calendar of the Planning Commission\'s next meetings</a>' in main.replace(
        "&#39;", "'"
    )
    feeds = [link for link in outline(site / PLANNING).links if link.get("rel") == "alternate"]
    assert {"href": "feed.xml", "title": "Planning Commission: new meetings"}.items() <= feeds[-1].items()


def test_a_committee_whose_minutes_name_no_next_meeting_offers_no_calendar(tmp_path):
    content = shutil.copytree(COMMITTEES, tmp_path / "content")
    minutes = content / "meetings/2019-09-10-planning-commission.md"
    written = minutes.read_text(encoding="utf-8")
    cut = written[written.index("next_meeting:") : written.index("source:")]
    minutes.write_text(written.replace(cut, ""), encoding="utf-8")
    site = build(content, tmp_path / "site")
    assert "calendar.ics" not in main_of(site, PLANNING)
    assert not (site / "committees/planning-commission/calendar.ics").exists()
    assert (site / "committees/planning-commission/feed.xml").is_file()


def test_a_type_declared_before_any_meeting_of_it_gives_no_committee_pages(tmp_path):
    content = shutil.copytree(COMMITTEES, tmp_path / "content")
    for minutes in (content / "meetings").glob("*-planning-commission.md"):
        minutes.unlink()
    site = build(content, tmp_path / "site")
    assert not (site / "committees").exists()
    assert "Committees" not in nav_links(site, "index.html")


def test_a_committee_page_links_to_the_list_of_decisions_filtered_to_that_committee(site):
    assert (
        '<a href="../../decisions/index.html?committee=city-council">'
        "Every decision of the City Council, in the list of decisions</a>" in main_of(site, COUNCIL)
    )


def test_a_committee_with_one_meeting_gives_its_date_not_a_range(tmp_path):
    built = build(city_with_a_planning_commission(tmp_path / "content"), tmp_path / "site")
    page = main_of(built, "committees/planning-commission/index.html")
    assert '<p>1 meeting in the archive, on <time datetime="2019-07-09">July 9, 2019</time>.</p>' in page
    assert "from July 9, 2019 to July 9, 2019" not in text(page)
