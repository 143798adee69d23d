"""A person's page counts, per committee and year, the meetings held and how the minutes list them at those:
present, sending apologies (or the body's own word for it) or not listed. Counts, never a ranking."""

import re
import shutil

import pytest

from tests.bodies.sites import CITY, COMMITTEES, build, main_of, text
from tests.render.tables import read

SAMUEL = "people/samuel-price/index.html"


@pytest.fixture(scope="module")
def site(committees_site):
    return committees_site


def attendance(site, person: str, committee: str) -> list[list[str]]:
    (table,) = [t for t in read(site / person).tables if t.caption.endswith(f"at {committee} meetings, by year")]
    return [[cell.text for cell in row] for row in table.rows]


def test_a_person_has_a_table_of_attendance_for_each_committee_they_are_listed_at(site):
    captions = [t.caption for t in read(site / SAMUEL).tables if "by year" in t.caption]
    assert captions == [
        "Samuel Price at City Council meetings, by year",
        "Samuel Price at Planning Commission meetings, by year",
    ]


def test_each_year_counts_the_meetings_held_and_how_the_person_is_listed_at_them(site):
    assert attendance(site, SAMUEL, "Planning Commission") == [
        ["2019", "1", "0", "1", "0"],
        ["2020", "1", "1", "0", "0"],
    ]


def test_the_columns_use_the_bodys_word_for_those_not_present(site):
    (table,) = [t for t in read(site / SAMUEL).tables if t.caption.startswith("Samuel Price at City Council")]
    assert table.headers == ["Year", "Meetings held", "Present", "Absent", "Not listed"]


def test_each_year_heads_its_row(site):
    assert '<tr><th scope="row">2019</th><td data-label="Meetings held">1</td>' in main_of(site, SAMUEL)


def test_meetings_at_which_the_minutes_do_not_list_the_person_are_counted_as_not_listed(tmp_path):
    content = shutil.copytree(COMMITTEES, tmp_path / "content")
    minutes = content / "meetings/2019-06-18-city-council.md"
    written = minutes.read_text(encoding="utf-8")
    minutes.write_text(written.replace("  - person: samuel-price\n    role: Councilmember\n", ""), encoding="utf-8")
    site = build(content, tmp_path / "site")
    assert attendance(site, SAMUEL, "City Council")[0] == ["2019", "2", "1", "0", "1"]


def test_only_the_years_from_the_first_listing_to_the_last_are_counted(site):
    grace = attendance(site, "people/grace-kim/index.html", "Planning Commission")
    assert [row[0] for row in grace] == ["2019"]


def test_the_committee_is_named_with_a_link_to_its_page(site):
    assert (
        '<h3 id="attendance-planning-commission"><a href="../../committees/planning-commission/index.html">'
        "Planning Commission</a></h3>" in main_of(site, SAMUEL)
    )


def test_with_one_committee_attendance_is_by_year_alone_with_no_committee_to_link_to(tmp_path):
    site = build(CITY, tmp_path / "site")
    page = read(site / SAMUEL)
    assert '<h2 id="attendance">Attendance by year</h2>' in page.html
    assert "<h3" not in page.html.split('id="attendance"')[1].split("</table>")[0]
    assert [t.caption for t in page.tables][0] == "Meetings Samuel Price was listed at, by year"


def test_attendance_is_given_as_counts_not_as_a_rate(site):
    section = main_of(site, SAMUEL).split('id="attendance"')[1].split('id="attended"')[0]
    assert "%" not in text(section)


def test_meetings_before_a_person_is_first_listed_are_not_counted_against_them(tmp_path):
    content = shutil.copytree(COMMITTEES, tmp_path / "content")
    minutes = content / "meetings/2019-06-04-city-council.md"
    written = minutes.read_text(encoding="utf-8")
    minutes.write_text(written.replace("  - person: samuel-price\n    role: Councilmember\n", "", 1), encoding="utf-8")
    site = build(content, tmp_path / "site")
    assert attendance(site, SAMUEL, "City Council")[0] == ["2019", "1", "1", "0", "0"]


def test_meetings_after_a_person_is_last_listed_are_not_counted_against_them(tmp_path):
    content = shutil.copytree(COMMITTEES, tmp_path / "content")
    for name, entry in (
        ("2019-06-18-city-council.md", "apologies:\n  - person: martin-yoder\n    role: Councilmember\n"),
        ("2020-01-07-city-council.md", "  - person: martin-yoder\n    role: Councilmember\n"),
    ):
        minutes = content / "meetings" / name
        minutes.write_text(minutes.read_text(encoding="utf-8").replace(entry, "", 1), encoding="utf-8")
    site = build(content, tmp_path / "site")
    assert attendance(site, "people/martin-yoder/index.html", "City Council") == [["2019", "1", "1", "0", "0"]]


def test_the_page_says_only_the_meetings_from_a_persons_first_listing_to_their_last_are_counted(site):
    assert "Only the meetings from the first one they are listed at to the last are counted" in text(
        main_of(site, SAMUEL)
    )


def roles_held(site, person: str) -> list[str]:
    section = main_of(site, person).split('id="roles"')[1].split("</ul>")[0]
    return [" ".join(re.sub(r"<[^>]+>", "", item.split("</li>")[0]).split()) for item in section.split("<li>")[1:]]


def test_a_role_held_at_one_committee_runs_on_across_another_committees_meetings(site):
    assert roles_held(site, "people/grace-kim/index.html") == [
        "Councilmember, City Council: from June 4, 2019 to January 7, 2020",
        "Council Liaison, Planning Commission: September 10, 2019",
    ]


def test_with_one_committee_the_roles_held_name_no_committee(tmp_path):
    site = build(CITY, tmp_path / "site")
    assert all(":" in role and "City Council" not in role for role in roles_held(site, SAMUEL))


def test_each_committees_attendance_is_a_region_named_for_its_meetings(site):
    assert 'aria-label="Attendance at Planning Commission meetings, by year"' in main_of(site, SAMUEL)


def test_with_one_committee_the_attendance_region_is_named_by_year_alone(tmp_path):
    site = build(CITY, tmp_path / "site")
    assert 'aria-label="Attendance by year"' in main_of(site, SAMUEL)
