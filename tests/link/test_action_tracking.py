"""Which open actions have had no update for over a year, judged against the latest meeting and never the day
of the build."""

import pytest

from minutebook.content.load import load_content
from minutebook.link import link, whole_months_between
from tests.conftest import ASSURANCE

MAY = "meetings/2019-05-28-performance.md"
MAY_UPDATE = (
    "action_updates:\n  - action: 2019-04-30-1\n    status: completed\n    note: The success criteria were reviewed.\n"
)


def without_mays_update(content):
    """The small archive with action 2019-04-30-1 left open: May's meeting no longer reports on it."""
    path = content / MAY
    path.write_text(path.read_text().replace(MAY_UPDATE, ""))
    return content


def add_meeting(content, day: str):
    """A later meeting that says nothing about the action, held on `day` (YYYY-MM-DD)."""
    text = (
        (content / MAY).read_text().replace("2019-05-28", day).replace("May 2019", f"of {day}").replace(MAY_UPDATE, "")
    )
    (content / f"meetings/{day}-performance.md").write_text(text)


def quiet(content) -> list[str]:
    return [t.action.id for t in link(load_content(content)).without_update_for_a_year]


def test_in_the_real_archive_the_actions_raised_before_december_2020_have_had_no_update_for_over_a_year():
    archive = link(load_content(ASSURANCE))
    assert archive.latest_meeting.id == "2021-12-20-monthly-assurance"
    assert [t.action.id for t in archive.without_update_for_a_year] == [
        "2016-10-19-1",
        "2016-10-19-2",
        "2016-10-19-3",
        "2018-02-27-1",
        "2018-02-27-2",
        "2018-02-27-3",
        "2019-04-30-1",
    ]


def test_exactly_a_year_without_an_update_is_not_over_a_year(small_content):
    add_meeting(without_mays_update(small_content), "2020-04-30")
    assert quiet(small_content) == []


def test_a_year_and_a_day_without_an_update_is_over_a_year(small_content):
    add_meeting(without_mays_update(small_content), "2020-05-01")
    assert quiet(small_content) == ["2019-04-30-1"]


def test_a_completed_action_is_never_on_the_list_however_old(small_content):
    add_meeting(small_content, "2025-05-27")
    assert quiet(small_content) == []


def test_an_editors_update_within_the_year_takes_an_action_off_the_list(small_content):
    add_meeting(without_mays_update(small_content), "2021-01-12")
    (small_content / "action-updates.yml").write_text(
        "- action: 2019-04-30-1\n  date: 2020-03-02\n  status: in-progress\n"
    )
    assert quiet(small_content) == []


def test_an_update_that_leaves_an_action_open_restarts_the_count_from_its_meeting(small_content):
    add_meeting(without_mays_update(small_content), "2020-05-27")
    path = small_content / MAY
    path.write_text(
        path.read_text().replace(
            "source:", "action_updates:\n  - action: 2019-04-30-1\n    status: in-progress\nsource:"
        )
    )
    archive = link(load_content(small_content))
    tracked = archive.action("2019-04-30-1")
    assert tracked.last_heard_at == "2019-05-28-performance"
    assert [t.action.id for t in archive.without_update_for_a_year] == []  # 28 May 2019 to 27 May 2020: a day short


@pytest.mark.parametrize(
    "earlier, later, months",
    [
        ("2016-10-19", "2021-12-20", 62),
        ("2016-10-19", "2021-12-18", 61),
        ("2021-01-31", "2021-02-28", 0),
        ("2021-03-23", "2021-12-20", 8),
    ],
)
def test_whole_months_count_only_months_completed(earlier, later, months):
    import datetime as dt

    assert whole_months_between(dt.date.fromisoformat(earlier), dt.date.fromisoformat(later)) == months
