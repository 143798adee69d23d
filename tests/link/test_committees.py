"""Each meeting type is a committee in its own right: its meetings, who sat on it, its actions and decisions."""

import dataclasses

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.model import MeetingType
from tests.conftest import FIXTURES, copy_content


@pytest.fixture(scope="module")
def small():
    return link(load_content(FIXTURES / "small"))


@pytest.fixture(scope="module")
def council():
    return link(load_content(FIXTURES / "citycouncil"))


def test_each_meeting_type_is_a_committee_with_its_own_meetings(small):
    assert [(c.name, c.slug, [m.id for m in c.meetings]) for c in small.committees] == [
        ("Monthly Assurance Meeting", "monthly-assurance", ["2019-04-30-monthly-assurance"]),
        ("Performance", "performance", ["2019-05-28-performance"]),
    ]


def test_a_meeting_knows_its_committee(small):
    meeting = small.meeting("2019-05-28-performance")
    assert small.committee_of(meeting).slug == "performance"


def test_a_committee_is_addressed_as_its_meetings_files_are_named(council):
    (committee,) = council.committees
    assert committee.slug == "city-council"
    assert all(m.id.endswith("-" + committee.slug) for m in committee.meetings)


def test_types_written_two_ways_are_one_committee_named_as_declared(tmp_path):
    content = copy_content(FIXTURES / "small", tmp_path / "content")
    performance = content / "meetings" / "2019-05-28-performance.md"
    renamed = performance.with_name("2019-05-28-monthly-assurance.md")
    renamed.write_text(performance.read_text().replace("type: Performance", "type: monthly assurance meeting"))
    performance.unlink()
    (committee,) = link(load_content(content)).committees
    assert committee.name == "Monthly Assurance Meeting"
    assert len(committee.meetings) == 2


def test_members_run_from_the_first_to_the_last_meeting_they_are_listed_at_in_one_role(council):
    (committee,) = council.committees
    mayor = next(m for m in committee.members if m.person == "dana-whitcomb")
    assert (mayor.role, mayor.first.id, mayor.last.id) == (
        "Mayor",
        "2019-06-04-city-council",
        "2020-01-07-city-council",
    )


def test_a_change_of_role_starts_a_new_membership(tmp_path):
    content = copy_content(FIXTURES / "citycouncil", tmp_path / "content")
    last = content / "meetings" / "2020-01-07-city-council.md"
    text = last.read_text()
    assert "role: Mayor\n" in text
    last.write_text(text.replace("role: Mayor\n", "role: Mayor Pro Tem\n", 1))
    (committee,) = link(load_content(content)).committees
    roles = [(m.role, m.first.id, m.last.id) for m in committee.members if m.person == "dana-whitcomb"]
    assert roles == [
        ("Mayor", "2019-06-04-city-council", "2019-06-18-city-council"),
        ("Mayor Pro Tem", "2020-01-07-city-council", "2020-01-07-city-council"),
    ]


def test_a_committee_holds_the_decisions_and_actions_of_its_own_meetings(small, council):
    (committee,) = council.committees
    assert committee.decisions == council.decisions
    performance = small.committees[1]
    assert all(t.action.meeting_id == "2019-05-28-performance" for t in performance.actions)


def test_attendance_counts_each_year_a_person_is_listed(council):
    (committee,) = council.committees
    years = [(y.year, y.held, y.present, y.apologies, y.not_listed) for y in committee.attendance("dana-whitcomb")]
    assert years == [(2019, 2, 2, 0, 0), (2020, 1, 1, 0, 0)]


def test_declared_meeting_types_come_first_in_their_order_even_before_their_first_meeting(small):
    declared = (MeetingType("Scrutiny Panel", "", ""), MeetingType("Performance", "", ""))
    content = small.content
    site = dataclasses.replace(content.site, meeting_types=declared)
    archive = link(dataclasses.replace(content, site=site))
    assert [c.name for c in archive.committees] == ["Scrutiny Panel", "Performance", "Monthly Assurance Meeting"]
    assert archive.committees[0].meetings == ()


def _attendance_meeting_by_meeting(committee, slug):
    """CommitteeRecord.attendance as its docstring defines it, asking each meeting in turn."""
    held = [m for m in committee.meetings if m.status != "cancelled"]
    listed = [i for i, m in enumerate(held) if any(a.person == slug for a in m.attendees + m.apologies)]
    years: dict[int, list[int]] = {}
    for meeting in held[listed[0] : listed[-1] + 1] if listed else ():
        counts = years.setdefault(meeting.year, [0, 0, 0])
        counts[0] += 1
        counts[1] += any(a.person == slug for a in meeting.attendees)
        counts[2] += any(a.person == slug for a in meeting.apologies)
    return [(year, *counts) for year, counts in years.items()]


@pytest.mark.parametrize("fixture", ["small", "citycouncil", "committees", "status", "assurance"])
def test_attendance_read_from_each_committees_listings_is_as_counted_meeting_by_meeting(fixture):
    archive = link(load_content(FIXTURES / fixture))
    for committee in archive.committees:
        for person in archive.content.people:
            counted = [(y.year, y.held, y.present, y.apologies) for y in committee.attendance(person.slug)]
            assert counted == _attendance_meeting_by_meeting(committee, person.slug)
